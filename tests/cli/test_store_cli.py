"""The store commands end to end over a real SQLite file, on the project's example articles."""
import csv
import json

import pytest
from click.testing import CliRunner

from rasid.cli.main import cli
from tests.util import ROOT


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "news.db"
    r = run("ingest", str(ROOT / "examples"), "--db", str(path), "-q")
    assert r.exit_code == 0, r.output
    assert "4 stored" in r.stderr
    return path


def test_ingest_twice_adds_nothing(db):
    r = run("ingest", str(ROOT / "examples"), "--db", str(db), "-q")
    assert r.exit_code == 0 and "0 stored" in r.stderr and "4 already stored" in r.stderr


def test_listing_commands_as_json(db):
    actors = json.loads(run("actors", "--db", str(db), "--json").stdout)
    assert actors["total"] >= 5
    names = {a["name_ar"] for a in actors["items"]}
    assert "رائد أبو السعود" in names
    events = json.loads(run("events", "--db", str(db), "--json", "--type", "consult").stdout)
    assert all(e["type"] == "CONSULT" for e in events["items"])
    quotes = json.loads(run("quotes", "--db", str(db), "--json").stdout)
    assert quotes["total"] >= 2 and all(q["speaker_name"] for q in quotes["items"])
    found = json.loads(run("search", "اليرموك", "--db", str(db), "--json").stdout)
    assert [a["id"] for a in found["items"]] == ["cc923ac2393bbb4c"]


def test_tables_by_default_and_clear_errors(db, tmp_path):
    r = run("actors", "--db", str(db), "--limit", "3")
    assert r.exit_code == 0 and "actors (1-3 of" in r.stdout
    r = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2 and "rasid ingest" in r.output
    assert CliRunner().invoke(cli, ["events", "--db", str(db), "--limit", "100000"]).exit_code == 2


def test_exports(db, tmp_path):
    out = tmp_path / "actors.csv"
    assert run("export", "--db", str(db), "--format", "csv", "--kind", "actors", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows and "name_ar" in rows[0]
    out = tmp_path / "events.plover.jsonl"
    assert run("export", "--db", str(db), "--format", "plover", "-o", str(out)).exit_code == 0
    for line in out.read_text("utf-8").splitlines():
        assert {"id", "date", "event", "actor", "recipient", "event_loc", "cite_info"} <= set(json.loads(line))
