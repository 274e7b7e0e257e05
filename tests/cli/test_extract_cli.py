"""`rasid extract` end to end, through click's runner and as a real process."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from rasid.cli.main import cli
from tests.util import ROOT

ARTICLE = "عنوان تجريبي للخبر\n\nعنوان تجريبي للخبر\n\nقال المتحدث إن الاجتماع انتهى. وأضاف أن الوفد غادر.\n\nترك الرد\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_json_for_one_article(article):
    r = run("extract", "--format", "json", str(article))
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["title"] == "عنوان تجريبي للخبر"
    assert doc["text"].startswith("قال المتحدث") and "ترك الرد" not in doc["text"]
    assert len(doc["sentences"]) == 2
    for s in doc["sentences"] + doc["tokens"]:
        assert doc["text"][s["start"]:s["end"]].strip()
    from rasid.pipeline import DEFAULT_STAGES
    assert list(doc["provenance"]) == list(DEFAULT_STAGES)


def test_jsonl_and_array_for_several(article, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("خبر آخر\n\nنص الخبر الآخر.", encoding="utf-8")
    r = run("extract", "--format", "jsonl", str(article), str(other))
    assert r.exit_code == 0
    assert len(r.stdout.splitlines()) == 2
    r = run("extract", "--format", "json", str(tmp_path))
    assert [d["title"] for d in json.loads(r.stdout)] == ["عنوان تجريبي للخبر", "خبر آخر"]


def test_failures_are_named_and_the_rest_is_written(article, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = run("extract", "--format", "jsonl", str(tmp_path), str(tmp_path / "missing.txt"))
    assert r.exit_code == 1
    assert len(r.stdout.splitlines()) == 1
    assert "empty.txt" in r.stderr and "[empty]" in r.stderr
    assert "missing.txt" in r.stderr and "[not_found]" in r.stderr


def test_usage_errors_exit_2(article):
    assert run("extract", "--published", "12/3/2025", str(article)).exit_code == 2
    assert run("extract", "--stages", "sentences", str(article)).exit_code == 2
    assert run("extract").exit_code == 2
    assert run("extract", "--format", "xml", str(article)).exit_code == 2


def test_published_and_stdin():
    r = run("extract", "--format", "json", "--published", "2025-03-12", "-", input=ARTICLE.encode())
    doc = json.loads(r.stdout)
    assert doc["published"] == "2025-03-12" and doc["published_source"] == "cli"
    assert doc["title"] == "عنوان تجريبي للخبر"


def test_output_file_is_written_whole(article, tmp_path):
    out = tmp_path / "out.jsonl"
    r = run("extract", "--format", "jsonl", "-o", str(out), str(article))
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(out.read_text("utf-8"))["title"] == "عنوان تجريبي للخبر"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".rasid-")] == []


def test_pretty_view(article):
    r = run("extract", str(article))
    assert r.exit_code == 0
    assert "عنوان تجريبي للخبر" in r.stdout and "[1]" in r.stdout and "comment_form" in r.stdout


def test_strict_mode_stops_on_a_bad_input(tmp_path, article):
    (tmp_path / "z.txt").write_bytes(b"")
    r = CliRunner().invoke(cli, ["extract", "--strict", "--format", "jsonl", str(tmp_path)])
    assert r.exit_code == 1


def test_stages_schema_settings_commands():
    assert "clean" in run("stages").stdout
    assert json.loads(run("schema").stdout)["title"] == "rasid article document"
    assert "max_bytes" in run("settings").stdout


@pytest.mark.shared
def test_score_py_cleaning_on_seed_is_8_of_8(scorer):
    report = scorer.report("seed")
    assert report["cleaning"] == {"passed": 8, "total": 8, "failed": []}


def test_rasid_module_runs_as_a_process(article):
    proc = subprocess.run([sys.executable, "-m", "rasid.cli.main", "extract", "--format", "json", str(article)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and json.loads(proc.stdout)["title"]


def test_several_workers_give_the_same_output_in_order(tmp_path):
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text(f"عنوان {n}\n\nقال الوزير سامي الحداد إن الاجتماع رقم {n} انتهى.", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    one = run("extract", "--format", "jsonl", "--no-tokens", str(tmp_path))
    two = run("extract", "--format", "jsonl", "--no-tokens", "--workers", "2", str(tmp_path))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and len(two.stdout.splitlines()) == 4
