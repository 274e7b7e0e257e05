"""The Arabic PLOVER event lexicon (``rasid/lang/ar/lexicons/events.json``), loaded once.

``event_lexicon()`` returns an :class:`EventLexicon`:

* ``match(key, following=None)`` -- the :class:`Trigger` for one token key (a
  ``norm_key`` form with proclitics off, e.g. a token's stem), or None. Verb
  inflections are generated from each entry's past and imperfect 3ms forms
  (feminine ت, dual ا / تا, plural وا / ون, imperfect ت-, jussive); pronoun
  suffixes (استقبله، زيارته، لقائه، التقاه، اعتقلوه، دعوتي), a tanwin alef
  (اجتماعا), a feminine plural (مداهمات), a noun's dual or sound plural
  (هجومين، مظاهرتين) and an article the tokenizer took off a verb (ال|تقى) are
  undone here. The 1st person (نطالب، أشكر، قتلنا) and the form III passive
  (هوجم) are generated; other passives are written as the active. Each verb's
  participles (معتقل، مقتول، متظاهرون، المهاجمين) are generated as nouns, except
  those the data's ``not_participles`` lists (موقف، مستقبل: other words). ``following`` is the keys after the token: a
  reading with ``requires`` fires only when one of its stems occurs within its
  window there (or, in ``match_at``, just before a relative pronoun right before
  the trigger: الاتفاق الذي وقعته X), and ``blocked_next`` vetoes a reading by
  the next key.
* ``match_token(token, following=None)`` -- the same from a Token, trying its
  stem first, then the forms with fewer clitics off (ف|رضت -> فرضت);
  ``token_readings(token)`` are the readings it tries, in order, and
  ``first_firing(readings, following)`` picks one (callers that see the same
  written form many times keep the readings; ``starts_phrase(key)`` says whether
  a multiword trigger may start at a key, ``phrase_pairs`` holds the first two
  ``phrase_key()``s of every multiword trigger).
* ``match_phrase(keys, i)`` / ``match_at(tokens, i)`` -- multiword triggers
  (اتصال هاتفي، وقف إطلاق النار، حظر التجول) and the longest match at a position.
* ``topics(keys)`` -- the contexts whose keywords occur, most frequent first.
* ``negation`` / ``future`` / ``hypothetical`` -- cue keys (multiword cues are
  space-joined keys); ``cues(keys)`` says which kinds occur in a key sequence.
  ``topic_markers``: stems (سبل، آفاق، تعزيز ...) after which an event noun is
  the subject matter of talks rather than an event.

A trigger's ``source`` names the grammatical slot that holds the PLOVER
source: ``"subject"`` (a verb's subject, a verbal noun's genitive) or
``"object"`` (استقبل / استضاف: the guest is the visitor, so the source).
``symmetric`` triggers (meetings, talks, clashes) make every named party a source.

``finder_lexicon()`` is the lexicon the rule finder reads: without the entries
marked ``"finder": false`` and without generated participles (candidates for the
learned model only, :mod:`rasid.events.candidates`).
"""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rasid.doc.layers import Token
from rasid.lang.ar.lexicons import attached_pronouns, data, keys
from rasid.lang.ar.normalize import norm_key
from rasid.lang.ar.tokenize import split_clitics

