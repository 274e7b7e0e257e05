"""Participants of an event at a trigger, on hand-made articles with hand-placed mentions (no model)."""
import pytest

from rasid.events.participants import actor_lexicon, find_participants
from rasid.lang.ar.lexicons import table
from rasid.lang.ar.triggers import event_lexicon
from rasid.pipeline import Pipeline
from tests.entities.helpers import article_with

LAYERS = Pipeline.from_names(["entities", "places", "quotes", "dates"],
                             given={"text", "tokens", "sentences", "mentions"}, errors="raise")


def parts(text, marked, trigger, type_, nth=1):
    """``{role: (text, kind, sector, country, entity name)}`` of the event at the ``nth`` token ``trigger``."""
    a = article_with(text, marked)
    if marked:                  # (the layers stages want a mention to start from)
        a = LAYERS(a)
    hits = [i for i, t in enumerate(a.tokens) if a.text[t.start:t.end] == trigger]
    k = hits[nth - 1]
    si = next(i for i, s in enumerate(a.sentences) if s.token_start <= k < s.token_end)
    readings = [r for r in event_lexicon().token_readings(a.tokens[k]) if r.type == type_]
    assert readings, f"no {type_} reading of {trigger}"
    names = {e.id: e.name for e in a.entities}
    out = {}
    for p in find_participants(a, si, k, k + 1, readings[0], type_):
        assert a.text[p.start:p.end] == p.text
        out[p.role] = (p.text, p.kind, p.sector, p.country, names.get(p.entity))
    return out


def test_passive_victim_is_the_target_and_nothing_is_invented():
    got = parts("قُتل جنديان عراقيان في بغداد أمس.", [("بغداد", "LOC")], "قُتل", "ASSAULT")
    assert set(got) == {"target"}
    text, kind, sector, country, _ = got["target"]
    assert text.startswith("جنديان") and kind == "descriptive" and sector == "MIL" and country == "IRQ"


def test_unvocalised_kill_with_a_victim_noun_is_passive():
    got = parts("قتل ثلاثة مدنيين في انفجار.", [], "قتل", "ASSAULT")
    assert got == {"target": ("مدنيين", "descriptive", "CVL", None, None)}


def test_active_verb_subject_source_object_target():
    got = parts("اعتقلت الشرطة العراقية ثلاثة مطلوبين في الموصل.", [("الموصل", "LOC")], "اعتقلت", "COERCE")
    assert got["source"][:4] == ("الشرطة العراقية", "descriptive", "COP", "IRQ")
    assert got["target"][0] == "مطلوبين" and got["target"][2] == "CRM"


def test_agent_phrase_is_the_source_of_a_verbal_noun():
    got = parts("أعلنت الشرطة اغتيال خالد الصالح على يد مسلحين مجهولين.", [("خالد الصالح", "PER")],
                "اغتيال", "ASSAULT")
    assert got["target"][4] == "خالد الصالح" and got["target"][1] == "named"
    assert got["source"][0] == "مسلحين مجهولين" and got["source"][2] == "UAF"


def test_light_verb_subject_and_preposition_target():
    got = parts("شن مسلحون هجوما على نقطة تفتيش للجيش.", [], "هجوما", "ASSAULT")
    assert got["source"][0] == "مسلحون" and got["source"][2] == "UAF"


def test_verbal_noun_of_a_hostile_act_takes_its_genitive_as_target():
    got = parts("أدى الانفجار إلى مقتل خمسة جنود.", [], "مقتل", "ASSAULT")
    assert set(got) == {"target"} and got["target"][0] == "جنود"


def test_a_noun_after_an_event_noun_is_its_complement_not_its_adjective():
    # زيارة وزير الخارجية التركي: the minister is the visitor; هجوم انتحاري: an adjective, no actor
    from rasid.events.participants import role_options

    def options(text, trigger, type_):
        a = article_with(text, [])
        k = next(i for i, t in enumerate(a.tokens) if a.text[t.start:t.end] == trigger)
        reading = next(r for r in event_lexicon().token_readings(a.tokens[k]) if r.type == type_)
        return [o.participant("x").text for o in role_options(a, 0, k, k + 1, reading, type_).options]

    assert "وزير الخارجية التركي" in options("وتأتي زيارة وزير الخارجية التركي إلى الرياض بعد أسبوع.",
                                           "زيارة", "CONSULT")
    assert "انتحاري" not in options("قتل خمسة أشخاص في هجوم انتحاري بسيارة مفخخة.", "هجوم", "ASSAULT")


