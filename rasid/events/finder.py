"""PLOVER events from trigger words and the sentence around them.

For each trigger the lexicon finds (rasid.lang.ar.triggers), actors come from
the clause structure:

* verb: the subject is the first actor after the verb (VSO), else the actor
  just before it (كان X قد التقى); the other party follows a preposition the
  trigger takes (مع، ب) or is the verb's object, with everyone listed after it
  (X، وY; X وY);
* noun: the actor in construct right after it (لقاء X و Y), else the actor
  of a light verb on it (لقاءات عقدها X), with the others as for verbs.

Actors are persons, organisations and countries; a name inside another
person's office phrase (رئيس حكومة «الوحدة») is not an actor. An event needs
two parties: with one, nothing is invented. ``استقبل`` makes the object the
source (the visitor). Negation, future and hypothetical cues just before the
trigger set the flags; such events are kept but flagged (and left out of the
scorer's view by the stage unless ``keep_flagged``). The place is a place
mention in the clause (في X، إلى X); a later sentence that refers back to the
meeting (اللقاء الذي عقد في طرابلس) gives its place and topics. Topics are
the contexts whose keywords occur in the sentence.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import compress
from typing import NamedTuple

from rasid.doc.layers import Event, Mention, Token
from rasid.doc.span import SpanSet
from rasid.lang.ar.lexicons import data, keys
from rasid.lang.ar.normalize import norm_key, strip_diacritics
from rasid.events.when import event_time
from rasid.lang.ar.triggers import RELATIVES, EventLexicon, Trigger, finder_lexicon, phrase_key, trigger_key
from rasid.memo import FormMemo

_BOUNDARY = set(".؛;!?؟")
_LISTING = {"و", "،", ","}
_HOSTILE = {"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "SANCTION", "PROTEST"}
_HOSTILE_PREPS = {"علي", "ضد", "الي"}      # ضربات إلى التنظيم، هجوم على، عقوبات ضد


@dataclass(frozen=True)
class EventWords:
    """The word lists event finding reads beside the trigger lexicon: sets of norm keys, matched
    against ``Token.stem`` (each file's header in rasid/lang/ar/lexicons says what it is for)."""

    prepositions: frozenset[str]                 # prepositions.txt
    list_breaking_prepositions: frozenset[str]   # list_breaking_prepositions.txt
    clause_complementizers: frozenset[str]       # clause_complementizers.txt
    anaphors: frozenset[str]                     # event_anaphors.txt
    name_titles: frozenset[str]                  # name_titles.txt
    kinship: frozenset[str]                      # actors.json: kinship
    generic_orgs: frozenset[str]                 # generic_org_anaphors.txt
    light_verbs_before: frozenset[str]           # light_verbs.json: before_noun
    light_verbs_after: frozenset[str]            # light_verbs.json: after_noun
    # derived: the prepositions that are words (not the letters ب ل ك), and all but ل
    word_prepositions: frozenset[str] = field(init=False)
    prepositions_but_l: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "word_prepositions", frozenset(p for p in self.prepositions if len(p) > 1))
        object.__setattr__(self, "prepositions_but_l", self.prepositions - {"ل"})


@cache
def event_words() -> EventWords:
    """The shipped word lists of event finding, loaded once."""
    light = data("light_verbs")
    return EventWords(
        prepositions=keys("prepositions"), list_breaking_prepositions=keys("list_breaking_prepositions"),
        clause_complementizers=keys("clause_complementizers"), anaphors=keys("event_anaphors"),
        name_titles=keys("name_titles"), kinship=frozenset(map(norm_key, data("actors")["kinship"])), generic_orgs=keys("generic_org_anaphors"),
        light_verbs_before=frozenset(map(norm_key, light["before_noun"])),
        light_verbs_after=frozenset(map(norm_key, light["after_noun"])))


class _Form(NamedTuple):
    """What a token's written form decides for event finding."""

    stem: str                         # a word's Token.stem, else the token's text
    trigger_key: str                  # the key the trigger lexicon reads (rasid.lang.ar.triggers.trigger_key)
    readings: tuple[Trigger, ...]     # the trigger readings tried for the token alone
    may_trigger: bool                 # a reading, or the first word of a multiword trigger
    phrase_key: str                   # the trigger key as multiword triggers list it (no article)


