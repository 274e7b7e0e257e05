"""What an analyst needs on each event: casualties, place and mode (docs/EVENT_ANNOTATION.md, sections 4 and 5).

Three functions, each given an article that has tokens, sentences, mentions and
entities, the index of the event's sentence and its trigger tokens ``[first, last)``:

    casualties(article, si, first, last) -> (killed, injured)     # ints or None
    event_place(article, si, first, last) -> entity id | None      # a LOC entity
    event_mode(article, si, first, last, type_, trigger) -> str | None

* **casualties**: a casualty word (مقتل، قتلى، مصرع، أصيب، جرحى ...) gives a count
  written after it (مقتل 13، أصيب عشرة آخرون) or before it (1000 قتيل، لقي 13
  حوثيا مصرعهم), in digits or words (خمسة عشر، ثلاثة آلاف), a dual (شخصين) or
  a singular noun (مقتل شرطي، أحد جنودها) for 1 and 2; a vague quantity
  (عشرات، عدد من) gives None. The event's toll is the casualty word of its
  trigger (مقتل 13 ... → 13) or, for an attack word, the casualty words after a
  result frame in its clause (هجوم أدى إلى مقتل 5); casualty words joined to
  it (مقتل 13 وإصابة 22، فيما جرح 12) give the other count. Counts are not
  restricted by type here: callers keep them for ASSAULT only.
* **event_place**: the LOC mention after في / ب / قرب ... (a place head or a
  direction word may stand between: في مدينة نابلس، في ريف حمص) nearest after
  the trigger in its clause, else nearest before it; a destination (إلى الدوحة)
  only when there is none. Places inside another name, origins (من بغداد) and the
  dateline are not taken (they are not after such a preposition).
* **event_mode**: the trigger reading's mode when it is one PLOVER allows for the
  type (rasid.train.event_corpus.MODES), else the first cue of the type's rows in
  ``event_modes.tsv`` found in the trigger's clause.

The word lists are data: ``casualties.json``, ``event_place.json`` and
``event_modes.tsv`` in rasid/lang/ar/lexicons, read through
:mod:`rasid.lang.ar.lexicons`; the number units are ``dates.json`` cardinals.
Everything is per event and per sentence (no article-wide pass), except a small
cache of the article's mention → entity map, kept for the last article seen.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from rasid.lang.ar.lexicons import data, table
from rasid.lang.ar.tokenize import tokenize
from rasid.lang.ar.triggers import event_lexicon
from rasid.train.event_corpus import MODES

__all__ = ["casualties", "event_place", "event_mode"]

_VAGUE = -1                    # a count that is not a number (عشرات)
_BOUNDARY = frozenset(".؛;!?؟:")
_BEFORE_REACH = 4              # tokens a count may stand before its casualty word
_AFTER_REACH = 6               # ... after it
_CHAIN_GAP = 12                # tokens between two casualty words of one toll
_CHAIN_REACH = 16              # ... when the second one is joined by و (وإصابة)
_RESULT_REACH = 16             # tokens from an attack word to its result frame
_MODE_BEFORE = 6               # tokens before the trigger searched for mode cues
_MODE_AFTER = 12               # ... after it (within the clause)
_PLACE_BEFORE = 4              # tokens a place may stand before the trigger
# measured on the event corpus (train+dev): destinations (إلى الدوحة) as places cost more than they
# gave (place accuracy 0.79 -> 0.82 without them); a place that specifies the one before it
# (محافظة إب بجنوب صنعاء) is skipped; an attack's object or على-phrase may be its place
_USE_WEAK = False
_MODIFIERS = True
_ATTACK_OBJECT = True


def _canon(key: str) -> str:
    """A stem key without a leading article (kept when fewer than 3 letters would remain)."""
    return key[2:] if key.startswith("ال") and len(key) >= 5 else key


_KEYS: dict[str, str] = {}


def _key(tok) -> str:
    """A token's stem key without a leading article (memoised by stem)."""
    st = tok.stem
    k = _KEYS.get(st)
    if k is None:
        if len(_KEYS) > 200_000:
            _KEYS.clear()
        k = _KEYS[st] = _canon(st)
    return k


def _keys_of(text: str) -> tuple[str, ...]:
    """The keys the tokenizer gives a written word or phrase (proclitics and article off)."""
    return tuple(_key(t) for t in tokenize(text) if t.kind == "word")


