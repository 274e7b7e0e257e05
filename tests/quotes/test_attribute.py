"""Quotes and speakers on hand-made articles with hand-placed mentions and entities (no model)."""
from rasid.pipeline import Pipeline
from rasid.quotes.attribute import quote_pairs
from tests.entities.helpers import article_with

QUOTES = Pipeline.from_names(["entities", "quotes"], given={"text", "tokens", "sentences", "mentions"},
                             errors="raise")


def quotes(text, marked):
    a = QUOTES(article_with(text, marked))
    names = {e.id: e.name for e in a.entities}
    return [(q.kind, names.get(q.speaker), q.text, names.get(q.channel)) for q in a.quotes]


def test_indirect_speech_with_subject_and_carried_speaker():
    text = ("وقال رئيس الوزراء سامي الحداد إن الحكومة ستخفض الضرائب العام المقبل. "
            "وأضاف أن الموازنة الجديدة تراعي ذوي الدخل المحدود.")
    got = quotes(text, [("سامي الحداد", "PER")])
    assert got == [("indirect", "سامي الحداد", "الحكومة ستخفض الضرائب العام المقبل", None),
                   ("indirect", "سامي الحداد", "الموازنة الجديدة تراعي ذوي الدخل المحدود", None)]


def test_participle_continues_the_same_speaker_and_direct_run_is_inside():
    text = "وأكدت وزارة الصحة، الأحد، أن الوضع «تحت السيطرة تماماً»، مشيرة إلى أن اللقاحات متوفرة."
    got = quotes(text, [("وزارة الصحة", "ORG")])
    assert [(k, s) for k, s, _, _ in got] == [("indirect", "وزارة الصحة"), ("indirect", "وزارة الصحة")]
    assert got[0][2] == "الوضع «تحت السيطرة تماماً»"
    assert got[1][2] == "اللقاحات متوفرة"


def test_channel_reports_another_speaker():
    text = "ونقلت وكالة الأنباء الرسمية عن الوزير خالد العمري «ترحيبه بالمبادرة الجديدة للسلام»."
    got = quotes(text, [("وكالة الأنباء الرسمية", "ORG"), ("خالد العمري", "PER")])
    assert got == [("direct", "خالد العمري", "ترحيبه بالمبادرة الجديدة للسلام", "وكالة الأنباء الرسمية")]


def test_medium_after_abr_is_the_channel_and_short_quotes_are_names():
    text = "وقالت السفارة الكندية عبر حسابها على منصة «إكس» إن السفيرة عقدت «اجتماعاً مثمراً» مع الوزير."
    got = quotes(text, [("السفارة الكندية", "ORG"), ("إكس", "ORG")])
    assert got == [("indirect", "السفارة الكندية", "السفيرة عقدت «اجتماعاً مثمراً» مع الوزير", "إكس")]


def test_object_of_a_statement_verb():
    text = "وأعلنت قيادة العمليات المشتركة مقتل عشرة مسلحين في غارة جوية."
    got = quotes(text, [("قيادة العمليات المشتركة", "ORG")])
    assert got == [("indirect", "قيادة العمليات المشتركة", "مقتل عشرة مسلحين في غارة جوية", None)]


def test_no_speaker_from_a_prepositional_phrase_and_no_quote_without_a_speaker():
    text = "وأشار خلال المؤتمر في مقر وزارة الخارجية إلى أن المحادثات مستمرة."
    assert quotes(text, [("وزارة الخارجية", "ORG")]) == []


def test_scare_quotes_are_not_quotes():
    text = "وصل وفد «الهلال الأحمر» إلى المدينة أمس."
    assert quotes(text, [("الهلال الأحمر", "ORG")]) == []


def test_quote_pairs():
    assert quote_pairs("أ «ب «ج» د» هـ") == [(2, 11)]
    assert quote_pairs('قال "نعم" و«لا»') == [(4, 9), (11, 15)]


