"""Features of an event candidate: cheap, sparse, strings (the model learns their weights).

Everything here is read from the article's layers (tokens, sentences, mentions
when present) and the trigger lexicon; no word list is written in this module:
which words signal a background event, a plan, a sports sense or a casualty
report is what the model learns from the annotated sentences.

Feature families (each a string ``name=value``):

* the trigger: its lexicon lemma, part of speech, mode, the lexicon's own rule
  (``fires``), its written form and clitics (و، ب، ال), a multiword trigger;
* the neighbourhood: stems at offsets -3..+3, bags of the six stems on each
  side, word clusters of the trigger and its neighbours; and, shared by every
  candidate of a sentence, the bag of its stems and of its words' clusters;
* numbers near the trigger, a four-digit year in the sentence and whether it is
  before the publication year;
* lexicon cues (negation, future, hypothetical) in the four stems before;
* place in the text: the sentence's index in the article, the trigger's
  position in its sentence, inside a quotation;
* named entities around the trigger (labels of mentions just before and after).
"""
from __future__ import annotations

import re

from rasid.doc.article import Article
from rasid.events.candidates import Candidate
from rasid.lang.ar.triggers import EventLexicon

__all__ = ["context_features", "reading_features", "SentenceView"]

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_OPEN_QUOTES = frozenset("«“")
_CLOSE_QUOTES = frozenset("»”")


class SentenceView:
    """What every candidate of one sentence shares (stems, numbers, years, quotes, mentions), once."""

    __slots__ = ("start", "end", "keys", "bag", "years", "numbers", "quote_depth", "mention_at", "times",
                 "_bag_features", "_text", "_tokens", "_lookup", "_clusters")

    def __init__(self, article: Article, si: int, clusters=None, mentions: list | None = None) -> None:
        """``mentions``: the article's mentions in this sentence, when the caller has them sorted out
        (else they are found here)."""
        sent = article.sentences[si]
        tokens = article.tokens
        stems = article.token_index().stems
        self.start, self.end = sent.token_start, sent.token_end
        self.keys = [stems[i] if tokens[i].kind == "word" else "" for i in range(self.start, self.end)]
        self.bag = frozenset(k for k in self.keys if k)
        text = article.text
        self._text, self._tokens, self._lookup = text, tokens, clusters
        self._clusters: dict[int, tuple | None] = {}
        self.years = [int(tokens[i].norm) for i in range(self.start, self.end)
                      if tokens[i].kind == "number" and _YEAR.match(tokens[i].norm)]
        self.numbers = [i for i in range(self.start, self.end) if tokens[i].kind == "number"]
        depth, self.quote_depth = 0, []
        for i in range(self.start, self.end):
            ch = text[tokens[i].start]
            if ch in _OPEN_QUOTES:
                depth += 1
            elif ch in _CLOSE_QUOTES:
                depth = max(0, depth - 1)
            self.quote_depth.append(depth)
        self._bag_features: list[str] | None = None
        self.times = _time_buckets(article, sent)
        self.mention_at: dict[int, str] = {}
        if mentions is None:
            mentions = [m for m in article.mentions if m.sentence == si or sent.start <= m.start < sent.end]
        if mentions:
            idx = article.token_index()
            for m in mentions:
                a, b = idx.span(m.start, m.end)
                for i in range(a, max(b, a + 1)):
                    self.mention_at[i] = m.label


    def cluster(self, j: int) -> tuple | None:
        """The word clusters of the sentence's ``j``-th token (None for a non-word or an unknown word)."""
        hit = self._clusters.get(j, False)
        if hit is False:
            tok = self._tokens[self.start + j]
            hit = self._clusters[j] = (self._lookup(self._text[tok.start:tok.end])
                                       if self._lookup is not None and tok.kind == "word" else None)
        return hit

    def bag_features(self) -> list[str]:
        """The features every candidate of the sentence shares: its stems and its words' 64-clusters."""
        if self._bag_features is None:
            bag = [f"s={k}" for k in sorted(self.bag)]
            clusters = (self.cluster(j) for j in range(self.end - self.start))
            bag += sorted({f"sc={x[0]}" for x in clusters if x is not None})
            self._bag_features = bag
        return self._bag_features


def _time_buckets(article: Article, sent) -> list[tuple[int, str]]:
    """The time expressions of the sentence (the ``dates`` layer, when present): each one's start and how
    far its date lies from the publication date (``0-1`` days back, ``2-7``, ``8-31``, ``32-365``,
    ``older``, ``after``)."""
    pub = article.published
    if not article.times or not pub or len(pub) < 10:
        return []
    out = []
    for t in article.times:
        if not (sent.start <= t.start < sent.end) or not t.value or t.fallback:
            continue
        v = t.value
        try:
            if t.precision == "day" and len(v) >= 10:
                days = (_date(pub) - _date(v[:10])).days
            elif t.precision == "month" and len(v) >= 7:
                days = (int(pub[:4]) - int(v[:4])) * 365 + (int(pub[5:7]) - int(v[5:7])) * 30
            elif len(v) >= 4 and v[:4].isdigit():
                days = (int(pub[:4]) - int(v[:4])) * 365
            else:
                continue
        except ValueError:
            continue
        out.append((t.start, "after" if days < 0 else "0-1" if days <= 1 else "2-7" if days <= 7
                    else "8-31" if days <= 31 else "32-365" if days <= 365 else "older"))
    return out