def _one_key(text: str) -> str:
    ks = _keys_of(text)
    return ks[0] if ks else ""


class _Matcher:
    """Words and multiword cues with optional trailing-* prefixes, matched on key sequences."""

    __slots__ = ("exact", "prefix")

    def __init__(self) -> None:
        self.exact: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self.prefix: list[tuple[str, tuple[str, ...], object]] = []

    def add(self, cue: str, value: object) -> None:
        words = cue.split()
        rest: list[str] = []
        for w in words[1:]:
            rest.append(_one_key(w.rstrip("*")) + ("*" if w.endswith("*") else ""))
        head = words[0]
        if head.endswith("*"):
            self.prefix.append((_one_key(head[:-1]), tuple(rest), value))
        else:
            self.exact.setdefault(_one_key(head), []).append((tuple(rest), value))

    @staticmethod
    def _rest_ok(keys: list[str], i: int, rest: tuple[str, ...]) -> bool:
        if i + len(rest) >= len(keys):
            return False
        for n, w in enumerate(rest, 1):
            k = keys[i + n]
            if w.endswith("*"):
                if not k.startswith(w[:-1]):
                    return False
            elif k != w:
                return False
        return True

    def at(self, keys: list[str], i: int) -> list[object]:
        """The values of every cue that starts at ``keys[i]``."""
        k = keys[i]
        out = [v for rest, v in self.exact.get(k, ()) if self._rest_ok(keys, i, rest)]
        for p, rest, v in self.prefix:
            if k.startswith(p) and self._rest_ok(keys, i, rest):
                out.append(v)
        return out


@dataclass(frozen=True)
class _Lex:
    cues: dict[str, tuple[str, str]]           # key -> (kind, look)
    result_frames: frozenset[str]
    result_cues: dict[str, str]
    result_window: int
    result_links: frozenset[str]
    linkers: frozenset[str]
    skip: frozenset[str]
    vague: frozenset[str]
    one: frozenset[str]
    single: frozenset[str]
    dual: frozenset[str]
    units: dict[str, int]
    teen_tens: frozenset[str]
    teen_units: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    thousands: dict[str, int]
    place_preps: frozenset[str]
    weak_preps: frozenset[str]
    place_between: frozenset[str]
    clause_breaks: frozenset[str]
    attack_preps: frozenset[str]
    cause_preps: frozenset[str]
    modes: dict[str, _Matcher]                 # type -> cues whose value is (rank, mode)


def _keyset(words) -> frozenset[str]:
    return frozenset(k for w in words if (k := _one_key(w)))


@cache
def _lexicon() -> _Lex:
    c = data("casualties")
    cues: dict[str, tuple[str, str]] = {}
    for kind in ("killed", "injured"):
        for w, look in c[kind].items():
            cues.setdefault(_one_key(w), (kind, look))
    vague = _keyset(c["vague"])
    units = {k: v for w, v in data("dates")["cardinals"].items() if (k := _one_key(w)) not in vague}
    p = data("event_place")
    heads = data("place_names")["heads"]
    modes: dict[str, _Matcher] = {}
    for rank, row in enumerate(table("event_modes")):
        t, mode = row["type"], row["mode"]
        if mode not in MODES.get(t, ()):
            raise ValueError(f"event_modes.tsv: {mode!r} is not a mode of {t}")
        modes.setdefault(t, _Matcher()).add(row["cue"], (rank, mode))
    return _Lex(
        cues=cues,
        result_frames=_keyset(c["result_frames"]),
        result_cues={_one_key(w): kind for w, kind in c["result_cues"].items()},
        result_window=int(c["result_window"]),
        result_links=_keyset(c["result_links"]),
        linkers=_keyset(c["linkers"]) | frozenset({"و", "،", ","}),
        skip=_keyset(c["skip"]),
        vague=vague,
        one=_keyset(c["one"]),
        single=_keyset(c["single"]),
        dual=_keyset(c["dual"]),
        units=units,
        teen_tens=_keyset(c["teen_tens"]),
        teen_units={_one_key(w): v for w, v in c["teen_units"].items()},
        tens={_one_key(w): v for w, v in c["tens"].items()},
        hundreds={_one_key(w): v for w, v in c["hundreds"].items()},
        thousands={_one_key(w): v for w, v in c["thousands"].items()},
        place_preps=_keyset(p["prepositions"]),
        weak_preps=_keyset(p["weak_prepositions"]),
        place_between=_keyset(p["between"]) | _keyset(heads),
        clause_breaks=_keyset(p["clause_breaks"]),
        attack_preps=_keyset(p["attack_prepositions"]),
        cause_preps=_keyset(p["cause_prepositions"]),
        modes=modes,
    )