def test_every_token_whose_stem_is_a_cue_is_a_candidate():
    import json
    from importlib import resources

    from rasid.doc.layers import Token
    from rasid.lang.ar.tokenize import tokenize
    from rasid.quotes.attribute import _word_stem, cue_candidates, speech_lexicon

    data = json.loads(resources.files("rasid.lang.ar.lexicons").joinpath("speech.json").read_text("utf-8"))
    forms = [w for k in ("verbs", "participles", "channel_verbs") for w in data[k]]
    text = " ".join(p + w + s for w in forms for p in ("", "و", "ف", "ل", "ال", "وال", "لل", "س", "وب")
                    for s in ("", "،", "ـ"))
    lex = speech_lexicon()
    cues = lex.verbs | lex.participles | lex.channel_verbs
    tokens = tokenize(text)
    split = next(t for t in tokens if t.split and _word_stem(t) in cues)
    tokens.append(Token(len(text), len(text) + 3, "xyz", "word", split.words))   # given its words
    want = [i for i, t in enumerate(tokens) if _word_stem(t) in cues]
    got = cue_candidates([t.stem for t in tokens], lex)
    assert want and set(want) <= set(got) and got == sorted(got)
    assert len(tokens) - 1 in got
    assert len(got) < len(tokens)


def test_names_after_prepositions_and_circumstance_nouns_are_not_speakers():
    from rasid.quotes.attribute import quote_words

    w = quote_words()
    assert {"في", "الي", "ب"} <= w.prepositions and "قبل" in w.prepositional_nouns
    assert "رياسه" in w.circumstance_nouns       # برئاسة X (norm key: hamza seat bare)
    text = "وقال بحضور سالم العلي إن الوضع صعب."
    assert quotes(text, [("سالم العلي", "PER")]) == []


def test_quote_pairs_nest_and_reset_at_newlines():
    text = 'قال «أ «ب» ج» و"د" «هـ\n» “و”'
    spans = [(text.index("«أ"), text.index("ج»") + 2), (text.index('"د'), text.index('د"') + 2),
             (text.index("“"), len(text))]
    assert quote_pairs(text) == spans


# --------------------------------------------------------------------------- speaker options (issue 11)

def _statements(text, marked, model=None):
    from rasid.lang.ar.speech import speech_lexicon
    from rasid.quotes.attribute import QuoteFinder, quote_words
    from rasid.quotes.speakers import SpeakerModel

    a = Pipeline.from_names(["entities"], given={"text", "tokens", "sentences", "mentions"}, errors="raise")(
        article_with(text, marked))
    entity_of = {mid: e.id for e in a.entities for mid in e.mentions}
    finder = QuoteFinder(a, entity_of, speech_lexicon(), quote_words(), model=model or SpeakerModel(None))
    return a, finder.find(), finder.statements


def test_described_speakers_are_options_and_a_name_in_a_prepositional_phrase_is_not():
    text = "وقال مصدر أمني عراقي لوكالة الأنباء الرسمية إن القوات استعادت السيطرة على البلدة."
    a, _, statements = _statements(text, [("وكالة الأنباء الرسمية", "ORG")])
    (st,) = statements
    assert a.text[st.start:st.end] == "القوات استعادت السيطرة على البلدة"
    assert [(o.kind, o.text) for o in st.options] == [("desc", "مصدر أمني عراقي")]
    assert "side=mid" in st.options[0].facts and "rank=0" in st.options[0].facts


def test_object_of_a_participle_and_a_described_subject_are_statements():
    text = "وأعلنت مصادر رسمية مقتل ثلاثة جنود، مؤكدة وجود عدد من الإصابات. وزار المنطقة خالد العمري."
    a, _, statements = _statements(text, [("خالد العمري", "PER")])
    assert [a.text[s.start:s.end] for s in statements] == ["مقتل ثلاثة جنود", "وجود عدد من الإصابات"]
    assert [o.text for o in statements[0].options] == ["مصادر رسمية"]


