"""The Arabic PLOVER trigger lexicon: its data, its matcher, contexts and cues."""
import json
from importlib import resources

import pytest

from rasid.lang.ar.triggers import PLOVER_TYPES, event_lexicon, trigger_keys
from rasid.lang.ar.tokenize import tokenize

# the modes of the PLOVER manual (v0.8 draft); REQUEST takes DEMAND's
PLOVER_MODES = {
    "AGREE": set(), "CONSULT": {"visit", "third-party", "multilateral", "phone"}, "SUPPORT": set(),
    "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"},
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "heavy-weapons", "cleansing", "massacre", "unconventional", "sideAB"},
}
PLOVER_CONTEXTS = {
    "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "disease", "enviro_disaster",
    "migration", "humanitarian", "asylum", "legal", "human_rights", "rights_freedoms", "gender", "lgbt", "terrorism",
    "human_security", "religion_ethnicity", "executive", "election", "legislative", "cbrn", "cyber",
    "political_institutions", "corruption", "crime", "illegal_drugs"}


@pytest.fixture(scope="module")
def lex():
    return event_lexicon()


@pytest.fixture(scope="module")
def data():
    return json.loads(resources.files("rasid.lang.ar.lexicons").joinpath("events.json").read_text("utf-8"))


def _words(text):
    return [t for t in tokenize(text) if t.kind == "word"]


def _find(lex, text, surface):
    """The (trigger, length) at the first token whose text is ``surface``."""
    toks = _words(text)
    keys = trigger_keys(toks)
    for i, t in enumerate(toks):
        if text[t.start:t.end] == surface:
            return lex.match_at(toks, i, keys)
    raise AssertionError(f"{surface!r} not in {text!r}")


# ---------------------------------------------------------------- the data

def test_types_are_the_16_with_plover_modes(data):
    assert set(data["types"]) == set(PLOVER_TYPES) and len(PLOVER_TYPES) == 16
    for t, info in data["types"].items():
        assert set(info["modes"]) == PLOVER_MODES[t], t
        assert info["quad"] in (1, 2, 3, 4)
        assert isinstance(info["score"], float)


def test_every_entry_is_well_formed(data):
    allowed = {"type", "mode", "detail", "past", "impf", "nouns", "phrases", "source", "symmetric", "needs_object",
               "prep", "requires", "window", "blocked_next", "alt_types", "weight", "note", "participles", "not_forms",
               "finder", "verb_participles"}
    for e in data["triggers"]:
        assert set(e) <= allowed, e
        assert e["type"] in PLOVER_TYPES, e
        assert e["mode"] is None or e["mode"] in PLOVER_MODES[e["type"]], e
        assert e.get("source", "subject") in ("subject", "object"), e
        assert all(a in PLOVER_TYPES and a != e["type"] for a in e.get("alt_types", ())), e
        assert 0 < e.get("weight", 0.8) <= 1, e
        assert e.get("past") or e.get("impf") or e.get("nouns") or e.get("phrases"), e


def test_loaded_triggers(lex):
    assert len({t.key for t in lex.triggers}) >= 250
    for t in lex.triggers:
        assert t.type in PLOVER_TYPES
        assert t.mode is None or t.mode in PLOVER_MODES[t.type]
        assert t.source in ("subject", "object")
        assert t.key and " " not in t.key or t.pos == "phrase"
    assert {t.type for t in lex.triggers} == set(PLOVER_TYPES)


def test_contexts(data, lex):
    ctx = data["contexts"]
    assert {n for n, c in ctx.items() if c["plover"]} == PLOVER_CONTEXTS
    assert {"security", "training", "border", "energy"} <= set(ctx)
    assert all(c["keywords"] for c in ctx.values())


def test_cue_lists(lex):
    from rasid.lang.ar.normalize import norm_key
    for w in ("لم", "لن", "نفى"):
        assert norm_key(w) in lex.negation
    for w in ("سوف", "يعتزم", "ينوي"):
        assert norm_key(w) in lex.future
    assert "من المقرر".replace("ال", "", 1) in lex.future   # multiword cues are stem keys
    for w in ("قد", "إذا", "لو", "مقترح"):
        assert norm_key(w) in lex.hypothetical


