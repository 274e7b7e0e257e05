"""Names that wait for a second article (rasid.store.pending through Store.add)."""
import pytest

from rasid.doc import Article
from rasid.doc.layers import Entity, Event, Mention, Participant, Quote
from rasid.store import Store, documents, evidence

NAME = "سالم الغامدي"


def piece(text: str, published: str, name: str = NAME) -> Article:
    """An article naming ``name`` once, who says its quoted words."""
    a = Article(raw=text, published=published, publisher="صحيفة")
    at = text.index(name)
    a.mentions = [Mention("m0", at, at + len(name), name, "PER")]
    a.entities = [Entity("e0", "PER", name, ["m0"], country="SAU")]
    q0, q1 = text.index("«") + 1, text.index("»")
    a.quotes = [Quote("q0", q0, q1, text[q0:q1], kind="direct", cue="قال", speaker="e0")]
    return a


@pytest.fixture
def waits(monkeypatch):
    monkeypatch.setattr(evidence, "admission", lambda e, art: "recurs")


def test_a_name_waits_for_a_second_article_then_both_are_linked(tmp_path, waits):
    path = tmp_path / "s.db"
    first = piece(f"قال المحلل {NAME} إن «السوق مستقرة» هذا الأسبوع.", "2024-03-01")
    with Store(path) as s:
        s.add(first)
        assert first.entities[0].kb_id is None and s.count("actors") == 0
        assert s.conn.execute("SELECT key FROM actor_candidates").fetchall()[0][0] == "PER|سالم غامدي"   # the registry key
        assert s.conn.execute("SELECT actor_id FROM mentions").fetchone()[0] is None
    second = piece(f"وأوضح {NAME} أن «الأسعار سترتفع» في الربع المقبل.", "2024-03-05")
    with Store(path) as s:                                   # another process: the waiting name is stored
        s.add(second)
        actor = second.entities[0].kb_id
        assert actor and s.count("actors") == 1 and s.count("actor_candidates") == 0
        assert [r[0] for r in s.conn.execute("SELECT DISTINCT actor_id FROM mentions")] == [actor]
        assert {r[0] for r in s.conn.execute("SELECT speaker_actor_id FROM quotes")} == {actor}
        row = s.conn.execute("SELECT raw_json FROM articles WHERE id = ?", (first.id,)).fetchone()[0]
        assert documents.decode(row)["entities"][0]["kb_id"] == actor        # the stored document too
        a = s.conn.execute("SELECT mentions, first_seen, last_seen FROM actors").fetchone()
        assert tuple(a) == (2, "2024-03-01", "2024-03-05")
        linked = s.conn.execute("SELECT article_id FROM mentions WHERE actor_id = ?", (actor,)).fetchall()
        assert sorted(r[0] for r in linked) == sorted([first.id, second.id])


def test_a_name_in_one_article_only_is_never_an_actor(tmp_path, waits):
    with Store(tmp_path / "s.db") as s:
        a = piece(f"قال المحلل {NAME} إن «السوق مستقرة» هذا الأسبوع.", "2024-03-01")
        s.add(a)
        s.add(a)                                             # the same article again is no second article
        assert s.count("actors") == 0 and s.count("actor_candidates") == 1
        s.add(piece("قال المحلل سالم القحطاني إن «السوق مستقرة» اليوم.", "2024-03-02", "سالم القحطاني"))
        assert s.count("actors") == 0 and s.count("actor_candidates") == 2       # another name


def test_a_waiting_name_goes_with_its_article(tmp_path, waits):
    with Store(tmp_path / "s.db") as s:
        a = piece(f"قال المحلل {NAME} إن «السوق مستقرة» هذا الأسبوع.", "2024-03-01")
        s.add(a)
        with s.conn:
            s.conn.execute("DELETE FROM articles WHERE id = ?", (a.id,))
        assert s.count("actor_candidates") == 0


def test_an_actor_already_made_is_linked_at_once(tmp_path, monkeypatch):
    with Store(tmp_path / "s.db") as s:
        monkeypatch.setattr(evidence, "admission", lambda e, art: "now")
        a = piece(f"قال المحلل {NAME} إن «السوق مستقرة» هذا الأسبوع.", "2024-03-01")
        s.add(a)
        monkeypatch.setattr(evidence, "admission", lambda e, art: "recurs")
        b = piece(f"وأوضح {NAME} أن «الأسعار سترتفع» في الربع المقبل.", "2024-03-05")
        s.add(b)
        assert b.entities[0].kb_id == a.entities[0].kb_id and s.count("actor_candidates") == 0


def test_a_near_copy_of_the_article_is_no_second_article(tmp_path, waits):
    body = (" وأشار إلى أن المؤشرات الاقتصادية في المنطقة تحسنت خلال الأشهر الماضية بفضل ارتفاع أسعار النفط"
            " وزيادة الإنفاق الحكومي على مشروعات البنية التحتية والتعليم والصحة في المدن الكبرى والقرى")
    with Store(tmp_path / "s.db") as s:
        s.add(piece(f"قال المحلل {NAME} إن «السوق مستقرة» هذا الأسبوع." + body, "2024-03-01"))
        copy = piece(f"قال المحلل {NAME} إن «السوق مستقرة» هذا الأسبوع كذلك." + body, "2024-03-01")
        r = s.add(copy)
        assert r.duplicate_of and copy.entities[0].kb_id is None
        assert s.count("actors") == 0 and s.count("actor_candidates") == 2


def test_the_events_of_the_earlier_article_get_the_actor(tmp_path, waits):
    with Store(tmp_path / "s.db") as s:
        a = piece(f"قال المحلل {NAME} إن «السوق مستقرة» هذا الأسبوع.", "2024-03-01")
        at = a.text.index(NAME)
        a.events = [Event("v0", "CONSULT", 0, len(a.text), source=["e0"], trigger="قال", confidence=0.7,
                          participants=[Participant(role="source", kind="named", text=NAME, start=at,
                                                    end=at + len(NAME), entity="e0")])]
        s.add(a)
        assert s.count("event_actors") == 0
        b = piece(f"وأوضح {NAME} أن «الأسعار سترتفع» في الربع المقبل.", "2024-03-05")
        s.add(b)
        actor = b.entities[0].kb_id
        assert s.conn.execute("SELECT actor_id FROM event_participants").fetchone()[0] == actor
        assert [tuple(r) for r in s.conn.execute("SELECT actor_id, role FROM event_actors")] == [(actor, "source")]
