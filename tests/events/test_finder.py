"""Events on hand-made articles with hand-placed mentions (no model)."""
import pytest

from rasid.pipeline import Pipeline
from tests.entities.helpers import article_with

def events_pipeline(**options):
    """The layers events need, then the events stage with ``options`` (a stand-in model, a floor)."""
    return Pipeline.from_names(["entities", "places", "quotes", "dates", "events"],
                               given={"text", "tokens", "sentences", "mentions"}, errors="raise",
                               **({"events": options} if options else {}))


EVENTS = events_pipeline()


def events(text, marked, published="2025-03-12"):
    a = article_with(text, marked)
    a.published = published
    a = EVENTS(a)
    names = {e.id: e.name for e in a.entities}
    out = []
    for ev in a.events:
        flags = {f for f in ("negated", "future", "hypothetical") if getattr(ev, f)}
        out.append((ev.type, [names[x] for x in ev.source], [names[x] for x in ev.target],
                    names.get(ev.location), ev.date, flags))
    return out, a


def test_meeting_with_counterpart_and_place():
    text = "التقى وزير الخارجية الأردني أيمن الصفدي مع نظيره المصري سامح شكري في القاهرة أمس."
    got, _ = events(text, [("أيمن الصفدي", "PER"), ("سامح شكري", "PER"), ("القاهرة", "LOC")])
    assert got == [("CONSULT", ["أيمن الصفدي"], ["سامح شكري"], "القاهرة", "2025-03-11", set())]


def test_subject_before_the_verb_and_listed_objects():
    text = "وكان خالد قد التقى في الرباط وزير الخارجية ناصر بوريطة، ووزير الداخلية عبد الوافي لفتيت."
    got, _ = events(text, [("خالد", "PER"), ("الرباط", "LOC"), ("ناصر بوريطة", "PER"), ("عبد الوافي لفتيت", "PER")])
    assert got == [("CONSULT", ["خالد"], ["ناصر بوريطة", "عبد الوافي لفتيت"], "الرباط", "2025-03-12", set())]


def test_noun_trigger_with_two_parties():
    text = "وتناول لقاء سالم العلي والسفير الياباني كينجي تاناكا ملف الاستثمار."
    got, _ = events(text, [("سالم العلي", "PER"), ("كينجي تاناكا", "PER")])
    assert got[0][:3] == ("CONSULT", ["سالم العلي"], ["كينجي تاناكا"])


def test_host_verb_makes_the_guest_the_source():
    text = "استقبل الملك عبدالله الثاني الرئيس الفرنسي إيمانويل ماكرون في عمان."
    got, _ = events(text, [("عبدالله الثاني", "PER"), ("إيمانويل ماكرون", "PER"), ("عمان", "LOC")])
    assert got[0][:3] == ("CONSULT", ["إيمانويل ماكرون"], ["عبدالله الثاني"])


class _Always:
    """A stand-in for the learned decision: every candidate is an actual event of its first type."""

    realis_checked = frozenset()

    def decide(self, article, cands, scores=None):
        from rasid.events.decide import Decision

        if scores is not None:
            scores.update({c.first: {t: 1.0 for t in c.types} for c in cands})
        return [Decision(c, c.types[0], 1.0, "actual", 1.0) for c in cands]


def test_one_party_event_keeps_its_party_and_invents_no_other():
    # the rule finder needs two named parties; an event the learned decision takes keeps its one party
    text = "عقد وزير المالية سالم العلي اجتماعا مطولا أمس."
    pipe = events_pipeline(model=_Always())
    a = article_with(text, [("سالم العلي", "PER")])
    a.published = "2025-03-12"
    a = pipe(a)
    consult = [e for e in a.events if e.type == "CONSULT"]
    assert len(consult) == 1 and consult[0].target == []
    (party,) = consult[0].participants
    assert (party.role, party.kind, a.entity(party.entity).name) == ("source", "named", "سالم العلي")
    assert party.text.endswith("سالم العلي")


def test_negated_future_and_planned_meetings_are_flagged_not_past():
    text = ("لم يلتق الرئيس سامي الحداد مع رئيس الوزراء فادي نصر. "
            "وسيلتقي سامي الحداد مع فادي نصر الأسبوع المقبل. "
            "ومن المقرر أن يلتقي سامي الحداد مع فادي نصر غدا.")
    marked = [("سامي الحداد", "PER"), ("فادي نصر", "PER"), ("سامي الحداد", "PER"), ("فادي نصر", "PER"),
              ("سامي الحداد", "PER"), ("فادي نصر", "PER")]
    got, _ = events(text, marked)
    assert got, "the events are kept, with their flags"
    assert all(flags for *_, flags in got), got
    assert any("negated" in f for *_, f in got) and any("future" in f for *_, f in got)