def test_a_definite_kind_noun_stands_for_the_organisation_named_before():
    text = "وقال بيان إن تنظيم داعش فقد مواقعه. وهاجم التنظيم نقطة تفتيش للجيش."
    got = parts(text, [("تنظيم داعش", "ORG")], "وهاجم", "ASSAULT")
    assert got["source"][0] == "التنظيم" and got["source"][1] == "named" and got["source"][4] == "تنظيم داعش"


def test_noun_with_preposition_genitive_is_the_source():
    got = parts("وقع هجوم المسلحين على مركز الشرطة.", [], "هجوم", "ASSAULT")
    assert got["source"][0] == "المسلحين"


def test_exposure_verb_makes_its_subject_the_target():
    got = parts("تعرضت دورية للشرطة لهجوم مسلح.", [], "لهجوم", "ASSAULT")
    assert got.get("target", ("",))[0].startswith("دورية")
    assert "source" not in got


def test_host_verb_swaps_roles():
    got = parts("استقبل الملك عبدالله الثاني الرئيس إيمانويل ماكرون في عمان.",
                [("عبدالله الثاني", "PER"), ("إيمانويل ماكرون", "PER"), ("عمان", "LOC")], "استقبل", "CONSULT")
    assert got["source"][4] == "إيمانويل ماكرون"
    assert got["target"][4] == "عبدالله الثاني"


def test_newswire_date_and_place_are_never_participants():
    got = parts("وقالت رويترز إن متظاهرين تظاهروا في القاهرة يوم الاثنين.",
                [("رويترز", "ORG"), ("القاهرة", "LOC")], "تظاهروا", "PROTEST")
    assert set(got) == {"source"} and got["source"][0] == "متظاهرين" and got["source"][2] == "CVL"


def test_country_used_as_an_actor():
    got = parts("هاجمت إيران السعودية في بيان.", [("إيران", "LOC"), ("السعودية", "LOC")], "هاجمت", "ASSAULT")
    assert got["source"][4] == "إيران" and got["target"][4] == "السعودية"


def test_member_noun_takes_the_named_organisation():
    got = parts("اعتقلت قوات الأمن عناصر من تنظيم القاعدة.", [("تنظيم القاعدة", "ORG")], "اعتقلت", "COERCE")
    assert got["source"][2] == "COP"


def test_pronoun_forces_resolve_to_the_statement_speaker():
    text = "وأعلن الجيش العراقي أن قواته قتلت خمسة مسلحين."
    got = parts(text, [("الجيش العراقي", "ORG")], "قتلت", "ASSAULT")
    assert got["source"][0] == "قواته"
    if got["source"][4] is not None:            # the quotes stage found the speaker
        assert got["source"][4] == "الجيش العراقي" and got["source"][1] == "named"
    assert got["target"][0] == "مسلحين"


def test_stays_inside_the_clause():
    got = parts("قتل مسلحون شرطيا. وفي بغداد اعتقلت الشرطة متظاهرين.", [("بغداد", "LOC")], "قتل", "ASSAULT")
    assert got["source"][0] == "مسلحون" and got["target"][0] == "شرطيا"


def test_the_trigger_itself_is_never_a_participant():
    got = parts("وخرج متظاهرون في مظاهرة ضد الحكومة.", [], "مظاهرة", "PROTEST")
    assert all(v[0] != "مظاهرة" for v in got.values())


@pytest.mark.parametrize("form", ["مسلح", "مسلحون", "مسلحين", "مسلحان", "المسلحين", "مسلحي"])
def test_actor_lexicon_forms(form):
    from rasid.lang.ar.normalize import norm_key

    key = norm_key(form)
    key = key[2:] if key.startswith("ال") else key
    assert actor_lexicon().single[key].sector == "UAF"


def test_actor_lexicon_data_files_have_their_source_and_licence():
    from rasid.lang.ar.lexicons import catalogue

    about = {e.name: e.about for e in catalogue()}
    assert "UniversalPetrarch" in about["actor_nouns_up"] and "MIT" in about["actor_nouns_up"]
    assert "rasid" in about["actor_nouns"]
    sectors = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "INS", "UAF", "OPP", "PTY", "CVL", "LAB", "EDU",
               "MED", "HLH", "BUS", "REL", "REF", "IGO", "NGO", "CRM"}
    assert {r["sector"] for r in table("actor_nouns_up")} <= sectors
    assert {r["sector"] for r in table("actor_nouns")} <= sectors | {"", "-"}
