"""`rasid events` and `rasid export` leave out events that did not happen unless --realis asks."""
import json

import pytest
from click.testing import CliRunner

from rasid.cli.main import cli
from tests.store.events_build import realis_store


def run(*args):
    return CliRunner(env={"COLUMNS": "400"}).invoke(cli, list(args), catch_exceptions=False)   # no folded cells


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return realis_store(tmp_path_factory.mktemp("realis") / "r.db")


@pytest.mark.parametrize("args, expected", [([], ["actual"]), (["--realis", "all"], ["background", "future", "actual"]),
                                            (["--realis", "future,background"], ["background", "future"]),
                                            (["--realis", "FUTURE"], ["future"])])
def test_events_realis(db, args, expected):
    r = run("events", "--db", str(db), "--json", *args)
    assert r.exit_code == 0, r.output
    assert [e["realis"] for e in json.loads(r.stdout)["items"]] == expected


def test_events_table_shows_descriptive_parties_realis_mode_and_casualties(db):
    out = run("events", "--db", str(db), "--realis", "all").stdout
    assert "مسلحون مجهولون [UAF]" in out and "الجيش الأردني" in out
    assert "ASSAULT (ambush)" in out and "3 killed, 5 injured" in out
    assert "FUTURE" in out and "BACKGROUND" in out
    assert "FUTURE" not in run("events", "--db", str(db)).stdout


@pytest.mark.parametrize("cmd", [["events"], ["export", "--format", "csv", "-o", "never.csv"]])
def test_a_bad_realis_is_a_usage_error(db, tmp_path, cmd):
    r = CliRunner().invoke(cli, [*cmd, "--db", str(db), "--realis", "maybe"])
    assert r.exit_code == 2 and "--realis" in r.output and "background" in r.output
    assert not (tmp_path / "never.csv").exists()


@pytest.mark.parametrize("fmt, kind", [("jsonl", "events"), ("plover", "events"), ("jsonl", "event_participants")])
def test_export_realis(db, tmp_path, fmt, kind):
    out = tmp_path / "out.jsonl"
    for args, expected in (([], {"actual"}), (["--realis", "all"], {"actual", "future", "background"})):
        r = run("export", "--db", str(db), "--format", fmt, "--kind", kind, "-o", str(out), *args)
        assert r.exit_code == 0, r.output
        rows = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
        assert {x["realis"] for x in rows} == expected
    if kind == "event_participants":
        assert {(x["kind"], x["text"]) for x in rows} == {("descriptive", "مسلحون مجهولون"), ("named", "الجيش الأردني")}