# ---------------------------------------------------------------- the matcher

@pytest.mark.parametrize("text, surface, type_, mode", [
    ("والتقى الرئيس المصري نظيره الفرنسي في باريس.", "والتقى", "CONSULT", None),
    ("التقت وزيرة الخارجية بنظيرها.", "التقت", "CONSULT", None),
    ("وسيلتقي الوزير نظيره غدا.", "وسيلتقي", "CONSULT", None),
    ("واجتمع الوزيران في عمان.", "واجتمع", "CONSULT", None),
    ("عقد الجانبان اجتماعا مغلقا.", "اجتماعا", "CONSULT", None),
    ("واستقبله الملك في قصره.", "واستقبله", "CONSULT", "visit"),
    ("وزار رئيس الوزراء العراقي أنقرة.", "وزار", "CONSULT", "visit"),
    ("في ختام زيارته إلى القاهرة.", "زيارته", "CONSULT", "visit"),
    ("خلال لقائه نظيره.", "لقائه", "CONSULT", None),
    ("ناقشت الوزيرتان سبل التعاون.", "ناقشت", "CONSULT", None),
    ("بحثا خلال المباحثات ملف المياه.", "المباحثات", "CONSULT", None),
    ("انطلقت أعمال القمة في الرياض.", "القمة", "CONSULT", "multilateral"),
    ("اتفق الطرفان على تشكيل لجنة.", "اتفق", "AGREE", None),
    ("واتفقا على تبادل الزيارات.", "واتفقا", "AGREE", None),
    ("ندد المجلس بالهجوم.", "ندد", "ACCUSE", "disapprove"),
    ("واتهمت الحكومة المعارضة بالتحريض.", "واتهمت", "ACCUSE", "allege"),
    ("رفضت الحركة المقترح.", "رفضت", "REJECT", None),
    ("هدد الجيش باقتحام المدينة.", "هدد", "THREATEN", None),
    ("خرجت مظاهرات حاشدة في العاصمة.", "مظاهرات", "PROTEST", "demo"),
    ("أعلن العمال الإضراب احتجاجا على الأجور.", "الإضراب", "PROTEST", "strike"),
    ("واعتقلت الشرطة عشرين شخصا.", "واعتقلت", "COERCE", "arrest"),
    ("اعتقلوهم فجرا.", "اعتقلوهم", "COERCE", "arrest"),
    ("نفذت القوات مداهمات في الحي.", "مداهمات", "COERCE", "arrest"),
    ("قرار ترحيل المهاجرين.", "ترحيل", "COERCE", "deport"),
    ("وانسحبت القوات من البلدة.", "وانسحبت", "RETREAT", "withdraw"),
    ("أفرجت السلطات عن الصحفي.", "أفرجت", "RETREAT", "release"),
    ("وقصفت الطائرات مواقع المسلحين.", "وقصفت", "ASSAULT", "heavy-weapons"),
    ("شنت المقاتلات غارات على المدينة.", "غارات", "ASSAULT", "heavy-weapons"),
    ("أسفرت الاشتباكات عن قتلى.", "الاشتباكات", "ASSAULT", "sideAB"),
    ("عملية اغتيال القيادي.", "اغتيال", "ASSAULT", "assassinate"),
    ("وفجرت المجموعة جسرا.", "وفجرت", "ASSAULT", "explosives"),
    ("وصلت مساعدات إلى غزة.", "مساعدات", "AID", None),
    ("وأشاد الوزير بالجهود.", "وأشاد", "SUPPORT", None),
    ("حشد الجيش قواته على الحدود.", "حشد", "MOBILIZE", "troops"),
    ("دعا الأمين العام إلى التهدئة.", "دعا", "REQUEST", None),
])
def test_single_token_triggers(lex, text, surface, type_, mode):
    hit = _find(lex, text, surface)
    assert hit is not None, surface
    t, n = hit
    assert (t.type, t.mode, n) == (type_, mode, 1)


