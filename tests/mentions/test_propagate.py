"""rasid.mentions.propagate: names found once are found everywhere."""
from rasid.doc import Mention
from rasid.entities.spans import name_key
from rasid.entities.vocabulary import vocabulary
from rasid.mentions.propagate import propagate
from tests.entities.helpers import article_with
from tests.mentions.helpers import article_of


def test_names_and_family_names_found_again():
    a = article_with("قال وزير الخارجية عادل الجبير إن الوفد وصل. وأفاد الجبير أن حزب الله هدد، ثم قال حزب الله إن",
                     [("عادل الجبير", "PER"), ("حزب الله", "ORG")])
    added = propagate(a, a.token_index(), a.mentions, vocabulary())
    assert [(m.text, m.label, m.source, m.sentence, m.id) for m in added] == [
        ("الجبير", "PER", "propagation", 1, ""), ("حزب الله", "ORG", "propagation", 1, "")]


def test_no_name_no_title_and_no_misc_propagated():
    a = article_with("وصل الشيخ أمس. وقال الشيخ إن السوري غادر، والسوري", [("الشيخ", "PER"), ("السوري", "MISC")])
    assert propagate(a, a.token_index(), a.mentions, vocabulary()) == []
    assert propagate(a, a.token_index(), [], vocabulary()) == []


def test_a_mention_cut_inside_its_token_gets_its_letters_back():
    a = article_of("قتل جورج فلويد في مينيابوليس. وقال شقيق فلويد إن")
    first = a.text.index("جورج فلويد")
    cut = a.text.index("لويد", a.text.index("شقيق"))
    a.mentions = [Mention("m1", first, first + 10, "جورج فلويد", "PER", name_key("جورج فلويد"), sentence=0),
                  Mention("m2", cut, cut + 4, "لويد", "PER", "لويد", sentence=1)]
    assert propagate(a, a.token_index(), a.mentions, vocabulary()) == []
    assert (a.mentions[1].start, a.mentions[1].text, a.mentions[1].norm) == (cut - 1, "فلويد", "فلويد")
