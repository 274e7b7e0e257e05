"""The HTTP API over a real SQLite store built from hand-made Articles (no NER model)."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, httpx) is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from rasid.store import Store  # noqa: E402
from rasid.web import create_app  # noqa: E402
from rasid.web.app import STATIC_DIR  # noqa: E402
from tests.web.data import XSS_IMG, XSS_SCRIPT, XSS_TITLE, build_store  # noqa: E402

TOKEN = "s3cret-token"
EVIL = "'; DROP TABLE events; --"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "store.db"
    ids = build_store(path)
    return path, ids


@pytest.fixture(scope="module")
def client(built):
    path, _ = built
    with TestClient(create_app(path)) as c:         # read-only: no token configured
        yield c


@pytest.fixture(scope="module")
def ids(built):
    return built[1]


def actor(ids, name):
    return ids["actors"][name]


def article(ids, title):
    return ids["articles"][title]


def assert_error(resp, status, code):
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code and body["error"]["message"], body
    return body["error"]["message"]


# -------------------------------------------------------------------- events

def test_events_newest_first_with_actors_and_sources(client):
    page = client.get("/api/events").json()
    assert set(page) == {"items", "total", "limit", "offset"}
    assert page["total"] == 5 and (page["limit"], page["offset"]) == (50, 0)
    assert [e["date"] for e in page["items"]] == ["2024-06-01", "2024-05-20", "2024-05-02", "2024-04-10", "2024-03-03"]
    last = page["items"][-1]
    assert last["type"] == "CONSULT" and last["source"][0]["name_en"] == "Raed Abu al-Saud"
    assert last["source"][0]["name_ar"] == "رائد أبو السعود" and last["location"]["name"] == "عمّان"
    assert last["sources"][0]["evidence_text"].startswith("بحث وزير المياه")


@pytest.mark.parametrize("params, total", [
    ({"actor": "هشام الطرابلسي"}, 2),
    ({"actor": "هشام الطرابلسى"}, 2),            # normalised Arabic spelling
    ({"actor": "Hisham Trabelsi"}, 2),
    ({"actor": "nobody at all"}, 0),
    ({"country": "syr"}, 3),
    ({"country": "SAU"}, 2),
    ({"type": "consult"}, 3),
    ({"type": "ACCUSE"}, 1),
    ({"since": "2024-05"}, 3),
    ({"until": "2024-04"}, 2),
    ({"since": "2024-04-10", "until": "2024-04-10"}, 1),
    ({"since": "2024", "until": "2024"}, 5),
    ({"type": "CONSULT", "country": "JOR", "since": "2024-04"}, 1),
])
def test_event_filters(client, params, total):
    assert client.get("/api/events", params=params).json()["total"] == total


def test_event_filter_by_actor_id(client, ids):
    page = client.get("/api/events", params={"actor": actor(ids, "تمام رعد")}).json()
    assert page["total"] == 3 and {e["type"] for e in page["items"]} == {"CONSULT", "ACCUSE", "THREATEN"}


def test_event_paging(client):
    a = client.get("/api/events", params={"limit": 2}).json()
    b = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    c = client.get("/api/events", params={"limit": 2, "offset": 4}).json()
    assert [len(p["items"]) for p in (a, b, c)] == [2, 2, 1] and a["total"] == b["total"] == 5
    seen = [e["id"] for p in (a, b, c) for e in p["items"]]
    assert len(set(seen)) == 5
    assert client.get("/api/events", params={"offset": 99}).json()["items"] == []
    assert client.get("/api/events", params={"limit": 500}).json()["limit"] == 500


@pytest.mark.parametrize("params, where", [
    ({"limit": 100000}, "limit"), ({"limit": 501}, "limit"), ({"limit": 0}, "limit"), ({"limit": -1}, "limit"),
    ({"limit": "ten"}, "limit"), ({"offset": -1}, "offset"), ({"offset": "x"}, "offset"),
    ({"since": "last week"}, "since"), ({"until": "2024-02-30"}, "until"), ({"since": "2024-13"}, "since"),
    ({"country": "JORDAN"}, "country"), ({"type": EVIL}, "type"),
])
def test_event_bad_parameters_are_422_json(client, params, where):
    msg = assert_error(client.get("/api/events", params=params), 422, "invalid")
    assert where in msg


def test_event_by_id_and_unknown_ids(client):
    first = client.get("/api/events").json()["items"][0]
    ev = client.get(f"/api/events/{first['id']}").json()
    assert ev["id"] == first["id"] and ev["sources"]
    assert "E000" in assert_error(client.get("/api/events/E000"), 404, "not_found")
    assert_error(client.get("/api/events/" + "x" * 300), 422, "invalid")


# -------------------------------------------------------------------- actors

def test_actors_list_and_filters(client):
    page = client.get("/api/actors").json()
    assert page["total"] == 7
    assert {a["name_en"] for a in page["items"]} >= {"Tammam Raad", "Hisham Trabelsi", "Riyadh"}
    assert client.get("/api/actors", params={"q": "trabelsi"}).json()["items"][0]["name_ar"] == "هشام الطرابلسي"
    assert client.get("/api/actors", params={"q": "الطرابلسى"}).json()["total"] == 1
    assert client.get("/api/actors", params={"country": "sau"}).json()["total"] == 2
    assert client.get("/api/actors", params={"type": "loc"}).json()["total"] == 3
    assert_error(client.get("/api/actors", params={"type": "PERSONS"}), 422, "invalid")


def test_actor_profile(client, ids):
    a = client.get(f"/api/actors/{actor(ids, 'هشام الطرابلسي')}").json()
    assert a["names"] == {"ar": ["هشام الطرابلسي"], "latin": ["Hisham Trabelsi"]}
    assert a["country"] == "TUN" and a["countries"] == {"TUN": 2}
    assert a["offices"][0]["title"] == "وزير الخارجية" and a["offices"][0]["count"] == 2
    assert a["events_over_time"] == [{"period": "2024-04", "count": 1}, {"period": "2024-05", "count": 1}]
    assert len(a["events"]) == 2 and [q["text"] for q in a["quotes"]] == ["الاتفاق لن يصمد طويلاً"]
    assert_error(client.get("/api/actors/A0000000000"), 404, "not_found")
    assert_error(client.get(f"/api/actors/{actor(ids, 'هشام الطرابلسي')}", params={"recent": 0}), 422, "invalid")


# -------------------------------------------------------------------- quotes

def test_quotes(client, ids):
    assert client.get("/api/quotes").json()["total"] == 3
    assert client.get("/api/quotes", params={"speaker": actor(ids, "رائد أبو السعود")}).json()["total"] == 2
    assert client.get("/api/quotes", params={"speaker": "Raed Abu al-Saud"}).json()["total"] == 2
    page = client.get("/api/quotes", params={"q": "لجنة فنية"}).json()
    assert page["total"] == 1 and page["items"][0]["speaker"]["name_en"] == "Raed Abu al-Saud"
    assert client.get("/api/quotes", params={"since": "2024-05"}).json()["total"] == 2
    assert client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()["items"][0]["text"]


# ------------------------------------------------------------------ articles

def test_articles_list(client):
    page = client.get("/api/articles").json()
    assert page["total"] == 6 and page["items"][0]["published"] == "2024-06-01"
    assert client.get("/api/articles", params={"since": "2024-05", "until": "2024-05"}).json()["total"] == 2
    assert client.get("/api/articles", params={"publisher": "صحيفة الاختبار"}).json()["total"] == 6
    assert client.get("/api/articles", params={"limit": 5, "offset": 5}).json()["items"][0]["title"] == "أسعار النفط"


def test_article_with_highlights(client, ids):
    doc = client.get(f"/api/articles/{article(ids, 'الأردن وسوريا يبحثان تقاسم مياه اليرموك')}").json()
    assert "raw" not in doc and doc["text"].startswith("بحث وزير المياه")
    kinds = {h["kind"] for h in doc["highlights"]}
    assert kinds == {"mention", "quote", "event", "time"}
    for h in doc["highlights"]:
        assert doc["text"][h["start"]:h["end"]]
    ev = next(h for h in doc["highlights"] if h["kind"] == "event")
    assert ev["label"] == "CONSULT" and client.get(f"/api/events/{ev['event_id']}").status_code == 200
    mention = next(h for h in doc["highlights"] if h["kind"] == "mention" and h["label"] == "PER")
    assert mention["actor_id"] and mention["entity_id"]
    ents = {e["id"]: e for e in doc["entities"]}
    assert ents[mention["entity_id"]]["name_latin"] == "Raed Abu al-Saud"
    assert doc["quotes"][0]["speaker"] == mention["entity_id"]
    assert_error(client.get("/api/articles/0000"), 404, "not_found")


def test_article_text_with_markup_is_plain_json(client, ids):
    resp = client.get(f"/api/articles/{article(ids, XSS_TITLE)}")
    assert resp.headers["content-type"] == "application/json"
    doc = resp.json()
    assert XSS_SCRIPT in doc["text"] and XSS_IMG in doc["text"] and doc["title"] == XSS_TITLE
    assert doc["url"] == "javascript:alert(3)"          # stored as given; the UI never makes it a link
    ev = next(h for h in doc["highlights"] if h["kind"] == "event")
    assert XSS_SCRIPT in doc["text"][ev["start"]:ev["end"]]


# ------------------------------------------------------------ search, counts

def test_search(client):
    res = client.get("/api/search", params={"q": "الطرابلسى"}).json()
    assert res["total"] == 2 and {a["name_en"] for a in res["actors"]} == {"Hisham Trabelsi"}
    assert client.get("/api/search", params={"q": "بالرياض"}).json()["total"] == 2      # a clitic off the query
    assert client.get("/api/search", params={"q": "النفط"}).json()["items"][0]["title"] == "أسعار النفط"
    assert client.get("/api/search", params={"q": "الطرابلسي", "limit": 1, "offset": 1}).json()["items"]
    assert_error(client.get("/api/search"), 422, "invalid")
    assert_error(client.get("/api/search", params={"q": ""}), 422, "invalid")
    assert_error(client.get("/api/search", params={"q": "x" * 501}), 422, "invalid")


def test_counts_over_time(client, ids):
    assert client.get("/api/counts").json() == {"kind": "events", "interval": "month", "items": [
        {"period": "2024-03", "count": 1}, {"period": "2024-04", "count": 1},
        {"period": "2024-05", "count": 2}, {"period": "2024-06", "count": 1}]}
    days = client.get("/api/counts", params={"interval": "day", "type": "CONSULT"}).json()["items"]
    assert [d["period"] for d in days] == ["2024-03-03", "2024-04-10", "2024-06-01"]
    weeks = client.get("/api/counts", params={"interval": "week", "actor": actor(ids, "تمام رعد")}).json()["items"]
    assert sum(w["count"] for w in weeks) == 3 and all(re.match(r"^\d{4}-W\d\d$", w["period"]) for w in weeks)
    arts = client.get("/api/counts", params={"kind": "articles", "interval": "year"}).json()["items"]
    assert arts == [{"period": "2024", "count": 6}]
    assert client.get("/api/counts", params={"kind": "quotes", "since": "2024-05"}).json()["items"] == [
        {"period": "2024-05", "count": 1}, {"period": "2024-06", "count": 1}]
    assert_error(client.get("/api/counts", params={"interval": "hour"}), 422, "invalid")
    assert_error(client.get("/api/counts", params={"kind": "actors"}), 422, "invalid")
    assert_error(client.get("/api/counts", params={"kind": "articles", "type": "CONSULT"}), 422, "invalid")


# ----------------------------------------------------------- network, places

def test_network(client, ids):
    net = client.get("/api/network").json()
    raad = actor(ids, "تمام رعد")
    assert {n["name_en"] for n in net["nodes"]} == {"Tammam Raad", "Faisal bin Farhan", "Hisham Trabelsi",
                                                    "Raed Abu al-Saud"}
    assert next(n for n in net["nodes"] if n["id"] == raad)["degree"] == 3
    pair = next(e for e in net["edges"] if {e["a"], e["b"]} == {raad, actor(ids, "هشام الطرابلسي")})
    assert pair == {**pair, "count": 1, "types": {"ACCUSE": 1}}
    assert net["total_edges"] == len(net["edges"]) == 4
    only = client.get("/api/network", params={"type": "THREATEN"}).json()
    assert len(only["edges"]) == 1 and only["edges"][0]["types"] == {"THREATEN": 1}
    assert len(client.get("/api/network", params={"limit": 2}).json()["nodes"]) == 2
    assert client.get("/api/network", params={"actor": EVIL}).json()["nodes"] == []
    assert_error(client.get("/api/network", params={"limit": 0}), 422, "invalid")


def test_places(client):
    res = client.get("/api/places").json()
    assert res["total"] == 3 and res["unplaced"] == 0
    top = res["items"][0]
    assert top["count"] == 2 and top["lat"] is not None and top["name_en"] in {"Riyadh", "Amman"}
    tunis = next(p for p in res["items"] if p["name_en"] == "Tunis")
    assert (tunis["name"], tunis["count"], tunis["types"]) == ("تونس", 1, ["ACCUSE"])
    assert [p["name_en"] for p in client.get("/api/places", params={"type": "THREATEN"}).json()["items"]] == ["Riyadh"]


def test_meta(client):
    m = client.get("/api/meta").json()
    assert m["counts"] == {"articles": 6, "events": 5, "actors": 7, "quotes": 3}
    assert {"type": "ACCUSE", "quad": 3, "count": 1} in m["types"]
    assert m["countries"][0] == {"country": "SYR", "count": 3} and m["writable"] is False and m["max_limit"] == 500


# ------------------------------------------------------------- hostile input

@pytest.mark.parametrize("evil", [EVIL, "\" OR 1=1 --", "' UNION SELECT * FROM actors --", "%", "*", "NEAR(a b)"])
def test_sql_like_strings_are_just_text(client, built, evil):
    assert client.get("/api/events", params={"actor": evil}).json()["total"] == 0
    assert client.get("/api/quotes", params={"speaker": evil, "q": evil}).json()["total"] == 0
    assert client.get("/api/actors", params={"q": evil}).status_code == 200
    assert client.get("/api/search", params={"q": evil}).status_code == 200
    assert client.get("/api/articles", params={"publisher": evil}).json()["total"] == 0
    assert client.get("/api/counts", params={"actor": evil}).json()["items"] == []
    for path in ("events", "actors", "articles"):
        assert_error(client.get(f"/api/{path}/{evil}"), 404, "not_found")
    with Store(built[0]) as s:
        assert s.count("events") == 5 and s.count("articles") == 6


def test_unknown_paths_and_methods_are_json(client):
    assert_error(client.get("/api/nothing"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")
    assert_error(client.put("/api/articles"), 405, "method_not_allowed")


# ------------------------------------------------------------------- writing

NEW_TEXT = ("استقبل وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم الثلاثاء نظيره المصري سامح شكري، "
            "وبحث الجانبان تطورات الأوضاع في المنطقة. وقال الصفدي إن «التنسيق مستمر بين البلدين».")


def test_write_refused_when_read_only(client):
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        msg = assert_error(client.post("/api/articles", json={"text": NEW_TEXT}, headers=headers), 403, "read_only")
        assert "read-only" in msg


@pytest.fixture()
def writable(tmp_path):
    path = tmp_path / "w.db"
    build_store(path)
    with TestClient(create_app(path, write_token=TOKEN)) as c:
        yield c, path


def test_write_needs_the_right_token(writable):
    c, path = writable
    assert c.get("/api/meta").json()["writable"] is True
    r = c.post("/api/articles", json={"text": NEW_TEXT})
    assert "Bearer" in assert_error(r, 401, "unauthorized") and r.headers["www-authenticate"] == "Bearer"
    assert_error(c.post("/api/articles", json={"text": NEW_TEXT}, headers={"Authorization": "Bearer nope"}),
                 403, "forbidden")
    assert_error(c.post("/api/articles", json={"text": NEW_TEXT}, headers={"Authorization": TOKEN}), 403, "forbidden")
    assert_error(c.post("/api/articles", json={"text": NEW_TEXT}, headers={"Authorization": f"Basic {TOKEN}"}),
                 403, "forbidden")
    assert_error(c.post("/api/articles", json={"nonsense": 1}), 401, "unauthorized")   # the token is checked first
    with Store(path) as s:
        assert s.count("articles") == 6


def test_a_huge_body_is_refused_before_it_is_read(writable):
    c, path = writable
    huge = b'{"text": "' + b"x" * (7_000_000) + b'"}'
    # without the token: refused on the headers (was: the whole body parsed first, then 403)
    assert_error(c.post("/api/articles", content=huge, headers={"Content-Type": "application/json"}),
                 401, "unauthorized")
    r = c.post("/api/articles", content=huge, headers={"Content-Type": "application/json",
                                                        "Authorization": f"Bearer {TOKEN}"})
    assert "limit" in assert_error(r, 413, "too_large")

    def chunks():                       # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(80):
            yield b"x" * 100_000
        yield b'"}'
    r = c.post("/api/articles", content=chunks(), headers={"Content-Type": "application/json",
                                                           "Authorization": f"Bearer {TOKEN}"})
    assert_error(r, 413, "too_large")
    with Store(path) as s:
        assert s.count("articles") == 6


def test_write_with_the_right_token_runs_the_pipeline(writable):
    c, path = writable
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": NEW_TEXT, "title": "الصفدي يستقبل شكري", "published": "2024-07-02",
            "url": "https://example.org/new", "source": "wire"}
    r = c.post("/api/articles", json=body, headers=auth)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["inserted"] is True and out["counts"]["entities"] >= 2 and out["errors"] == []
    doc = c.get(f"/api/articles/{out['id']}").json()
    assert doc["title"] == body["title"] and doc["published"] == "2024-07-02" and doc["text"]
    assert c.get("/api/articles").json()["total"] == 7
    assert c.get("/api/search", params={"q": "الصفدي"}).json()["total"] == 1
    again = c.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["inserted"] is False and again.json()["id"] == out["id"]


@pytest.mark.parametrize("body, where", [
    ({}, "text"), ({"text": ""}, "text"), ({"text": "   \n "}, "text"), ({"text": 42}, "text"),
    ({"text": "نص", "published": "yesterday"}, "published"), ({"text": "نص", "published": "2024-02-30"}, "published"),
    ({"text": "نص", "extra": 1}, "extra"), ({"text": "نص", "title": ["a"]}, "title"),
])
def test_write_validates_the_body(writable, body, where):
    c, _ = writable
    msg = assert_error(c.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}), 422, "invalid")
    assert where in msg


def test_write_rejects_non_json(writable):
    c, _ = writable
    r = c.post("/api/articles", content=b"not json", headers={"Authorization": f"Bearer {TOKEN}",
                                                              "Content-Type": "application/json"})
    assert_error(r, 422, "invalid")


# ------------------------------------------------------------- docs, UI files

def test_openapi_documents_every_route_and_no_cdn_pages(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for p in ("/api/events", "/api/events/{id}", "/api/actors", "/api/actors/{id}", "/api/quotes", "/api/articles",
              "/api/articles/{id}", "/api/search", "/api/counts", "/api/network", "/api/places", "/api/meta"):
        assert p in paths, p
    assert "post" in paths["/api/articles"] and "403" in paths["/api/articles"]["post"]["responses"]
    assert "ErrorBody" in spec["components"]["schemas"]
    limit = next(p for p in paths["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500
    for cdn_page in ("/docs", "/redoc"):
        assert client.get(cdn_page).status_code == 404


def test_ui_is_served_with_a_strict_csp(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    for f in ("app.js", "app.css"):
        assert client.get(f"/static/{f}").status_code == 200
    assert_error(client.get("/static/missing.js"), 404, "not_found")


def test_ui_has_no_external_assets_and_no_innerhtml():
    for f in STATIC_DIR.iterdir():
        text = f.read_text("utf-8")
        urls = set(re.findall(r"https?://[\w.-]+[^\s\"')]*", text))
        assert urls <= {"http://www.w3.org/2000/svg"}, (f.name, urls)    # the SVG namespace is a name, not a fetch
        assert not re.search(r"""(?:src|href)\s*=\s*["']//|url\(\s*["']?//""", text), f.name   # protocol-relative
        assert "@import" not in text and "@font-face" not in text
        code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        assert not re.search(r"\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(", code), f.name