# --------------------------------------------------------------------------- the sentence view

class _View:
    """Keys of one sentence's tokens, computed when first asked (a word's stem key without its article;
    a non-word's text)."""

    __slots__ = ("a", "lo", "hi", "toks", "keys", "_bounds")

    def __init__(self, article, si: int) -> None:
        s = article.sentences[si]
        self.a = article
        self.lo, self.hi = s.token_start, s.token_end
        self.toks = article.tokens
        self.keys: list[str | None] = [None] * (self.hi - self.lo)
        self._bounds: list[int] | None = None

    def key(self, i: int) -> str:
        k = self.keys[i - self.lo]
        if k is None:
            t = self.toks[i]
            k = self.keys[i - self.lo] = _key(t) if t.kind == "word" else self.a.text[t.start:t.end]
        return k

    def boundary(self, i: int) -> bool:
        return self.toks[i].kind != "word" and self.key(i) in _BOUNDARY

    def clause(self, first: int, last: int) -> tuple[int, int]:
        """Token range of the clause holding ``[first, last)``: between the sentence stops around it."""
        b = self._bounds
        if b is None:
            b = self._bounds = [i for i in range(self.lo, self.hi) if self.boundary(i)]
        k = bisect_left(b, first)
        cs = b[k - 1] + 1 if k else self.lo
        k = bisect_left(b, last)
        ce = b[k] if k < len(b) else self.hi
        return cs, ce


_last_view: list = [None, None, -1, None]     # [article, its token list, sentence index, view]


def _view(article, si: int) -> _View:
    """The view of sentence ``si``, shared by the calls on one event and on the events of one sentence."""
    lv = _last_view
    if lv[0] is article and lv[1] is article.tokens and lv[2] == si:
        return lv[3]
    v = _View(article, si)
    lv[:] = [article, article.tokens, si, v]
    return v


# --------------------------------------------------------------------------- numbers

def _digits(text: str) -> int | None:
    s = text.replace(",", "").replace("٬", "")
    return int(s) if s.isdigit() and len(s) <= 7 else None


def _number_at(v: _View, i: int, lex: _Lex) -> tuple[int | None, int]:
    """``(value, next index)`` of a number written at token ``i``: digits or number words;
    ``_VAGUE`` for عشرات and the like; ``(None, i)`` when no number starts there."""
    toks, hi = v.toks, v.hi
    t = toks[i]
    if t.kind == "number":
        n = _digits(v.key(i))
        if n is None:
            return None, i
        j = i + 1
        if j < hi and toks[j].kind == "word" and v.key(j) in lex.thousands:
            return n * 1000, j + 1
        return n, j
    if t.kind != "word":
        return None, i
    k = v.key(i)
    if k in lex.vague:
        return _VAGUE, i + 1
    total, cur, j, seen = 0, 0, i, False
    while j < hi and toks[j].kind == "word":
        k = v.key(j)
        if seen and not toks[j].conj and k not in lex.teen_tens and k not in lex.thousands \
                and k not in lex.hundreds:
            break
        if k in lex.teen_units and j + 1 < hi and v.key(j + 1) in lex.teen_tens:
            cur += lex.teen_units[k] + 10
            j += 2
        elif k in lex.units:
            cur += lex.units[k]
            j += 1
            if j < hi and v.key(j) in lex.teen_tens and not toks[j].conj:
                cur += 10
                j += 1
        elif k in lex.tens:
            cur += lex.tens[k]
            j += 1
        elif k in lex.hundreds:
            cur = (cur or 1) * lex.hundreds[k] if cur < 10 else cur + lex.hundreds[k]
            j += 1
        elif k in lex.thousands and (seen or lex.thousands[k] > 1000 or k == _one_key("ألف")):
            total += (cur or 1) * lex.thousands[k]
            cur = 0
            j += 1
        else:
            break
        seen = True
    if not seen:
        return None, i
    return total + cur, j


