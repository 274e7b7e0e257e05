import pytest

from rasid import query
from rasid.store import Store
from tests.store.build import TUNIS, WATER_EDITED, article, filler, tunis, water


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "q.db")
    s.add(water(published="2024-03-03"))
    s.add(water(text=WATER_EDITED, published="2024-03-04", publisher="أخرى"))      # same event, 2nd source
    s.add(tunis(published="2024-04-10"))
    s.add(article("هشام الطرابلسي يستقبل سفير الأردن لبحث التعاون الثنائي في مجالات التعليم والصحة.",
                  published="2024-05-02", events=[("CONSULT", ["هشام الطرابلسي"], ["الأردن"])]))
    for i in range(3):
        s.add(filler(i, published=f"2024-01-0{i + 1}"))
    yield s
    s.close()


def _actor_id(s, name):
    return s.conn.execute("SELECT actor_id FROM actor_names WHERE name = ?", (name,)).fetchone()[0]


def test_events_filters(store):
    page = query.events(store)
    assert page.total == 3 and [e["date"] for e in page] == ["2024-05-02", "2024-04-10", "2024-03-03"]
    merged = page.items[-1]
    assert merged["n_sources"] == 2 and len(merged["sources"]) == 2
    assert merged["source"][0]["name_ar"] == "رائد أبو السعود" and merged["location"]["name"] == "عمّان"
    tr = _actor_id(store, "هشام الطرابلسي")
    assert query.events(store, actor=tr).total == 2
    assert query.events(store, actor="هشام الطرابلسى").total == 2          # a name, any spelling
    assert query.events(store, actor="Hisham Trabelsi").total == 2
    assert query.events(store, actor="nobody").total == 0
    assert query.events(store, country="syr").total == 1
    assert query.events(store, country="TUN").total == 2
    assert query.events(store, type="consult").total == 3
    assert query.events(store, type="AGREE").total == 0
    assert query.events(store, since="2024-04").total == 2
    assert query.events(store, until="2024-04").total == 2                 # all of April included
    assert query.events(store, since="2024-04-10", until="2024-04-10").total == 1
    assert query.events(store, until="2024").total == 3
    with pytest.raises(ValueError):
        query.events(store, since="last week")


def test_paging_and_cap(store):
    first = query.events(store, limit=2)
    second = query.events(store, limit=2, offset=2)
    assert (len(first), len(second), first.total) == (2, 1, 3)
    assert {e["id"] for e in first}.isdisjoint(e["id"] for e in second)
    assert query.events(store, limit=10**6).limit == query.MAX_LIMIT
    assert query.events(store, limit=0).limit == 1 and query.events(store, offset=-5).offset == 0
    assert query.articles(store, limit=3, offset=6).items and query.articles(store).total == 7


def test_search_normalises_arabic(store):
    hits = query.search(store, "الطرابلسى")
    assert hits.total == 2
    assert {h["published"] for h in hits} == {"2024-04-10", "2024-05-02"}
    assert query.search(store, "بالرياض").total == 1          # clitic off the query: الرياض
    assert query.search(store, "الرياض").total == 1
    assert query.search(store, "طرابلسي").total == 2           # bare stem
    assert query.search(store, "...").total == 0
    assert query.actors(store, q="الطرابلسى").items[0]["name_en"] == "Hisham Trabelsi"
    assert query.actors(store, q="trabelsi").total == 1


@pytest.mark.parametrize("evil", [
    "'; DROP TABLE articles; --", "\" OR 1=1 --", "الطرابلسي\" OR \"x", "NEAR(a b)", "title:x", "*",
    "a AND b OR NOT c", "%", "_", "\\", "(", "\x00", "' UNION SELECT * FROM actors --",
])
def test_sql_like_input_is_harmless(store, evil):
    query.search(store, evil)
    query.actors(store, q=evil)
    query.events(store, actor=evil, type=evil, country=evil)
    query.quotes(store, speaker=evil, q=evil)
    assert query.article(store, evil) is None and query.actor(store, evil) is None and query.event(store, evil) is None
    assert store.count("articles") == 7 and store.count("actors") > 0


def test_unknown_ids_give_none(store):
    assert query.article(store, "0000") is None
    assert query.actor(store, "A0000000000") is None
    assert query.event(store, "E0") is None


def test_actor_profile(store):
    aid = _actor_id(store, "رائد أبو السعود")
    a = query.actor(store, aid)
    assert a["names"] == {"ar": ["رائد أبو السعود"], "latin": ["Raed Abu al-Saud"]}
    assert a["country"] == "JOR" and a["countries"] == {"JOR": 2}
    assert a["offices"][0]["title"] == "وزير المياه" and a["offices"][0]["count"] == 2
    assert [o["seen"] for o in a["office_history"]] == ["2024-03-03", "2024-03-04"]
    assert a["events_over_time"] == [{"period": "2024-03", "count": 1}]
    assert len(a["events"]) == 1 and len(a["quotes"]) == 2 and a["articles"] == 2