def test_anaphoric_meeting_gives_place_and_topics():
    text = ("بحث وزير الداخلية سعيد الكعبي مع نظيره الإيطالي ماتيو بيانتيدوزي التعاون الأمني. "
            "وقالت الوزارة إن اللقاء الذي عقد في روما تناول ملف الهجرة غير النظامية.")
    got, a = events(text, [("سعيد الكعبي", "PER"), ("ماتيو بيانتيدوزي", "PER"), ("روما", "LOC")])
    assert got[0][:4] == ("CONSULT", ["سعيد الكعبي"], ["ماتيو بيانتيدوزي"], "روما")
    assert "migration" in a.events[0].topics if a.events else True


def test_event_dates_come_from_the_text_the_statement_or_the_publication():
    marked = [("سعيد الكعبي", "PER"), ("ماتيو بيانتيدوزي", "PER")]
    _, a = events("التقى سعيد الكعبي مع ماتيو بيانتيدوزي أمس.", marked)
    assert (a.events[0].date, a.events[0].date_source) == ("2025-03-11", "text")
    _, a = events("وقالت وزارة الداخلية، الاثنين، إن سعيد الكعبي التقى مع ماتيو بيانتيدوزي في روما.",
                  [("وزارة الداخلية", "ORG")] + marked + [("روما", "LOC")])
    assert (a.events[0].date, a.events[0].date_source) == ("2025-03-10", "statement")
    _, a = events("التقى سعيد الكعبي مع ماتيو بيانتيدوزي.", marked)
    assert (a.events[0].date, a.events[0].date_source) == ("2025-03-12", "published")


def test_token_forms_are_shared_by_norm_and_pieces_not_by_hand_set_words():
    from rasid.doc.layers import Word
    from rasid.events.finder import _FormCache
    from rasid.lang.ar.tokenize import tokenize
    from rasid.lang.ar.triggers import event_lexicon, trigger_key

    lex = event_lexicon()
    forms = _FormCache(lex)
    a, b = [t for t in tokenize("والتقى الوزير والتقى") if t.norm == "والتقي"]
    assert forms.word(a) is forms.word(b)
    form = forms.word(a)
    assert (form.stem, form.trigger_key, form.readings) == (a.stem, trigger_key(a), lex.token_readings(a))
    assert form.may_trigger
    # words set by hand are read as they are, never from a form of the same norm
    b.words = [Word(b.start, b.start + 1, "و", "proclitic"), Word(b.start + 1, b.end, "الرئيس", "stem")]
    assert forms.word(b).stem == "الرئيس" and forms.word(b).trigger_key == "الرئيس" != form.trigger_key
    assert forms.word(b).readings == lex.token_readings(b)
    assert forms.word(a).readings == form.readings


def test_the_stage_takes_its_lexicon_and_word_lists():
    from dataclasses import replace

    from rasid.events.finder import event_words
    from rasid.lang.ar.lexicons import data
    from rasid.lang.ar.triggers import EventLexicon, finder_lexicon
    from rasid.stages.events import Events

    text = "التقى سعيد الكعبي مع ماتيو بيانتيدوزي أمس."
    marked = [("سعيد الكعبي", "PER"), ("ماتيو بيانتيدوزي", "PER")]
    _, a = events(text, marked)
    assert [e.type for e in Events()(a).events] == ["CONSULT"]
    assert Events().words is event_words() and Events().triggers is finder_lexicon()
    empty = EventLexicon({**data("events"), "triggers": []})
    assert Events(triggers=empty, candidate_triggers=empty)(a).events == []
    # the word lists given are the ones read: a kinship noun between two actors makes an apposition
    text = "التقى سعيد الكعبي مع ماتيو بيانتيدوزي، صهر سالم العلي."
    marked = [("سعيد الكعبي", "PER"), ("ماتيو بيانتيدوزي", "PER"), ("سالم العلي", "PER")]
    _, a = events(text, marked)
    assert len(Events()(a).events[0].target) == 2
    in_law = replace(event_words(), kinship=event_words().kinship | {"صهر"})
    assert len(Events(words=in_law)(a).events[0].target) == 1


def test_shipped_word_lists_are_norm_keys():
    from rasid.events.finder import event_words
    from rasid.lang.ar.normalize import norm_key

    w = event_words()
    for name in ("prepositions", "clause_complementizers", "anaphors", "name_titles", "generic_orgs",
                 "light_verbs_before", "light_verbs_after", "list_breaking_prepositions"):
        assert all(norm_key(k) == k for k in getattr(w, name)), name
    assert {"مع", "الي", "ب"} <= w.prepositions and "ب" not in w.word_prepositions
    assert w.list_breaking_prepositions <= w.prepositions
    assert "ل" not in w.prepositions_but_l and "ب" in w.prepositions_but_l