def test_carried_speaker_and_honorific_are_facts():
    text = "وقال الأمير سعود بن نايف إن المشروع يخدم المنطقة. وأضاف سموه أن العمل سيبدأ قريبا."
    a, quotes_, statements = _statements(text, [("سعود بن نايف", "PER")])
    assert len(statements) == 2
    carry = [o for o in statements[1].options if o.kind == "carry"]
    assert carry and carry[0].entity == statements[0].options[statements[0].chosen].entity
    assert "hon=1" in statements[1].context and "conj=1" in statements[1].context
    assert [q.speaker_text for q in quotes_] == ["سعود بن نايف", "سعود بن نايف"]


def test_the_model_ranks_options_and_may_answer_nobody():
    from rasid.events.linear import LinearModel
    from rasid.quotes.speakers import SpeakerModel, SpeakerOption

    m = SpeakerModel(LinearModel(["score"], [0.0], {"k=desc": [2.0], "k=PER": [1.0], "NULL": [1.5]}))
    opts = [SpeakerOption("PER", 0, 3, "e1", facts=["k=PER"]), SpeakerOption("desc", 5, 9, None, facts=["k=desc"])]
    assert m.choose(opts, ["cue=verb"]) == 1
    assert m.choose(opts[:1], ["cue=verb"]) is None          # nobody (1.5) beats the person (1.0)
    assert SpeakerModel(None).choose(opts, []) is None        # no model, no rule choice: nobody


def test_shipped_model_gives_a_described_speaker_its_words():
    text = "وقال مصدر أمني إن مسلحين هاجموا نقطة تفتيش قرب المدينة. وزار المنطقة خالد العمري."
    got = quotes(text, [("خالد العمري", "PER")])
    assert got == [("indirect", None, "مسلحين هاجموا نقطة تفتيش قرب المدينة", None)]
    a = QUOTES(article_with(text, [("خالد العمري", "PER")]))
    assert (a.quotes[0].speaker_text, a.quotes[0].speaker_kind) == ("مصدر أمني", "descriptive")


def test_two_cues_one_content_is_one_statement():
    from rasid.extract import extract_text
    a = extract_text("لكن رئيس الاتحاد الكاريبي جيفري ويب كشف الخميس الماضي رفض مبايعة بلاتيني مؤكدا أنه لم تعقد "
                     "أي صفقة مع رئيس الاتحاد الأوروبي.")
    spans = [(q.start, q.end) for q in a.quotes]
    assert len(spans) == len(set(spans)) >= 1


def test_a_reporters_byline_is_never_a_speaker():
    from rasid.quotes.attribute import is_byline
    text = "من الضروريات الخمسة. خلود غنام- سبق- الرياض: أثار انتشار المقاطع تساؤلات."
    i = text.index("خلود")
    assert is_byline(text, i, i + len("خلود غنام"))
    j = "ديال\nعبدالكريم الحمد - الرياض\n\nتأكد"
    assert is_byline(j, 5, 5 + len("عبدالكريم الحمد"))
    k = "وقال خالد الفيصل - أمير منطقة مكة - إن"
    assert not is_byline(k, 5, 5 + len("خالد الفيصل"))            # a name inside a sentence
    from rasid.extract import extract_text
    a = extract_text(text + " وأضاف أن القوانين الموجودة كافية.")
    assert all(q.speaker_text != "خلود غنام" for q in a.quotes)


def test_an_honorific_pronoun_speaks_for_the_person_with_that_title():
    from rasid.extract import extract_text
    a = extract_text("حث صاحب السمو الأمير جلوي بن عبدالعزيز بن مساعد أمير منطقة نجران على ضرورة التكامل.\n"
                     " ونوه سموه خلال استقباله مدير فرع المعهد صالح بن محمد آل سدران بما توليه حكومة خادم الحرمين "
                     "الشريفين الملك سلمان بن عبدالعزيز آل سعود من عناية.\n"
                     " وقال سموه : \" إن الشباب والفتيات مصدر فخر للمجتمع السعودي\".")
    ents = {e.id: e.name for e in a.entities}
    said = [q for q in a.quotes if "مصدر فخر" in q.text]
    assert said and "جلوي" in ents.get(said[0].speaker, "")


