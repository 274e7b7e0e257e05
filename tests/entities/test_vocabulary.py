"""The actor vocabulary and the one verb test."""
from rasid.entities.vocabulary import KnownVerbs, is_nisba, vocabulary
from rasid.lang.ar.tokenize import tokenize


def test_vocabulary_lists_are_norm_keys():
    vocab = vocabulary()
    assert "الحكومه" in vocab.generic_org_heads and "قناه" in vocab.facility_heads
    assert "التقي" in vocab.phrase_end_verbs and "نظيريه" in vocab.counterpart
    # a place mention extends over state and infrastructure heads, not over an institution's
    assert {"جمهوريه", "مطار", "جزيره"} <= vocab.place_name_heads and "جامعه" not in vocab.place_name_heads
    assert "جامعه" in vocab.facility_heads


def test_is_nisba_by_form():
    assert is_nisba("التركي") and is_nisba("الليبيه") and is_nisba("الامريكيين")
    assert not is_nisba("تركي") and not is_nisba("الري")


def test_known_verbs_from_the_speech_and_event_lexicons():
    verbs = KnownVerbs()
    said, met, name = tokenize("وقالت التقى أحمد")
    assert verbs(said) and verbs(met) and not verbs(name)
    only_speech = KnownVerbs(speech_verbs={"قالت"}, triggers=verbs.triggers)
    assert only_speech(said) and only_speech(met) and not only_speech(name)
    assert not KnownVerbs(speech_verbs=set(), triggers=verbs.triggers)(said)


def test_known_verbs_remember_a_form_by_norm_and_pieces():
    # the answer is kept per written form; a token of the same norm split otherwise (a hand-made token
    # with its own pieces) is asked again, not given the kept answer
    from rasid.doc.layers import Token

    verbs = KnownVerbs()
    said = tokenize("وقالت")[0]
    again = tokenize("وقالت")[0]
    assert verbs(said) and verbs(again)
    assert verbs._seen._kept[said.norm] == (said.pieces, True)
    # the same norm read as one unsplit word whose stem no lexicon knows as a verb
    whole = Token(said.start, said.end, said.norm, "word", pieces=((0, len(said.norm), said.norm, "stem"),),
                  stem=said.norm)
    assert whole.pieces != said.pieces
    assert verbs(whole) == KnownVerbs()(whole)
    assert verbs._seen._kept[said.norm][0] == whole.pieces
