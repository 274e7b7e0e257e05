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


STORY = ("أعلنت وزارة الداخلية العراقية أن مسلحين هاجموا نقطة تفتيش في بعقوبة أمس. "
         "وقال المتحدث باسم الوزارة سعد معن إن الهجوم أسفر عن مقتل ثلاثة جنود. "
         "واعتقلت قوات الأمن العراقية خمسة مشتبه بهم في المدينة.")


def _counts(db):
    conn = sqlite3.connect(db)
    tables = ("articles", "article_versions", "events", "event_sources", "quotes", "mentions")
    out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    out["max_sources"] = conn.execute("SELECT max(n_sources) FROM events").fetchone()[0]
    return out


def _ingest(tmp_path, name, records, db):
    src = tmp_path / name
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    r = run("ingest", str(src), "--db", str(db), "-q")
    assert r.exit_code == 0, r.output
    return r


def test_an_edited_article_with_the_same_id_replaces_the_stored_one(tmp_path):
    db = tmp_path / "ids.db"
    first = {"id": "a1", "url": "https://example.com/1", "title": "هجوم في بعقوبة", "content": STORY}
    later = {"id": "b2", "content": "خبر آخر عن افتتاح معرض للكتاب في الرياض اليوم بحضور وزير الثقافة."}
    _ingest(tmp_path, "v1.jsonl", [first], db)
    before = _counts(db)
    edited = dict(first, content=STORY + " وأضاف معن أن التحقيق جار.")
    r = _ingest(tmp_path, "v2.jsonl", [edited, later], db)     # used to abort here, `later` never stored
    assert "1 updated" in r.stderr
    after = _counts(db)
    assert after["articles"] == before["articles"] + 1 and after["article_versions"] == 1
    assert after["max_sources"] == 1                          # the edit is no second source of its events
    assert after["events"] >= before["events"]
    conn = sqlite3.connect(db)
    from rasid.store.documents import text_of

    assert "التحقيق جار" in text_of(conn.execute("SELECT raw_json FROM articles WHERE id = 'a1'").fetchone()[0])
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # a title-only edit is an edit too
    _ingest(tmp_path, "v3.jsonl", [dict(edited, title="هجوم على نقطة تفتيش في بعقوبة")], db)
    assert conn.execute("SELECT title FROM articles WHERE id = 'a1'").fetchone()[0] == "هجوم على نقطة تفتيش في بعقوبة"
    assert _counts(db)["article_versions"] == 2


def test_an_edited_article_without_an_id_is_found_by_its_url(tmp_path):
    db = tmp_path / "urls.db"
    recs = [{"url": f"https://example.com/{i}", "content": STORY.replace("خمسة", w)}
            for i, w in enumerate(["خمسة", "ستة", "سبعة"])]
    _ingest(tmp_path, "v1.jsonl", recs, db)
    before = _counts(db)
    edited = [dict(r, content=r["content"] + " وأضاف معن أن التحقيق جار.") for r in recs]
    _ingest(tmp_path, "v2.jsonl", edited, db)
    after = _counts(db)
    assert after["articles"] == before["articles"] == 3
    assert after["max_sources"] == before["max_sources"]      # was 2: the copy counted as a second source
    assert after["quotes"] <= before["quotes"] + 3            # was doubled
    # another story at the same url is not an edit: both are kept
    _ingest(tmp_path, "v3.jsonl", [{"url": "https://example.com/0", "content": "افتتح وزير الثقافة معرض الكتاب في الرياض اليوم وسط حضور كبير."}], db)
    assert _counts(db)["articles"] == 4