def test_reported_speech_of_two_words_is_no_statement():
    from rasid.extract import extract_text
    a = extract_text("تقدمت الفصائل باتجاه المركز، وفق ما اعلن المرصد السوري لحقوق الانسان.")
    assert not [q for q in a.quotes if q.text.strip() == "لحقوق الانسان"]


def test_a_description_takes_on_behalf_of_whom():
    from rasid.extract import extract_text
    a = extract_text("وقال متحدث باسم الدفاع المدني إن الحريق اندلع في المبنى.")
    assert [q.speaker_text for q in a.quotes] == ["متحدث باسم الدفاع المدني"]


def test_a_direct_quote_after_a_long_subject_and_circumstances():
    # subject, office, place and day between the cue and «…» (13 tokens): still the subject's words
    text = ("وقال أحمد الخزعل نائب المدير العام لشؤون الرياضة في مؤتمر صحفي اليوم الثلاثاء "
            "«الهيئة صدمت بقرار تأجيل البطولة رغم جاهزية الملاعب».")
    a = QUOTES(article_with(text, [("أحمد الخزعل", "PER")]))
    assert [(q.kind, q.cue, q.speaker_text) for q in a.quotes] == [("direct", "وقال", "أحمد الخزعل")]


def test_a_participle_cue_ends_the_statement_of_the_verb_before_it():
    # وأكد X تفهمه …، مبيناً أن …: two statements, not the participle's content given to أكد
    text = "وأكد شتاينماير تفهمه قلق الرياض من الاتفاق النووي مبيناً أن العقوبات ستعود بشكل أقوى."
    got = quotes(text, [("شتاينماير", "PER")])
    assert [(s, t) for _, s, t, _ in got] == [("شتاينماير", "تفهمه قلق الرياض من الاتفاق النووي"),
                                              ("شتاينماير", "العقوبات ستعود بشكل أقوى")]


def test_a_warning_is_a_statement_of_its_object():
    got = quotes("وحذرت وزارة الصحة من انتشار المرض في المناطق الجنوبية خلال الصيف.", [("وزارة الصحة", "ORG")])
    assert [(s, t) for _, s, t, _ in got] == [("وزارة الصحة", "من انتشار المرض في المناطق الجنوبية خلال الصيف")]


def test_the_object_of_a_cue_starts_after_the_comma_that_closes_an_apposition():
    text = "وأكد المتحدث باسم الوزارة، السفير سالم الحداد، استمرار التعاون بين البلدين في المجالات كافة."
    got = quotes(text, [("سالم الحداد", "PER")])
    assert [(s, t) for _, s, t, _ in got] == [("سالم الحداد", "استمرار التعاون بين البلدين في المجالات كافة")]


def test_cue_words_of_the_saudi_press_and_plural_participles():
    text = ("وأبان سامي الحداد أن البدائل التقنية سيتم توفيرها قريبا. "
            "والتقى الوفد أعضاء اللجنة، مؤكدين أن التعاون مستمر بين البلدين.")
    got = quotes(text, [("سامي الحداد", "PER")])
    assert [(s, t) for _, s, t, _ in got][:1] == [("سامي الحداد", "البدائل التقنية سيتم توفيرها قريبا")]
    assert any(t == "التعاون مستمر بين البلدين" for _, _, t, _ in got)


VISIT, VISITOR = " وزار المنطقة خالد العمري.", [("خالد العمري", "PER")]     # a sentence with a name, no statement


def test_a_subject_the_tagger_missed_is_an_option_cut_at_a_title():
    text = "وقال إلون موسك الرئيس التنفيذي للشركة إنه يدرس الخيارات المتاحة لجمع الأموال."
    a, _, statements = _statements(text + VISIT, VISITOR)
    st = statements[0]
    subj = [o for o in st.options if o.kind == "subj"]
    assert [o.text for o in subj] == ["إلون موسك"]
    assert {"side=mid", "run=first", "at_cue=1", "every=none"} <= set(subj[0].facts)


