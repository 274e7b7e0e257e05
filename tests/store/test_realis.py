"""Issue 10's event fields in the store: realis, participants (named and descriptive), casualties,
trigger span, reporter; the merge keeps to one realis; an old store migrates."""
import json

import pytest

from rasid import query
from rasid.doc.serialize import to_dict
from rasid.store import Store, connect, documents
from rasid.store.db import applied_migrations
from rasid.store.migrations import migrations
from tests.store.build import water
from tests.store.events_build import ARMY, ATTACK, ATTACK_2, INTERIOR, attack


def test_participants_casualties_and_reporter_round_trip(tmp_path):
    with Store(tmp_path / "s.db") as s:
        a = attack()
        s.add(a)
        (ev,) = query.events(s).items
        assert ev["realis"] == "actual" and ev["mode"] == "ambush"
        assert (ev["killed"], ev["injured"]) == (3, 5)
        army = a.entities[0].kb_id
        assert [x["id"] for x in ev["target"]] == [army] and ev["source"] == []     # named actors only
        src, tgt = ev["participants"]
        assert src == {"role": "source", "kind": "descriptive", "text": "مسلحون مجهولون", "actor_id": None,
                       "name_ar": None, "name_en": None, "type": None, "sector": "UAF", "country": None,
                       "article_id": a.id, "start": ATTACK.find("مسلحون"), "end": ATTACK.find("مسلحون") + 14}
        assert tgt["kind"] == "named" and tgt["actor_id"] == army and tgt["text"] == ARMY
        assert (tgt["sector"], tgt["country"], tgt["name_en"]) == ("MIL", "JOR", "Jordanian Army")
        assert [r["name_ar"] for r in ev["reported_by"]] == [INTERIOR]
        (src_row,) = ev["sources"]
        assert ATTACK[src_row["trigger_start"]:src_row["trigger_end"]] == "هاجم"
        assert (src_row["killed"], src_row["injured"], src_row["reported_by_name"]) == (3, 5, INTERIOR)
        assert s.count("event_participants") == 2


def test_named_parties_without_participants_become_participants(tmp_path):
    """Events of today's rule finder have no participants: their source/target entities are the parties."""
    with Store(tmp_path / "s.db") as s:
        s.add(water())
        (ev,) = query.events(s).items
        assert [(p["role"], p["kind"], p["text"]) for p in ev["participants"]] == [
            ("source", "named", "رائد أبو السعود"), ("target", "named", "تمام رعد")]
        assert all(p["start"] is not None and p["actor_id"] for p in ev["participants"])


