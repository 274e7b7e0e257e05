import csv
import json

import pytest

from rasid.store import Store
from rasid.store.export import export, export_rows
from tests.store.build import WATER_EDITED, filler, tunis, water


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "e.db") as s:
        for a in (water(), tunis(), filler(0)):
            s.add(a)
        yield s


def test_csv_and_jsonl(store, tmp_path):
    n = export(store, "events", "csv", tmp_path / "ev.csv")
    with open(tmp_path / "ev.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert n == len(rows) == 2
    assert "هشام الطرابلسي" in json.loads(next(r for r in rows if "TUN" in r["source_countries"])["source_names"])
    n = export(store, "actors", "jsonl", tmp_path / "actors.jsonl")
    lines = (tmp_path / "actors.jsonl").read_text("utf-8").splitlines()
    assert n == len(lines) == store.count("actors") and isinstance(json.loads(lines[0])["names"], list)


def test_plover_jsonl(store, tmp_path):
    n = export(store, "plover", "jsonl", tmp_path / "p.jsonl")
    recs = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text("utf-8").splitlines()]
    assert n == len(recs) == 2 and all(r["event"] == ["CONSULT"] and r["rasid"]["store_event_id"] for r in recs)
    with pytest.raises(ValueError):
        export(store, "plover", "csv", tmp_path / "p.csv")


def test_parquet(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    n = export(store, "events", "parquet", tmp_path / "ev.parquet")
    table = pq.read_table(tmp_path / "ev.parquet")
    assert n == table.num_rows == 2 and "type" in table.column_names
    assert export(store, "quotes", "parquet", tmp_path / "q.parquet") == 1


def test_unknown_kind_or_format(store, tmp_path):
    with pytest.raises(ValueError):
        export(store, "events", "xlsx", tmp_path / "x")
    with pytest.raises(ValueError):
        export(store, "nope", "csv", tmp_path / "x")


def test_export_rows(store):
    store.add(water(text=WATER_EDITED, published="2024-03-04", publisher="أخرى"))   # the same event, 2nd source
    rows = list(export_rows(store, "events"))
    assert len(rows) == 2 and sorted(r["n_sources"] for r in rows) == [1, 2]
    plover = list(export_rows(store, "plover"))
    assert len(plover) == 3      # one record per article event; two share a store event
    assert len({p["rasid"]["store_event_id"] for p in plover}) == 2
    actor_ids = {r[0] for r in store.conn.execute("SELECT id FROM actors")}
    assert all(p["actor"][0]["identifier_id"] in actor_ids for p in plover)   # the store's actor ids
    assert len(list(export_rows(store, "actors"))) == store.count("actors")
    json.dumps(list(export_rows(store, "quotes")), ensure_ascii=False)
    with pytest.raises(ValueError):
        list(export_rows(store, "secrets"))