_FORMS_MAX = 100_000


class _FormCache:
    """The :class:`_Form` of each written form, for one trigger lexicon: word forms by norm and clitic
    pieces (:class:`rasid.memo.FormMemo`), other tokens' forms by text and norm. Each table is cleared
    when full."""

    __slots__ = ("lex", "words", "others")

    def __init__(self, lex: EventLexicon) -> None:
        self.lex = lex
        self.words = FormMemo(_FORMS_MAX)
        self.others: dict[str, _Form] = {}

    def word(self, tok: Token) -> _Form:
        """The :class:`_Form` of a word token."""
        return self.words.get(tok, self._make)

    def _make(self, tok: Token) -> _Form:
        key = trigger_key(tok)
        readings = self.lex.token_readings(tok)
        return _Form(tok.stem, key, readings, bool(readings) or self.lex.starts_phrase(key), phrase_key(key))

    def other(self, tok: Token, text: str) -> _Form:
        """The :class:`_Form` of a token that is not a word (its text is its stem)."""
        surface = text[tok.start:tok.end]
        form = self.others.get(surface)
        if form is None or form.trigger_key != tok.norm:
            if len(self.others) >= _FORMS_MAX:
                self.others.clear()
            form = self.others[surface] = _Form(surface, tok.norm, (), self.lex.starts_phrase(tok.norm),
                                                phrase_key(tok.norm))
        return form


@lru_cache(maxsize=4)
def _form_cache(lex: EventLexicon) -> _FormCache:
    """The form cache of a trigger lexicon (kept across articles)."""
    return _FormCache(lex)


@dataclass
class Actor:
    entity: str
    mention: Mention
    tok: int          # token index of the mention start
    end_tok: int      # token index after the mention


@dataclass
class _Found:
    trigger: Trigger
    tok: int
    n: int
    sentence: int
    source: list[str]
    target: list[str]
    location: str | None
    flags: set[str] = field(default_factory=set)
    topics: list[str] = field(default_factory=list)


