"""Reading inputs: bytes → text (:mod:`.decode`), files → Articles (:mod:`.discover`).

``Article.raw`` is the decoded text with newlines normalised (``\\r\\n`` and
``\\r`` → ``\\n``) — not the file bytes; for HTML it is the main text that
trafilatura extracted, so offsets never point into the markup.

Readers yield :class:`rasid.errors.InputError` objects in place of inputs they
cannot read; codes: ``empty``, ``binary``, ``encoding``, ``too_large``,
``json``, ``permission``, ``not_found``, ``unsupported``.
"""
from rasid.ingest.decode import Decoded, decode, decode_bytes, normalize_newlines
from rasid.ingest.discover import (DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, iter_articles, read_path,
                                   read_stdin)
from rasid.ingest.html import article_from_html
from rasid.ingest.records import article_from_record
from rasid.ingest.txt import article_from_text

__all__ = [
    "iter_articles", "read_path", "read_stdin", "decode_bytes", "decode", "Decoded",
    "normalize_newlines", "SUPPORTED_EXTENSIONS", "DEFAULT_MAX_BYTES",
    "article_from_text", "article_from_html", "article_from_record",
]