def _person_at(v: _View, i: int) -> bool:
    """A PER mention starts within token ``i``."""
    t = v.toks[i]
    for m in _mentions_in(v.a, t.start, t.end):
        if m.label == "PER":
            return True
    return False


def _count_after(v: _View, j: int, lex: _Lex) -> int | None:
    """The count written after casualty word ``j`` (مقتل 13، أصيب عشرة، مقتل شرطي، مقتل الأشخاص
    الأربعة، إصابة عسكريين آخرين اثنين), with the people listed after it added (مقتل مواطن فرنسي
    وضابط أمن بلجيكي وثلاثة من مالي → 5)."""
    toks, hi = v.toks, v.hi
    i, stop = j + 1, min(hi, j + 1 + _AFTER_REACH)
    n = None
    while i < stop:
        t = toks[i]
        if t.kind == "number" or t.kind == "word":
            n, nxt = _number_at(v, i, lex)
            if n is not None:
                break
            k = v.key(i)
            if _cue(v, i, lex) is not None or k in lex.result_frames:
                return None
            if k in lex.one or k in lex.single or _person_at(v, i):
                n, nxt = 1, i + 1
                # the subject of an active verb, then its count: قتل مهاجم 47 شخصا
                for q in range(i + 1, min(hi, i + 3)):
                    if toks[q].kind not in ("word", "number") or _cue(v, q, lex) is not None \
                            or v.key(q) in lex.place_preps:
                        break
                    m, after = _number_at(v, q, lex)
                    if m is not None:
                        if m != _VAGUE and not (1900 <= m <= 2100):
                            n, nxt = m, after
                        break
                break
            if k in lex.dual:
                n, nxt = 2, i + 1
                break
            if k in lex.skip:
                i += 1
                continue
            if i == j + 1:      # a plural noun, then its number: الأشخاص الأربعة، عسكريين آخرين اثنين
                for q in (i + 1, i + 2):
                    if q == i + 2 and not (q - 1 < hi and v.key(q - 1).startswith("اخر")):
                        break
                    if q < hi and toks[q].kind == "word" and _is_number_word(v.key(q), lex):
                        n, _ = _number_at(v, q, lex)
                        if n is not None:
                            return n
            return None
        if t.kind == "punct" and v.key(i) in ("(", "«", '"', "“"):
            i += 1
            continue
        return None
    if n is None or n == _VAGUE:
        return n
    # more people listed: و + a singular noun or a number, until a casualty word, a preposition or a stop
    q, end = nxt, min(hi, nxt + 8)
    while q < end:
        t = toks[q]
        if t.kind not in ("word", "number"):
            break
        k = v.key(q)
        if k in lex.cues or k in lex.place_preps or k in lex.weak_preps or k in lex.clause_breaks:
            break
        if t.conj or (q > 0 and v.key(q - 1) == "و"):
            m, after = _number_at(v, q, lex) if t.kind == "number" or k else (None, q)
            if m is not None and m != _VAGUE:
                n += m
                q = after
                continue
            if k in lex.single or k in lex.one:
                n += 1
            elif k in lex.dual:
                n += 2
            elif k:
                break
        q += 1
    return n


def _count_before(v: _View, j: int, lex: _Lex) -> int | None:
    """The count written before casualty word ``j`` (1000 قتيل، لقي 13 حوثيا مصرعهم، سبعة من الجنود
    قتلوا), else 1 or 2 for a singular or dual noun right before it (لقي شرطي مصرعه)."""
    toks, lo = v.toks, v.lo
    i, stop = j - 1, max(lo, j - 1 - _BEFORE_REACH)
    while i >= stop:
        t = toks[i]
        if t.kind == "number":
            n, _ = _number_at(v, i, lex)
            return None if n is not None and 1900 <= n <= 2100 else n      # a year: سنة 2015 بقتل
        if t.kind != "word":
            break
        k = v.key(i)
        if k in lex.cues or k in lex.result_frames or k in lex.place_preps or k in lex.weak_preps:
            break
        if _is_number_word(k, lex) or k in lex.vague:
            start = i
            while start - 1 >= lo and toks[start - 1].kind == "word" and _is_number_word(v.key(start - 1), lex) \
                    and not toks[start].conj:
                start -= 1
            n, _ = _number_at(v, start, lex)
            if n is not None:
                return n
        if k in lex.one:
            return 1
        i -= 1
    for i in range(j - 1, max(lo, j - 3) - 1, -1):
        if toks[i].kind != "word":
            break
        k = v.key(i)
        if k in lex.dual:
            return 2
        if k in lex.single:
            return 1
    return None