def test_events_do_not_depend_on_earlier_articles():
    text = "التقى وزير الخارجية الأردني أيمن الصفدي مع نظيره المصري سامح شكري في القاهرة أمس."
    marked = [("أيمن الصفدي", "PER"), ("سامح شكري", "PER"), ("القاهرة", "LOC")]
    first, _ = events(text, marked)
    events("وقعت البلدان اتفاقية للتعاون ثم التقى الوزيران في عمان.", [("عمان", "LOC")])
    again, _ = events(text, marked)
    assert first == again


def test_agreement_signed_in_a_relative_clause():
    text = "وقال الوزير إن الاتفاق الذي وقعته تونس والجزائر في الرباط الشهر الماضي مهم."
    got, _ = events(text, [("تونس", "LOC"), ("الجزائر", "LOC"), ("الرباط", "LOC")])
    assert got == [("AGREE", ["تونس"], ["الجزائر"], "الرباط", "2025-02", set())]


def test_participle_continuing_a_statement_takes_its_speaker_as_subject():
    text = "وقال سالم العلي إن الوضع صعب، محملاً جماعة النور مسؤولية التصعيد."
    got, _ = events(text, [("سالم العلي", "PER"), ("جماعة النور", "ORG")])
    assert [g[:3] for g in got] == [("ACCUSE", ["سالم العلي"], ["جماعة النور"])]
    # without a statement before it, the participle has no subject: the accused stays the target and
    # no accuser is invented
    got, _ = events("محملاً جماعة النور مسؤولية التصعيد.", [("جماعة النور", "ORG")])
    assert all(g[1] == [] and g[2] in ([], ["جماعة النور"]) for g in got), got


def test_an_event_told_in_a_statement_records_who_reported_it():
    text = "وقال سالم العلي إن مسلحين هاجموا قافلة فادي نصر أمس."
    pipe = events_pipeline(model=_Always())
    a = article_with(text, [("سالم العلي", "PER"), ("فادي نصر", "PER")])
    a.published = "2025-03-12"
    a = pipe(a)
    speaker = next(e.id for e in a.entities if e.name == "سالم العلي")
    assault = [e for e in a.events if e.type == "ASSAULT"]
    assert assault and all(e.reported_by == speaker for e in assault)


class _Never:
    """A stand-in for the learned decision that takes no candidate for an event (P 0 for every type)."""

    realis_checked = frozenset()

    def decide(self, article, cands, scores=None):
        if scores is not None:
            scores.update({c.first: {t: 0.0 for t in c.types} for c in cands})
        return []


@pytest.mark.parametrize("floor, kept", [(0.05, False), (0.0, True)])
def test_a_rule_finder_event_the_learned_decision_rules_out_is_dropped(floor, kept):
    text = "والتقى الرئيس سامي الحداد رئيس الوزراء فادي نصر في القاهرة أمس."
    pipe = events_pipeline(model=_Never(), finder_floor=floor)
    a = pipe(article_with(text, [("سامي الحداد", "PER"), ("فادي نصر", "PER"), ("القاهرة", "LOC")]))
    assert bool([e for e in a.events if e.type == "CONSULT"]) is kept


class _SureRecalled(_Always):
    """Every candidate an event of its first type, read as background with ``p`` (realis checked on
    the types in ``checked``, as a model trained with GSR "no" lines for them says)."""

    def __init__(self, checked, p):
        self.realis_checked, self.p = frozenset(checked), p

    def decide(self, article, cands, scores=None):
        from rasid.events.decide import Decision

        super().decide(article, cands, scores)
        return [Decision(c, c.types[0], 1.0, "background", self.p) for c in cands]


@pytest.mark.parametrize("checked, p, realis", [({"ASSAULT"}, 0.9, "background"), ({"ASSAULT"}, 0.4, "actual"),
                                                (set(), 0.9, "actual")])
def test_a_rule_finder_attack_takes_the_realis_model_when_it_learned_the_type_and_is_sure(checked, p, realis):
    text = "هاجمت جماعة النور قافلة فادي نصر في القاهرة."
    pipe = events_pipeline(model=_SureRecalled(checked, p))
    a = pipe(article_with(text, [("جماعة النور", "ORG"), ("فادي نصر", "PER"), ("القاهرة", "LOC")]))
    found = [e for e in a.events if e.type == "ASSAULT" and e.source and e.target]
    assert found and all(e.realis == realis for e in found)