def test_a_subject_phrase_stops_at_prepositions_pronouns_and_time_words():
    for text, want in [("وشددت الدراسة على أن الصكوك ابتكار مهم في الأسواق.", ["الدراسة"]),
                       ("وقال مشرعون الخميس إنهم يريدون المزيد من المعلومات.", ["مشرعون"]),
                       ("وأكد له أن العمل سيستمر في الأيام المقبلة.", [])]:
        a, _, statements = _statements(text + VISIT, VISITOR)
        st = statements[0]
        assert [o.text for o in st.options if o.kind == "subj"] == want, text


def test_a_subject_before_the_cue_from_the_clause_start():
    text = "زملاء كثيرون يقولون لي إن الأمور ممتازة في النادي هذا الموسم."
    a, _, statements = _statements(text + VISIT, VISITOR)
    st = statements[0]
    assert [(o.text, "side=pre" in o.facts) for o in st.options if o.kind == "subj"] == [("زملاء كثيرون", True)]


def test_a_definite_kind_noun_takes_the_organisation_of_that_kind_named_before():
    text = ("أعلن مكتب الأمن العام في بكين ضبط مصنع للهواتف المقلدة. "
            "وقال المكتب إن المجموعة أقامت المصنع بست خطوط إنتاج.")
    a, _, statements = _statements(text, [("مكتب الأمن العام", "ORG")])
    office = next(e.id for e in a.entities if e.name == "مكتب الأمن العام")
    st = statements[-1]
    ref = [o for o in st.options if o.text == "المكتب"]
    assert ref and ref[0].entity == office and "ref=1" in ref[0].facts


def test_an_adjective_agrees_in_the_article_and_a_relative_pronoun_ends_a_description():
    text = "وأشار خلال المؤتمر الصحفي الذي عقده أمس إلى أن السلطة الشرعية يعقدون اجتماعا قريبا."
    a, _, statements = _statements(text + VISIT, VISITOR)
    descs = [o.text for st in statements for o in st.options if o.kind == "desc"]
    assert "الصحفي الذي" not in descs and "السلطة الشرعية يعقدون" not in descs
    assert all("after_def=1" in o.facts for st in statements for o in st.options if o.text == "الصحفي")


def test_the_gender_of_a_cue_word():
    from rasid.lang.ar.normalize import norm_key
    from rasid.quotes.attribute import QuoteFinder

    a, _, _ = _statements("وقال خالد العمري إن العمل سيبدأ قريبا في المنطقة.", [("خالد العمري", "PER")])
    finder = QuoteFinder.__new__(QuoteFinder)
    from rasid.lang.ar.speech import speech_lexicon
    finder.lex = speech_lexicon()
    got = {w: finder._cue_gender(norm_key(w)) for w in
           ["قالت", "لفت", "لفتت", "نفت", "دعت", "تقول", "يقول", "مؤكدة", "مؤكدا", "كتب"]}
    assert got == {"قالت": "f", "لفت": "m", "لفتت": "f", "نفت": "f", "دعت": "f", "تقول": "f", "يقول": "m",
                   "مؤكدة": "f", "مؤكدا": "m", "كتب": "m"}


def test_nobody_reads_the_cue_word_and_options_do_not():
    from rasid.quotes.speakers import SpeakerOption, null_features, option_features

    ctx = ["cue=verb", "lem=قال"]
    assert "NULL|lem=قال" in null_features(ctx)
    assert not any("lem=" in f for f in option_features(SpeakerOption("PER", 0, 3, "e1", facts=["k=PER"]), ctx))