class EventFinder:
    """The events of one article, found with a trigger lexicon and the word lists of event finding."""

    def __init__(self, article, lex: EventLexicon, words: EventWords) -> None:
        self.a = article
        self.text = article.text
        self.tokens = article.tokens
        self.lex = lex
        self.w = words
        self._index_tokens()
        ents = {e.id: e for e in article.entities}
        entity_of = {mid: e.id for e in article.entities for mid in e.mentions}
        # spans of office phrases: names inside them are not actors of their own
        self.office_spans = SpanSet((r.start, r.end) for e in article.entities for r in e.roles
                                    if r.start is not None and r.end is not None)
        self.actors: list[Actor] = []
        self.places: list[Actor] = []
        starts = article.token_index().starts
        for m in sorted(article.mentions, key=lambda m: m.start):
            eid = entity_of.get(m.id)
            if eid is None:
                continue
            e = ents[eid]
            # TokenIndex.at / TokenIndex.index, inline
            i, j = max(bisect_right(starts, m.start) - 1, 0), bisect_left(starts, m.end)
            if e.type == "LOC":
                self.places.append(Actor(eid, m, i, j))
                if e.geo is not None and e.geo.feature == "country":
                    self.actors.append(Actor(eid, m, i, j))
            elif e.type in ("PER", "ORG"):
                self.actors.append(Actor(eid, m, i, j))
        self.actors += self._office_actors(article)
        self.actors += self._generic_org_actors(article)
        self.actors.sort(key=lambda a: a.tok)
        # a name inside someone's office phrase (رئيس حكومة «الوحدة»، السفير لدى ليبيا) is not an actor
        ptype = {e.id: e.type for e in article.entities}
        self.actors = [a for a in self.actors if ptype[a.entity] == "PER"
                       or not self.office_spans.contains(a.mention.start, a.mention.end)]
        self._actor_toks = [a.tok for a in self.actors]
        # who speaks where: the cue position and speaker of every attributed statement
        self.statements = sorted((q.cue_start, q.speaker) for q in getattr(article, "quotes", None) or ()
                                 if q.speaker is not None and q.cue_start is not None)
        # how far an actor may end before it starts (never, unless a mention has its end before its start)
        self._actor_back = max([0] + [a.tok - a.end_tok for a in self.actors])

    def _index_tokens(self) -> None:
        """Per-token facts, computed once for the article: ``forms``, ``stems`` (``Token.stem`` of words,
        the text of other tokens), ``trigger_keys`` (the keys the trigger lexicon reads) and
        ``candidates`` (the indices where a trigger may start)."""
        text = self.text
        cache = _form_cache(self.lex)
        word, other = cache.word, cache.other
        self.forms = [word(t) if t.kind == "word" else other(t, text) for t in self.tokens]
        stems, trigger_keys, _, may_trigger, _ = zip(*self.forms) if self.forms else ((), (), (), (), ())
        self.stems: Sequence[str] = stems
        self.trigger_keys: Sequence[str] = trigger_keys
        self.candidates = list(compress(range(len(may_trigger)), may_trigger))

    @staticmethod
    def _indices(keys: Sequence[str], wanted) -> list[int]:
        """The indices of ``keys`` that are in ``wanted``."""
        return list(compress(range(len(keys)), map(wanted.__contains__, keys)))

    def _generic_org_actors(self, article) -> list[Actor]:
        """«التنظيم»، «الحركة»، «الجماعة» for the organisation of that kind named last (تنظيم داعش)."""
        heads = self._indices(self.stems, self.w.generic_orgs)
        if not heads:
            return []
        ents = {e.id: e for e in article.entities}
        orgs = [a for a in self.actors if ents[a.entity].type == "ORG"]
        out = []
        for k in heads:
            tok = self.tokens[k]
            if tok.kind != "word":
                continue
            head = self.stems[k].removeprefix("ال")
            prev = [a for a in orgs if a.end_tok <= k and head in a.mention.norm.replace("ال", "").split()
                    or a.end_tok <= k and a.mention.norm.split()[0].removeprefix("ال") == head]
            if not prev or any(a.tok <= k < a.end_tok for a in orgs):
                continue
            start = tok.words[-1].start if tok.split and tok.words[0].kind == "proclitic" else tok.start
            for w in (tok.words if tok.split else []):
                if w.kind != "proclitic":
                    start = w.start
                    break
            m = Mention(f"anaphor{k}", start, tok.end, self.text[start:tok.end], "ORG")
            out.append(Actor(prev[-1].entity, m, k, k + 1))
        return out

    def _office_actors(self, article) -> list[Actor]:
        """Persons named by their office alone: «وزير الخارجية المصري», «نظيره المصري» stand for the one
        person of the article who holds that office for that country."""
        from rasid.entities.countries import word_country
        from rasid.entities.vocabulary import is_nisba, vocabulary as lexicon

        lex = lexicon()
        tokens, text = self.tokens, self.text
        people = [e for e in article.entities if e.type == "PER" and e.country]
        if not people:
            return []           # no one to stand for
        starts = {m.start for m in article.mentions if m.label == "PER"}
        out = []
        for k in self._indices(self.stems, lex.office_heads.keys() | lex.counterpart):
            tok = tokens[k]
            if tok.kind != "word":
                continue
            head = self.stems[k]
            counterpart = head in lex.counterpart
            words, j, country = [head], k + 1, None
            while j < len(tokens) and tokens[j].kind == "word" and len(words) < 4:
                key = self.stems[j]
                if is_nisba(key):
                    country = country or word_country(key)
                elif key not in lex.office_complements:
                    break
                words.append(key)
                j += 1
            if country is None or (j < len(tokens) and tokens[j].start in starts) or (len(words) < 2 and not counterpart):
                continue
            core = [w.removeprefix("ال") for w in words[:2] if not is_nisba(w)]
            fits = [e for e in people if e.country == country and (counterpart or any(
                all(c in norm_key(r.title).replace("ال", " ").split() or c in norm_key(r.title) for c in core)
                for r in e.roles))]
            if len(fits) != 1:
                continue
            start = tok.words[1].start if tok.conj else tok.start
            m = Mention(f"office{k}", start, tokens[j - 1].end, text[start:tokens[j - 1].end], "PER")
            out.append(Actor(fits[0].id, m, k, j))
        return out

    # ------------------------------------------------------------ helpers
    def _stem_or_text(self, t: Token) -> str:
        """A word's ``Token.stem``, another token's text (what ``stems`` holds for token ``t``)."""
        return t.stem if t.kind == "word" else self.text[t.start:t.end]

    def _after_preposition(self, actor: Actor) -> str | None:
        """The preposition right before an actor (its own proclitic, or the word before), else None."""
        tok = self.tokens[actor.tok]
        if tok.start < actor.mention.start:
            pre = self.text[tok.start:actor.mention.start]
            if pre and pre[-1] in "بلك":
                return pre[-1]
        k = actor.tok - 1
        while k >= 0 and (self.tokens[k].kind == "quote" or (
                self.tokens[k].kind == "word" and self.stems[k] in self.w.name_titles)):
            t = self.tokens[k]
            if t.kind == "word" and t.split and t.words[0].kind == "proclitic" and t.words[0].norm in ("ب", "ل"):
                return t.words[0].norm      # بالسفير X، للأمير X
            k -= 1
        if k < 0 or self.tokens[k].kind != "word":
            return None
        key = self.stems[k]
        return key if key in self.w.prepositions else None

    def _clause_end(self, k: int, hi: int) -> int:
        """Token index where the clause starting at ``k`` ends (a full stop, a complementizer, a new verb clause)."""
        tokens, keys, complementizers = self.tokens, self.stems, self.w.clause_complementizers
        for j in range(k, hi):
            t = tokens[j]
            if t.kind != "word":
                if keys[j] in _BOUNDARY:        # a non-word's key is its text
                    return j
            elif keys[j] in complementizers and j > k or (
                    t.end - t.start == 1 and self.text[t.start] in _BOUNDARY):
                return j
        return hi

    def _actors_in(self, lo: int, hi: int) -> list[Actor]:
        """The actors within tokens ``[lo, hi)``, in order (found by bisection: actors are sorted by start)."""
        toks = self._actor_toks
        i, j = bisect_left(toks, lo), bisect_right(toks, hi + self._actor_back)
        return [a for a in self.actors[i:j] if a.end_tok <= hi]

    def _listed_after(self, first: Actor, hi: int) -> list[Actor]:
        """Actors listed after ``first``: X، وY / X وY / X، Y (titles may come between)."""
        out = [first]
        cur = first
        for nxt in self._actors_in(cur.end_tok, hi):
            if nxt.entity in {a.entity for a in out}:
                continue
            gap = self.tokens[cur.end_tok:nxt.tok]
            joined = any(self.text[t.start:t.end] in _LISTING for t in gap) or self.tokens[nxt.tok].conj \
                or any(t.conj for t in gap)
            words = [t for t in gap if t.kind == "word"
                     and not self.office_spans.contains(t.start, t.end)]
            if any(self._stem_or_text(t) in self.w.kinship and not t.conj for t in words[:2]):
                break       # كريم، نجل اللواء منصور العطار: an apposition, not a list (but وشقيقه X is)
            if not joined or len(words) > 7 or any(self._stem_or_text(t) in self.w.prepositions_but_l
                                                        for t in words[:1]):
                break
            if self._after_preposition(nxt) in self.w.list_breaking_prepositions:
                break
            out.append(nxt)
            cur = nxt
        return out

    # ------------------------------------------------------------ one trigger
    def _parties(self, trig: Trigger, k: int, n: int, lo: int, hi: int) -> tuple[list[str], list[str]] | None:
        end = self._clause_end(k + n, hi)
        after = self._actors_in(k + n, end)
        subject: Actor | None = None
        self._co_subjects: list[Actor] = []
        others: list[Actor] = []
        # the other party after a preposition the trigger takes (مع X، بـX)
        preps = set(trig.preps) | (_HOSTILE_PREPS if trig.type in _HOSTILE else set())
        with_prep = [a for a in after if self._after_preposition(a) in preps]
        plain = [a for a in after if self._after_preposition(a) is None]
        if trig.pos == "participle":
            subject = self._statement_subject(k, lo)      # قال X إن ...، محمّلاً Y المسؤولية
        elif trig.pos == "verb":
            fronted = self._fronted_subject(k, lo)
            if fronted is not None:
                subject = fronted
            elif plain and plain[0].tok - (k + n) <= 14 and not self._preposition_between(k + n, plain[0].tok):
                subject = plain[0]
            else:
                before = [a for a in self._actors_in(lo, k) if k - a.end_tok <= 4
                          and self._after_preposition(a) is None
                          and not any(self.stems[j] in self.w.clause_complementizers for j in range(a.end_tok, k))]
                subject = before[-1] if before else None
        else:
            if self._possessive(k, trig):
                subject = self._possessor(k, lo)        # زيارته لمقبل: his visit
            elif plain and self._gap_words(k + n, plain[0].tok) <= 2 and not self._definite(k):
                subject = plain[0]      # لقاء X: a definite noun (البحث) has no construct partner
            elif k + n < end and self.stems[k + n] in self.w.light_verbs_after and plain:
                subject = plain[0]          # لقاءات عقدها الفريق صدام
            else:
                subject = self._light_verb_subject(k, lo)   # أجرى X اتصالا هاتفيا مع Y
        if subject is None:
            return None
        if with_prep:
            others = self._listed_after(with_prep[0], end)
        elif (trig.requires and k > lo and self.stems[k - 1] in RELATIVES
              and not self.lex.fires_after(trig, self.trigger_keys[k + n:hi])):
            # الاتفاق الذي وقعته X و Y: the verb's object is the noun before the relative pronoun, so the
            # other party is only one listed with the subject (when every party acts alike)
            others = self._listed_after(subject, end)[1:] if trig.symmetric else []
        else:
            rest = [a for a in plain if a.tok >= subject.end_tok and a.entity != subject.entity]
            if trig.pos in ("noun", "participle") and subject.tok < k:
                # لقائه وزير الخارجية المصري: the possessor met the one named right after the noun
                near = [a for a in plain if a.entity != subject.entity and self._gap_words(k + n, a.tok) <= 2]
                others = self._listed_after(near[0], end) if near else []
            elif trig.pos == "noun":
                listed = self._listed_after(subject, end)
                others = listed[1:]
            elif rest:
                others = self._listed_after(rest[0], end)
        others = [a for a in others if a.entity != subject.entity]
        if trig.type == "CONSULT":
            # a country after بحث/ناقش is what was discussed, not a party, unless met (مع X)
            others = [a for a in others if a.mention.label != "LOC" or a in with_prep]
        if not others:
            return None
        src = list(dict.fromkeys([subject.entity] + [a.entity for a in self._co_subjects]))
        tgt = list(dict.fromkeys(a.entity for a in others if a.entity not in src))
        if not tgt:
            return None
        if trig.source == "object":
            src, tgt = tgt, src
        return src, tgt

    def _statement_subject(self, k: int, lo: int) -> Actor | None:
        """The subject of a participle that continues a statement (محمّلاً، منددًا، رافضةً): the speaker
        of the last statement whose cue is in the same sentence before it, at that speaker's mention
        nearest before the participle."""
        start, first = self.tokens[k].start, self.tokens[lo].start
        speaker = None
        for cue, who in self.statements:
            if cue >= start:
                break
            if cue >= first:
                speaker = who
        if speaker is None:
            return None
        before = [a for a in self.actors if a.entity == speaker and a.tok < k]
        return before[-1] if before else None

    def _may_have_parties(self, k: int, hi: int) -> bool:
        """False when :meth:`_parties` must find no event for a trigger at ``k``: the other party is always
        an actor after the trigger (or its subject) in the sentence, and there is none. (Always True if
        some mention ends before it starts, where that reasoning does not hold.)"""
        return bool(self._actor_back) or bool(self._actors_in(k, hi))

    def _preposition_between(self, a: int, b: int) -> bool:
        """A preposition between tokens a and b (outside office phrases): the actor is in a PP."""
        for t in self.tokens[a:b]:
            if t.kind != "word" or self.office_spans.contains(t.start, t.end):
                continue
            if self._stem_or_text(t) in self.w.word_prepositions:
                return True
        return False

    def _gap_words(self, a: int, b: int) -> int:
        """Words between token a and b that are not part of an office phrase or an honorific."""
        titles = self.w.name_titles
        return sum(1 for t in self.tokens[a:b] if t.kind == "word" and self.text[t.start:t.end] not in titles
                   and norm_key(self.text[t.start:t.end]) not in titles
                   and not self.office_spans.contains(t.start, t.end))

    def _light_verb_subject(self, k: int, lo: int) -> Actor | None:
        """The subject of a light verb before a noun trigger: أجرى/عقد X اتصالا/لقاء."""
        for j in range(k - 1, max(lo, k - 10) - 1, -1):
            key = self.stems[j]
            if key in self.w.light_verbs_before:
                between = [a for a in self._actors_in(j + 1, k) if self._after_preposition(a) is None]
                if between:
                    return between[0]
                # طيران الجيش العراقي والتحالف الدولي وجها ضربات: the subjects come before the verb
                before = [a for a in self._actors_in(lo, j) if j - a.end_tok <= 1
                          and self._after_preposition(a) is None]
                if before:
                    first = before[-1]
                    listed = self._actors_in(lo, j)
                    for a in reversed(listed[:-1]):
                        gap = self.tokens[a.end_tok:first.tok]
                        if len(gap) <= 3 and (any(t.conj for t in self.tokens[first.tok:first.tok + 1])
                                              or any(self.text[t.start:t.end] in _LISTING for t in gap)):
                            self._co_subjects = [first]
                            first = a
                        else:
                            break
                    return first
                return None
        return None

    def _definite(self, k: int) -> bool:
        t = self.tokens[k]
        return t.split and any(w.kind == "article" for w in t.words)

    def _possessive(self, k: int, trig: Trigger) -> bool:
        """A noun trigger with a pronoun suffix (زيارته، لقائه، اتصالها)."""
        if trig.pos != "noun":
            return False
        if self._definite(k):
            return False
        surface = strip_diacritics(self.text[self.tokens[k].start:self.tokens[k].end])
        # the written ه of a pronoun (زيارته، لقائه), never the ة of a feminine noun (الإغاثة)
        return surface.endswith(("ه", "ها", "هم", "هما")) and not surface.endswith("اه")

    def _possessor(self, k: int, lo: int) -> Actor | None:
        """Whose meeting: the speaker of the statement holding the trigger, else the clause's subject before it."""
        pos = self.tokens[k].start
        for q in self.a.quotes:
            if q.start <= pos < q.end and q.speaker:
                cand = [a for a in self.actors if a.entity == q.speaker]
                if cand:
                    return cand[0]
        before = [a for a in self._actors_in(lo, k) if self._after_preposition(a) is None]
        return before[-1] if before else None

    def _fronted_subject(self, k: int, lo: int) -> Actor | None:
        """An actor put before its verb: (و)كان X قد التقى، X التقى at the start of a clause."""
        before = [a for a in self._actors_in(lo, k) if self._after_preposition(a) is None]
        if not before:
            return None
        a = before[-1]
        between = [self.stems[j] for j in range(a.end_tok, k)]
        if any(w not in ("قد", "لقد") for w in between):
            return None
        j = a.tok - 1
        while j >= lo and self.tokens[j].kind == "word" and self.stems[j] in self.w.name_titles:
            j -= 1      # إن السفير جونسون عقد
        prev = self.stems[j] if j >= lo else ""
        if prev in ("كان", "كانت") or j < lo or prev in ("،", ",") or prev in self.w.clause_complementizers or (
                self.tokens[j].kind == "word" and self.tokens[j].split and prev in ("كان", "كانت")):
            return a
        return None

    def _location(self, k: int, lo: int, hi: int, actors: set[str]) -> str | None:
        end = self._clause_end(k, hi)
        cands = [p for p in self.places if lo <= p.tok < end and p.entity not in actors
                 and self._after_preposition(p) in ("في", "الي", "ب")]
        if not cands:
            return None
        later = [p for p in cands if p.tok > k]     # the place of the clause the trigger opens
        return min(later or cands, key=lambda p: abs(p.tok - k)).entity

    def _flags(self, k: int, lo: int) -> set[str]:
        keys = self.trigger_keys[max(lo, k - 4):k]
        flags = self.lex.cues(keys)
        tok = self.tokens[k]
        if tok.split and any(w.norm == "س" and w.kind == "proclitic" for w in tok.words):
            flags.add("future")
        if k > lo and self.stems[k - 1] == "قد" and "hypothetical" in flags:
            flags.discard("hypothetical")      # قد + past verb: "has already"
        return flags

    # ------------------------------------------------------------ main
    def find(self) -> list[_Found]:
        found: list[_Found] = []
        sentences = self.a.sentences
        cands, forms, pairs = self.candidates, self.forms, self.lex.phrase_pairs
        for si, sent in enumerate(sentences):
            lo, hi = sent.token_start, sent.token_end
            first, stop = bisect_left(cands, lo), bisect_left(cands, hi)
            if first == stop:
                continue        # no token of the sentence can start a trigger
            keys = self.trigger_keys[lo:hi]
            tokens = self.tokens[lo:hi]
            topics = None       # computed when an event needs them
            k = lo
            for c in cands[first:stop]:
                if c < k:
                    continue    # inside the trigger just found
                k = c
                form = forms[k]
                if not form.readings and (k + 1 - lo >= len(keys) or (form.phrase_key, forms[k + 1].phrase_key)
                                          not in pairs):
                    k += 1
                    continue    # no phrase goes on with the next word
                hit = self.lex.match_at(tokens, k - lo, keys, form.readings)
                if hit is None:
                    k += 1
                    continue
                trig, n = hit
                if k > lo and self.stems[k - 1] in self.lex.topic_markers:
                    k += n
                    continue
                parties = self._parties(trig, k, n, lo, hi) if self._may_have_parties(k, hi) else None
                if topics is None and (parties is not None or self.stems[k] in self.w.anaphors):
                    topics = self.lex.topics(keys)
                if parties is not None:
                    src, tgt = parties
                    loc = self._location(k, lo, hi, set(src) | set(tgt))
                    found.append(_Found(trig, k, n, si, src, tgt, loc, self._flags(k, lo), topics))
                elif self.stems[k] in self.w.anaphors and found and si - found[-1].sentence <= 2:
                    last = found[-1]        # اللقاء الذي عقد في العاصمة طرابلس
                    if last.trigger.type == trig.type:
                        last.location = last.location or self._location(k, lo, hi, set(last.source) | set(last.target))
                        last.topics = list(dict.fromkeys(last.topics + topics))
                k += n
        return found


