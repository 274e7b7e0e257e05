import pytest

from rasid.store import documents
from rasid.store import Store, StoreError
from rasid.store.writer import Store as _Store
from tests.store.build import TUNIS, WATER, article, filler, tunis, water, with_id

TABLES = ("articles", "actors", "actor_names", "actor_offices", "mentions", "events", "event_actors",
          "event_sources", "quotes", "times", "minhash_bands")


def counts(s):
    return {t: s.count(t) for t in TABLES}


def test_add_stores_every_layer(tmp_path):
    with Store(tmp_path / "s.db") as s:
        a = water()
        r = s.add(a)
        assert r.inserted and r.article_id == a.id and r.events_new == 1 and r.events_merged == 0
        c = counts(s)
        assert c["articles"] == 1 and c["actors"] == 4 and c["mentions"] == 4
        assert c["events"] == 1 and c["event_actors"] == 2 and c["event_sources"] == 1
        assert c["quotes"] == 1 and c["times"] == 1 and c["actor_offices"] == 2
        # the entities got their actor ids, and the stored JSON carries them
        assert all(e.kb_id and e.kb_id.startswith("A") for e in a.entities)
        q = s.conn.execute("SELECT speaker_actor_id FROM quotes").fetchone()[0]
        assert q == a.entities[0].kb_id


