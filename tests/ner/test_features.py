from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.ner.features import (FeatureExtractor, _shape, _shape_checked, context_features, light_stem, normalize,
                                split_prefix, tokenize)


def test_normalize():
    assert normalize("أَحْمَد") == "احمد"
    assert normalize("إلى") == "الي"
    assert normalize("القاهرة") == "القاهره"
    assert normalize("٢٠١٥") == "2015"
    assert normalize("ABC") == "abc"
    assert normalize("مـصـر") == "مصر"  # tatweel


def test_split_prefix_article_and_li():
    assert split_prefix("والقاهره") == ("وال", "قاهره")
    assert split_prefix("للامم") == ("لل", "امم")
    assert split_prefix("بالرياض") == ("بال", "رياض")
    assert split_prefix("ال") == ("", "ال")


def test_split_prefix_bare_clitic_needs_vocab():
    vocab = {"مصر": 100, "ومصر": 5, "لبنان": 50, "بنان": 1}
    assert split_prefix("ومصر") == ("", "ومصر")           # no vocabulary: keep
    assert split_prefix("ومصر", vocab) == ("و", "مصر")
    assert split_prefix("لبنان", vocab) == ("", "لبنان")  # a name, not ل + بنان
    assert split_prefix("فرنسا", vocab) == ("", "فرنسا")


def test_light_stem():
    assert light_stem("المصريه") == "مصر"


def test_tokenize():
    assert tokenize("قال (الرئيس) أوباما، في 2015.") == ["قال", "(", "الرئيس", ")", "أوباما", "،", "في", "2015", "."]


def test_feature_extraction():
    fx = FeatureExtractor(clusters={"قاهره": ("1", "2", "3")}, gaz={"قاهره": "L", "وزير": "T"},
                          gaz_multi={("امم", "متحده"): "O"}, vocab={"قاهره": 10})
    feats = fx.sent_features(["وزير", "في", "القاهرة", "للأمم", "المتحدة"])
    assert len(feats) == 5
    f2 = set(feats[2])
    assert {"w=القاهره", "s=قاهره", "pre=ال", "gs=L", "sc0=1", "sc2=3", "-1w=في"} <= f2
    assert "BOS" in feats[0] and "EOS" in feats[4]
    assert "mg=BO" in feats[3] and "mg=IO" in feats[4]
    assert "+1mg=IO" in feats[3]
    assert "g=T" in feats[0]


def test_context_features_consistency():
    fx = FeatureExtractor()
    sents = [["قال", "رامسفيلد"], ["ان", "رامسفيلد", "سافر"]]
    fp = [["O", "B-PER"], ["O", "O", "O"]]
    ctx = context_features(fx, sents, fp, window=5)
    assert "dc=PER" in ctx[1][1]          # tagged PER elsewhere in the window
    assert "fp=O" in ctx[1][1]
    assert "dc=O" in ctx[0][1]            # the other mention was tagged O


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ابتجحقلمنوي٣٤12aZ.،-«_ \u0651\u200f²"), max_size=6))
def test_shape_fast_path_agrees_with_the_full_test(tok):
    assert _shape(tok) == _shape_checked(tok)