@pytest.mark.parametrize("text, surface, type_, mode, n", [
    ("وأجرى الرئيس اتصالا هاتفيا مع ولي العهد.", "اتصالا", "CONSULT", "phone", 2),
    ("وتلقى الوزير اتصالا هاتفيا من نظيره.", "اتصالا", "CONSULT", "phone", 2),
    ("أعلنت الأطراف وقف إطلاق النار.", "وقف", "AGREE", None, 3),
    ("فرضت السلطات حظر التجول في المدينة.", "حظر", "COERCE", "curfew", 2),
    ("وقع البلدان مذكرة تفاهم للتعاون.", "مذكرة", "AGREE", None, 2),
    ("انفجرت عبوة ناسفة قرب الموكب.", "عبوة", "ASSAULT", "explosives", 2),
    ("قررت قطع العلاقات مع طهران.", "قطع", "SANCTION", "discontinue", 2),
    ("ونظم العشرات وقفة احتجاجية أمام المبنى.", "وقفة", "PROTEST", "demo", 2),
    ("أعلن المعتقلون الإضراب عن الطعام.", "الإضراب", "PROTEST", "hunger", 3),
])
def test_phrases(lex, text, surface, type_, mode, n):
    t, m = _find(lex, text, surface)
    assert (t.type, t.mode, m) == (type_, mode, n)


@pytest.mark.parametrize("text, surface, type_, mode", [
    ("وقعت مصر والأردن اتفاقية للربط الكهربائي.", "وقعت", "AGREE", None),
    ("وفرضت واشنطن عقوبات جديدة على طهران.", "وفرضت", "SANCTION", "discontinue"),
    ("فرضت السلطات حظر التجول.", "فرضت", "COERCE", "curfew"),
    ("ونشرت الحكومة قوات إضافية على الحدود.", "ونشرت", "MOBILIZE", "troops"),
    ("نشرت الوزارة عناصر الأمن في الشوارع.", "نشرت", "MOBILIZE", "police"),
    ("وأطلق الجيش سراح عشرة أسرى.", "وأطلق", "RETREAT", "release"),
    ("أطلق مسلحون النار على الحافلة.", "أطلق", "ASSAULT", "firearms"),
    ("طردت الحكومة السفير الإسرائيلي.", "طردت", "SANCTION", "expel"),
    ("طردت السلطات مئات المهاجرين.", "طردت", "COERCE", "deport"),
    ("استدعت الخارجية السفير التركي.", "استدعت", "ACCUSE", "disapprove"),
    ("استدعت الرباط سفيرها في باريس.", "استدعت", "SANCTION", "withdraw"),
    ("وانسحبت واشنطن من الاتفاق النووي.", "وانسحبت", "SANCTION", "withdraw"),
    ("وصل الرئيس التركي إلى الدوحة.", "وصل", "CONSULT", "visit"),
])
def test_readings_chosen_by_what_follows(lex, text, surface, type_, mode):
    t, _ = _find(lex, text, surface)
    assert (t.type, t.mode) == (type_, mode)


@pytest.mark.parametrize("text, surface", [
    ("وقعت الحادثة صباح اليوم.", "وقعت"),          # 'happened', not 'signed'
    ("نشرت الصحيفة تقريرا مطولا.", "نشرت"),        # 'published'
    ("ويواصل الفريق البحث عن ناجين.", "البحث"),    # 'searching for'
    ("وقال في مؤتمر صحفي إن الوضع مستقر.", "مؤتمر"),  # a press conference
    ("أعلن الحشد الشعبي انسحابه.", "الحشد"),        # an actor name
    ("وصل عدد الضحايا عشرة.", "وصل"),              # 'reached', no إلى
    ("وقال الوزير إن العلاقات متينة.", "وقال"),     # statements are not events
    ("أكد الرئيس أهمية الحوار.", "أكد"),
    ("صدر بيان صادر عن الرئاسة.", "صادر"),          # 'issued by'
])
def test_non_events(lex, text, surface):
    assert _find(lex, text, surface) is None


