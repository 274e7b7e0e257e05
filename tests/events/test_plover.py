"""PLOVER JSON export of a hand-built article's events."""
import json

from rasid.doc import Article
from rasid.doc.layers import Entity, Event, Mention, Place, Role, Sentence, TimeExpr
from rasid.events.plover import to_jsonl, to_plover

TEXT = ("استقبل الملك عبدالله الثاني في عمّان الأحد رئيس الوزراء العراقي محمد شياع السوداني. "
        "وطالبت الجامعة العربية بوقف القتال.")


def _span(s, start=0):
    i = TEXT.index(s, start)
    return i, i + len(s)


def _article() -> Article:
    a = Article(raw=TEXT, published="2025-03-09", publisher="الرأي", url="https://example.org/a/1",
                title="الملك يستقبل السوداني", source="examples/a.txt")
    end1 = TEXT.index(".") + 1
    a.sentences = [Sentence(0, end1), Sentence(end1 + 1, len(TEXT))]
    k = _span("الملك عبدالله الثاني")
    amm = _span("عمّان")
    sud = _span("محمد شياع السوداني")
    al = _span("الجامعة العربية")
    a.mentions = [
        Mention("m1", *k, TEXT[k[0]:k[1]], "PER", sentence=0),
        Mention("m2", *amm, "عمّان", "LOC", sentence=0),
        Mention("m3", *sud, TEXT[sud[0]:sud[1]], "PER", sentence=0),
        Mention("m4", *al, "الجامعة العربية", "ORG", sentence=1),
    ]
    a.entities = [
        Entity("e1", "PER", "عبدالله الثاني", ["m1"], name_latin="Abdullah II", country="JOR", sector="GOV",
               roles=[Role("الملك", country="JOR")], kb_id="Q57448"),
        Entity("e2", "LOC", "عمّان", ["m2"], name_latin="Amman", country="JOR",
               geo=Place(31.95, 35.93, country="JOR", geonameid=250441, feature="capital")),
        Entity("e3", "PER", "محمد شياع السوداني", ["m3"], name_latin="Mohammed Shia al-Sudani", country="IRQ",
               sector="GOV", roles=[Role("رئيس الوزراء", country="IRQ")]),
        Entity("e4", "ORG", "جامعة الدول العربية", ["m4"], name_latin="Arab League", sector="IGO"),
    ]
    a.times = [TimeExpr("t1", *_span("الأحد"), "الأحد", value="2025-03-09", precision="day")]
    a.events = [
        Event("ev1", "CONSULT", 0, end1, mode="visit", source=["e3"], target=["e1"], location="e2", time="t1",
              topics=["diplomatic", "security"], confidence=0.9, trigger="استقبل"),
        Event("ev2", "REQUEST", end1 + 1, len(TEXT), source=["e4"], hypothetical=False, negated=True,
              confidence=0.4, trigger="وطالبت"),
    ]
    return a


def test_record_fields():
    recs = to_plover(_article())
    assert len(recs) == 2
    r = recs[0]
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text",
                "text_info", "quad_code", "event_scale", "cite_info", "coder", "rasid"):
        assert key in r, key
    a = _article()
    assert r["id"] == f"{a.id}-ev1"
    assert r["date"] == "2025-03-09"
    assert r["event"] == ["CONSULT"] and r["mode"] == ["visit"]
    assert r["context"] == ["diplomatic", "security"]
    assert r["quad_code"] == 1 and r["event_scale"] == 2.1


def test_actors():
    r = to_plover(_article())[0]
    (src,), (rec,) = r["actor"], r["recipient"]
    assert src["code"] == "IRQ" and src["sector"] == "GOV"
    assert src["actor_text"] == "محمد شياع السوداني"
    assert src["identifier_text"] == "Mohammed Shia al-Sudani" and src["office"] == "رئيس الوزراء"
    assert src["entity_id"] == "e3" and src["name"] == "محمد شياع السوداني"
    assert rec["code"] == "JOR" and rec["identifier_id"] == "Q57448" and rec["actor_text"] == "الملك عبدالله الثاني"


def test_nonstate_actor_code():
    r = to_plover(_article())[1]
    (src,) = r["actor"]
    assert src["code"] == "IGO" and src["sector"] is None
    assert src["actor_text"] == "الجامعة العربية" and src["identifier_text"] == "Arab League"
    assert r["recipient"] == [] and r["mode"] == [] and r["event_loc"] is None


