"""The country an article is published from: the default country of an office it names without one.

    publisher_country(article)      # "SAU" for sabq.org, an .sa site or "الشرق الأوسط"; else None

In order: the publisher's name or the url's host in ``publishers.tsv``; the url's country-code
top-level domain (.sa, .com.eg, .ly: the gazetteer's alpha-2 codes).
"""
from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from rasid.geo import Gazetteer
from rasid.lang.ar.lexicons import table
from rasid.lang.ar.normalize import norm_key

__all__ = ["publisher_country"]


@cache
def _publishers() -> tuple[dict[str, str], dict[str, str]]:
    by_name, by_host = {}, {}
    for row in table("publishers"):
        by_name[norm_key(row["name"]).casefold()] = row["country"]
        by_host[row["domain"].casefold()] = row["country"]
    return by_name, by_host


@cache
def _by_alpha2() -> dict[str, str]:
    return {c.alpha2.casefold(): c.alpha3 for c in Gazetteer.default().countries()}


def publisher_country(article) -> str | None:
    """ISO alpha-3 of the country ``article`` is published from, or None when nothing says."""
    by_name, by_host = _publishers()
    if article.publisher:
        found = by_name.get(norm_key(article.publisher).casefold())
        if found:
            return found
    host = (urlsplit(article.url).hostname or "") if article.url else ""
    host = host.casefold().removeprefix("www.")
    if host in by_host:
        return by_host[host]
    tld = host.rpartition(".")[2]
    if len(tld) == 2 and tld not in ("tv", "fm", "io", "me", "co", "ws"):
        return _by_alpha2().get(tld)
    return None