def test_the_same_incident_merges_and_keeps_every_descriptive_party(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.add(attack())
        r = s.add(attack(ATTACK_2, published="2024-03-04", source_text="مسلحون", killed=4, trigger="قتل",
                         publisher="أخرى"))
        assert (r.events_new, r.events_merged) == (0, 1)
        (ev,) = query.events(s).items
        assert ev["n_sources"] == 2 and ev["killed"] == 4 and ev["injured"] == 5    # the highest toll
        texts = [(p["role"], p["kind"], p["text"]) for p in ev["participants"]]
        assert texts == [("source", "descriptive", "مسلحون مجهولون"), ("source", "descriptive", "مسلحون"),
                         ("target", "named", ARMY)]       # the army once, though both reports name it
        assert s.count("event_participants") == 4


@pytest.mark.parametrize("change", ["future", "other_sector"])
def test_other_realis_or_other_descriptive_parties_do_not_merge(tmp_path, change):
    with Store(tmp_path / "s.db") as s:
        s.add(attack())
        kw = {"realis": "future"} if change == "future" else {"source_sector": "COP"}
        r = s.add(attack(ATTACK_2, published="2024-03-04", trigger="قتل", source_text="مسلحون", **kw))
        assert (r.events_new, r.events_merged) == (1, 0)


def test_background_and_unnamed_events_never_merge(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.add(attack(realis="background"))
        r = s.add(attack(ATTACK_2, realis="background", published="2024-03-04", trigger="قتل", source_text="مسلحون"))
        assert r.events_merged == 0
        s.add(attack(named_target=False, published="2024-05-01", text=ATTACK + " وأضاف البيان."))
        r = s.add(attack(ATTACK_2 + " وأضاف.", named_target=False, published="2024-05-01", trigger="قتل",
                         source_text="مسلحون"))
        assert r.events_merged == 0 and s.count("events") == 4


def test_flags_without_realis_are_read_as_realis(tmp_path):
    """A document from before realis (realis defaults to actual) with its negated flag set."""
    with Store(tmp_path / "s.db") as s:
        a = water()
        a.events[0].negated = True
        s.add(a)
        assert s.conn.execute("SELECT realis FROM events").fetchone()[0] == "negated"
        assert query.events(s).total == 0 and query.events(s, realis="negated").total == 1


def test_realis_filter_in_every_event_query(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.add(attack())
        s.add(attack(ATTACK + " وتابع.", realis="future", published="2024-03-10"))
        s.add(attack(ATTACK + " وختم.", realis="background", published="2024-03-20"))
        assert query.events(s).total == 1
        assert query.events(s, realis="all").total == 3
        assert {e["realis"] for e in query.events(s, realis="future,background")} == {"future", "background"}
        assert query.events(s, realis=["future"]).total == 1
        with pytest.raises(ValueError, match="realis"):
            query.events(s, realis="maybe")
        with pytest.raises(ValueError):
            query.parse_realis(",")
        assert sum(c["count"] for c in query.counts_over_time(s, "month")) == 1
        assert sum(c["count"] for c in query.counts_over_time(s, "month", realis="all")) == 3
        assert query.places(s)["items"][0]["count"] == 1 and query.places(s, realis="all")["items"][0]["count"] == 3
        assert query.countries(s) == [{"country": "JOR", "count": 1}]
        assert next(t for t in query.event_types(s, realis="all") if t["type"] == "ASSAULT")["count"] == 3
        assert query.realis_counts(s) == {"actual": 1, "negated": 0, "future": 1, "hypothetical": 0,
                                          "background": 1, "generic": 0}
        army = s.conn.execute("SELECT actor_id FROM actor_names WHERE name = ?", (ARMY,)).fetchone()[0]
        assert len(query.actor(s, army)["events"]) == 1
        assert len(query.actor(s, army, realis="all")["events"]) == 3
        fut = query.events(s, realis="future").items[0]
        assert query.event(s, fut["id"])["realis"] == "future"      # by id: whatever its realis
        # a descriptive party's country counts for the country filter
        s.add(attack(ATTACK_2, source_text="مسلحون", source_country="SYR", published="2024-04-01", trigger="قتل"))
        assert query.events(s, country="SYR").total == 1


# ------------------------------------------------------------ an old store

def _old_store(path, monkeypatch):
    """A store with the schema before 0003 and rows as the writer of that time wrote them: one event
    each with no flag, negated and future, the first two sharing an actor."""
    import rasid.store.db as db

    monkeypatch.setattr(db, "migrations", lambda: migrations()[:2])
    conn = connect(path)
    assert applied_migrations(conn)[-1] == "0002_compressed_documents"
    a = water()
    doc = to_dict(a, tokens=False)
    for ev in doc["events"]:
        ev.pop("realis", None)          # documents of that time had no realis
    conn.execute("INSERT INTO articles(id, content_hash, title, published, text, raw_json, ingested_at)"
                 " VALUES ('a1', 'h1', 't', '2024-03-03', ?, ?, 'now')", (a.text, documents.encode(doc)))
    for aid, name, country in (("A1", "رائد أبو السعود", "JOR"), ("A2", "تمام رعد", "SYR")):
        conn.execute("INSERT INTO actors(id, type, name_ar, country, sector, data) VALUES (?, 'PER', ?, ?, 'GOV', ?)",
                     (aid, name, country, json.dumps({"id": aid, "type": "PER", "name": name})))
    for eid, (neg, fut), key in (("E1", (0, 0), "A1>A2"), ("E2", (1, 0), "A1>"), ("E3", (0, 1), ">A2")):
        conn.execute("INSERT INTO events(id, type, date, day, actor_key, negated, future, hypothetical, n_sources,"
                     " created_at) VALUES (?, 'CONSULT', '2024-03-03', 738948, ?, ?, ?, 0, 1, 'now')",
                     (eid, key, neg, fut))
        conn.execute("INSERT INTO event_sources(event_id, article_id, article_event_id, date, trigger)"
                     " VALUES (?, 'a1', ?, '2024-03-03', 'بحث')", (eid, "v0" if eid == "E1" else eid))
    conn.executemany("INSERT INTO event_actors(event_id, actor_id, role) VALUES (?, ?, ?)",
                     [("E1", "A1", "source"), ("E1", "A2", "target"), ("E2", "A1", "source"), ("E3", "A2", "target")])
    conn.close()
    monkeypatch.setattr(db, "migrations", migrations)


def test_an_old_store_migrates(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _old_store(path, monkeypatch)
    conn = connect(path)
    assert "0003_event_realis_participants" in applied_migrations(conn)
    assert dict(conn.execute("SELECT id, realis FROM events").fetchall()) == {
        "E1": "actual", "E2": "negated", "E3": "future"}
    page = query.events(conn)
    assert [e["id"] for e in page] == ["E1"]
    ev = page.items[0]
    assert [(p["role"], p["kind"], p["text"], p["actor_id"], p["country"]) for p in ev["participants"]] == [
        ("source", "named", "رائد أبو السعود", "A1", "JOR"), ("target", "named", "تمام رعد", "A2", "SYR")]
    assert ev["killed"] is None and ev["reported_by"] == [] and ev["sources"][0]["trigger_start"] is None
    assert query.events(conn, realis="all").total == 3
    assert {e["id"] for e in query.events(conn, realis="negated,future")} == {"E2", "E3"}
    assert query.article(conn, "a1")["highlights"]
    conn.close()
    with Store(path) as s:                       # the writer works on the migrated store
        r = s.add(attack(realis="future"))
        assert r.events_new == 1 and query.events(s, realis="future").total == 2


def test_a_participant_of_no_known_role_is_left_out(tmp_path):
    from rasid.doc.layers import Participant

    with Store(tmp_path / "s.db") as s:
        a = attack()
        a.events[0].participants.append(Participant("witness", 0, 4, "هاجم", kind="descriptive"))
        s.add(a)
        assert s.count("event_participants") == 2


def test_one_sided_events_merge_only_when_the_reports_agree(tmp_path):
    from rasid.store.writer import SAME_REPORT, _words
    a, b = _words("وترفض إسرائيل الاتفاق النووي مع إيران"), _words("ورفضت إسرائيل عودة الأسرى إلى الضفة")
    assert len(a & b) / len(a | b) < SAME_REPORT
    c = _words("وترفض إسرائيل الاتفاق النووي مع إيران بشدة")
    assert len(a & c) / len(a | c) >= SAME_REPORT
