"""The `dates` stage: article.times from article.text and article.published."""
from __future__ import annotations

from rasid.stages.base import stage_classes
from rasid.stages.dates import Dates
from tests.util import make_article


def test_stage_sets_times_with_ids():
    a = make_article("قال الوزير أمس إن المحادثات ستستأنف الأسبوع المقبل.", published="2025-03-12")
    a = Dates()(a)
    assert [(t.id, t.text, t.value) for t in a.times] == [
        ("t1", "أمس", "2025-03-11"), ("t2", "الأسبوع المقبل", "2025-W12")]
    for t in a.times:
        assert a.text[t.start:t.end] == t.text


def test_stage_without_publication_date():
    a = Dates()(make_article("وقع الهجوم أمس، في 12 مارس 2025."))
    assert [(t.text, t.value) for t in a.times] == [("أمس", None), ("12 مارس 2025", "2025-03-12")]


def test_stage_contract():
    assert Dates.name == "dates" and Dates.version == "1"
    assert Dates.requires == frozenset({"text", "metadata"}) and Dates.provides == frozenset({"times"})
    assert stage_classes()["dates"] is Dates
