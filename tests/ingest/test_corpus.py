"""The whole SaudiNewsNet corpus loads through the readers: every record accounted for."""
import pytest

from rasid.doc import Article
from rasid.ingest import iter_articles
from tests.util import shared_path


@pytest.mark.shared
def test_every_saudinewsnet_record_is_an_article_or_a_named_error():
    folder = shared_path("data", "corpus", "saudinewsnet")
    n_articles = n_errors = 0
    ids = set()
    for item in iter_articles([str(folder / "*.zip")]):
        if isinstance(item, Article):
            n_articles += 1
            ids.add(item.id)
            assert item.raw.strip() and item.published and item.publisher
        else:
            assert item.code == "empty" and ".zip!" in item.source, item
            n_errors += 1
    assert n_articles + n_errors == 31_030
    assert n_errors < 400
