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