def test_a_record_over_the_size_limit_is_named_and_the_rest_processed(tmp_path):
    src = tmp_path / "big.jsonl"
    src.write_text(json.dumps({"id": "huge", "content": (TEXT + ". ") * 20_000}, ensure_ascii=False) + "\n"
                   + json.dumps({"id": "small", "content": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run("extract", str(src), "--format", "jsonl", "-o", str(out))
    assert r.exit_code == 1
    assert f"{src}:1" in r.stderr and "too_large" in r.stderr and "max_chars" in r.stderr
    assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == ["small"]


def _children(pid: int) -> list[int]:
    import os
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", encoding="latin-1") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return out


def test_workers_die_with_their_parent(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    import pytest

    if not os.path.isdir("/proc/self"):
        pytest.skip("needs /proc")
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "content": (TEXT + f" رقم {i}. ") * 40}, ensure_ascii=False)
                           + "\n" for i in range(3000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "rasid", "ingest", str(src), "--db", str(tmp_path / "k.db"),
                             "-q", "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _children(proc.pid)
        assert len(workers) >= 2, "the workers never started"
        time.sleep(1.0)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        alive = workers
        while alive and time.monotonic() < deadline:
            time.sleep(0.2)
            alive = [w for w in workers if os.path.exists(f"/proc/{w}") and
                     open(f"/proc/{w}/stat", encoding="latin-1").read().rsplit(")", 1)[1].split()[0] != "Z"]
        assert not alive, f"workers still running after their parent was killed: {alive}"
    finally:
        if proc.poll() is None:
            proc.kill()


def test_the_same_text_under_another_papers_headline_is_no_edit(tmp_path):
    db = tmp_path / "wire.db"
    a = {"url": "https://a.example/1", "title": "هجوم في بعقوبة", "content": STORY, "source": "a"}
    b = {"url": "https://b.example/9", "title": "مقتل ثلاثة جنود في ديالى", "content": STORY, "source": "b"}
    _ingest(tmp_path, "a.jsonl", [a], db)
    r = _ingest(tmp_path, "b.jsonl", [b], db)
    assert "1 already stored" in r.stderr and "0 updated" in r.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT title, url FROM articles").fetchall() == [("هجوم في بعقوبة", "https://a.example/1")]
    # the first paper retitling its own story (same url) is an edit
    r = _ingest(tmp_path, "a2.jsonl", [dict(a, title="هجوم على نقطة تفتيش")], db)
    assert "1 updated" in r.stderr
    assert conn.execute("SELECT title FROM articles").fetchall() == [("هجوم على نقطة تفتيش",)]


def _hold_write_lock(db, seconds):
    """Another process's long write transaction (a thread with its own connection here)."""
    import threading

    ready = threading.Event()

    def hold():
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        ready.set()
        import time
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    t = threading.Thread(target=hold)
    t.start()
    ready.wait(10)
    return t


def test_a_second_writer_waits_for_the_first_then_stores(tmp_path, monkeypatch):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"content": TEXT}) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    run("ingest", str(src), "--db", str(db), "-q")               # the schema in place
    src.write_text(json.dumps({"content": TEXT + " أمس"}) + "\n", encoding="utf-8")
    holder = _hold_write_lock(db, 12)                           # longer than the old 10 s busy timeout
    monkeypatch.setenv("RASID_BUSY_TIMEOUT", "40")
    r = run("ingest", str(src), "--db", str(db), "-q")
    holder.join()
    assert r.exit_code == 0, r.output
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_a_writer_that_waited_too_long_says_so_with_exit_2(tmp_path, monkeypatch):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"content": TEXT}) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    run("ingest", str(src), "--db", str(db), "-q")
    src.write_text(json.dumps({"content": TEXT + " أمس"}) + "\n", encoding="utf-8")
    holder = _hold_write_lock(db, 4)
    monkeypatch.setenv("RASID_BUSY_TIMEOUT", "1")
    r = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db), "-q"])
    holder.join()
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)     # no traceback
    assert "write lock for more than 1 s" in r.output and "run again later" in r.output
    r = run("ingest", str(src), "--db", str(db), "-q")              # the rerun completes it
    assert r.exit_code == 0 and sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_a_rerun_over_a_complete_store_skips_before_the_pipeline(tmp_path, monkeypatch):
    import rasid.extract

    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps({"content": TEXT + f" رقم {i}", "title": f"عنوان {i}"}) + "\n"
                           for i in range(5)), encoding="utf-8")
    db = tmp_path / "s.db"
    assert run("ingest", str(src), "--db", str(db), "-q").exit_code == 0

    def never(*a, **k):
        raise AssertionError("the pipeline ran on a stored article")
    monkeypatch.setattr(rasid.extract, "process", never)
    for workers in ("1", "2"):
        r = run("ingest", str(src), "--db", str(db), "-q", "-j", workers)
        assert r.exit_code == 0, r.output
        assert "0 stored" in r.output and "5 already stored" in r.output


def test_output_file_has_the_usual_mode(tmp_path):
    import os
    import stat

    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        assert run("extract", str(src), "-o", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_an_empty_jsonl_or_json_file_is_an_error_like_an_empty_txt(tmp_path):
    for name in ("e.jsonl", "e.json", "e.txt"):
        (tmp_path / name).write_bytes(b"")
        r = CliRunner().invoke(cli, ["extract", str(tmp_path / name)])
        assert r.exit_code == 1, (name, r.output)
        assert "empty" in r.output, (name, r.output)


def test_a_record_broken_over_two_lines_is_named_as_such(tmp_path):
    src = tmp_path / "b.jsonl"
    src.write_text('{"content": "' + TEXT + '\n' + 'بقية النص"}\n' + json.dumps({"content": TEXT}) + "\n",
                   encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(src), "--format", "jsonl"])
    assert r.exit_code == 1
    assert "b.jsonl:1" in r.output and "a string is not closed on this line" in r.output
    assert "Invalid control character" not in r.output


def test_a_zip_inside_a_zip_is_reported_not_skipped(tmp_path):
    import io
    import zipfile

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("a.txt", TEXT)
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("inner.zip", inner.getvalue())
        z.writestr("b.txt", TEXT + " أمس")
    r = CliRunner().invoke(cli, ["extract", str(outer), "--format", "jsonl"])
    assert r.exit_code == 1
    assert "outer.zip!inner.zip" in r.output and "zip inside a zip" in r.output
    assert "أمس" in r.output                                        # the other member is read
