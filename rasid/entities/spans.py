"""From token ranges to mention character spans, and name keys for mentions.

A mention never starts with a proclitic (و ف ب ل ك س): ``بحكومة`` gives the
mention ``حكومة``. The article ال is kept. Where ل + ال is written ``لل``
(alef elided), the mention starts at the stem and its *name* (a key, not the
text) gets the article back: ``للجيش`` → text ``جيش``, name ``الجيش``.
Quotes and punctuation at the edges are left out unless they balance a quote
inside the mention.
"""
from __future__ import annotations

import re

from rasid.doc.layers import Token
from rasid.lang.ar.normalize import norm_key

OPEN_QUOTES = "«“„‹"
CLOSE_QUOTES = "»”›"
EDGE_KINDS = ("quote", "punct", "symbol")


_FROM_MODEL: dict[str, dict] = {}


def _model_table(attr: str) -> dict:
    """A table of the NER model's feature extractor (``vocab``, ``gaz``), {} without a model."""
    if attr not in _FROM_MODEL:
        try:
            from rasid.ner import load_tagger

            _FROM_MODEL[attr] = getattr(load_tagger().extractor, attr) or {}
        except (OSError, ImportError):
            _FROM_MODEL[attr] = {}
    return _FROM_MODEL[attr]


def corpus_counts() -> dict:
    """Word counts of the unlabelled corpus shipped with the NER model ({} without a model)."""
    return _model_table("vocab")


def name_classes() -> dict:
    """Word -> class letters of the NER model's gazetteer (F first name, P a person's name)."""
    return _model_table("gaz")


def _name_start(tok: Token) -> int:
    """Where a name starts in a token with proclitics and no article: after as many of them as
    leave the form the corpus knows best (بطرابلس → طرابلس; بطرس، كريتر stay whole; وكريتر → كريتر).
    A token the gazetteers list as a person's name stays whole: بسام is not ب + سام, ليلى not ل + يلى.
    When the corpus knows no reading, the token stays whole (فلويد is not ف+لويد)."""
    words = tok.words
    if any(c in name_classes().get(tok.norm, "") for c in "FP"):
        return tok.start        # a person's name the gazetteers know (بسام، ليلى، براين): whole
    vocab = corpus_counts()
    best, best_count = 0, vocab.get(tok.norm, 0)
    for s in range(1, len(words)):
        if words[s - 1].kind != "proclitic":
            break
        count = vocab.get("".join(w.norm for w in words[s:]), 0)
        if count > 0 and count >= best_count:
            best, best_count = s, count
    return words[best].start if best else tok.start


def token_range_to_span(text: str, tokens: list[Token], i: int, j: int) -> tuple[int, int, str] | None:
    """Character span ``(start, end, name)`` of tokens ``[i, j)``; None if nothing is left.

    ``name`` is the mention's surface with proclitics removed and an elided
    article restored; it is used as the mention's name key.
    """
    while i < j and tokens[i].kind in EDGE_KINDS:
        i += 1
    while j > i and tokens[j - 1].kind in EDGE_KINDS:
        j -= 1
    if i >= j:
        return None
    first = tokens[i]
    start, prefix = first.start, ""
    if first.split:
        words = first.words
        if not any(w.kind == "article" for w in words):
            start = _name_start(first)
        else:
            k = 0
            while k < len(words) and words[k].kind == "proclitic":
                k += 1
            if k == len(words):      # a token made only of clitics (لـ): start at the next token
                return token_range_to_span(text, tokens, i + 1, j)
            w = words[k]
            if w.kind == "article" and w.end - w.start == 1:   # لل: elided alef
                start, prefix = words[k + 1].start if k + 1 < len(words) else w.end, "ال"
            else:
                start = w.start
    end = tokens[j - 1].end
    surface = text[start:end]
    opened = sum(map(surface.count, OPEN_QUOTES))
    closed = sum(map(surface.count, CLOSE_QUOTES))
    if opened > closed and j < len(tokens) and tokens[j].kind == "quote" and text[tokens[j].start] in CLOSE_QUOTES:
        end = tokens[j].end
        surface = text[start:end]
    if end <= start:
        return None
    return start, end, prefix + surface


_NOT_NAME = re.compile(r"[«»“”„‹›\"'()\[\]]|\s+")


def name_key(name: str) -> str:
    """The key of a name: norm_key, quotes and brackets dropped, spaces collapsed (kept per name)."""
    key = _NAME_KEYS.get(name)
    if key is None:
        if len(_NAME_KEYS) > 100_000:
            _NAME_KEYS.clear()
        key = _NAME_KEYS[name] = " ".join(_NOT_NAME.sub(" ", norm_key(name)).split())
    return key


_NAME_KEYS: dict[str, str] = {}
