"""rasid.entities.publisher: the country an article is published from."""
from types import SimpleNamespace

import pytest

from rasid.entities.publisher import publisher_country


@pytest.mark.parametrize("publisher, url, a3", [
    ("sabq", None, "SAU"), ("الشرق الأوسط", None, "SAU"), (None, "http://www.alwatan.com.sa/x", "SAU"),
    (None, "http://alwasat.ly/news/1", "LBY"), (None, "https://example.com/a", None), (None, None, None),
    ("أفريقيا برس", "https://www.youtube.tv/x", None),
])
def test_publisher_country(publisher, url, a3):
    assert publisher_country(SimpleNamespace(publisher=publisher, url=url)) == a3


def test_an_office_without_a_country_is_the_publishers():
    from rasid.extract import extract_text
    a2 = extract_text("التقى وزير الخارجية عادل الجبير في موسكو نظيره الروسي سيرغي لافروف لبحث الأزمة السورية في سوريا.",
                      published="2015-08-11", publisher="sabq")
    jubeir = next(e for e in a2.entities if "الجبير" in e.name)
    assert jubeir.country == "SAU"         # not Syria or Russia, the countries around him
