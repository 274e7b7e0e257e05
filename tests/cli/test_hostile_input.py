"""Inputs that used to stop `extract` or `ingest` (issue 12): each test reproduces one defect."""
import json
import sqlite3

from click.testing import CliRunner

from rasid.cli.main import cli

TEXT = "قال وزير الخارجية السعودي عادل الجبير في الرياض إن الاجتماع انتهى"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_a_lone_surrogate_is_replaced_and_the_next_record_still_read(tmp_path):
    # valid JSON: half of a surrogate pair, as a truncated tweet leaves it
    src = tmp_path / "s.jsonl"
    src.write_text('{"content": "\\ud83d ' + TEXT + '", "title": "\\udc00"}\n'
                   + json.dumps({"content": TEXT + " أمس"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run("extract", str(src), "--format", "jsonl", "-o", str(out))
    assert r.exit_code == 0, r.output
    docs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(docs) == 2
    assert docs[0]["text"].startswith("\ufffd ") and docs[0]["title"] == "\ufffd"
    assert "surrogate" in docs[0]["meta"]["repaired"]
    db = tmp_path / "s.db"
    r = run("ingest", str(src), "--db", str(db), "-q")
    assert r.exit_code == 0, r.output
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_a_format_character_inside_a_name_does_not_hide_the_article(tmp_path):
    src = tmp_path / "rlm.jsonl"
    src.write_text("\n".join(json.dumps({"id": str(i), "content": TEXT.replace("الجبير", name) + f" رقم {i}"})
                             for i, name in enumerate(["الجبير", "الجب\u200fير", "الجب\u200cير"])) + "\n",
                   encoding="utf-8")
    db = tmp_path / "rlm.db"
    assert run("ingest", str(src), "--db", str(db), "-q").exit_code == 0
    found = json.loads(run("search", "الجبير", "--db", str(db), "--json").stdout)
    assert sorted(a["id"] for a in found["items"]) == ["0", "1", "2"]


def test_a_bad_store_path_is_a_message_with_exit_2(tmp_path):
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("not a database\n" * 200, encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    for args in (["events", "--db", str(not_a_db)], ["actors", "--db", str(not_a_db)],
                 ["ingest", str(src), "--db", str(not_a_db), "-q"],
                 ["ingest", str(src), "--db", str(tmp_path / "file.txt" / "x.db"), "-q"]):
        if "file.txt" in args[-2]:
            (tmp_path / "file.txt").write_text("x", encoding="utf-8")   # a file where a folder should be
        r = CliRunner().invoke(cli, args)
        assert r.exit_code == 2, (args, r.output, r.exception)
        assert "cannot open as a rasid store" in r.output and "Traceback" not in r.output
    assert not_a_db.read_text(encoding="utf-8").startswith("not a database")   # left as it was