def test_reingest_adds_nothing(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as s:
        for a in (water(), tunis(), filler(1)):
            s.add(a)
        before = counts(s)
        again = [s.add(a) for a in (water(), tunis(), filler(1))]
        assert not any(r.inserted for r in again)
        assert counts(s) == before
    with Store(path) as s:   # a new process, same answer
        assert not s.add(tunis()).inserted
        assert counts(s) == before


def test_same_event_from_two_articles_is_one_event_with_two_sources(tmp_path):
    with Store(tmp_path / "s.db") as s:
        r1 = s.add(water(published="2024-03-03"))
        other = ("أعلن وزير المياه الأردني رائد أبو السعود أنه التقى الوزير السوري تمام رعد لبحث ملف نهر اليرموك. "
                 "ولم يصدر بيان عن الجانب السوري حتى الآن حول نتائج اللقاء الذي عقد في العاصمة الأردنية.")
        r2 = s.add(article(other, published="2024-03-05", publisher="أخرى",
                           events=[("CONSULT", ["رائد أبو السعود"], ["تمام رعد"])]))
        assert r2.inserted and r2.duplicate_of is None
        assert (r2.events_new, r2.events_merged) == (0, 1)
        assert s.count("events") == 1
        rows = s.conn.execute("SELECT event_id, article_id FROM event_sources ORDER BY rowid").fetchall()
        assert len({r[0] for r in rows}) == 1
        assert [r[1] for r in rows] == [r1.article_id, r2.article_id]
        assert s.conn.execute("SELECT n_sources FROM events").fetchone()[0] == 2


@pytest.mark.parametrize("change", ["late", "other_type", "reversed", "negated"])
def test_different_events_are_not_merged(tmp_path, change):
    with Store(tmp_path / "s.db") as s:
        s.add(water(published="2024-03-03"))
        text = WATER + " وأضاف الوزير أن الاجتماع المقبل سيعقد في دمشق."
        kw = {"published": "2024-03-03", "events": [("CONSULT", ["رائد أبو السعود"], ["تمام رعد"])]}
        if change == "late":
            kw["published"] = "2024-03-07"          # 4 days later: outside the ±3-day window
        elif change == "other_type":
            kw["events"] = [("AGREE", ["رائد أبو السعود"], ["تمام رعد"])]
        elif change == "reversed":
            kw["events"] = [("CONSULT", ["تمام رعد"], ["رائد أبو السعود"])]
        a = water(text=text, **kw)
        if change == "negated":
            a.events[0].negated = True
        r = s.add(a)
        assert (r.events_new, r.events_merged) == (1, 0)
        assert s.count("events") == 2


def test_window_is_configurable(tmp_path):
    with Store(tmp_path / "s.db", window_days=7) as s:
        s.add(water(published="2024-03-03"))
        r = s.add(water(text=WATER + " وتابع.", published="2024-03-09"))
        assert r.events_merged == 1


def test_actors_are_shared_across_articles_and_writers(tmp_path):
    path = tmp_path / "s.db"
    one, two = Store(path), Store(path)
    a = water()
    one.add(a)
    b = article("قال وزير المياه رائد أبو السعود إن المفاوضات مستمرة مع الجانب السوري بشأن حصص المياه.",
                published="2024-03-10")
    two.add(b)               # the second writer sees the actors the first one stored
    assert b.entities[0].kb_id == a.entities[0].kb_id
    c = article("وأكد رائد أبو السعود أن المملكة تعاني من شح المياه للعام الثالث على التوالي.",
                published="2024-03-11")
    one.add(c)               # and the first sees the second's changes
    assert c.entities[0].kb_id == a.entities[0].kb_id
    row = one.conn.execute("SELECT first_seen, last_seen, mentions FROM actors WHERE id = ?",
                           (a.entities[0].kb_id,)).fetchone()
    assert tuple(row) == ("2024-03-03", "2024-03-11", 3)
    one.close(), two.close()


def test_a_failed_add_leaves_nothing_and_can_be_retried(tmp_path, monkeypatch):
    with Store(tmp_path / "s.db") as s:
        s.add(tunis())
        before = counts(s)
        n_actors = len(s.registry)

        def boom(self, *a, **k):
            raise RuntimeError("disk on fire")
        monkeypatch.setattr(_Store, "_insert_events", boom)
        with pytest.raises(RuntimeError):
            s.add(water())
        assert counts(s) == before
        assert len(s.registry) == n_actors        # the registry forgot the rolled-back actors
        monkeypatch.undo()
        assert s.add(water()).inserted


def test_an_id_stored_with_other_content_is_replaced_as_if_never_stored(tmp_path):
    with Store(tmp_path / "clean.db") as s:
        s.add(with_id(water(), "same"))
        clean = counts(s)
    with Store(tmp_path / "s.db") as s:
        s.add(with_id(tunis(), "same"))
        result = s.add(with_id(water(), "same"))
        assert result.inserted and result.replaced and result.article_id == "same"
        assert counts(s) == clean
        assert s.count("article_versions") == 1
        assert s.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_add_many_passes_input_errors_through(tmp_path):
    from rasid.errors import InputError

    err = InputError("x.txt", "empty", "empty file")
    with Store(tmp_path / "s.db") as s:
        out = list(s.add_many([tunis(), err, filler(2)]))
    assert out[1] is err and out[0].inserted and out[2].inserted


def test_text_of_unrelated_article_is_not_touched(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.add(tunis())
        stored = documents.text_of(s.conn.execute("SELECT raw_json FROM articles").fetchone()[0])
    assert stored == TUNIS


def test_another_writers_actors_are_read_incrementally_not_by_a_full_reload(tmp_path, monkeypatch):
    from rasid.store.actors import ActorRegistry

    path = tmp_path / "s.db"
    one, two = Store(path), Store(path)
    one.add(water())
    two.add(tunis())                       # two loads the registry once, then writes
    loads = []
    real = ActorRegistry.from_dict.__func__
    monkeypatch.setattr(ActorRegistry, "from_dict", classmethod(lambda cls, d: loads.append(1) or real(cls, d)))
    b = article("قال وزير الخارجية التونسي هشام الطرابلسي إن الزيارة ناجحة.", published="2024-03-05")
    one.add(b)                             # one reads only the actors two wrote
    assert loads == []
    tunis_actor = next(e.kb_id for e in b.entities if e.name == "هشام الطرابلسي")
    assert one.registry.get(tunis_actor).mentions == 2     # two's actor, with one's new mention
    # the store agrees with the registry
    assert {r[0] for r in one.conn.execute("SELECT id FROM actors")} == set(one.registry.actors)
    one.close(), two.close()


def test_a_name_the_exclusions_rule_out_is_never_linked_to_an_actor(tmp_path, monkeypatch):
    from rasid.doc.layers import Entity
    from rasid.store import evidence
    s = Store(tmp_path / "s.db")
    a = article("قال الشاعر يحيى شيخ الخادم إن القصيدة جديدة.", published="2024-03-10")
    a.entities = [Entity(id="e1", type="PER", name="يحيى شيخ الخادم", country="SAU")]
    monkeypatch.setattr(evidence, "admission", lambda e, art: "now")       # the poet is an actor
    s.add(a)
    assert a.entities[0].kb_id
    monkeypatch.undo()
    b = article("وجه خادم الحرمين الشريفين بإنشاء المشروع.", published="2024-03-11")
    b.entities = [Entity(id="e99", type="PER", name="خادم", country="SAU")]
    s.add(b)
    assert b.entities[0].kb_id is None          # not linked to the poet's actor by its last word
    s.close()
