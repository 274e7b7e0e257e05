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


# ------------------------------------------------- realis and participants

@pytest.fixture
def attacks(tmp_path):
    from tests.store.events_build import ATTACK, attack

    with Store(tmp_path / "r.db") as s:
        s.add(attack())
        s.add(attack(ATTACK + " وتابع.", realis="future", published="2024-03-10"))
        s.add(attack(ATTACK + " وختم.", realis="background", published="2024-03-20"))
        yield s


def test_events_export_carries_parties_realis_and_casualties(attacks, tmp_path):
    from tests.store.events_build import ARMY, INTERIOR

    n = export(attacks, "events", "jsonl", tmp_path / "ev.jsonl")
    (row,) = [json.loads(x) for x in (tmp_path / "ev.jsonl").read_text("utf-8").splitlines()]
    assert n == 1 and row["realis"] == "actual" and (row["killed"], row["injured"], row["mode"]) == (3, 5, "ambush")
    assert row["source_ids"] == [None] and row["source_names"] == row["source_texts"] == ["مسلحون مجهولون"]
    assert row["source_kinds"] == ["descriptive"] and row["source_sectors"] == ["UAF"]
    assert row["source_countries"] == [None]
    assert row["target_names"] == [ARMY] and row["target_kinds"] == ["named"] and row["target_ids"][0].startswith("A")
    assert (row["target_sectors"], row["target_countries"], row["reported_by"]) == (["MIL"], ["JOR"], [INTERIOR])
    export(attacks, "events", "csv", tmp_path / "ev.csv")
    with open(tmp_path / "ev.csv", encoding="utf-8-sig", newline="") as fh:
        (c,) = list(csv.DictReader(fh))
    assert json.loads(c["source_texts"]) == ["مسلحون مجهولون"] and c["realis"] == "actual" and c["killed"] == "3"


@pytest.mark.parametrize("realis, expected", [(None, {"actual"}), ("all", {"actual", "future", "background"}),
                                              ("future,background", {"future", "background"}),
                                              (["future"], {"future"})])
def test_event_exports_keep_actual_events_unless_asked(attacks, tmp_path, realis, expected):
    for kind in ("events", "event_sources", "event_participants", "plover"):
        rows = list(export_rows(attacks, kind, realis=realis))
        assert {r["realis"] for r in rows} == expected, kind
    n = export(attacks, "plover", "jsonl", tmp_path / "p.jsonl", realis=realis)
    recs = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text("utf-8").splitlines()]
    assert n == len(recs) == len(expected) and {r["realis"] for r in recs} == expected


def test_participants_and_plover_exports(attacks, tmp_path):
    parts = list(export_rows(attacks, "event_participants"))
    assert [(p["role"], p["kind"], p["text"], p["sector"]) for p in parts] == [
        ("source", "descriptive", "مسلحون مجهولون", "UAF"), ("target", "named", "الجيش الأردني", "MIL")]
    assert all(p["event_type"] == "ASSAULT" for p in parts)
    (rec,) = export_rows(attacks, "plover")
    (src,), (tgt,) = rec["actor"], rec["recipient"]
    assert src["actor_text"] == "مسلحون مجهولون" and (src["code"], src["sector"], src["kind"]) == (None, "UAF", "descriptive")
    assert tgt["code"] == "JOR" and tgt["sector"] == "MIL" and tgt["identifier_id"].startswith("A")
    assert rec["mode"] == ["ambush"] and rec["casualties"] == {"dead": 3, "injured": 5}


def test_parquet_with_parties(attacks, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    assert export(attacks, "events", "parquet", tmp_path / "ev.parquet", realis="all") == 3
    t = pq.read_table(tmp_path / "ev.parquet").to_pylist()
    assert sorted(r["realis"] for r in t) == ["actual", "background", "future"]
    assert all(json.loads(r["source_texts"]) == ["مسلحون مجهولون"] for r in t)


def test_a_bad_realis_fails_before_writing(attacks, tmp_path):
    with pytest.raises(ValueError, match="realis"):
        export(attacks, "events", "csv", tmp_path / "x.csv", realis="maybe")
    assert not (tmp_path / "x.csv").exists()