def test_an_attribution_phrase_attributes_the_clause_before_or_after_it():
    text = "وقتل ثلاثة أشخاص في انفجار بالمدينة، بحسب مصادر أمنية." + VISIT
    a, _, statements = _statements(text, VISITOR)
    st = statements[0]
    assert a.text[st.start:st.end] == "وقتل ثلاثة أشخاص في انفجار بالمدينة"
    assert a.text[st.cue_start:st.cue_end] == "بحسب"
    assert [o.text for o in st.options if o.kind == "desc"] == ["مصادر أمنية"]

    text = "ووفقا لوزارة الصحة، فإن عدد المصابين ارتفع إلى عشرين شخصا."
    a, _, statements = _statements(text, [("وزارة الصحة", "ORG")])
    st = statements[0]
    assert a.text[st.start:st.end] == "عدد المصابين ارتفع إلى عشرين شخصا"
    assert [o.text for o in st.options if o.kind == "ORG"] == ["وزارة الصحة"]


def test_the_verb_after_bihasab_ma_belongs_to_the_attribution():
    text = "وتوصل الطرفان إلى اتفاق نهائي أمس، حسب ما أعلن الوسيط الدولي." + VISIT
    a, _, statements = _statements(text, VISITOR)
    assert [a.text[s.cue_start:s.cue_end] for s in statements] == ["حسب"]


def test_a_statement_runs_on_past_a_semicolon_into_a_sentence_with_no_cue():
    text = ("وأشار خالد العمري إلى أنه سيتم تركيب دفعة من الكاميرات بالكورنيش؛ "
            "حيث يجري الآن العمل على تطويره وتجهيز واجهته البحرية. وزار المنطقة أمس.")
    a, quotes_, _ = _statements(text, [("خالد العمري", "PER")])
    assert quotes_[0].text.endswith("وتجهيز واجهته البحرية")
    text = "وأشار خالد العمري إلى أن العمل سيبدأ قريبا في الموقع؛ وقال إن التكلفة ستبلغ مليون ريال."
    a, quotes_, _ = _statements(text, [("خالد العمري", "PER")])
    assert quotes_[0].text == "العمل سيبدأ قريبا في الموقع"


def test_an_attribution_after_a_statement_of_its_own_is_its_channel():
    text = "وقال خالد العمري إن العمل سيبدأ قريبا في الموقع، وفقا لوكالة الأنباء الرسمية."
    a, _, statements = _statements(text, [("خالد العمري", "PER"), ("وكالة الأنباء الرسمية", "ORG")])
    assert [a.text[s.cue_start:s.cue_end] for s in statements] == ["وقال"]


def test_a_titles_abbreviation_dot_does_not_end_the_way_to_the_complementizer():
    text = "وأبان د. خالد العمري بأن المهرجان يشهد فعاليات مسرحية توعوية للأطفال."
    a, quotes_, statements = _statements(text, [("خالد العمري", "PER")])
    assert [q.text for q in quotes_] == ["المهرجان يشهد فعاليات مسرحية توعوية للأطفال"]
    assert not [o for o in statements[0].options if o.kind == "subj"]


def test_a_person_named_inside_what_was_said_is_marked_quoted():
    # وأضاف with no subject: the speaker carried from before, or the last person named; here that person
    # was named inside the first statement's content, which the option's fact ``quoted`` tells
    text = "وقال سمير جعجع إن «تنظيم القاعدة كان بقيادة أبو مصعب الزرقاوي». وأضاف أن الفوضى دبت في البلاد."
    a, _, statements = _statements(text, [("سمير جعجع", "PER"), ("أبو مصعب الزرقاوي", "PER")])
    last = [o for o in statements[-1].options if o.kind == "last"]
    assert [o.text for o in last] == ["أبو مصعب الزرقاوي"] and "quoted=1" in last[0].facts


def test_also_between_the_cue_and_its_subject_is_skipped():
    text = "وقال أيضا المتحدث باسم وزارة الصحة إن العمل سيبدأ قريبا في المنطقة."
    a, _, statements = _statements(text, [("وزارة الصحة", "ORG")])
    (st,) = statements
    assert "أيضا" not in [o.text for o in st.options]