def test_roles_and_symmetry(lex):
    assert lex.match("استقبل").source == "object"
    assert lex.match("يستقبل").source == "object"
    assert lex.match("استضاف").source == "object"
    assert lex.match("زار").source == "subject" and lex.match("زار").mode == "visit"
    assert lex.match("التقي").symmetric and lex.match("اجتماع").symmetric
    assert not lex.match("اعتقل").symmetric and lex.match("اعتقل").needs_object
    t, _ = _find(lex, "وتلقى الوزير اتصالا من نظيره.", "وتلقى")
    assert t.source == "object" and t.mode == "phone"


def test_match_takes_stem_keys(lex):
    # the tokenizer reads التقى as ال + تقى; the matcher puts the article back
    assert lex.match("تقي").lemma == "التقى"
    assert lex.match("اجتماعات").type == "CONSULT"
    assert lex.match("هجوما").type == "ASSAULT"
    assert lex.match("التقاه").lemma == "التقى"
    assert lex.match("قاء").form == "لقاء"           # للقاء read as ل + ال + قاء
    assert lex.match("وقعت") is None                  # needs what follows
    assert lex.match("وقعت", ["البلدان", "اتفاقيه"]).type == "AGREE"
    assert lex.match("الرئيس") is None and lex.match("قال") is None
    assert len(lex.readings("طرد")) >= 2


def _readings_by_search(lex, key):
    """readings() without its prefilter: the first listed variant."""
    return next((lex._by_key[v] for v in lex._variants(key) if v in lex._by_key), [])


def test_readings_prefilter_keeps_every_listed_variant(lex):
    # keys made from every listed key with the clitics, suffixes and endings the variants undo
    keys = set()
    for k in lex._by_key:
        for pre in ("", "ال", "ل", "و", "وال"):
            for cut in (k, k[:-1], k[2:]):
                for suf in ("", "ه", "ها", "هم", "هما", "كما", "نا", "ا", "ات", "ته", "اه", "وه", "يه", "ئه"):
                    keys.add(pre + cut + suf)
    keys |= {"هناك", "الرئيس", "قال", "في", "", "ا", "ال"}
    for key in keys:
        want = [] if key in lex.not_forms else _readings_by_search(lex, key)
        assert lex.readings(key) == want, key


def test_token_readings_and_first_firing(lex):
    text = "ووقعت البلدان اتفاقية وقال الرئيس"
    toks = _words(text)
    keys = trigger_keys(toks)
    signed = lex.token_readings(toks[0])
    assert signed and all(isinstance(t, type(signed[0])) for t in signed)
    assert lex.first_firing(signed, keys[1:]) == lex.match_token(toks[0], keys[1:])
    assert lex.first_firing(signed, keys[1:]).type == "AGREE"
    assert lex.token_readings(toks[-1]) == ()          # الرئيس
    assert lex.match_at(toks, 0, keys, signed) == lex.match_at(toks, 0, keys)
    assert lex.starts_phrase("وقف") and not lex.starts_phrase("الرئيس")


def test_topics_are_cached_per_key_alike(lex):
    keys = trigger_keys(_words("الجيش والجيش والقوات العسكرية ووزارة الاقتصاد"))
    assert lex.topics(keys) == lex.topics(keys) == lex.topics(list(keys))


# ---------------------------------------------------------------- contexts and cues

def test_topics(lex):
    text = ("بحث الجانبان ملف الهجرة غير الشرعية ومكافحة الإرهاب وتعزيز التعاون العسكري "
            "وبرامج التدريب وضبط الحدود وزيادة الاستثمارات والتبادل التجاري.")
    topics = lex.topics(trigger_keys(_words(text)))
    for c in ("migration", "terrorism", "military", "training", "security", "border", "economic", "investment", "trade"):
        assert c in topics, c
    assert lex.topics(trigger_keys(_words("ذهب الولد إلى المدرسة صباحا."))) == ["education"]
    assert lex.topics([]) == []


def test_topics_order_by_frequency(lex):
    keys = trigger_keys(_words("الجيش والجيش والقوات العسكرية ووزارة الاقتصاد"))
    assert lex.topics(keys)[0] == "military"
    assert lex.topics(keys, min_count=2) == ["military"]