def _is_number_word(k: str, lex: _Lex) -> bool:
    return k in lex.units or k in lex.teen_tens or k in lex.teen_units or k in lex.tens or k in lex.hundreds \
        or k in lex.thousands


def _count(v: _View, j: int, look: str, lex: _Lex) -> int | None:
    if look == "after":
        n = _count_after(v, j, lex)
    elif look == "before":
        n = _count_before(v, j, lex)
    else:
        n = _count_after(v, j, lex)
        if n is None:
            n = _count_before(v, j, lex)
        if n is None:
            n = _count_after_subject(v, j, lex)
    return n


def _count_after_subject(v: _View, j: int, lex: _Lex) -> int | None:
    """An active verb's count after its subject: قتل مهاجم انتحاري 47 شخصا (a number within three
    words, then the counted noun)."""
    toks, hi = v.toks, v.hi
    for q in range(j + 1, min(hi - 1, j + 4)):
        t = toks[q]
        if t.kind == "word" and (_cue(v, q, lex) is not None or v.key(q) in lex.place_preps
                                 or v.key(q) in lex.weak_preps or v.key(q) in lex.clause_breaks):
            return None
        if t.kind not in ("word", "number"):
            return None
        m, after = _number_at(v, q, lex)
        if m is not None:
            if m == _VAGUE or 1900 <= m <= 2100 or after >= hi or toks[after].kind != "word":
                return None
            return m
    return None


# --------------------------------------------------------------------------- casualties

def _cue(v: _View, i: int, lex: _Lex) -> tuple[str, str] | None:
    """The (kind, look) of a casualty word at token ``i`` (also one whose و the tokenizer left on: واصيب)."""
    if v.toks[i].kind != "word":
        return None
    k = v.key(i)
    c = lex.cues.get(k)
    if c is None and len(k) > 3 and k[0] in "وف":
        c = lex.cues.get(k[1:])
    return c


def casualties(article, sentence_index: int, first: int, last: int) -> tuple[int | None, int | None]:
    """``(killed, injured)`` the sentence states for the event whose trigger is tokens ``[first, last)``;
    None where it states no number (or only a vague one: عشرات)."""
    lex = _lexicon()
    v = _view(article, sentence_index)
    lo, hi = v.lo, v.hi
    anchor = None
    summing = False
    for i in range(first, min(last, hi)):
        c = _cue(v, i, lex)
        if c is not None:
            anchor = (i, c)
            break
    if anchor is None and first < hi and v.key(first) == _one_key("لقي"):
        for i in range(last, min(hi, last + 5)):      # لقي 13 حوثيا مصرعهم
            c = _cue(v, i, lex)
            if c is not None:
                anchor = (i, c)
                break
    if anchor is None:          # an attack word: the toll after a result frame in its clause
        # the frame may stand before it: أسفر هجوم انتحاري ... عن مقتل ثلاثة
        fronted = any(v.key(k) in lex.result_frames for k in range(max(lo, first - 2), first))
        for i in range(last, min(hi, last + _RESULT_REACH)):
            if v.boundary(i):
                break
            if v.key(i) in lex.result_frames or (fronted and v.key(i) in lex.result_links):
                for j in range(i + 1, min(hi, i + 1 + lex.result_window)):
                    k = v.key(j)
                    if v.toks[j].kind == "word" and k in lex.result_cues:
                        anchor = (j, (lex.result_cues[k], "after"))
                        break
                    c = _cue(v, j, lex)
                    if c is not None:
                        anchor = (j, c)
                        break
                break
        summing = True
    if anchor is None:
        return None, None
    counts: dict[str, int | None] = {"killed": None, "injured": None}
    j, (kind, look) = anchor
    n = _count(v, j, look, lex)
    counts[kind] = n
    if n is None and j + 1 < hi and v.toks[j + 1].conj and _cue(v, j + 1, lex) is not None:
        return None, None       # one count for both: مقتل وإصابة 50 شخصا
    prev = j
    # the casualty words joined to it: مقتل 13 وإصابة 22، لقي 13 مصرعهم فيما جرح 12
    i = j + 1
    while i < hi and i - prev <= _CHAIN_REACH:
        if v.boundary(i):
            break
        c = _cue(v, i, lex)
        if c is not None:
            ck, cl = c
            direct = v.toks[i].conj or v.key(i - 1) in lex.linkers or v.key(i) not in lex.cues
            if not direct and (i - prev > _CHAIN_GAP or not any(
                    v.toks[q].conj or v.key(q) in lex.linkers for q in range(prev + 1, i))):
                break
            m = _count(v, i, cl, lex)
            if ck == kind and not summing:
                break
            if counts[ck] is None:
                counts[ck] = m
            elif summing and m is not None and m != _VAGUE and counts[ck] != _VAGUE:
                counts[ck] += m
            elif m == _VAGUE:
                counts[ck] = _VAGUE
            prev = i
        i += 1
    return tuple(None if counts[k] is None or counts[k] == _VAGUE else counts[k]  # type: ignore[return-value]
                 for k in ("killed", "injured"))


