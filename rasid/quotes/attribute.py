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
from rasid.doc.span import SpanSet
from rasid.entities.kinds import named_before, organisation_heads
from rasid.lang.ar.lexicons import attached_pronouns, keys
from rasid.lang.ar.normalize import norm_key
from rasid.lang.ar.speech import SpeechLexicon, speech_lexicon
from rasid.ner.everyday import everyday_words
from rasid.quotes.speakers import SpeakerModel, SpeakerOption, Statement, distance_bucket, shipped_speakers

OPEN = {"«": "»", "“": "”", '"': '"'}
MAX_SUBJECT = 30        # tokens from a cue to its complementizer (titles and offices make subjects long)
MAX_DIRECT_GAP = 20     # tokens from a cue to the «…» it opens (a subject, an office, في مؤتمر صحفي, a day)
MAX_CARRY = 6           # sentences a speaker is offered to a later statement with no subject of its own


@dataclass(frozen=True)
class QuoteWords:
    """The word lists speaker finding reads beside the speech lexicon: sets of norm keys matched
    against the ``Token.stem`` of the word before a name, which then is not the speaker (each file's
    header in rasid/lang/ar/lexicons says what it is for)."""

    prepositions: frozenset[str]           # prepositions.txt
    prepositional_nouns: frozenset[str]    # prepositional_nouns.txt: قبل، بعد، مقر (any proclitics)
    circumstance_nouns: frozenset[str]     # circumstance_nouns.txt: with ب or ل (بحضور، برئاسة)
    speaker_nouns: frozenset[str] = frozenset()   # speaker_nouns.txt: descriptive speakers (مصدر، شهود)
    honorifics: frozenset[str] = frozenset()      # honorific_pronouns.txt: سموه، معاليه (the speaker before)
    adjective_endings: tuple[str, ...] = ()        # speaker_adjective_endings.txt: أمني، محلية، أمريكيون


@cache
def quote_words() -> QuoteWords:
    """The shipped word lists of speaker finding, loaded once."""
    return QuoteWords(keys("prepositions"), keys("prepositional_nouns"), keys("circumstance_nouns"),
                      keys("speaker_nouns"), keys("honorific_pronouns"), tuple(keys("speaker_adjective_endings")))


@cache
def _pronoun_suffixes() -> tuple[str, ...]:
    """Attached pronouns (ه، ها، هم …, and the first person's ي: لي، مني)."""
    return (*attached_pronouns(), "ي")


@cache
def _relatives() -> frozenset[str]:
    """Relative pronouns (الذي، التي): they end like adjectives but close a noun phrase."""
    return frozenset(keys("relative_pronouns"))


@cache
def _time_words() -> frozenset[str]:
    """Weekdays, day words (أمس، اليوم), parts of the day and month names of the date vocabulary: a
    subject phrase stops at them (قال الخميس إن)."""
    from rasid.dates.vocabulary import vocabulary

    v = vocabulary()
    words = set(v.wd) | set(v.day_words) | set(v.day_parts) | set(v.mg) | set(v.mh)
    return frozenset(w.split()[0] for w in words if w)


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


def _feminine(words: str) -> int:
    """Whether a name's first word ends like a feminine noun (وزارة، حكومة، خلية؛ norm key ة -> ه): the
    agreement a feminine cue (قالت، مؤكدة) asks of its subject."""
    first = norm_key(words.split()[0]) if words.split() else ""
    return int(first.endswith("ه") and len(first) >= 4)


MIN_OBJECT_WORDS = 3       # an object of a cue verb shorter than this is no statement (أعلن المرصد السوري لحقوق الانسان)


@dataclass
class _Cue:
    tok: int            # token index of the cue word
    kind: str           # "verb" | "participle" | "channel"
    comp_end: int       # token index after the complementizer (start of the quote), or -1
    speaker: str | None = None
    channel: str | None = None
    chosen: SpeakerOption | None = None     # who made the statement, once decided
    span: tuple[int, int] | None = None     # an attribution's content (found with the cue)


_WORDS = r"[^\s:،.\-–—]+(?:\s+[^\s:،.\-–—]+){0,2}"
_BYLINE_TAIL = re.compile(rf"\s*[-–—]\s*{_WORDS}\s*(?:[-–—]\s*{_WORDS}\s*)?(?::|\n)")