def test_location_text_and_citation():
    a = _article()
    r = to_plover(a)[0]
    loc = r["event_loc"]
    assert loc["name"] == "عمّان" and loc["asciiname"] == "Amman"
    assert (loc["latitude"], loc["longitude"], loc["geonameid"], loc["cc3"]) == (31.95, 35.93, 250441, "JOR")
    assert r["event_text"] == [TEXT[: TEXT.index(".") + 1]]
    assert r["text_info"] == {"sequence": 0, "start": 0, "end": TEXT.index(".") + 1}
    c = r["cite_info"]
    assert c["citation"] == a.id and c["article_id"] == a.id
    assert c["url"] == "https://example.org/a/1" and c["publication"] == "الرأي"
    assert c["source"] == "examples/a.txt" and c["published"] == "2025-03-09" and c["language"] == "ar"
    assert c["coder"].startswith("rasid")


def test_rasid_extras_and_flags():
    r1, r2 = to_plover(_article())
    x = r1["rasid"]
    assert x["event_id"] == "ev1" and x["confidence"] == 0.9 and x["trigger"] == "استقبل"
    assert x["evidence"]["start"] == 0 and x["evidence"]["raw"] == [0, TEXT.index(".") + 1]
    assert x["date_from"] == "time"
    assert (x["source_ids"], x["recipient_ids"], x["location_id"]) == (["e3"], ["e1"], "e2")
    assert r2["rasid"]["negated"] is True and "negation" in r2["context"]
    assert r2["text_info"]["sequence"] == 1


def test_date_fallbacks():
    a = _article()
    a.events[0].date = "2025-03-08"
    assert to_plover(a)[0]["date"] == "2025-03-08"
    assert to_plover(a)[1]["date"] == "2025-03-09"
    assert to_plover(a)[1]["rasid"]["date_from"] == "published"
    a.published = None
    assert to_plover(a)[1]["date"] is None


def test_unknown_entity_and_empty_article():
    a = _article()
    a.events[1].target = ["e99"]
    assert to_plover(a)[1]["recipient"] == [{"code": None, "sector": None, "entity_id": "e99"}]
    assert to_plover(Article(raw="نص قصير.")) == []


def test_jsonl_round_trip():
    a = _article()
    lines = to_jsonl(a).splitlines()
    assert len(lines) == 2
    assert [json.loads(x) for x in lines] == json.loads(json.dumps(to_plover(a)))
    assert "السوداني" in lines[0]   # Arabic stays unescaped


def test_descriptive_parties_realis_and_casualties():
    from rasid.doc.layers import Participant

    a = _article()
    ev = a.events[0]
    s, e = _span("رئيس الوزراء العراقي")
    ev.participants = [Participant("source", s, e, "رئيس الوزراء العراقي", kind="descriptive", sector="GOV",
                                   country="IRQ"),
                       Participant("target", *_span("الملك عبدالله الثاني"), "الملك عبدالله الثاني", entity="e1")]
    ev.realis, ev.killed, ev.injured, ev.reported_by = "background", 13, None, "e3"
    ev.trigger_start, ev.trigger_end = _span("استقبل")
    r = to_plover(a)[0]
    desc, named = r["actor"]
    assert desc == {"code": "IRQ", "sector": "GOV", "actor_text": "رئيس الوزراء العراقي", "identifier_id": None,
                    "identifier_text": None, "office": None, "kind": "descriptive", "start": s, "end": e}
    assert named["kind"] == "named" and named["entity_id"] == "e3" and named["code"] == "IRQ"   # Event.source too
    (rec,) = r["recipient"]                           # e1 once: the participant stands for Event.target's e1
    assert rec["actor_text"] == "الملك عبدالله الثاني" and rec["identifier_id"] == "Q57448" and rec["code"] == "JOR"
    assert r["realis"] == "background" and r["casualties"] == {"dead": 13, "injured": None}
    assert r["rasid"]["trigger_span"] == {"start": TEXT.index("استقبل"), "end": TEXT.index("استقبل") + 6}
    assert r["rasid"]["reported_by"] == {"entity_id": "e3", "name": "محمد شياع السوداني"}
    second = to_plover(a)[1]
    assert second["realis"] == "negated" and "negation" in second["context"]    # old flags read as realis
    json.dumps(r, ensure_ascii=False)