# --------------------------------------------------------------------------- place

_cached: list = [None, None, None]       # [article, its mentions list, (starts, mentions, entity_of, types)]


def _mention_table(article):
    if _cached[0] is article and _cached[1] is article.mentions and len(_cached[2][1]) == len(article.mentions):
        return _cached[2]
    ms = sorted(article.mentions, key=lambda m: m.start)
    entity_of = {mid: e.id for e in article.entities for mid in e.mentions}
    types = {e.id: e.type for e in article.entities}
    tab = ([m.start for m in ms], ms, entity_of, types)
    _cached[:] = [article, article.mentions, tab]
    return tab


def _mentions_in(article, start: int, end: int):
    starts, ms, _, _ = _mention_table(article)
    i = bisect_left(starts, start)
    out = []
    while i < len(ms) and ms[i].start < end:
        out.append(ms[i])
        i += 1
    return out


def _place_prep(v: _View, i: int, m, lex: _Lex) -> str | None:
    """How the place mention starting in token ``i`` is introduced: "strong" (في، ب، قرب ...),
    "weak" (إلى، ل) or None."""
    t = v.toks[i]
    if t.start < m.start:                     # a proclitic of the mention's own token: بالقاهرة
        pre = v.a.text[t.start:m.start]
        if pre and pre[0] in "وف":
            pre = pre[1:]
        if pre[:1] == "ب":
            return "strong"
        if pre[:1] == "ل":
            return "weak"
    elif t.split and t.words[0].kind == "proclitic":
        ws = [w.norm for w in t.words if w.kind == "proclitic"]
        if "ب" in ws:
            return "strong"
        if "ل" in ws:
            return "weak"
    k = i - 1
    steps = 0
    while k >= v.lo and steps < 3:
        tk = v.toks[k]
        if tk.kind != "word":
            return None
        key = v.key(k)
        if key in lex.place_preps:
            return "strong"
        if key in lex.weak_preps:
            return "weak"
        if tk.split:
            ws = [w.norm for w in tk.words if w.kind == "proclitic"]
            if key in lex.place_between:
                if "ب" in ws:
                    return "strong"
                if "ل" in ws:
                    return "weak"
        if key not in lex.place_between:
            return None
        k -= 1
        steps += 1
    return None


def _is_trigger(tok) -> bool:
    """The event lexicon proposes an event at ``tok`` (another event's word between a trigger and a place)."""
    return tok.kind == "word" and bool(event_lexicon().token_readings(tok))


def _is_attack(v: _View, first: int, last: int) -> bool:
    """The trigger can be read as an attack (its place may be its object: قصف بلدة المزاريب، هجوم على X)."""
    return any(r.type == "ASSAULT" for k in range(first, last) for r in event_lexicon().token_readings(v.toks[k]))


def _object_place(v: _View, i: int, last: int, lex: _Lex) -> bool:
    """The place at token ``i`` is the trigger's object: right after it, place heads aside (استعادة عدن)."""
    return all(v.toks[k].kind == "word" and v.key(k) in lex.place_between for k in range(last, i))