def test_cues(lex):
    assert lex.cues(trigger_keys(_words("لم يلتق الوزيران"))) == {"negation"}
    assert "future" in lex.cues(trigger_keys(_words("ومن المقرر أن يزور الرئيس باريس")))
    assert "hypothetical" in lex.cues(trigger_keys(_words("في حال انسحبت القوات")))
    assert lex.cues(trigger_keys(_words("التقى الوزيران أمس"))) == set()


def test_topic_markers(lex):
    assert {"سبل", "افاق", "تعزيز"} <= lex.topic_markers
    assert "hypothetical" not in lex.cues(trigger_keys(_words("بحث الجانبان سبل التعاون")))


def test_required_noun_as_antecedent_of_a_relative_clause(lex):
    """وقع needs an agreement noun: after it (وقع الاتفاق) or as the antecedent of a relative
    pronoun right before it (الاتفاق الذي وقعته)."""
    def at(text, word):
        toks = tokenize(text)
        keys = trigger_keys(toks)
        i = next(k for k, t in enumerate(toks) if text[t.start:t.end] == word)
        hit = lex.match_at(toks, i, keys)
        return hit[0].detail if hit else None

    assert at("الاتفاق النووي الذي وقعته الدولتان", "وقعته") == "sign"
    assert at("المذكرة التي وقعها الطرفان", "وقعها") == "sign"
    assert at("وقعت الدولتان الاتفاق", "وقعت") == "sign"
    assert at("الحادث الذي وقع أمس", "وقع") is None                 # 'happened': no agreement noun
    assert at("الاتفاق النووي وقع الانفجار", "وقع") is None          # no relative pronoun between


def test_participles_in_the_accusative_only(lex):
    """منددًا، محمّلاً، رافضةً continue a statement; the bare مندد / رافض is as often a noun."""
    def read(word):
        found = lex.token_readings(tokenize(word)[0])
        return [(t.type, t.pos) for t in found if t.pos == "participle"]

    assert read("منددًا") == [("ACCUSE", "participle")]
    assert read("رافضةً") == [("REJECT", "participle")]
    assert read("مندد") == [] and read("رافض") == []


def test_adverbs_are_not_read_as_hanna(lex):
    """هنا، هناك share their key with هنأ (congratulate); the entry lists them as not its forms."""
    for word in ("هناك", "وهناك", "هنا", "هنالك"):
        assert lex.match_token(tokenize(word)[0]) is None, word
    assert lex.match_token(tokenize("هنأت")[0]).type == "SUPPORT"     # (bare هنأ has the adverb's key)


def test_inflections_participles_and_agentless_forms(lex):
    """Every person, number and voice of a verb, its participles, and a noun's dual (issue 10)."""
    def types(word):
        return {t.type for t in lex.token_readings(tokenize(word)[0])}

    for word, type_ in [("نطالب", "REQUEST"), ("أشكر", "SUPPORT"), ("هوجم", "ASSAULT"), ("قتلنا", "ASSAULT"),
                        ("مقتولا", "ASSAULT"), ("المعتقلين", "COERCE"), ("المتظاهرون", "PROTEST"),
                        ("هجومين", "ASSAULT"), ("مظاهرتين", "PROTEST"), ("دعوتي", "REQUEST"), ("اغتيل", "ASSAULT"),
                        ("انفجرت", "ASSAULT"), ("مصرعهم", "ASSAULT"), ("واحتج", "PROTEST")]:
        assert type_ in types(word), word
    # participles that are other words are not made (موقف، مستقبل، المدينة)
    for word in ("موقف", "المستقبل", "المدينة", "الموقع", "طالبان", "مصادر"):
        assert not types(word), word


def test_finder_lexicon_leaves_out_candidate_only_entries(data, lex):
    from rasid.lang.ar.triggers import finder_lexicon

    flex = finder_lexicon()
    assert flex is finder_lexicon() and flex is not lex
    assert len(flex) < len(lex)
    assert all(t.finder for t in flex.triggers)
    assert any(not t.finder for t in lex.triggers)
    # a candidate-only entry (استشهد) and a generated participle (مقتول) are the model's, not the finder's
    assert lex.match("استشهد") is not None and flex.match("استشهد") is None
    assert lex.match("مقتول") is not None and flex.match("مقتول") is None
    assert flex.match("اعتقل").type == "COERCE"