__all__ = ["EventLexicon", "Trigger", "event_lexicon", "finder_lexicon", "candidate_lexicon", "learned_trigger_rows",
           "LEARNED_TRIGGERS", "PLOVER_TYPES", "RELATIVES", "phrase_key", "trigger_key",
           "trigger_keys"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# attached pronouns taken off a word before lookup, longest first (lexicons/attached_pronouns.txt)
_SUFFIXES: tuple[str, ...] = attached_pronouns()
_DEFAULT_WINDOW = 6
# relative pronouns, whose antecedent may hold a trigger's required noun (lexicons/relative_pronouns.txt)
RELATIVES: frozenset[str] = keys("relative_pronouns")
_ANTECEDENT = 4      # keys before a relative pronoun that may hold a trigger's required noun (noun + adjectives)
_CACHE_MAX = 50_000          # entries of a per-key cache before it is cleared
_NO_TOPICS: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Trigger:
    """One reading of one trigger form."""

    form: str                  # the form as listed or generated (Arabic script)
    key: str                   # its norm_key (space-joined stems for a phrase)
    lemma: str                 # the entry's head form (past 3ms, first noun, or the phrase)
    type: str                  # PLOVER event type
    mode: str | None = None    # PLOVER mode, or None
    detail: str | None = None  # finer rasid label where PLOVER has no mode (sign, ceasefire, aerial ...)
    pos: str = "verb"          # verb | noun | participle | phrase
    source: str = "subject"    # the slot holding the PLOVER source: subject | object
    symmetric: bool = False    # every named party is a source
    needs_object: bool = False # only an event with an object / complement party
    preps: tuple[str, ...] = ()        # prepositions (norm keys) that introduce the other party
    requires: tuple[str, ...] = ()     # stems (a trailing * = prefix), one of which must follow
    window: int = _DEFAULT_WINDOW      # ... within this many tokens
    blocked_next: frozenset[str] = frozenset()
    alt_types: tuple[str, ...] = ()    # defensible other readings
    weight: float = 0.8                # prior confidence
    words: tuple[str, ...] = ()        # a phrase's stems
    note: str | None = None
    finder: bool = True                # the rule finder reads it (False: a candidate for the model only)


def _canon(key: str) -> str:
    """A key without a leading article (kept when fewer than 3 letters would remain: الي)."""
    return key[2:] if key.startswith("ال") and len(key) >= 5 else key


def phrase_key(key: str) -> str:
    """A stem key as multiword triggers list their words (no leading article; see ``phrase_pairs``)."""
    return _canon(key)


def trigger_key(token: Token) -> str:
    """The key the trigger lexicon reads a token by: its stem piece when split (no proclitic and no
    article, unlike ``Token.stem``), else its norm (also when its pieces are clitics only)."""
    if token.kind == "word" and token.split:
        w = token.words[-1]
        if w.kind == "stem":
            return w.norm
    return token.norm


def trigger_keys(tokens: Iterable[Token]) -> list[str]:
    """:func:`trigger_key` of every token."""
    return [trigger_key(t) for t in tokens]


def _word_stem(word: str) -> str:
    """The stem key the tokenizer gives a written word (for phrase and keyword words)."""
    pieces = split_clitics(word)
    nk = norm_key(word)
    if pieces and pieces[-1][3] == "stem":
        return _canon(pieces[-1][2])
    return _canon(nk)


def _past_forms(p: str) -> list[str]:
    """A past 3ms verb's forms: 3fs ت, dual ا / تا, 3mp وا, 1p نا (and 1s/2s ت), and the passive of a
    form III verb (هاجم -> هوجم; every other passive is written as the active without vowels)."""
    if p.endswith("ى"):
        s = p[:-1]
        return [p, s + "ت", s + "يا", s + "تا", s + "وا", s + "ينا", s + "يت"]
    if p.endswith("ا"):
        s = p[:-1]
        return [p, s + "ت", s + "وا", s + "تا", s + "ونا", s + "وت"]
    out = [p, p + "ت", p + "ا", p + "تا", p + "وا"]
    if len(p) >= 3:
        out.append(p + "نا")
    if len(p) == 4 and p[1] == "ا" and p[0] not in "اأإآو":
        q = p[0] + "و" + p[2:]              # form III passive: هوجم، طولب (not ووفق: وفق with و)
        out += [q, q + "ت", q + "وا"]
    return out


def _impf_forms(i: str) -> list[str]:
    """An imperfect 3ms verb's forms: 3fs / 2ms ت-, dual ان, plural ون / وا, jussive; 1s أ- and 1p ن-
    when the stem has three letters or more (نطالب، أشكر). The passive is written as the active."""
    t = "ت" + i[1:]
    first = ["ا" + i[1:], "ن" + i[1:]] if len(i) >= 4 else []
    if i.endswith(("ي", "ى", "و")):
        s = i[:-1]
        vowel = "ي" if i.endswith(("ي", "ى")) else "و"
        out = [i, t, s + vowel + "ان", "ت" + s[1:] + vowel + "ان", s + "ون", s + "وا"] + first
        if len(s) >= 4:                 # the jussive يلتق / تلتق; not يدع (a different verb)
            out += [s, "ت" + s[1:]]
        return out
    return [i, t, i + "ان", t + "ان", i + "ون", i + "وا", i + "ا", t + "ا"] + first


def _nominal_forms(base: str) -> list[str]:
    """A participle's forms: masculine, feminine ة, dual, sound plurals (its tanwin alef and pronoun
    suffixes are undone at lookup)."""
    return [base, base + "ه", base + "ين", base + "ون", base + "ان", base + "تين", base + "تان", base + "ات"]


_WEAK = "اويىءئؤأإآ"


def _verb_participles(past: str | None, impf: str | None) -> list[str]:
    """The participles of a verb entry, as norm keys (masculine singular): مُفعِل / مُفعَل (both written
    م + the imperfect stem: معتقل، مهاجم، متظاهر) for a derived verb, and also فاعل / مفعول (قاتل،
    مقتول) for a three-letter past, which may as well be form I. Weak verbs are left out (their
    participles are irregular)."""
    out: list[str] = []
    p = norm_key(past) if past else ""
    i = norm_key(impf) if impf else ""
    if i and len(i) >= 4 and not i.endswith(("ي", "ى", "و", "ا")):
        out.append("م" + i[1:])
    if len(p) == 3 and not any(c in _WEAK for c in p):
        out += [p[0] + "ا" + p[1:], "م" + p[:2] + "و" + p[2]]
    return out


def _norm_list(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(norm_key(w) for w in words)


def _participle_forms(p: str) -> list[str]:
    """The accusative forms of an active participle used as a حال: masculine with its tanwin alef
    (منددًا → منددا), feminine (منددة), dual or plural (منددين). The bare form is left out: without its
    case ending it is as often a noun (مندد، رافض)."""
    return [p + "ا", p + "ة", p + "ين"]


def _split_requires(t: Trigger) -> tuple[frozenset[str], tuple[str, ...]]:
    """A trigger's ``requires`` as exact stems and as prefixes (those with a trailing ``*``)."""
    return (frozenset(r for r in t.requires if not r.endswith("*")),
            tuple(r[:-1] for r in t.requires if r.endswith("*")))


def _variant_sources(k: str) -> set[str]:
    """Every key that :meth:`EventLexicon._variants` may turn into ``k`` (a superset: each rule undone,
    its side conditions ignored). A key outside all these sets has no listed variant."""
    firsts = {k, "ال" + k, k + "ا"}                  # the key itself; an article off; a tanwin alef
    if k.startswith("ال"):
        firsts.add(k[2:])                              # an article put on
    if k.startswith("ل"):
        firsts.add(k[1:])                              # ل put on
    if k.endswith("ه"):
        firsts.add(k[:-1] + "ات")                      # a feminine plural
        firsts.update((k[:-1] + "تين", k[:-1] + "تان", k[:-1] + "تي"))   # its dual; a 1s suffix
    firsts.update((k + "ين", k + "ان", k + "ون"))       # a dual or sound plural
    rests = {k, "ال" + k}                              # what is left when a pronoun suffix is off
    if k.startswith("ال"):
        rests.add(k[2:])
    if k.endswith("ه"):
        rests.add(k[:-1] + "ت")
    if k.endswith("ي"):
        rests.add(k[:-1] + "ا")
    if k.endswith("ا"):
        rests.add(k[:-1])
    if k.endswith("ء"):
        rests.update((k[:-1] + "ي", k[:-1] + "و"))
    return firsts | {rest + suf for rest in rests for suf in _SUFFIXES}


class EventLexicon:
    def __init__(self, data: dict, *, finder: bool = False, learned: Iterable[tuple[str, str]] = ()) -> None:
        """``finder``: the lexicon the rule finder reads, without the entries marked ``"finder": false``
        (candidates for the learned model only); ``learned``: ``(key, type)`` trigger words learned from
        the annotated corpus (:func:`learned_trigger_rows`), candidates for the learned model only."""
        self.version: str = data.get("version", "")
        self.types: dict[str, dict] = data["types"]
        self._by_key: dict[str, list[Trigger]] = {}
        self._phrases: dict[str, list[Trigger]] = {}
        self.triggers: list[Trigger] = []
        # participles the loader does not make: they are other words (موقف، حاكم، قادم)
        self._finder = finder
        self._not_participles = frozenset(norm_key(w) for w in data.get("not_participles", ()))
        for entry in data["triggers"]:
            if finder and entry.get("finder", True) is False:
                continue
            self._add_entry(entry)
        if not finder:
            for key, type_ in learned:
                self._add_learned(key, type_)
        # specific readings (with requires) before general ones, each group in file order
        for table in (self._by_key, self._phrases):
            for k, lst in table.items():
                lst.sort(key=lambda t: 0 if t.requires else 1)
        for lst in self._phrases.values():
            lst.sort(key=lambda t: -len(t.words))
        self._nouns = {k for k, lst in self._by_key.items() if any(t.pos == "noun" for t in lst)}
        # the first two words of every multiword trigger, as phrase_key()s
        self.phrase_pairs: frozenset[tuple[str, ...]] = frozenset(
            t.words[:2] for lst in self._phrases.values() for t in lst)
        # each trigger's requires as exact stems and prefixes (a trailing *), by the trigger's id
        self._requires = {id(t): _split_requires(t) for t in self.triggers}
        # words that read as a trigger only through a collision of keys are none: هنا، هناك (هنأ's key)
        self.not_forms = frozenset(_canon(norm_key(w)) for e in data["triggers"] for w in e.get("not_forms", ()))
        self._reachable = frozenset(x for k in self._by_key for x in _variant_sources(k)) - self.not_forms
        # how many following keys a reading may look at: its window, the next key for blocked_next
        # (all of them if a window counted from the end)
        windows = [t.window for t in self.triggers]
        self._lookahead = max([1] + windows) if min(windows, default=0) >= 0 else sys.maxsize

        # contexts
        self.contexts: dict[str, dict] = data["contexts"]
        self._kw_exact: dict[str, list[str]] = {}
        self._kw_prefix: dict[str, list[str]] = {}
        self._kw_multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, c in self.contexts.items():
            for kw in c["keywords"]:
                if " " in kw:
                    ws = tuple(_word_stem(w) for w in kw.split())
                    self._kw_multi.setdefault(ws[0], []).append((ws, name))
                elif kw.endswith("*"):
                    self._kw_prefix.setdefault(_word_stem(kw[:-1]), []).append(name)
                else:
                    self._kw_exact.setdefault(_word_stem(kw), []).append(name)
        self._prefix_lens = sorted({len(p) for p in self._kw_prefix}, reverse=True)
        self._context_order = {n: i for i, n in enumerate(self.contexts)}
        self._topic_cache: dict[str, frozenset[str]] = {}

        # cues
        self.negation: frozenset[str] = self._cue_set(data["negation"])
        self.future: frozenset[str] = self._cue_set(data["future"])
        self.hypothetical: frozenset[str] = self._cue_set(data["hypothetical"])
        # nouns after which an event noun is what talks are about, not an event (بحث سبل التعاون)
        self.topic_markers: frozenset[str] = frozenset(_word_stem(w) for w in data.get("topic_markers", ()))
        self._cue_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for kind in ("negation", "future", "hypothetical"):
            for cue in data[kind]:
                if " " in cue:
                    ws = tuple(_word_stem(w) for w in cue.split())
                    self._cue_phrases.setdefault(ws[0], []).append((ws, kind))

    # ------------------------------------------------------------------ building
    @staticmethod
    def _cue_set(words: Iterable[str]) -> frozenset[str]:
        out = set()
        for w in words:
            if " " in w:
                out.add(" ".join(_word_stem(x) for x in w.split()))
            else:
                out.add(norm_key(w))
        return frozenset(out)

    def _add_learned(self, key: str, type_: str) -> None:
        """A trigger word the annotated corpus taught (its token key as :func:`trigger_key` gives it): read
        as it is written, of one type, part of speech left to the clause (``phrase``)."""
        if any(t.type == type_ for t in self._by_key.get(key, ())):
            return
        t = Trigger(form=key, key=key, lemma=key, type=type_, pos="phrase", words=(key,), weight=0.5,
                    detail="learned", finder=False)
        self.triggers.append(t)
        self._by_key.setdefault(key, []).append(t)

    def _add_entry(self, e: dict) -> None:
        lemma = e.get("past") or (e.get("nouns") or e.get("phrases") or [""])[0]
        req = tuple(r[:-1] and _canon(norm_key(r[:-1])) + "*" if r.endswith("*") else _canon(norm_key(r))
                    for r in e.get("requires", ()))
        common = dict(
            lemma=lemma, type=e["type"], mode=e.get("mode"), detail=e.get("detail"),
            source=e.get("source", "subject"), symmetric=e.get("symmetric", False),
            needs_object=e.get("needs_object", False), preps=_norm_list(e.get("prep", ())),
            requires=req, window=e.get("window", _DEFAULT_WINDOW),
            blocked_next=frozenset(_canon(norm_key(w)) for w in e.get("blocked_next", ())),
            alt_types=tuple(e.get("alt_types", ())), weight=float(e.get("weight", 0.8)), note=e.get("note"),
            finder=e.get("finder", True))
        forms: list[tuple[str, str]] = []
        if e.get("past"):
            forms += [(f, "verb") for f in _past_forms(e["past"])]
        if e.get("impf"):
            forms += [(f, "verb") for f in _impf_forms(e["impf"])]
        forms += [(f, "noun") for f in e.get("nouns", ())]
        # an active participle in the accusative (حال) continues its clause's statement: محمّلاً، منددًا
        forms += [(f, "participle") for p in e.get("participles", ()) for f in _participle_forms(p)]
        # the participles of a verb (معتقل، مقتول، متظاهرون، المهاجمين), read as nouns
        if e.get("verb_participles", True) and not self._finder:
            forms += [(f, "noun") for p in _verb_participles(e.get("past"), e.get("impf"))
                      if p not in self._not_participles for f in _nominal_forms(p)]
        seen: set[tuple[str, str]] = set()
        for form, pos in forms:
            key = _canon(norm_key(form)) if pos == "noun" else norm_key(form)
            if (key, pos) in seen:
                continue
            seen.add((key, pos))
            t = Trigger(form=form, key=key, pos=pos, **common)
            self.triggers.append(t)
            self._by_key.setdefault(key, []).append(t)
        for ph in e.get("phrases", ()):
            words = tuple(_word_stem(w) for w in ph.split())
            t = Trigger(form=ph, key=" ".join(words), pos="phrase", words=words, **common)
            self.triggers.append(t)
            if len(words) == 1:
                self._by_key.setdefault(words[0], []).append(t)
            else:
                self._phrases.setdefault(words[0], []).append(t)

    # ------------------------------------------------------------------ matching
    def _variants(self, key: str):
        """Keys to look up for ``key``, most literal first."""
        yield key
        if key.startswith("ال") and len(key) >= 5:
            yield key[2:]
        yield "ال" + key          # a verb whose initial ال the tokenizer took for the article (ال|تقى)
        yield "ل" + key           # للقاء read as ل + ال + قاء
        if key.endswith("ا") and key[:-1] in self._nouns:
            yield key[:-1]        # tanwin alef: اجتماعا
        if key.endswith("ات") and key[:-2] + "ه" in self._nouns:
            yield key[:-2] + "ه"  # feminine plural: مداهمات
        if key.endswith(("ين", "ان", "ون")) and key[:-2] in self._nouns:
            yield key[:-2]        # a dual or sound plural: هجومين
        if key.endswith(("تين", "تان")) and key[:-3] + "ه" in self._nouns:
            yield key[:-3] + "ه"  # a feminine dual: مظاهرتين
        if key.endswith("تي") and key[:-2] + "ه" in self._nouns:
            yield key[:-2] + "ه"  # a 1s suffix: دعوتي
        for suf in _SUFFIXES:
            if key.endswith(suf) and len(key) - len(suf) >= 3:
                rest = key[: -len(suf)]
                yield rest
                if rest.endswith("ت"):
                    yield rest[:-1] + "ه"        # زيارته -> زياره
                if rest.endswith("ا"):
                    yield rest[:-1] + "ي"        # التقاه -> التقي
                if rest.endswith("و"):
                    yield rest + "ا"             # اعتقلوه -> اعتقلوا
                if rest.endswith(("ي", "و")):
                    yield rest[:-1] + "ء"        # لقائه -> لقاء
                if rest.startswith("ال"):
                    yield rest[2:]
                else:
                    yield "ال" + rest
                break

    def readings(self, key: str) -> list[Trigger]:
        """Every reading of a token key (the first key variant that is listed), unfiltered."""
        if key not in self._reachable:
            return []           # no variant of the key is listed
        for v in self._variants(key):
            lst = self._by_key.get(v)
            if lst:
                return lst
        return []

    def _fires(self, t: Trigger, following: Sequence[str] | None,
               preceding: Sequence[str] | None = None) -> bool:
        if t.blocked_next and following:
            if _canon(following[0]) in t.blocked_next:
                return False
        if not t.requires:
            return True
        exact, prefixes = self._requires.get(id(t)) or _split_requires(t)
        if following is not None:
            for k in list(following)[: t.window]:
                k = _canon(k)
                if k in exact or k.startswith(prefixes):
                    return True
        # a relative clause on the required noun: الاتفاق النووي الذي وقعته X، المذكرة التي وقعها X
        if preceding and _canon(preceding[-1]) in RELATIVES:
            for k in preceding[-1 - _ANTECEDENT:-1]:
                k = _canon(k)
                if k in exact or k.startswith(prefixes):
                    return True
        return False

    def match(self, key: str, following: Sequence[str] | None = None) -> Trigger | None:
        """The first reading of ``key`` that fires given the ``following`` keys, or None."""
        for t in self.readings(key):
            if self._fires(t, following):
                return t
        return None

    def token_readings(self, token: Token) -> tuple[Trigger, ...]:
        """Every reading :meth:`match_token` tries for ``token``, in its order: the readings of the
        token's stem, then of its forms with fewer clitics off (unfiltered; none for a non-word)."""
        if token.kind != "word":
            return ()
        return tuple(t for k in _reading_keys(token) for t in self.readings(k))

    def fires_after(self, t: Trigger, following: Sequence[str]) -> bool:
        """Whether ``t`` fires on the keys after it alone (not through a relative clause's antecedent)."""
        return self._fires(t, following)

    def first_firing(self, readings: Iterable[Trigger], following: Sequence[str] | None = None,
                     preceding: Sequence[str] | None = None) -> Trigger | None:
        """The first of ``readings`` that fires given the ``following`` keys (and the ``preceding``
        ones: a required noun may be the antecedent of a relative pronoun right before), or None."""
        for t in readings:
            if self._fires(t, following, preceding):
                return t
        return None

    def match_token(self, token: Token, following: Sequence[str] | None = None) -> Trigger | None:
        """:meth:`match` on a token: its stem, then its forms with fewer clitics off."""
        return self.first_firing(self.token_readings(token), following)

    def starts_phrase(self, key: str) -> bool:
        """Whether a multiword trigger may start at a token with stem key ``key``."""
        return _canon(key) in self._phrases

    def match_phrase(self, keys: Sequence[str], i: int) -> tuple[Trigger, int] | None:
        """The longest multiword trigger starting at ``keys[i]`` (stem keys), with its length."""
        first = _canon(keys[i])
        phrases = self._phrases.get(first)
        if not phrases or i + 1 >= len(keys) or (first, _canon(keys[i + 1])) not in self.phrase_pairs:
            return None         # every phrase has a second word
        for t in phrases:
            n = len(t.words)
            if i + n <= len(keys) and all(_canon(keys[i + j]) == t.words[j] for j in range(1, n)):
                if self._fires(t, keys[i + n:i + n + self._lookahead]):
                    return t, n
        return None

    def match_at(self, tokens: Sequence[Token], i: int, keys: Sequence[str] | None = None,
                 readings: Sequence[Trigger] | None = None) -> tuple[Trigger, int] | None:
        """The trigger at ``tokens[i]``: the longest phrase, else the single token; with its token count.
        ``keys`` are the tokens' stem keys and ``readings`` the :meth:`token_readings` of ``tokens[i]``
        (each computed when not given)."""
        if keys is None:
            keys = trigger_keys(tokens)
        hit = self.match_phrase(keys, i)
        if hit:
            return hit
        if readings is None:
            readings = self.token_readings(tokens[i])
        t = (self.first_firing(readings, keys[i + 1:i + 1 + self._lookahead], keys[max(0, i - _ANTECEDENT - 1):i])
             if readings else None)
        return (t, 1) if t else None

    # ------------------------------------------------------------------ contexts & cues
    def topics(self, keys: Iterable[str], min_count: int = 1) -> list[str]:
        """Contexts whose keywords occur in ``keys`` (stem keys), most frequent first, then lexicon order."""
        ks = [_canon(k) for k in keys]
        counts: Counter[str] = Counter()
        for i, k in enumerate(ks):
            hit = self._key_topics(k)
            multi = self._kw_multi.get(k)
            if multi:
                hit = set(hit)
                for words, name in multi:
                    if tuple(ks[i:i + len(words)]) == words:
                        hit.add(name)
            if hit:
                counts.update(hit)
        out = [n for n, c in counts.items() if c >= min_count]
        out.sort(key=lambda n: (-counts[n], self._context_order[n]))
        return out

    def _key_topics(self, key: str) -> frozenset[str]:
        """The contexts one (canonical) key is a keyword of, exactly or by prefix; cached per key."""
        hit = self._topic_cache.get(key)
        if hit is None:
            found: set[str] = set(self._kw_exact.get(key, ()))
            for n in self._prefix_lens:
                if len(key) >= n:
                    found.update(self._kw_prefix.get(key[:n], ()))
            if len(self._topic_cache) >= _CACHE_MAX:
                self._topic_cache.clear()
            hit = self._topic_cache[key] = frozenset(found) if found else _NO_TOPICS
        return hit

    def cues(self, keys: Sequence[str]) -> set[str]:
        """Which of "negation", "future", "hypothetical" have a cue among ``keys`` (stem or full keys)."""
        found: set[str] = set()
        ks = [_canon(k) for k in keys]
        for i, (raw, k) in enumerate(zip(keys, ks)):
            for kind, s in (("negation", self.negation), ("future", self.future), ("hypothetical", self.hypothetical)):
                if raw in s or k in s:
                    found.add(kind)
            for words, kind in self._cue_phrases.get(k, ()):
                if tuple(ks[i:i + len(words)]) == words:
                    found.add(kind)
        return found

    def modes(self, type_: str) -> list[str]:
        return list(self.types[type_]["modes"])

    def __len__(self) -> int:
        return len(self.triggers)


def _reading_keys(token: Token) -> list[str]:
    """Lookup keys for a word token: the stem, an elided-article/ل form, then fewer clitics off, then the whole."""
    out: list[str] = []
    if token.split:
        words = token.words
        stem = words[-1].norm if words[-1].kind == "stem" else None
        if stem:
            out.append(stem)
            kinds = [w.kind for w in words]
            if "article" in kinds:
                out.append("ال" + stem)
        if words[0].kind == "proclitic" and words[0].norm in ("و", "ف"):
            out.append(token.norm[1:])
    out.append(token.norm)
    if not token.split and len(token.norm) >= 5 and token.norm[0] in "وف":
        out.append(token.norm[1:])      # a conjunction the tokenizer left on (واحتج)
    seen: set[str] = set()
    return [k for k in out if k and not (k in seen or seen.add(k))]


# trigger words learned from rasid's annotated event corpus (``make train``: rasid.train.events)
LEARNED_TRIGGERS = Path(__file__).resolve().parents[2] / "models" / "events" / "triggers_learned.tsv"


def learned_trigger_rows(path: Path = LEARNED_TRIGGERS) -> list[tuple[str, str, int, int]]:
    """The trigger words learned from the annotated corpus: ``(key, type, times a trigger, times seen)``
    (none when the file is absent)."""
    from rasid.tables import tsv_rows

    return [(key, type_, int(hits), int(seen)) for key, type_, hits, seen in tsv_rows(path)]


@cache
def event_lexicon() -> EventLexicon:
    """The shipped trigger lexicon (``lexicons/events.json``), loaded once."""
    return EventLexicon(data("events"))


@cache
def candidate_lexicon() -> EventLexicon:
    """What proposes candidates to the learned event decision: the shipped lexicon and the trigger words
    learned from the annotated corpus (:func:`learned_trigger_rows`), loaded once. Rules read
    :func:`event_lexicon` or :func:`finder_lexicon`, never the learned words."""
    return EventLexicon(data("events"), learned=[(k, t) for k, t, *_ in learned_trigger_rows()])


@cache
def finder_lexicon() -> EventLexicon:
    """The shipped lexicon as the rule finder reads it: without the entries marked ``"finder": false``."""
    return EventLexicon(data("events"), finder=True)