def _modifier(v: _View, i: int, prev_end: int | None, lex: _Lex) -> bool:
    """The place at token ``i`` specifies the place just before it (محافظة إب بجنوب صنعاء، قرب كيليس (جنوب تركيا))."""
    if prev_end is None or i - prev_end > 3:
        return False
    return all(v.toks[k].kind != "word" or v.key(k) in lex.place_between or v.key(k) in lex.place_preps
               for k in range(prev_end, i))


def event_place(article, sentence_index: int, first: int, last: int) -> str | None:
    """The entity id of the LOC entity where the event happened, or None."""
    lex = _lexicon()
    s = article.sentences[sentence_index]
    _, _, entity_of, types = _mention_table(article)
    ms = _mentions_in(article, s.start, s.end)
    if not ms:
        return None
    v = _view(article, sentence_index)
    idx = article.token_index()
    names = [m for m in ms if types.get(entity_of.get(m.id)) in ("PER", "ORG", "MISC")]
    # the trigger's clause: from the last boundary before it to the next one after it
    cs, ce = v.clause(first, last)
    attack = None
    found: list[tuple[int, int, int, str]] = []      # (weak, side, distance, entity id)
    prev_end = None
    for m in ms:
        eid = entity_of.get(m.id)
        if eid is None or types.get(eid) != "LOC":
            continue
        if any(n.start <= m.start and m.end <= n.end and (n.start, n.end) != (m.start, m.end) for n in names):
            continue                           # a place inside a name
        i = idx.at(m.start)
        j = max(idx.index(m.end), i + 1)
        modifier = _MODIFIERS and _modifier(v, i, prev_end, lex)
        prev_end = j
        if modifier or i < cs or i >= ce or first <= i < last:
            continue
        how = _place_prep(v, i, m, lex)
        if how is None and i >= last and _ATTACK_OBJECT:
            if attack is None:
                attack = _is_attack(v, first, last)
            if attack and (_object_place(v, i, last, lex) or _after_key(v, i, lex) in lex.attack_preps):
                how = "strong"
        if how is None or (how == "weak" and not _USE_WEAK):
            continue
        if i >= last:
            between = range(last, i)
            side, dist = 0, i - last
        else:
            if first - i > _PLACE_BEFORE:
                continue
            between = range(i + 1, first)
            side, dist = 1, first - i
        # a new clause or another event's word between them gives the place to something else
        if any(v.toks[k].kind == "word" and (v.key(k) in lex.clause_breaks or (
                _is_trigger(v.toks[k]) and not (k > v.lo and v.key(k - 1) in lex.cause_preps)
                and not (v.toks[k].split and v.toks[k].words[0].norm == "ب"))) for k in between):
            continue
        found.append((how == "weak", side, dist, eid))
    return min(found)[3] if found else None


def _after_key(v: _View, i: int, lex: _Lex) -> str | None:
    """The word before the place at token ``i``, place heads skipped (على مدينة كوباني → على)."""
    k = i - 1
    while k >= v.lo and v.toks[k].kind == "word" and v.key(k) in lex.place_between:
        k -= 1
    return v.key(k) if k >= v.lo and v.toks[k].kind == "word" else None


# --------------------------------------------------------------------------- mode

def event_mode(article, sentence_index: int, first: int, last: int, type_: str, trigger) -> str | None:
    """The PLOVER mode of the event: its trigger reading's, else the first cue of its type in its clause."""
    allowed = MODES.get(type_)
    if not allowed:
        return None
    mode = getattr(trigger, "mode", None) if trigger is not None else None
    if mode in allowed:
        return mode
    matcher = _lexicon().modes.get(type_)
    if matcher is None:
        return None
    v = _view(article, sentence_index)
    a = max(v.lo, first - _MODE_BEFORE)
    for k in range(first - 1, a - 1, -1):
        if v.boundary(k):
            a = k + 1
            break
    b = min(v.hi, last + _MODE_AFTER)
    for k in range(last, b):
        if v.boundary(k):
            b = k
            break
    keys = [v.key(i) for i in range(a, b)]
    best = None
    for i in range(len(keys)):
        if v.toks[a + i].kind != "word":
            continue
        for rank, m in matcher.at(keys, i):
            if best is None or rank < best[0]:
                best = (rank, m)
    return best[1] if best else None
