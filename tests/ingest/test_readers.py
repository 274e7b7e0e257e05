"""Readers and discovery: txt, html, json, jsonl, zip, stdin, folders, globs, errors."""
from __future__ import annotations

import io
import json
import os
import random
import re
import zipfile

import pytest

from rasid.doc import Article
from rasid.doc.article import content_id
from rasid.errors import InputError
from rasid.ingest import SUPPORTED_EXTENSIONS, iter_articles, read_path, read_stdin
from rasid.ingest import discover
from tests.util import shared_path

AR_TITLE = "الحكومة تعلن خطة جديدة لتأمين الحدود"
AR_BODY = "أعلنت وزارة الداخلية اليوم عن إجراءات جديدة لتأمين الحدود مع الدول المجاورة.\nوقال المتحدث إن الخطة تبدأ الأسبوع المقبل."


def items(*paths, **kw):
    return list(iter_articles([str(p) for p in paths], **kw))


def arts(xs):
    return [x for x in xs if isinstance(x, Article)]


def errs(xs):
    return [x for x in xs if isinstance(x, InputError)]


# --- txt ---------------------------------------------------------------------------------

def test_txt_title_and_raw(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(f"{AR_TITLE}\r\n\r\n{AR_BODY}\r\n".encode())
    [a] = items(p)
    assert a.title == AR_TITLE
    assert a.raw == f"{AR_TITLE}\n\n{AR_BODY}\n"       # newlines normalised, title kept in raw
    assert a.source == str(p)
    assert a.meta["format"] == "txt"
    assert a.id == content_id(a.raw)


def test_txt_without_headline_has_no_title(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(AR_BODY, encoding="utf-8")
    [a] = items(p)
    assert a.title is None


def test_content_hash_id_stable(tmp_path):
    (tmp_path / "a.txt").write_text(AR_BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(AR_BODY.replace("\n", "\r\n").encode("cp1256"))
    a, b = items(tmp_path)
    assert a.id == b.id == content_id(AR_BODY)
    assert a.source != b.source
    [again] = items(tmp_path / "a.txt")
    assert again.id == a.id


def test_txt_windows_1256_file(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes(f"{AR_TITLE}\r\n\r\n{AR_BODY}".encode("cp1256"))
    [a] = items(p)
    assert a.raw == f"{AR_TITLE}\n\n{AR_BODY}"
    assert a.meta["encoding"] == "cp1256"


@pytest.mark.parametrize("enc,bom", [("utf-16-le", True), ("utf-16-le", False), ("utf-16-be", True),
                                     ("utf-16-be", False), ("utf-8", True)])
def test_txt_unicode_variants(tmp_path, enc, bom):
    text = f"{AR_TITLE}\n\n{AR_BODY}"
    data = (("\ufeff" if bom else "") + text).encode(enc)
    p = tmp_path / "u.txt"
    p.write_bytes(data)
    [a] = items(p)
    assert a.raw == text and a.title == AR_TITLE


def test_empty_and_binary_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    rnd = random.Random(3)
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(2000)))
    (tmp_path / "ok.txt").write_text(AR_BODY, encoding="utf-8")
    xs = items(tmp_path)
    assert [(type(x).__name__, getattr(x, "code", None)) for x in xs] == [
        ("InputError", "empty"), ("InputError", "binary"), ("Article", None)]
    assert errs(xs)[0].source == str(tmp_path / "empty.txt")


def test_invalid_utf8_names_input_and_offset(tmp_path):
    data = (AR_BODY * 3).encode()
    at = len(AR_BODY[:20].encode())              # a character boundary
    data = data[:at] + b"\xff\xfe\xfd" + data[at:]
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    [e] = items(p)
    assert isinstance(e, InputError) and e.code == "encoding"
    assert e.source == str(p)
    assert f"byte {at}" in e.message and str(p) in str(e)


def test_too_large_file_skipped_others_processed(tmp_path):
    big = tmp_path / "a_big.txt"
    with open(big, "wb") as f:          # sparse: 50 MB on paper, nothing written
        f.truncate(50 * 1024 * 1024)
    (tmp_path / "b_ok.txt").write_text(AR_BODY, encoding="utf-8")
    opened = []
    real_open = discover._open_file

    def spy(path):
        opened.append(path)
        return real_open(path)

    orig = discover._open_file
    discover._open_file = spy
    try:
        xs = items(tmp_path)
    finally:
        discover._open_file = orig
    e, a = xs
    assert isinstance(e, InputError) and e.code == "too_large"
    assert "52428800 bytes" in e.message and str(20 * 1024 * 1024) in e.message
    assert str(big) not in opened              # judged by stat, never read
    assert isinstance(a, Article)


def test_max_bytes_parameter(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(AR_BODY, encoding="utf-8")
    [e] = items(p, max_bytes=10)
    assert e.code == "too_large"


def test_unknown_extension_explicit_read_as_text_but_skipped_in_folders(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text(AR_BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(AR_BODY, encoding="utf-8")
    assert items(tmp_path) == []
    [a] = items(p)
    assert a.raw == AR_BODY


def test_folder_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("ثاني", encoding="utf-8")
    (tmp_path / "a.txt").write_text("أول", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("مخفي", encoding="utf-8")
    assert [a.raw for a in items(tmp_path)] == ["أول", "ثاني"]


def test_not_found_and_globs(tmp_path):
    (tmp_path / "x1.txt").write_text("واحد", encoding="utf-8")
    (tmp_path / "x2.txt").write_text("اثنان", encoding="utf-8")
    xs = items(tmp_path / "missing.txt", tmp_path / "x*.txt", tmp_path / "nothing*.txt")
    assert xs[0].code == "not_found" and xs[0].source == str(tmp_path / "missing.txt")
    assert [a.raw for a in xs[1:3]] == ["واحد", "اثنان"]
    assert xs[3].code == "not_found" and "pattern" in xs[3].message


def test_permission_denied_simulated(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("أ", encoding="utf-8")
    (tmp_path / "b.txt").write_text("ب", encoding="utf-8")
    (tmp_path / "c.txt").write_text("ج", encoding="utf-8")
    real = discover._open_file

    def fake(path):
        if path.endswith("b.txt"):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(discover, "_open_file", fake)
    xs = items(tmp_path)
    assert [getattr(x, "raw", None) for x in xs] == ["أ", None, "ج"]
    assert xs[1].code == "permission" and xs[1].source == str(tmp_path / "b.txt")
    assert xs[1].message == "permission denied"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_permission_denied_chmod(tmp_path):
    (tmp_path / "a.txt").write_text("أ", encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text("ب", encoding="utf-8")
    locked.chmod(0)
    try:
        xs = items(tmp_path)
    finally:
        locked.chmod(0o644)
    assert xs[0].raw == "أ" and xs[1].code == "permission"


# --- html --------------------------------------------------------------------------------

def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.mark.shared
def test_assabah_html():
    folder = shared_path("data", "html", "trafilatura_arabic")
    gold = next(iter(json.loads((folder / "assabah.evaldata.json").read_text(encoding="utf-8")).values()))
    [a] = items(folder / gold["file"])
    assert isinstance(a, Article), a
    assert _ws(a.title) == _ws(gold["title"])
    for seg in gold["with"]:
        assert seg in a.raw
    for seg in gold["without"]:
        assert seg not in a.raw
    assert a.meta["format"] == "html"
    assert a.url and a.url.startswith("http://www.assabah.com.tn/")
    assert a.published_source == "html" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.published)


def test_html_small_page(tmp_path):
    body = "".join(f"<p>{AR_BODY} فقرة رقم {i}.</p>" for i in range(6))
    html = (f"<html><head><meta charset='windows-1256'><title>{AR_TITLE}</title>"
            f"<meta property='article:published_time' content='2024-03-05T10:00:00'></head>"
            f"<body><nav>الرئيسية | رياضة</nav><article><h1>{AR_TITLE}</h1>{body}</article></body></html>")
    p = tmp_path / "page.html"
    p.write_bytes(html.encode("cp1256"))
    [a] = items(p)
    assert isinstance(a, Article), a
    assert a.title == AR_TITLE
    assert "فقرة رقم 3" in a.raw
    assert a.published == "2024-03-05" and a.published_source == "html"


def test_html_without_text_is_empty(tmp_path):
    p = tmp_path / "blank.htm"
    p.write_text("<html><body><div></div></body></html>", encoding="utf-8")
    [e] = items(p)
    assert e.code == "empty"


# --- records -----------------------------------------------------------------------------

def _rec(i, **kw):
    r = {"source": "sabq", "url": f"http://sabq.org/{i}", "date_extracted": "2015-07-21 02:51:32",
         "title": f"عنوان {i}", "author": "الرياض: واس", "content": f"{AR_BODY} رقم {i}"}
    r.update(kw)
    return r


def test_json_array_and_object(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([_rec(0), _rec(1, id="doc-1", extra=5)], ensure_ascii=False), encoding="utf-8")
    q = tmp_path / "b.json"
    q.write_text(json.dumps({"text": "نص", "published": "2024-01-02T03:04:05Z", "publisher": "X"}),
                 encoding="utf-8")
    a0, a1, b = items(p, q)
    assert a0.source == f"{p}#0" and a1.source == f"{p}#1" and b.source == str(q)
    assert a0.publisher == "sabq" and a0.published == "2015-07-21" and a0.published_source == "record"
    assert a0.meta["published_raw"] == "2015-07-21 02:51:32"
    assert a0.title == "عنوان 0" and a0.author == "الرياض: واس" and a0.url == "http://sabq.org/0"
    assert a0.id == content_id(a0.raw)
    assert a1.id == "doc-1"                     # record id kept
    assert a1.meta["extra"] == 5 and a1.meta["format"] == "json"
    assert b.raw == "نص" and b.published == "2024-01-02" and b.publisher == "X"


def test_json_broken_and_record_without_text(tmp_path):
    p = tmp_path / "bad.json"
    p.write_text('[{"text": "نص"}, {"text": ', encoding="utf-8")
    [e] = items(p)
    assert e.code == "json" and e.source == str(p) and "line 1" in e.message
    q = tmp_path / "notext.json"
    q.write_text('[{"title": "t"}, {"content": "  "}, {"text": "نص"}, 3]', encoding="utf-8")
    xs = items(q)
    assert [getattr(x, "code", "ok") for x in xs] == ["empty", "empty", "ok", "json"]
    assert xs[1].source == f"{q}#1"


def test_jsonl_broken_line(tmp_path):
    lines = [json.dumps(_rec(i), ensure_ascii=False) for i in range(5)]
    lines.insert(2, '{"content": "نص", "title": ')   # line 3 is broken
    lines.insert(4, "")                                # blank line skipped
    p = tmp_path / "a.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    xs = items(p)
    good = arts(xs)
    assert len(good) == 5
    assert [a.source for a in good] == [f"{p}:1", f"{p}:2", f"{p}:4", f"{p}:6", f"{p}:7"]
    [e] = errs(xs)
    assert e.code == "json" and e.source == f"{p}:3" and "line 3" in e.message
    assert xs.index(e) == 2                            # reported in place
    assert all(a.meta["format"] == "jsonl" for a in good)


def _saudi_zip(path, n, name=None):
    recs = [_rec(i) for i in range(n)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name or path.stem + ".json", json.dumps(recs, ensure_ascii=False, indent=4))
    return recs


def test_saudinewsnet_shaped_zip(tmp_path):
    z = tmp_path / "2015-07-21.zip"
    recs = _saudi_zip(z, 7)
    xs = items(z)
    assert len(xs) == 7 and all(isinstance(a, Article) for a in xs)
    assert xs[3].source == f"{z}!2015-07-21.json#3"
    assert xs[3].raw == recs[3]["content"] and xs[3].meta["container"] == "zip"
    # the same records unzipped load the same
    j = tmp_path / "2015-07-21.json"
    j.write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    assert [a.id for a in items(j)] == [a.id for a in xs]


def test_zip_with_mixed_members(tmp_path):
    z = tmp_path / "mix.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.txt", f"{AR_TITLE}\n\n{AR_BODY}")
        zf.writestr("b.jsonl", '{"text": "س"}\nnot json\n')
        zf.writestr("c.png", b"\x89PNG\r\n\x1a\n")
        zf.writestr("__MACOSX/._a.txt", b"junk")
        zf.writestr("d.txt", b"")
    xs = items(z)
    assert [x.source for x in xs] == [f"{z}!a.txt", f"{z}!b.jsonl:1", f"{z}!b.jsonl:2", f"{z}!d.txt"]
    assert xs[0].title == AR_TITLE and xs[2].code == "json" and xs[3].code == "empty"


def test_not_a_zip(tmp_path):
    z = tmp_path / "fake.zip"
    z.write_text("hello", encoding="utf-8")
    [e] = items(z)
    assert e.code == "unsupported"


def test_large_json_array_streamed(tmp_path):
    p = tmp_path / "big.json"
    recs = [_rec(i) for i in range(300)]
    p.write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")
    small = items(p)
    streamed = items(p, max_bytes=1000)          # over the limit: parsed element by element
    assert [a.id for a in streamed] == [a.id for a in small] and len(small) == 300
    assert [a.source for a in streamed] == [a.source for a in small]
    from rasid.ingest.records import iter_json_stream
    tiny_chunks = list(iter_json_stream(open(p, "rb"), "s", chunk_chars=7))
    assert [a.id for a in tiny_chunks] == [a.id for a in small]
    p.write_text(json.dumps(recs[:3])[:-30], encoding="utf-8")
    xs = items(p, max_bytes=100)
    assert len(arts(xs)) == 2 and errs(xs)[0].code == "json"


# --- stdin -------------------------------------------------------------------------------

def test_stdin_text_json_jsonl():
    [a] = read_stdin(stream=io.BytesIO(f"{AR_TITLE}\n\n{AR_BODY}".encode()))
    assert a.title == AR_TITLE and a.source == "-" and a.meta["format"] == "txt"
    xs = list(read_stdin(stream=io.BytesIO(b'  [{"text": "a"}, {"text": "b"}]')))
    assert [x.raw for x in xs] == ["a", "b"] and xs[1].source == "-#1"
    xs = list(read_stdin(stream=io.BytesIO(b'{"text": "a"}\n{"text": \n{"text": "c"}\n')))
    assert [x.raw if isinstance(x, Article) else x.code for x in xs] == ["a", "json", "c"] and xs[1].source == "-:2"
    [a] = read_stdin(stream=io.BytesIO(b'\xef\xbb\xbf{\n "text": "a"\n}'))
    assert a.raw == "a"


def test_stdin_via_iter_articles(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(AR_BODY.encode())
    monkeypatch.setattr("sys.stdin", FakeStdin)
    [a] = iter_articles(["-"])
    assert a.raw == AR_BODY and a.source == "-"


def test_supported_extensions():
    assert SUPPORTED_EXTENSIONS == {".txt", ".html", ".htm", ".json", ".jsonl", ".zip"}


def test_iter_articles_is_lazy(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"نص {i}", encoding="utf-8")
    it = iter_articles([str(tmp_path)])
    assert next(it).raw == "نص 0"
    assert next(read_path(str(tmp_path / "2.txt"))).raw == "نص 2"


# --- real data ---------------------------------------------------------------------------

@pytest.mark.shared
def test_seed_txt_title():
    p = shared_path("eval", "cases", "seed", "article.txt")
    [a] = items(p)
    first = p.read_text(encoding="utf-8").lstrip("\ufeff").split("\n", 1)[0].strip()
    assert a.title == first and a.title.startswith("«طرابلس»")


@pytest.mark.shared
def test_real_saudinewsnet_zip():
    z = shared_path("data", "corpus", "saudinewsnet", "2015-07-21.zip")
    with zipfile.ZipFile(z) as zf:
        [name] = zf.namelist()
        recs = json.loads(zf.read(name))
    xs = items(z)
    assert len(xs) == len(recs)                       # one item per record, in order
    with_text = [r for r in recs if isinstance(r.get("content"), str) and r["content"].strip()]
    good = arts(xs)
    assert len(good) == len(with_text)
    assert all(e.code == "empty" for e in errs(xs))
    assert good[0].publisher == recs[0]["source"] and good[0].title == recs[0]["title"].strip()
    assert good[0].published == recs[0]["date_extracted"][:10]
    assert xs[5].source == f"{z}!{name}#5"