def find_events(article, *, keep_flagged: bool = True, triggers: EventLexicon | None = None,
                words: EventWords | None = None) -> list[Event]:
    """The events of ``article`` (which has its entities, times and quotes), found with the trigger
    lexicon ``triggers`` and the word lists ``words`` (the shipped ones when not given)."""
    finder = EventFinder(article, triggers if triggers is not None else finder_lexicon(),
                         words if words is not None else event_words())
    events: list[Event] = []
    seen: dict[tuple, Event] = {}
    for f in finder.find():
        if not keep_flagged and f.flags:
            continue
        tok = finder.tokens[f.tok]
        sent = article.sentences[f.sentence]
        key = (f.trigger.type, frozenset(f.source), frozenset(f.target), tuple(sorted(f.flags)))
        if key in seen:
            ev = seen[key]
            ev.location = ev.location or f.location
            ev.topics = list(dict.fromkeys(ev.topics + f.topics))
            continue
        when, source = event_time(article, sent, tok.start)
        ev = Event(f"v{len(events) + 1}", f.trigger.type, sent.start, sent.end, mode=f.trigger.mode,
                   source=f.source, target=f.target, location=f.location,
                   time=when.id if when else None,
                   date=when.value if when else article.published,
                   date_source=source if when else ("published" if article.published else None),
                   topics=f.topics, negated="negation" in f.flags, future="future" in f.flags,
                   hypothetical="hypothetical" in f.flags,
                   confidence=round(f.trigger.weight * (0.6 if f.flags else 1.0), 3),
                   trigger=finder.text[tok.start:finder.tokens[f.tok + f.n - 1].end],
                   trigger_start=tok.start, trigger_end=finder.tokens[f.tok + f.n - 1].end)
        seen[key] = ev
        events.append(ev)
    return events
