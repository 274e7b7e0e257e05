"""Quotations and their speakers.

Indirect speech: a cue verb (قال، أكد، أشار …) then, within a few words, a
complementizer (إن، أن، بأن، إلى أن) or a colon; the quote runs from there to
the end of the sentence, or to the next participial cue (، مؤكداً أن …),
which starts a new quote of the same speaker.

Direct speech: a «…» (or “…”, "…") run of three or more words in a sentence
that has a cue verb (before or after it) or that follows a channel phrase
(نقلت وزارة الداخلية عن الوزير «…»). A «…» inside an indirect quote is part
of that quote, not a second one.

The speaker is, in order: the person or organisation after ``عن`` in a
channel phrase; the first person (else organisation) between the cue verb and
the complementizer; for a participle, the speaker of the statement it
continues; for a verb with no subject (وأضاف أن …), the speaker of the
previous statement within two sentences, else the last person or
organisation named as a subject in the sentence before. No speaker, no quote.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rasid.doc.layers import Mention, Quote, Token
from rasid.lang.ar.lexicons import keys
from rasid.lang.ar.normalize import norm_key
from rasid.lang.ar.speech import SpeechLexicon, speech_lexicon

OPEN = {"«": "»", "“": "”", '"': '"'}


@dataclass(frozen=True)
class QuoteWords:
    """The word lists speaker finding reads beside the speech lexicon: sets of norm keys matched
    against the ``Token.stem`` of the word before a name, which then is not the speaker (each file's
    header in rasid/lang/ar/lexicons says what it is for)."""

    prepositions: frozenset[str]           # prepositions.txt
    prepositional_nouns: frozenset[str]    # prepositional_nouns.txt: قبل، بعد، مقر (any proclitics)
    circumstance_nouns: frozenset[str]     # circumstance_nouns.txt: with ب or ل (بحضور، برئاسة)


@cache
def quote_words() -> QuoteWords:
    """The shipped word lists of speaker finding, loaded once."""
    return QuoteWords(keys("prepositions"), keys("prepositional_nouns"), keys("circumstance_nouns"))


def _word_stem(tok: Token) -> str:
    """A word's ``Token.stem``; "" for other tokens."""
    return tok.stem if tok.kind == "word" else ""


def cue_candidates(stems: Sequence[str], speech: SpeechLexicon) -> list[int]:
    """Indices of the tokens (given by their ``Token.stem``) that may hold a cue word of ``speech``,
    in order: those whose stem ends like a cue word. Every token whose stem is a cue word is one."""
    n, tails = speech.cue_tails
    return [i for i, s in enumerate(stems) if s[-n:] in tails]


_QUOTE_MARKS = re.compile('[«“»”"\n]')


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """Character spans ``(open, close)`` of balanced quotation marks (the marks included)."""
    pairs = []
    stack: list[tuple[str, int]] = []
    straight = None
    for m in _QUOTE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in ("«", "“"):
            stack.append((ch, i))
        elif ch in ("»", "”") and stack:
            op, at = stack.pop()
            if OPEN[op] == ch and not stack:
                pairs.append((at, i + 1))
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                pairs.append((straight, i + 1))
                straight = None
        elif ch == "\n":
            stack.clear()
            straight = None
    return sorted(pairs)


@dataclass
class _Cue:
    tok: int            # token index of the cue word
    kind: str           # "verb" | "participle" | "channel"
    comp_end: int       # token index after the complementizer (start of the quote), or -1
    speaker: str | None = None
    channel: str | None = None


