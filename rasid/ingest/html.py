"""HTML pages: main text by trafilatura, date by htmldate.

``raw`` is the main text trafilatura extracts (plain text, newlines
normalised); character offsets of every later layer refer to that extracted
text, **not** to the HTML source. Comments and tables are dropped and
precision is favoured over recall, so navigation, weather boxes, "most read"
lists and comment forms stay out.

Nothing here touches the network: trafilatura and htmldate only fetch when
given a URL, and they are always given the page's markup (a string that does
not look like a URL is guaranteed by :func:`_looks_like_url`).
"""
from __future__ import annotations

import re

from rasid.doc import Article
from rasid.errors import InputError
from rasid.ingest.decode import decode, normalize_newlines

__all__ = ["article_from_html", "article_from_html_bytes", "EXTRACT_OPTIONS"]

EXTRACT_OPTIONS = dict(
    include_comments=False,
    include_tables=False,
    include_images=False,
    include_links=False,
    favor_precision=True,
    output_format="txt",
    deduplicate=False,
    with_metadata=False,
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_DECLARED_OK = {"windows-1256": "cp1256", "cp1256": "cp1256", "iso-8859-6": "iso-8859-6",
                "iso8859-6": "iso-8859-6", "arabic": "iso-8859-6", "windows-1252": "cp1252",
                "cp1252": "cp1252", "iso-8859-1": "cp1252", "latin1": "cp1252", "utf-8": "utf-8",
                "utf8": "utf-8"}
_SPACE = re.compile(r"\s+")


def _looks_like_url(s: str) -> bool:
    head = s.lstrip()[:2048]
    return head.startswith(("http://", "https://", "www.")) and not any(c.isspace() for c in head.strip())


def _decode_html(data: bytes, source: str) -> tuple[str, str]:
    try:
        d = decode(data, source)
        return d.text, d.encoding
    except InputError as err:
        if err.code != "encoding":
            raise
        # the page may declare its charset; trust a plausible declaration before failing
        m = _META_CHARSET.search(data[:4096])
        enc = _DECLARED_OK.get(m.group(1).decode("ascii", "replace").lower()) if m else None
        if enc and enc != "utf-8":
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass
        raise


def article_from_html(html: str, source: str, *, meta: dict | None = None) -> Article:
    import trafilatura
    from htmldate import find_date

    if _looks_like_url(html) or "<" not in html:
        raise InputError(source, "unsupported", "not an HTML page (no markup)")
    text = trafilatura.extract(html, **EXTRACT_OPTIONS)
    if not text or not text.strip():
        raise InputError(source, "empty", "no main text found in the HTML page")
    md = None
    try:
        md = trafilatura.extract_metadata(html)
    except Exception:  # pragma: no cover - metadata is optional
        md = None
    published = None
    try:
        published = find_date(html, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # pragma: no cover
        published = None
    if not published and md is not None and md.date:
        published = str(md.date)[:10]

    title = _SPACE.sub(" ", md.title).strip() if md is not None and md.title else None
    art = Article(
        raw=normalize_newlines(text),
        title=title or None,
        published=published or None,
        published_source="html" if published else None,
        publisher=(md.sitename or None) if md is not None else None,
        author=(md.author or None) if md is not None else None,
        url=(md.url or None) if md is not None else None,
        source=source,
    )
    art.meta["format"] = "html"
    if md is not None and md.description:
        art.meta["description"] = md.description
    if meta:
        art.meta.update(meta)
    return art


def article_from_html_bytes(data: bytes, source: str) -> Article:
    """Raises InputError (empty, binary, encoding, unsupported)."""
    html, enc = _decode_html(data, source)
    return article_from_html(html, source, meta={"encoding": enc})