def _date(iso: str):
    from datetime import date

    return date(int(iso[:4]), int(iso[5:7]), int(iso[8:10]))


def _year_of(published: str | None) -> int | None:
    if published and len(published) >= 4 and published[:4].isdigit():
        return int(published[:4])
    return None


def reading_features(article: Article, c: Candidate, view: SentenceView, type_: str) -> list[str]:
    """What depends on the reading of ``type_``: its lemma, part of speech and mode, and the shape and
    neighbours of the trigger read that way."""
    r = next((x for x in c.readings if x.type == type_), c.readings[0])
    st = article.tokens[c.first].stem
    f = [f"lemma={r.lemma}", f"pos={r.pos}", f"mode={r.mode}", f"alt={r.type != type_}",
         f"lemma_pos={r.lemma}|{r.pos}"]
    if r.pos == "verb" and st:
        # the verb's shape: its first letter tells an imperfect (ي ت ن ا) from a past, its end the person
        f.extend((f"vfirst={st[0]}", f"vend={st[-2:]}"))
    elif st:
        f.extend((f"nstart={st[:2]}", f"nend={st[-2:]}"))
    j0, j1 = c.first - view.start, c.last - view.start
    keys = view.keys
    f.append(f"bi-1={keys[j0 - 1] if j0 >= 1 else '<s>'}|{r.lemma}")
    f.append(f"bi+1={r.lemma}|{keys[j1] if j1 < len(keys) else '</s>'}")
    return f


def context_features(article: Article, c: Candidate, view: SentenceView, lexicon: EventLexicon) -> list[str]:
    """What every reading of the candidate shares: the written trigger, its neighbourhood, numbers,
    years, cues, its place in the text and the named entities around it."""
    tok = article.tokens[c.first]
    f = [f"fires={c.fires}", f"form={tok.stem}", f"conj={tok.conj}", f"multi={c.last - c.first > 1}"]
    pieces = tok.pieces
    if pieces:
        f.append("clitics=" + "+".join(p[2] for p in pieces if p[3] != "stem"))
    j0, j1 = c.first - view.start, c.last - view.start
    keys = view.keys
    n = len(keys)
    for off in (-3, -2, -1):
        j = j0 + off
        f.append(f"w{off}={keys[j] if j >= 0 else '<s>'}")
    for off in (1, 2, 3):
        j = j1 - 1 + off
        f.append(f"w+{off}={keys[j] if j < n else '</s>'}")
    f.extend(f"L={k}" for k in keys[max(0, j0 - 6):j0] if k)
    f.extend(f"R={k}" for k in keys[j1:j1 + 6] if k)
    own = view.cluster(j0)
    if own is not None:
        f.extend((f"c256={own[1]}", f"c1024={own[2]}"))
    for off in (-2, -1, 1, 2):
        j = j0 + off if off < 0 else j1 - 1 + off
        if 0 <= j < n:
            x = view.cluster(j)
            if x is not None:
                f.append(f"c{off:+d}={x[1]}")
    # numbers and years
    if any(c.first - 5 <= i < c.last + 6 for i in view.numbers):
        f.append("num_near")
    if view.years:
        f.append("year_in_sentence")
        pub = _year_of(article.published)
        if pub is not None and min(view.years) < pub:
            f.append("earlier_year")
    # dates in the sentence: how far back from publication, and the one nearest the trigger
    if view.times:
        at = tok.start
        f.extend(sorted({f"tb={b}" for _, b in view.times}))
        f.append("tnear=" + min(view.times, key=lambda x: abs(x[0] - at))[1])
    # lexicon cues just before
    for cue in lexicon.cues(keys[max(0, j0 - 4):j0]):
        f.append(f"cue={cue}")
    # place in the text
    f.append(f"sent_index={min(c.sentence, 4)}")
    f.append(f"tok_pos={min(j0 // 5, 4)}")
    if view.quote_depth[j0]:
        f.append("in_quote")
    # named entities around the trigger
    ments = view.mention_at
    if ments:
        left = [ments[i] for i in range(c.first - 4, c.first) if i in ments]
        right = [ments[i] for i in range(c.last, c.last + 5) if i in ments]
        f.append(f"ent_left={left[-1] if left else 'none'}")
        f.append(f"ent_right={right[0] if right else 'none'}")
    return f