def is_byline(text: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` opens a by-line: at the start of the text, a line or a
    sentence, followed by a dash, one to three words (a paper, a city), perhaps a second dash and
    words, then a colon or the end of the line (خلود غنام- سبق- الرياض: …)."""
    before = text[max(0, start - 40):start].rstrip(" \t")
    if before and not before.endswith("\n") and before[-1] not in ".:!؟?":
        return False
    return _BYLINE_TAIL.match(text, end) is not None


class QuoteFinder:
    """The quotes of one article and their speakers, found with a speech lexicon and word lists."""

    def __init__(self, article, entity_of: dict[str, str], speech: SpeechLexicon, words: QuoteWords,
                 model: SpeakerModel | None = None) -> None:
        self.a = article
        self.text = article.text
        self.tokens = article.tokens
        self.index = article.token_index()
        self.entity_of = entity_of          # mention id -> entity id
        self.lex = speech
        self.w = words
        # a reporter's by-line (خلود غنام- سبق- الرياض:) names who wrote the article, never who spoke
        bylines = {m.id for m in article.mentions if m.label == "PER" and is_byline(self.text, m.start, m.end)}
        self.mentions = sorted((m for m in article.mentions if m.id in entity_of and m.label in ("PER", "ORG")
                                and m.id not in bylines), key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        # places may speak too (قالت ماليزيا، واشنطن تدين): options, never the rules' choice
        self.named = sorted((m for m in article.mentions if m.id in entity_of and m.label in ("PER", "ORG", "LOC")
                             and m.id not in bylines), key=lambda m: m.start)
        self.named_starts = [m.start for m in self.named]
        self.model = model if model is not None else shipped_speakers()
        self.statements: list[Statement] = []     # every statement found, with its options (training, inspection)
        self._desc_cache: dict[int, list[tuple[int, int, str]]] = {}
        self._org_heads: list[tuple[int, str, str]] | None = None   # for _refer, made on first use

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
        return self._after_prep_at(m.start)

    def _after_prep_at(self, start: int) -> bool:
        """Whether a preposition (a proclitic ب ل ك, a preposition or prepositional noun before it, a
        circumstance noun with ب or ل) governs the name starting at ``start``."""
        k = self.index.at(start)
        tok = self.tokens[k] if k < len(self.tokens) else None
        if tok is not None and tok.start < start:      # the name starts inside a token: a proclitic
            pre = self.text[tok.start:start]
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
        while k < hi and k - c <= MAX_SUBJECT:
            t = tokens[k]
            key = _word_stem(t)
            surface = self.text[t.start:t.end]
            if key in self.lex.complementizers or (t.split and t.words[-1].norm in ("ان",) and key in ("بان",)):
                return k + 1
            if key == "الي" and k + 1 < hi and _word_stem(tokens[k + 1]) in self.lex.complementizers:
                return k + 2      # أشار إلى أن
            if surface == ":" and k - c <= 12:
                return k + 1
            if surface == "." and self._abbreviation_dot(k):
                k += 1          # د. سمير، م. عبدالله: a title's dot, not a sentence's end
                continue
            if surface in ".؟!" or (k > c + 1 and (key in self.lex.verbs or key in self.lex.participles)):
                return -1       # another cue (قال، مشيرا) opens its own statement: وأكد X تفهمه …، مبيناً أن
            if t.kind == "quote" and surface in OPEN:
                close = self._short_quote_end(k)
                if close is None:
                    close = self._name_in_quotes(k, hi)
                if close is not None:
                    k = close + 1
                    continue
                return -1 if k - c > MAX_DIRECT_GAP else -2     # a direct quote follows the cue (and its subject)
            k += 1
        return -1

    def _abbreviation_dot(self, k: int) -> bool:
        """Whether the ``.`` at token ``k`` closes a one-letter abbreviation written right before it
        (د. م. أ.), as the sentence splitter reads it."""
        prev = self.tokens[k - 1] if k > 0 else None
        return prev is not None and prev.kind == "word" and prev.end == self.tokens[k].start and \
            prev.end - prev.start == 1

    # ------------------------------------------------------------ main
    def find(self) -> list[Quote]:
        tokens, text = self.tokens, self.text
        pairs = self.pairs = quote_pairs(text)
        self._pair_set = SpanSet(pairs)
        self._pair_starts = [a for a, _ in pairs]
        quotes: list[Quote] = []
        covered: list[tuple[int, int]] = []
        last_speaker: tuple[int, SpeakerOption] | None = None   # (sentence index, who spoke)
        last_subject: dict[int, Mention] = {}                    # sentence -> first PER/ORG named in it
        last_person: Mention | None = None                       # the last person named before the sentence
        cands = self.cands = cue_candidates(self.index.stems, self.lex)
        for si, sent in enumerate(self.a.sentences):
            lo, hi = sent.token_start, sent.token_end
            self._si = si
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
                elif key in self.lex.attribution:
                    cue = self._attribution(c, lo, hi, sent)
                    if cue is not None and not any(x.kind != "attrib" and x.tok < c for x in cues):
                        cues.append(cue)    # (قال X إن …، وفقا لرويترز: the agency carries X's statement)
                    continue
                else:
                    continue
                if cues and cues[-1].kind == "attrib" and cues[-1].tok == c - 2:
                    continue        # بحسب ما أعلن X: the verb belongs to the attribution
                comp = self._complementizer(c, hi)
                cue = _Cue(c, kind, comp)
                if kind == "channel":
                    cue = self._channel(c, hi, cue)
                    if cue is None:
                        continue
                elif comp == -1:
                    if key in self.lex.object_verbs:
                        cue = self._object_clause(c, hi, cue)
                    elif kind == "participle" and c + 1 < hi - 1 and tokens[c + 1].kind == "word":
                        cue.comp_end = c + 1        # مؤكدا وجود …، مشددا على ضرورة …: the object is what was said
                    else:
                        cue = None
                    if cue is None:
                        continue
                cues.append(cue)
            for n, cue in enumerate(cues):
                span = cue.span if cue.kind == "attrib" else self._content(cue, n, cues, hi, sent, pairs)
                if span is None:
                    continue
                q_start, q_end = span
                if (q_start, q_end) in covered:
                    # two cues, one content (كشف … مؤكدا أنه …): it was said once, by the first cue's speaker
                    cue.chosen = cues[n - 1].chosen if n else None
                    continue
                carried = cues[n - 1].chosen if n and cues[n - 1].chosen else (
                    last_speaker[1] if last_speaker and si - last_speaker[0] <= MAX_CARRY else None)
                gap = 0 if n and cues[n - 1].chosen else (si - last_speaker[0] if carried else None)
                # the rules carry a speaker two sentences at most
                rule = self._rule_speaker(cue, hi, carried if gap is not None and gap <= 2 else None,
                                          last_subject.get(si - 1))
                options, context = self.speaker_options(cue, si, q_start, q_end, rule, carried, gap,
                                                        last_subject.get(si - 1), last_person, covered)
                k = self.model.choose(options, context)
                cue_tok = tokens[cue.tok]
                self.statements.append(Statement(q_start, q_end, cue_tok.start, cue_tok.end, options, context, k))
                if k is None:
                    continue
                opt = cue.chosen = options[k]
                kind = "direct" if self._is_direct(q_start, q_end) else "indirect"
                quotes.append(self._quote(q_start, q_end, kind, cue_tok, opt, cue.channel))
                covered.append((q_start, q_end))
                last_speaker = (si, opt)
            subjects = [m for m in self._mentions_between(tokens[lo].start if lo < hi else sent.start, sent.end)]
            if subjects:
                last_subject[si] = subjects[0]
            last_person = next((m for m in reversed(subjects) if m.label == "PER"), last_person)
        quotes += self._direct_leftovers(pairs, covered, quotes)
        quotes.sort(key=lambda q: q.start)
        for i, q in enumerate(quotes, 1):
            q.id = f"q{i}"
        return quotes

    # ------------------------------------------------------------ content and speaker options
    def _content(self, cue: _Cue, n: int, cues: list[_Cue], hi: int, sent, pairs) -> tuple[int, int] | None:
        """The character span of what cue ``n`` says: the «…» after it, or from its complementizer to the
        next cue or the end of the sentence; None when there is none."""
        tokens = self.tokens
        if cue.comp_end == -2 or (cue.kind == "channel" and cue.comp_end < 0):
            start_tok = self._quote_open_tok(cue.tok, hi)
            if start_tok is None:
                return None
            pair = next((p for p in pairs if p[0] == tokens[start_tok].start), None)
            if pair is None:
                return None
            q_start, q_end = pair[0] + 1, pair[1] - 1
        else:
            nxt = next((c.tok for c in cues[n + 1:] if c.tok > cue.comp_end), hi)
            if cue.comp_end >= nxt:
                return None
            q_start = tokens[cue.comp_end].start
            end = tokens[nxt - 1].end if nxt < hi else self._past_semicolons(hi)
            q_end = self._end_of(q_start, end, pairs, nxt < hi)
        q_start, q_end = self._trim(q_start, q_end)
        if q_end - q_start < 3:
            return None
        if (cue.comp_end > 0 and not self._opens_clause(cue) and not self._is_direct(q_start, q_end)
                and len(self.text[q_start:q_end].split()) < MIN_OBJECT_WORDS):
            return None         # وفق ما أعلن المرصد السوري لحقوق الإنسان: a name's tail, not what was said
        return q_start, q_end

    def _attribution(self, c: int, lo: int, hi: int, sent) -> _Cue | None:
        """A statement attributed with no verb (بحسب، وفقا لـ، حسب ما أعلن): when three words or more
        stand before the phrase in the sentence, they are the content (…، بحسب وكالة الأنباء); else
        the phrase opens the sentence and the content follows the comma or فإن after its source
        (وبحسب المصادر، فإن …). The source is for the speaker model."""
        tokens, text = self.tokens, self.text
        before = [k for k in range(lo, c) if tokens[k].kind == "word"]
        if len(before) >= MIN_OBJECT_WORDS:
            q_start, q_end = self._trim(tokens[before[0]].start, tokens[c - 1].end)
        else:
            k = c + 1
            while k < hi and k - c <= 15 and text[tokens[k].start:tokens[k].end] not in ("،", ",") and \
                    not (k > c + 1 and tokens[k].conj and _word_stem(tokens[k]) in self.lex.complementizers):
                k += 1
            if k >= hi or k - c > 15:
                return None
            if text[tokens[k].start:tokens[k].end] in ("،", ","):
                k += 1
                if k < hi and _word_stem(tokens[k]) in self.lex.complementizers:
                    k += 1      # وبحسب X، فإن …
            else:
                k += 1          # وبحسب X فإن …
            if k >= hi:
                return None
            q_start, q_end = self._trim(tokens[k].start, self._end_of(tokens[k].start, sent.end, self.pairs, False))
        if q_end - q_start < 3 or len(text[q_start:q_end].split()) < MIN_OBJECT_WORDS:
            return None
        return _Cue(c, "attrib", -1, span=(q_start, q_end))

    def _opens_clause(self, cue: _Cue) -> bool:
        """Whether the content of ``cue`` opens with a complementizer or a colon (أن، إن، :), not an object."""
        t = self.tokens[cue.comp_end - 1]
        return _word_stem(t) in self.lex.complementizers or self.text[t.start:t.end] == ":"

    def _rule_speaker(self, cue: _Cue, hi: int, carried: SpeakerOption | None,
                      prev_subject: Mention | None) -> tuple[str, str | None] | None:
        """What the hand-written rules choose, as ``(where, entity id)``: the subject between cue and
        content ("mid"), else the statement before's speaker ("carry"), else the sentence before's first
        actor ("prev")."""
        if cue.speaker is None and cue.kind == "verb":
            end_tok = cue.comp_end - 1 if cue.comp_end > 0 else self._quote_open_tok(cue.tok, hi)
            if end_tok is not None and end_tok > cue.tok:
                cue.speaker, cue.channel = self._speaker_and_via(cue.tok, end_tok)
        if cue.speaker is not None:
            return "mid", cue.speaker
        if carried is not None:
            return "carry", carried.entity
        if prev_subject is not None:
            return "prev", self.entity_of[prev_subject.id]
        return None

    def _descriptions(self, si: int) -> list[tuple[int, int, str]]:
        """The descriptive speakers of sentence ``si``: ``(first token, end token, head)`` of each noun of
        speaker_nouns.txt or of the actor lexicon not inside a name, with the adjectives after it."""
        got = self._desc_cache.get(si)
        if got is not None:
            return got
        from rasid.events.participants import actor_lexicon

        sent = self.a.sentences[si]
        lo, hi = sent.token_start, sent.token_end
        stems, tokens = self.index.stems, self.tokens
        named = [(m.start, m.end) for m in self.named[bisect_left(self.named_starts, sent.start):
                                                        bisect_left(self.named_starts, sent.end)]]
        lex = actor_lexicon()
        out = []
        k = lo
        while k < hi:
            t = tokens[k]
            if t.kind != "word" or any(a < t.end and t.start < b for a, b in named):
                k += 1
                continue
            bare = stems[k][2:] if stems[k].startswith("ال") and len(stems[k]) >= 5 else stems[k]
            hit = bare in self.w.speaker_nouns
            n = 1
            if not hit and lex.may_start(stems[k]):
                m = lex.match(stems, k, hi)
                if m is not None:
                    hit, n = True, m[0]
            if not hit:
                k += 1
                continue
            j = k + n
            while j < hi and j - k < n + 2 and tokens[j].kind == "word" and not tokens[j].conj and \
                    not any(a < tokens[j].end and tokens[j].start < b for a, b in named) and \
                    stems[j].endswith(self.w.adjective_endings) and len(stems[j]) >= 4 and \
                    stems[j] not in _relatives() and \
                    stems[j].startswith("ال") == stems[j - 1].startswith("ال"):
                j += 1          # مصدر أمني عراقي، مصادر محلية، السلطة الشرعية (an adjective agrees in the article)
            j = self._on_behalf(j, hi, named)
            out.append((k, j, bare))
            k = j
        self._desc_cache[si] = out
        return out

    def _on_behalf(self, j: int, hi: int, named: list[tuple[int, int]]) -> int:
        """Past ``باسم X`` after a description (متحدث باسم الدفاع المدني): X is a name (to its end) or up to
        three words that are no verb, no complementizer, no conjoined word; else ``j`` unchanged."""
        tokens, stems = self.tokens, self.index.stems
        if j >= hi - 1 or tokens[j].kind != "word" or self.text[tokens[j].start:tokens[j].end] != "باسم":
            return j
        k = j + 1
        for a, b in named:
            if a == tokens[k].start or a == self._after_proclitics(tokens[k]):
                while k < hi and tokens[k].start < b:
                    k += 1
                return k
        while k < hi and k - j <= 3 and tokens[k].kind == "word" and not tokens[k].conj \
                and stems[k] not in self.lex.complementizers and stems[k] not in self.lex.verbs:
            k += 1
        return k if k > j + 1 else j

    @staticmethod
    def _after_proclitics(tok: Token) -> int:
        """Where a word starts without its proclitics (لوكالة -> وكالة; the article stays)."""
        return next((p[0] + tok.start for p in tok.pieces if p[3] != "proclitic"), tok.start)

    def _prev_word(self, start: int) -> str:
        k = self.index.at(start) - 1
        while k >= 0 and self.tokens[k].kind == "quote":
            k -= 1
        return self.tokens[k].norm if k >= 0 and self.tokens[k].kind == "word" else ""

    def _in_brackets(self, lo_char: int, start: int) -> bool:
        seg = self.text[lo_char:start]
        return seg.count("(") > seg.count(")")

    def speaker_options(self, cue: _Cue, si: int, q_start: int, q_end: int,
                        rule: tuple[str, str | None] | None, carried: SpeakerOption | None, gap: int | None,
                        prev_subject: Mention | None, last_person: Mention | None = None,
                        said: Sequence[tuple[int, int]] = ()) -> tuple[list[SpeakerOption], list[str]]:
        """Who may have made the statement of ``cue`` (content ``[q_start, q_end)``), each with its facts,
        and the statement's own facts (see :mod:`rasid.quotes.speakers`)."""
        tokens, text = self.tokens, self.text
        sent = self.a.sentences[si]
        ct = tokens[cue.tok]
        opts: list[SpeakerOption] = []
        i, j = bisect_left(self.named_starts, sent.start), bisect_left(self.named_starts, sent.end)
        for m in self.named[i:j]:
            if m.end <= sent.end and not (q_start <= m.start < q_end) and not (m.start < ct.end and ct.start < m.end):
                opts.append(SpeakerOption(m.label, m.start, m.end, self.entity_of[m.id], m.text))
        for a, b, head in self._descriptions(si):
            sa, sb = self._after_proclitics(tokens[a]), tokens[b - 1].end
            if not (q_start <= sa < q_end) and a != cue.tok:
                opts.append(SpeakerOption("desc", sa, sb, None, text[sa:sb], [f"head={head}"]))
        content_first = q_end <= ct.start
        per_starts = {m.start for m in self.named[i:j] if m.label == "PER"}
        sides: dict[str, list[SpeakerOption]] = {}
        kept = []
        for o in opts:
            side = "pre" if o.end <= ct.start else "mid" if o.end <= q_start or content_first else "post"
            prev = self._prev_word(o.start)
            prep = "an" if prev.endswith("عن") else "bism" if prev.endswith("باسم") else \
                "1" if self._after_prep_at(o.start) else "0"
            if side == "mid" and prep in ("1", "bism") and cue.kind != "attrib":
                continue        # the subject of a cue is never inside a prepositional phrase (بحضور X، لـ X)
            kept.append(o)
            sides.setdefault(side, []).append(o)
            k = self.index.at(o.start)
            lo_tok, hi_tok = sorted((cue.tok, k))
            between = tokens[lo_tok + 1:hi_tok]
            o.facts += [f"k={o.kind}", f"side={side}", f"d={distance_bucket(abs(k - cue.tok))}", f"prep={prep}",
                        f"fem={_feminine(o.text)}"]
            if any(text[t.start:t.end] in ("،", ",") for t in between):
                o.facts.append("comma=1")
            if any(t.kind == "word" and t.stem in self.lex.verbs for t in between):
                o.facts.append("cue_between=1")
            if self._in_brackets(sent.start, o.start):
                o.facts.append("brackets=1")
            if o.kind == "desc":
                if k > 0 and tokens[k - 1].kind == "word" and tokens[k - 1].stem.startswith("ال") and \
                        not tokens[k - 1].conj and tokens[k - 1].end > sent.start:
                    o.facts.append("after_def=1")      # المؤتمر الصحفي: an adjective, not a speaker
                nxt = self.index.at(o.end)
                if nxt < len(tokens) and any(tokens[x].start in per_starts for x in range(nxt, min(nxt + 3, len(tokens)))):
                    o.facts.append("before_name=1")
            if carried is not None and o.entity is not None and o.entity == carried.entity:
                o.facts.append("is_carried=1")
        opts = kept
        for o in opts:
            if o.kind == "desc":
                self._refer(o)
        if cue.kind == "verb":
            for o in self._subject_options(cue, sent.token_start, q_start, opts):
                self._refer(o)
                sides.setdefault("pre" if o.end <= ct.start else "mid", []).append(o)
                opts.append(o)
        for side, group in sides.items():
            group.sort(key=lambda o: abs(self.index.at(o.start) - cue.tok))
            for r, o in enumerate(group):
                o.facts.append(f"rank={min(r, 2)}")
        if carried is not None:
            opts.append(SpeakerOption("carry", carried.start, carried.end, carried.entity, carried.text,
                                      ["k=carry", f"gap={distance_bucket(gap or 0)}", f"ckind={carried.kind}",
                                       f"fem={_feminine(carried.text)}"]))
        nxt_tok = tokens[cue.tok + 1] if cue.tok + 1 < len(tokens) else None
        honorific = nxt_tok is not None and nxt_tok.kind == "word" and nxt_tok.stem in self.w.honorifics
        if honorific:       # وقال سموه: the person last named with that title (سمو الأمير X), if any
            last_person = self._honoured(nxt_tok.stem, ct.start) or last_person
        if last_person is not None and (carried is None or carried.entity != self.entity_of[last_person.id]):
            # the last person may have been named inside what someone said (قال X إن … الزرقاوي …): the
            # contents ``said`` so far and the «…» runs
            quoted = self._pair_set.contains(last_person.start, last_person.end) or any(
                a <= last_person.start < b for a, b in said)
            opts.append(SpeakerOption("last", last_person.start, last_person.end, self.entity_of[last_person.id],
                                      last_person.text, ["k=last", f"carried={int(carried is not None)}",
                                                         f"fem={_feminine(last_person.text)}",
                                                         f"quoted={int(quoted)}"]))
        if prev_subject is not None:
            opts.append(SpeakerOption("prev", prev_subject.start, prev_subject.end, self.entity_of[prev_subject.id],
                                      prev_subject.text, ["k=prev", f"plabel={prev_subject.label}",
                                                          f"fem={_feminine(prev_subject.text)}"]))
        if rule is not None:
            where, eid = rule
            order = [o for o in opts if o.kind not in ("carry", "prev") and o.entity == eid and "side=mid" in o.facts] \
                if where == "mid" else [o for o in opts if o.kind == where]
            if order:
                order[0].facts.append("rule=1")
        stem = ct.stem if ct.kind == "word" else ""
        opened = "direct" if cue.comp_end == -2 else "none" if cue.comp_end <= 0 else \
            "that" if self._opens_clause(cue) else "object"
        context = [f"cue={cue.kind}", f"conj={int(ct.conj)}", f"g={self._cue_gender(stem)}",
                   f"open={opened}", f"nmid={distance_bucket(len(sides.get('mid', ())))}",
                   f"cf={int(content_first)}",
                   f"hon={int(honorific)}", f"lem={stem}"]
        return opts, context

    def _refer(self, o: SpeakerOption) -> None:
        """A descriptive option that is a definite noun naming an organisation's kind (الوزارة، الشركة،
        الجيش) stands for the organisation of that kind named last before it (وزارة الشؤون البلدية):
        it takes that entity, with the fact ``ref=1``."""
        words = norm_key(o.text).split()
        if not words or len(words) > 3 or not all(w.startswith("ال") and len(w) > 3 for w in words):
            return      # الوزارة، الصحيفة السعودية; not مصادر طبية, not a name
        if self._org_heads is None:     # (start, head word without its article, entity) of each organisation
            self._org_heads = organisation_heads(
                self.mentions, self.entity_of,
                lambda m: (norm_key(m.text).split() or [""])[0].removeprefix("ال") if m.label == "ORG" else None)
        hit = named_before(self._org_heads, o.start, words[0][2:])
        if hit is not None:
            o.entity = hit
            o.facts.append("ref=1")

    def _np_word(self, t: Token) -> bool:
        """Whether token ``t`` may belong to a cue's subject: a word that is no verb of saying, no
        complementizer or preposition, not governed by a proclitic preposition (لـ، بـ), no time word
        and no honorific pronoun."""
        if t.kind != "word" or t.conj:
            return False
        key = _word_stem(t)
        if (key in self.lex.complementizers or key in self.lex.verbs or key in self.lex.participles
                or key in self.lex.channel_verbs or key in self.w.prepositions or key in self.w.prepositional_nouns
                or key in self.w.honorifics or key in _time_words() or key in _relatives()
                or key in self.lex.skip):
            return False
        if any(key.endswith(p) and key[:-len(p)] in self.w.prepositions for p in _pronoun_suffixes()):
            return False    # له، عليه، منهم، لي: a preposition with its pronoun
        return not (t.split and t.words[0].kind == "proclitic" and t.words[0].norm in ("ب", "ل", "ك"))

    def _subject_options(self, cue: _Cue, lo: int, q_start: int, opts: list[SpeakerOption]) -> list[SpeakerOption]:
        """Subjects of a verb cue that no named or descriptive option covers (a name the tagger missed, a
        noun the lexicons lack): the words between the cue and what stops a noun phrase (a comma, a
        preposition, a complementizer, a time word, another verb), cut where a title or an option
        stands (قال إلون موسك الرئيس التنفيذي …: إلون موسك; وشددت الدراسة على أن: الدراسة); or,
        before the cue, the words from the clause's start (زملاء كثيرون يقولون إن). At most the first
        and the last such run after the cue and one before it, each an option of kind ``subj``."""
        from rasid.entities.vocabulary import vocabulary

        tokens = self.tokens
        voc = vocabulary()
        spans = [(o.start, o.end) for o in opts]

        def covered(t: Token) -> bool:
            if t.end - t.start == 1:
                return True     # د. م.: a title's letter
            return any(a < t.end and t.start < b for a, b in spans) or \
                _word_stem(t) in voc.person_titles or _word_stem(t) in voc.office_heads or \
                _word_stem(t) in voc.honorifics

        c_tok = self.index.at(q_start)
        runs: list[list[int]] = []
        run: list[int] = []
        k = cue.tok + 1
        while k < len(tokens) and k - cue.tok <= 8 and tokens[k].end <= q_start and (
                self._np_word(tokens[k]) or self.text[tokens[k].start:tokens[k].end] == "." and self._abbreviation_dot(k)):
            if tokens[k].kind != "word" or covered(tokens[k]):
                if run:
                    runs.append(run)
                run = []
            else:
                run.append(k)
            k += 1
        if run:
            runs.append(run)
        out = []
        for r, where in ((runs[0], "first"), (runs[-1], "last")) if runs else ():
            if where == "last" and len(runs) < 2:
                break
            out.append(self._subj(r, "mid", [f"run={where}", f"at_cue={int(r[0] == cue.tok + 1)}"]))
        if c_tok <= cue.tok:
            return out          # the content comes first: its subject is after the cue
        k = cue.tok - 1
        pre: list[int] = []
        while k >= lo and len(pre) < 4 and self._np_word(tokens[k]) and not covered(tokens[k]):
            pre.insert(0, k)
            k -= 1
        if pre and (k < lo or tokens[k].kind in ("punct", "quote") or
                    _word_stem(tokens[k]) in self.lex.complementizers):
            out.append(self._subj(pre, "pre", [f"n={distance_bucket(len(pre))}"]))
        return out

    def _subj(self, run: list[int], side: str, facts: list[str]) -> SpeakerOption:
        """The ``subj`` option of the words ``run``: its facts say how long it is, whether its words are
        everyday words (a noun phrase) or not (a name the tagger missed), whether it is definite."""
        a = self._after_proclitics(self.tokens[run[0]])
        b = self.tokens[run[-1]].end
        text = self.text[a:b]
        every = everyday_words()
        stems = [_word_stem(self.tokens[k]) for k in run]
        n_every = sum(s in every or s.removeprefix("ال") in every for s in stems)
        shape = "all" if n_every == len(stems) else "none" if n_every == 0 else "some"
        return SpeakerOption("subj", a, b, None, text, ["k=subj", f"side={side}", f"len={distance_bucket(len(run))}",
                                                       f"fem={_feminine(text)}", f"every={shape}",
                                                       f"def={int(stems[0].startswith('ال'))}"] + facts)

    def _cue_gender(self, stem: str) -> str:
        """``f`` when the cue word is feminine: a past verb with the feminine ت (قالت، لفتت; not لفت),
        an imperfect with ت (تقول، تؤكد), a participle with ة (مؤكدة); else ``m``."""
        verbs = self.lex.verbs
        if stem.endswith("ت") and any(stem[:-1] + x in verbs for x in ("", "ي", "ا")):
            return "f"      # قالت، نفت (نفى)، دعت (دعا)
        if stem.endswith("ه") and stem[:-1] + "ا" in self.lex.participles:
            return "f"      # مؤكدة (مؤكدا)
        if stem.startswith("ت") and "ي" + stem[1:] in verbs:
            return "f"
        return "m"

    def _honoured(self, pronoun: str, before: int) -> Mention | None:
        """The last person named before ``before`` with the title an honorific pronoun stands for
        (سموه: سمو، معاليه: معالي، فخامته: فخامة) among the four words before the name."""
        title = pronoun[:-1]
        if title.endswith("ت"):
            title = title[:-1] + "ه"
        for m in reversed(self.mentions[:bisect_left(self.mention_starts, before)]):
            if m.label != "PER":
                continue
            k = self.index.at(m.start)
            if any(t.kind == "word" and t.stem.removeprefix("ال") == title for t in self.tokens[max(0, k - 4):k]):
                return m
        return None

    def _quote(self, q_start: int, q_end: int, kind: str, cue_tok: Token, opt: SpeakerOption,
               channel: str | None) -> Quote:
        text = self.text
        return Quote("", q_start, q_end, text[q_start:q_end], kind, text[cue_tok.start:cue_tok.end], cue_tok.start,
                     cue_tok.end, opt.entity, channel, text[opt.start:opt.end], opt.start, opt.end,
                     "named" if opt.entity is not None else "descriptive")

    def _name_in_quotes(self, k: int, hi: int) -> int | None:
        """A «…» of a few words that a complementizer follows soon after (مع «سكاي نيوز عربية»، إن …):
        a name on the way to the content, not the content; the index of its closing token."""
        start = self.tokens[k].start
        pair = next(((a, b) for a, b in self.pairs if a == start), None)
        if pair is None or len(self.text[pair[0] + 1:pair[1] - 1].split()) > 5:
            return None
        close = self.index.index(pair[1] - 1)
        for j in range(close + 1, min(hi, close + 4)):
            if _word_stem(self.tokens[j]) in self.lex.complementizers:
                return close
        return None

    def _object_clause(self, c: int, hi: int, cue: _Cue) -> _Cue | None:
        """أكد X فرار …، أعلنت X مقتل …: the subject named right after the verb, then what was
        said as the verb's object, up to the end of the sentence (a prepositional object after دعا/طالب)."""
        tokens = self.tokens
        if c + 1 >= hi:
            return None
        after = [m for m in self._mentions_between(tokens[c + 1].start, tokens[min(c + 12, hi - 1)].end)]
        if not after:
            # a described subject (أعلنت مصادر رسمية مقتل …) or none, after a conjunction (وأكد استمرار …):
            # the object starts after it; who spoke is for the speaker model
            desc = next(((a, b) for a, b, _ in self._descriptions(self._si) if a == c + 1), None)
            if desc is not None:
                k = desc[1]
            elif tokens[c].conj:
                k = c + 1
            else:
                return None
            if k >= hi - 1 or tokens[k].kind != "word":
                return None
            cue.comp_end = k
            return cue
        subject = next((m for m in after if m.label == "PER"), after[0])
        if subject.start > tokens[c].end + 60:
            return None
        # the object starts after the subject phrase (and the comma that closes an apposition:
        # وأكد المتحدث باسم الخارجية، السفير X، أهمية …)
        k = self.index.index(subject.end)
        while k < hi and (tokens[k].kind == "quote" or self.text[tokens[k].start:tokens[k].end] in ("،", ",")):
            k += 1
        if k >= hi - 1 or tokens[k].kind != "word":
            return None
        cue.speaker = self.entity_of[subject.id]
        cue.comp_end = k
        return cue

    def _quote_open_tok(self, c: int, hi: int) -> int | None:
        k = c + 1
        while k < min(hi, c + MAX_DIRECT_GAP + 2):
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

    def _past_semicolons(self, hi: int) -> int:
        """Where a statement that runs to the end of its sentence ends: the sentence's end, or, when the
        sentence ends with the Arabic semicolon (a clause break the splitter takes for a sentence end),
        the end of the next sentences that hold no cue word of their own (two at most)."""
        tokens, sents = self.tokens, self.a.sentences
        si = self._si
        end = sents[si].end
        for _ in range(2):
            if si + 1 >= len(sents) or self.text[end - 1:end] != "؛":
                break
            nxt = sents[si + 1]
            cands = self.cands[bisect_left(self.cands, nxt.token_start):bisect_left(self.cands, nxt.token_end)]
            lex = self.lex
            if any(tokens[c].stem in lex.verbs or tokens[c].stem in lex.participles or tokens[c].stem in lex.attribution
                   for c in cands):
                break
            si += 1
            end = nxt.end
        return end

    def _end_of(self, start: int, end: int, pairs, cut: bool) -> int:
        """Extend an indirect quote's end to close a «…» it opened; stop before a trailing ، of a cue."""
        # pairs are sorted by their opening mark, and ``end`` only grows: the first pair that
        # opens at or after ``end`` ends the search (as a scan of every pair would find)
        for a, b in pairs[bisect_left(self._pair_starts, start):]:
            if a >= end:
                break
            if end < b:
                end = b
        return end

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace()):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "،,.؛;:"):
            end -= 1
        if (start, end) in self._pair_set:      # a quote that is one «…» run: its inside
            return start + 1, end - 1
        return start, end

    def _is_direct(self, start: int, end: int) -> bool:
        """Inside one of the article's «…» runs, or just within its marks."""
        return self._pair_set.contains(start, end) or (start - 1, end + 1) in self._pair_set

    def _direct_leftovers(self, pairs, covered, quotes) -> list[Quote]:
        """«…» runs of 3+ words outside every indirect quote, in a sentence with a cue of a known speaker."""
        out = []
        covered = SpanSet(covered)
        sentence_of = self.a.sentence_index().at
        for a, b in pairs:
            inner = self.text[a + 1:b - 1]
            if len(inner.split()) < 3 or covered.contains(a + 1, b - 1):
                continue
            if covered.overlaps(a, b):
                continue
            sent = sentence_of(a)
            if sent < 0:
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