def test_quotes(store):
    aid = _actor_id(store, "رائد أبو السعود")
    assert query.quotes(store, speaker=aid).total == 2
    assert query.quotes(store, speaker="رائد ابو السعود").total == 2
    assert query.quotes(store, q="لجنة فنية", since="2024-03-04").total == 1
    assert query.quotes(store, speaker=_actor_id(store, "تمام رعد")).total == 0


def test_article_with_highlights(store):
    aid = query.search(store, "الرياض").items[0]["id"]
    doc = query.article(store, aid)
    assert doc["text"] == TUNIS
    kinds = {h["kind"] for h in doc["highlights"]}
    assert kinds == {"mention", "event"}
    assert all(doc["text"][h["start"]:h["end"]] for h in doc["highlights"])
    ev = [h for h in doc["highlights"] if h["kind"] == "event"][0]
    assert query.event(store, ev["event_id"])["type"] == "CONSULT"
    assert all(h["actor_id"] for h in doc["highlights"] if h["kind"] == "mention")
    orig = query.events(store, type="CONSULT", until="2024-03").items[0]["sources"][0]["article_id"]
    assert len(query.article(store, orig)["duplicates"]) == 1


def test_counts_over_time(store):
    assert query.counts_over_time(store, "month") == [
        {"period": "2024-03", "count": 1}, {"period": "2024-04", "count": 1}, {"period": "2024-05", "count": 1}]
    assert query.counts_over_time(store, "week", country="TUN") == [
        {"period": "2024-W15", "count": 1}, {"period": "2024-W18", "count": 1}]
    assert sum(c["count"] for c in query.counts_over_time(store, "day", kind="articles")) == 7
    assert query.counts_over_time(store, "year", kind="quotes") == [{"period": "2024", "count": 2}]
    with pytest.raises(ValueError):
        query.counts_over_time(store, "fortnight")


def test_query_takes_a_path_or_a_connection(store):
    assert query.events(store.path).total == query.events(store.conn).total == 3
    with pytest.raises(FileNotFoundError):
        query.events(store.path + ".missing")



def test_event_filter_is_the_filter_of_events(store):
    conn = store.conn
    assert query.event_filter(conn, realis="all") == ("", [])
    assert query.event_filter(conn) == (" WHERE e.realis IN (?)", ["actual"])      # actual events by default
    where, args = query.event_filter(conn, country="tun", type="consult", since="2024-04", until="2024-04")
    assert where.startswith(" WHERE ") and args == ["actual", "TUN", "TUN", "CONSULT", "2024-04", "2024-05"]
    n = conn.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0]
    assert n == query.events(store, country="tun", type="consult", since="2024-04", until="2024-04").total == 1
    where, args = query.event_filter(conn, actor="nobody")
    assert conn.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0] == 0
    with pytest.raises(ValueError):
        query.event_filter(conn, since="yesterday")


def test_network_and_places(store):
    net = query.network(store)
    assert net["total_edges"] == len(net["edges"]) == 3 and net["total_nodes"] == len(net["nodes"])
    names = {n["id"]: n["name_ar"] for n in net["nodes"]}
    pairs = {frozenset((names[e["a"]], names[e["b"]])) for e in net["edges"]}
    assert frozenset(("رائد أبو السعود", "تمام رعد")) in pairs
    assert all(e["a"] < e["b"] and e["types"] == {"CONSULT": e["count"]} for e in net["edges"])
    assert len(query.network(store, limit=1)["nodes"]) == 1
    assert query.network(store, country="SYR")["total_edges"] == 1
    assert query.network(store, type="AGREE") == {"nodes": [], "edges": [], "total_nodes": 0, "total_edges": 0}
    pl = query.places(store)
    assert (pl["total"], pl["unplaced"]) == (1, 2)
    assert pl["items"][0] | {"actor_id": None} == {"actor_id": None, "name": "عمّان", "name_en": "Amman",
                                                   "country": "JOR", "lat": 31.95, "lon": 35.93, "count": 1,
                                                   "types": ["CONSULT"]}
    assert query.places(store.conn, since="2030")["items"] == []


def test_event_types_and_countries(store):
    types = query.event_types(store)
    consult = [t for t in types if t["type"] == "CONSULT"]
    assert consult and consult[0]["count"] == 3 and consult[0]["quad"]
    assert sum(t["count"] for t in types) == store.count("events")
    by_country = {c["country"]: c["count"] for c in query.countries(store.path)}
    assert by_country["TUN"] == 2 and by_country["SYR"] == 1