class QuoteFinder:
    """The quotes of one article and their speakers, found with a speech lexicon and word lists."""

    def __init__(self, article, entity_of: dict[str, str], speech: SpeechLexicon, words: QuoteWords) -> None:
        self.a = article
        self.text = article.text
        self.tokens = article.tokens
        self.index = article.token_index()
        self.entity_of = entity_of          # mention id -> entity id
        self.lex = speech
        self.w = words
        self.mentions = sorted((m for m in article.mentions if m.id in entity_of and m.label in ("PER", "ORG")),
                               key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]

    # ------------------------------------------------------------ helpers
    def _mentions_between(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.mention_starts, start)
        j = bisect_right(self.mention_starts, end)
        return [m for m in self.mentions[i:j] if m.end <= end]

    def _speaker_between(self, start: int, end: int) -> str | None:
        """The subject between a cue and its clause: a person first, else an organisation, never one
        inside a prepositional phrase (بمقر فرع وزارة الخارجية، في العاصمة …)."""
        ms = [m for m in self._mentions_between(start, end) if not self._after_preposition(m)]
        for label in ("PER", "ORG"):
            for m in ms:
                if m.label == label:
                    return self.entity_of[m.id]
        return None

    def _short_quote_end(self, k: int) -> int | None:
        """If token ``k`` opens a «…» of fewer than three words (a name: لـ«الجيش الوطني»، منصة «إكس»),
        the index of the token that closes it."""
        start = self.tokens[k].start
        for a, b in self.pairs:
            if a == start:
                if len(self.text[a + 1:b - 1].split()) < 3:
                    return self.index.index(b - 1)
                return None
        return None

    def _speaker_and_via(self, c: int, end_tok: int) -> tuple[str | None, str | None]:
        """The speaker between the cue and the quote; a medium after عبر (عبر حسابها على منصة «إكس») is the channel."""
        tokens = self.tokens
        via = next((k for k in range(c + 1, end_tok) if _word_stem(tokens[k]) == "عبر"), None)
        if via is None:
            return self._speaker_between(tokens[c].end, tokens[end_tok].start), None
        speaker = self._speaker_between(tokens[c].end, tokens[via].start)
        channel = self._speaker_between(tokens[via].end, tokens[end_tok].start)
        return speaker, channel

    def _after_preposition(self, m: Mention) -> bool:
        k = self.index.at(m.start)
        tok = self.tokens[k] if k < len(self.tokens) else None
        if tok is not None and tok.start < m.start:      # the mention starts inside a token: a proclitic
            pre = self.text[tok.start:m.start]
            if pre and norm_key(pre)[-1:] in ("ب", "ل", "ك"):
                return True
        j = k - 1
        while j >= 0 and self.tokens[j].kind == "quote":
            j -= 1
        if j < 0 or self.tokens[j].kind != "word":
            return False
        prev = self.tokens[j]
        key = _word_stem(prev)
        return key in self.w.prepositions or key in self.w.prepositional_nouns or (
            prev.split and prev.words[-1].kind == "stem" and any(w.norm in ("ب", "ل") for w in prev.words[:-1])
            and key in self.w.circumstance_nouns)

    def _complementizer(self, c: int, hi: int) -> int:
        """Token index just after the complementizer following cue ``c`` (within the sentence), or -1."""
        tokens = self.tokens
        k = c + 1
        while k < hi and k - c <= 16:
            t = tokens[k]
            key = _word_stem(t)
            surface = self.text[t.start:t.end]
            if key in self.lex.complementizers or (t.split and t.words[-1].norm in ("ان",) and key in ("بان",)):
                return k + 1
            if key == "الي" and k + 1 < hi and _word_stem(tokens[k + 1]) in self.lex.complementizers:
                return k + 2      # أشار إلى أن
            if surface == ":" and k - c <= 12:
                return k + 1
            if surface in ".؟!" or (key in self.lex.verbs and k > c + 1):
                return -1
            if t.kind == "quote" and surface in OPEN:
                close = self._short_quote_end(k)
                if close is not None:
                    k = close + 1
                    continue
                return -1 if k - c > 12 else -2     # a direct quote follows the cue (and its subject)
            k += 1
        return -1

    # ------------------------------------------------------------ main
    def find(self) -> list[Quote]:
        tokens, text = self.tokens, self.text
        pairs = self.pairs = quote_pairs(text)
        quotes: list[Quote] = []
        covered: list[tuple[int, int]] = []
        last_speaker: tuple[int, str] | None = None       # (sentence index, entity id)
        last_subject: dict[int, str] = {}                  # sentence -> last PER/ORG subject named
        cands = self.cands = cue_candidates(self.index.stems, self.lex)
        for si, sent in enumerate(self.a.sentences):
            lo, hi = sent.token_start, sent.token_end
            cues: list[_Cue] = []
            for c in cands[bisect_left(cands, lo):bisect_left(cands, hi)]:
                key = _word_stem(tokens[c])
                if not key:
                    continue
                if key in self.lex.verbs:
                    kind = "verb"
                elif key in self.lex.participles:
                    kind = "participle"
                elif key in self.lex.channel_verbs:
                    kind = "channel"
                else:
                    continue
                comp = self._complementizer(c, hi)
                cue = _Cue(c, kind, comp)
                if kind == "channel":
                    cue = self._channel(c, hi, cue)
                    if cue is None:
                        continue
                elif comp == -1:
                    cue = self._object_clause(c, hi, cue) if key in self.lex.object_verbs else None
                    if cue is None:
                        continue
                cues.append(cue)
            for n, cue in enumerate(cues):
                # the speaker
                if cue.speaker is None:
                    end_tok = cue.comp_end - 1 if cue.comp_end > 0 else self._quote_open_tok(cue.tok, hi)
                    if cue.kind == "verb" and end_tok is not None and end_tok > cue.tok:
                        cue.speaker, cue.channel = self._speaker_and_via(cue.tok, end_tok)
                    if cue.speaker is None and n and cues[n - 1].speaker:
                        cue.speaker = cues[n - 1].speaker
                    if cue.speaker is None and last_speaker and si - last_speaker[0] <= 2:
                        cue.speaker = last_speaker[1]
                    if cue.speaker is None and si - 1 in last_subject:
                        cue.speaker = last_subject[si - 1]
                if cue.speaker is None:
                    continue
                # the quoted span
                if cue.comp_end == -2 or (cue.kind == "channel" and cue.comp_end < 0):
                    start_tok = self._quote_open_tok(cue.tok, hi)
                    if start_tok is None:
                        continue
                    pair = next((p for p in pairs if p[0] == tokens[start_tok].start), None)
                    if pair is None:
                        continue
                    q_start, q_end = pair[0] + 1, pair[1] - 1
                else:
                    nxt = next((c.tok for c in cues[n + 1:] if c.tok > cue.comp_end), hi)
                    if cue.comp_end >= nxt:
                        continue
                    q_start = tokens[cue.comp_end].start
                    q_end = self._end_of(q_start, tokens[nxt - 1].end if nxt < hi else sent.end, pairs, nxt < hi)
                q_start, q_end = self._trim(q_start, q_end)
                if q_end - q_start < 3:
                    continue
                kind = "direct" if self._is_direct(q_start, q_end, pairs) else "indirect"
                cue_tok = tokens[cue.tok]
                quotes.append(Quote("", q_start, q_end, text[q_start:q_end], kind, text[cue_tok.start:cue_tok.end],
                                    cue_tok.start, cue_tok.end, cue.speaker, cue.channel))
                covered.append((q_start, q_end))
                last_speaker = (si, cue.speaker)
            subjects = [m for m in self._mentions_between(tokens[lo].start if lo < hi else sent.start, sent.end)]
            if subjects:
                last_subject[si] = self.entity_of[subjects[0].id]
        quotes += self._direct_leftovers(pairs, covered, quotes)
        quotes.sort(key=lambda q: q.start)
        for i, q in enumerate(quotes, 1):
            q.id = f"q{i}"
        return quotes

    def _object_clause(self, c: int, hi: int, cue: _Cue) -> _Cue | None:
        """أكد X فرار …، أعلنت X مقتل …: the subject named right after the verb, then what was
        said as the verb's object, up to the end of the sentence (a prepositional object after دعا/طالب)."""
        tokens = self.tokens
        if c + 1 >= hi:
            return None
        after = [m for m in self._mentions_between(tokens[c + 1].start, tokens[min(c + 12, hi - 1)].end)]
        if not after:
            return None
        subject = next((m for m in after if m.label == "PER"), after[0])
        if subject.start > tokens[c].end + 60:
            return None
        # the object starts after the subject phrase
        k = self.index.index(subject.end)
        while k < hi and tokens[k].kind == "quote":
            k += 1
        if k >= hi - 1 or tokens[k].kind != "word":
            return None
        cue.speaker = self.entity_of[subject.id]
        cue.comp_end = k
        return cue

    def _quote_open_tok(self, c: int, hi: int) -> int | None:
        k = c + 1
        while k < min(hi, c + 14):
            t = self.tokens[k]
            if t.kind == "quote" and self.text[t.start] in OPEN:
                close = self._short_quote_end(k)
                if close is None:
                    return k
                k = close
            k += 1
        return None

    def _channel(self, c: int, hi: int, cue: _Cue) -> _Cue | None:
        """نقلت X عن Y «…» / نقلت X عن Y أن …: Y speaks, X is the channel."""
        tokens = self.tokens
        for k in range(c + 1, min(hi, c + 12)):
            if _word_stem(tokens[k]) == "عن":
                after = self._mentions_between(tokens[k].end, tokens[min(k + 6, hi - 1)].end)
                if not after:
                    return None
                cue.speaker = self.entity_of[after[0].id]
                cue.channel = self._speaker_between(tokens[c].end, tokens[k].start)
                comp = self._complementizer(k, hi)
                cue.comp_end = comp if comp > 0 else -2
                return cue
        return None

    def _end_of(self, start: int, end: int, pairs, cut: bool) -> int:
        """Extend an indirect quote's end to close a «…» it opened; stop before a trailing ، of a cue."""
        for a, b in pairs:
            if a < end < b and a >= start:
                end = b
        return end

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace()):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "،,.؛;:"):
            end -= 1
        for a, b in self.pairs:      # a quote that is one «…» run: its inside
            if a == start and b == end:
                return start + 1, end - 1
        return start, end

    @staticmethod
    def _is_direct(start: int, end: int, pairs) -> bool:
        return any(a <= start and end <= b for a, b in pairs) or any(
            a == start - 1 and b == end + 1 for a, b in pairs)

    def _direct_leftovers(self, pairs, covered, quotes) -> list[Quote]:
        """«…» runs of 3+ words outside every indirect quote, in a sentence with a cue of a known speaker."""
        out = []
        for a, b in pairs:
            inner = self.text[a + 1:b - 1]
            if len(inner.split()) < 3 or any(s <= a + 1 and b - 1 <= e for s, e in covered):
                continue
            if any(s < b and a < e for s, e in covered):
                continue
            sent = next((i for i, s in enumerate(self.a.sentences) if s.start <= a < s.end), None)
            if sent is None:
                continue
            s = self.a.sentences[sent]
            lo, hi = s.token_start, s.token_end
            speaker = None
            cue_tok = None
            for k in self.cands[bisect_left(self.cands, lo):bisect_left(self.cands, hi)]:
                key = _word_stem(self.tokens[k])
                if key in self.lex.verbs or key in self.lex.participles:
                    cue_tok = k
                    end = a if self.tokens[k].start < a else s.end
                    speaker = self._speaker_between(self.tokens[k].end, end)
                    if speaker is None:
                        prev = [q for q in quotes if q.start < a]
                        speaker = prev[-1].speaker if prev else None
                    break
            if speaker is None or cue_tok is None:
                continue
            t = self.tokens[cue_tok]
            out.append(Quote("", a + 1, b - 1, inner, "direct", self.text[t.start:t.end], t.start, t.end, speaker))
        return out


def find_quotes(article, *, speech: SpeechLexicon | None = None, words: QuoteWords | None = None) -> list[Quote]:
    """The quotes of ``article`` (which has its entities and sentences) with their speakers, found with
    the speech lexicon ``speech`` and the word lists ``words`` (the shipped ones when not given)."""
    entity_of = {mid: e.id for e in article.entities for mid in e.mentions}
    return QuoteFinder(article, entity_of, speech if speech is not None else speech_lexicon(),
                       words if words is not None else quote_words()).find()
