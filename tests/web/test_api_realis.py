"""The HTTP API leaves out events that did not happen unless `realis` asks; descriptive parties,
realis, casualties and mode come with every event."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, httpx) is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from rasid.store import Store  # noqa: E402
from rasid.web import create_app  # noqa: E402
from tests.store.events_build import ARMY, INTERIOR, realis_store  # noqa: E402
from tests.web.test_api import assert_error  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = realis_store(tmp_path_factory.mktemp("web-realis") / "r.db")
    with Store(path) as s:
        army = s.conn.execute("SELECT actor_id FROM actor_names WHERE name = ?", (ARMY,)).fetchone()[0]
    with TestClient(create_app(path)) as c:
        c.army = army
        yield c


@pytest.mark.parametrize("realis, expected", [(None, ["actual"]), ("all", ["background", "future", "actual"]),
                                              ("future,background", ["background", "future"]),
                                              (" Future ", ["future"])])
def test_events_realis(client, realis, expected):
    params = {"realis": realis} if realis is not None else {}
    page = client.get("/api/events", params=params).json()
    assert [e["realis"] for e in page["items"]] == expected and page["total"] == len(expected)


@pytest.mark.parametrize("path", ["/api/events", "/api/counts", "/api/network", "/api/places", "/api/actors/{army}"])
@pytest.mark.parametrize("bad", ["maybe", "actual,perhaps", ",", "all,actual", "x" * 201])
def test_a_bad_realis_is_422(client, path, bad):
    msg = assert_error(client.get(path.format(army=client.army), params={"realis": bad}), 422, "invalid")
    assert "realis" in msg


def test_event_items_carry_parties_realis_mode_and_casualties(client):
    (ev,) = client.get("/api/events").json()["items"]
    assert ev["mode"] == "ambush" and (ev["killed"], ev["injured"]) == (3, 5)
    desc, named = ev["participants"]
    assert (desc["kind"], desc["text"], desc["sector"], desc["country"], desc["actor_id"]) == (
        "descriptive", "مسلحون مجهولون", "UAF", None, None)
    assert (named["kind"], named["text"], named["actor_id"], named["sector"], named["country"]) == (
        "named", ARMY, client.army, "MIL", "JOR")
    assert [r["name_ar"] for r in ev["reported_by"]] == [INTERIOR]
    assert ev["sources"][0]["trigger_start"] == 0 and ev["sources"][0]["trigger_end"] == 4
    fut = client.get("/api/events", params={"realis": "future"}).json()["items"][0]
    assert client.get(f"/api/events/{fut['id']}").json()["realis"] == "future"     # by id: whatever its realis


def test_counts_network_places_actor_and_meta(client):
    total = lambda items: sum(i["count"] for i in items)   # noqa: E731
    assert total(client.get("/api/counts").json()["items"]) == 1
    assert total(client.get("/api/counts", params={"realis": "all"}).json()["items"]) == 3
    assert_error(client.get("/api/counts", params={"kind": "articles", "realis": "all"}), 422, "invalid")
    assert client.get("/api/places").json()["items"][0]["count"] == 1
    assert client.get("/api/places", params={"realis": "all"}).json()["items"][0]["count"] == 3
    assert client.get("/api/network").json()["total_nodes"] == 0       # one named party: no pair
    a = client.get(f"/api/actors/{client.army}").json()
    assert len(a["events"]) == 1 and total(a["events_over_time"]) == 1
    assert len(client.get(f"/api/actors/{client.army}", params={"realis": "all"}).json()["events"]) == 3
    m = client.get("/api/meta").json()
    assert m["realis"] == {"actual": 1, "negated": 0, "future": 1, "hypothetical": 0, "background": 1, "generic": 0}
    assert m["counts"]["events"] == 1
    assert next(t for t in m["types"] if t["type"] == "ASSAULT")["count"] == 1


def test_article_highlights_say_the_realis(client):
    fut = client.get("/api/events", params={"realis": "future"}).json()["items"][0]
    doc = client.get(f"/api/articles/{fut['sources'][0]['article_id']}").json()
    (hl,) = [h for h in doc["highlights"] if h["kind"] == "event"]
    assert hl["realis"] == "future" and doc["events"][0]["realis"] == "future"
    assert doc["events"][0]["participants"][0]["kind"] == "descriptive"
