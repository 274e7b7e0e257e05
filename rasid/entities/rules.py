"""Rule candidates for mentions that a statistical tagger tends to miss.

* person after a title or rank: ``الفريق سالم``، ``السفير جونسون``،
  ``وزير الخارجية الكندي جون سميث``: the run of 1–3 name words after the title
  (and its office complement and nisba), stopping at function words,
  punctuation and verbs.
* organisation from its head noun: ``وزارة الداخلية الليبية``، ``السفارة
  البريطانية``، ``القيادة العامة لـ«الجيش الوطني» الليبي``: a head (وزارة،
  سفارة، حكومة، جيش، حزب …) followed by office complements, nisba adjectives,
  a quoted name or a country name.
* place after a place head: ``محافظة إب``، ``مدينة الرمادي``، ``بلدة مندلي``.
* countries by name (ليبيا، الولايات المتحدة) from the gazetteer.

Each rule returns ``(i, j, label)`` token ranges (absolute token indexes).
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import NamedTuple

from rasid.doc.layers import Token
from rasid.entities.lexicon import is_nisba, lexicon
from rasid.entities.roles import _country_word, has_conjunction, token_keys

_SAY = {"قال", "اكد", "اوضح", "اشار", "اضاف", "صرح", "شدد", "لفت", "نوه", "ذكر", "اعلن", "اعتبر", "بحث",
        "ناقش", "التقي", "استقبل", "زار", "دعا", "طالب", "اتهم", "رفض", "هدد", "عقد", "وصل", "غادر", "تولي"}
# generic heads that make no name on their own or with a mere adjective
_GENERIC_HEADS = {"الحكومه", "الوزاره", "الحزب", "المجلس", "الجماعه", "الحركه", "الشركه", "المؤسسه", "المنظمه",
                  "اللجنه", "الهيئه", "المكتب", "الاداره", "البلديه", "المديريه", "الدائره", "المحكمه", "المجموعه",
                  "الرابطه", "النقابه", "الوكاله", "القياده", "التنظيم", "فرع", "الفرع", "القوات", "قوات", "قوي"}


# definite heads ("the city", "the region") point back to a place already named
_DEFINITE_HEADS = {"المدينه", "المنطقه", "المحافظه", "البلده", "القريه", "الولايه"}


def _word(tok: Token) -> bool:
    return tok.kind == "word"


class _Starts(NamedTuple):
    """Token positions where each rule can start (its trigger word), in text order."""
    titles: list[int]          # a person title (الرئيس، السفير)
    org_heads: list[int]       # an organisation head (وزارة، حزب)
    place_heads: list[int]     # a place head that is not definite (محافظة، مدينة)
    known_orgs: list[int]      # the first word of a known organisation


_LAST_STARTS: tuple[int, list[Token], _Starts] | None = None


def _rule_starts(tokens: list[Token]) -> _Starts:
    """The rules' trigger positions in ``tokens``, found in one pass and kept for the last token
    list asked about (the rules run once per sentence: they skip straight to these)."""
    global _LAST_STARTS
    if _LAST_STARTS is not None and _LAST_STARTS[1] is tokens and _LAST_STARTS[0] == len(tokens):
        return _LAST_STARTS[2]
    triggers = _triggers()
    starts = _Starts([], [], [], [])
    keys = token_keys(tokens)
    if "" in triggers:      # a non-word token's key counts as "" (never so with the shipped lexicons)
        found = range(len(tokens))
    else:
        found = [i for i, key in enumerate(keys) if key in triggers]
    for i in found:
        word = tokens[i].kind == "word"
        flags = triggers.get(keys[i] if word else "")
        if flags:
            title, org_head, place_head, known_org = flags
            if title:
                starts.titles.append(i)
            if org_head:
                starts.org_heads.append(i)
            if place_head and word:
                starts.place_heads.append(i)
            if known_org:
                starts.known_orgs.append(i)
    _LAST_STARTS = (len(tokens), tokens, starts)
    return starts


@cache
def _triggers() -> dict[str, tuple[bool, bool, bool, bool]]:
    """Key -> (person title, organisation head, indefinite place head, first word of a known
    organisation), for the keys that are any of these."""
    lex = lexicon()
    first = _org_table()[1]
    keys = set(lex.person_titles) | set(lex.org_heads) | set(lex.place_heads) | set(first)
    return {k: flags for k in keys
            if any(flags := (k in lex.person_titles, k in lex.org_heads,
                             k in lex.place_heads and k not in _DEFINITE_HEADS, bool(first.get(k, 0))))}


def _next_start(starts: list[int], i: int, b: int) -> int:
    """The first of ``starts`` at or after ``i`` and before ``b``; else ``b``."""
    n = bisect_left(starts, i)
    return starts[n] if n < len(starts) and starts[n] < b else b


def _is_ala(text: str, tok: Token) -> bool:
    return text[tok.start:tok.end] in ("على", "وعلى")


def _name_like(key: str, lex) -> bool:
    return (key not in lex.stop and key not in _SAY and key not in lex.person_titles
            and key not in lex.office_complements and key not in lex.org_heads and len(key) >= 2)


def _common_word(text: str, tokens: list[Token], k: int, j: int) -> bool:
    """Token j is an everyday word of the corpus (over 1,000 occurrences: العلاقات، وصلت) and the name
    ending in it is no known person (بشار الأسد is)."""
    from rasid.entities.spans import _vocab
    from rasid.names.known import known_person

    if _vocab().get(tokens[j].norm, 0) < 1000:
        return False
    return known_person(text[tokens[k].start:tokens[j].end]) is None


def _is_verb(tok: Token) -> bool:
    """The token is a verb the event or speech lexicons know (عقد، التقى، قال …)."""
    from rasid.lang.ar.triggers import event_lexicon

    trig = event_lexicon().match_token(tok)
    return trig is not None and trig.pos == "verb"


def _country_nisba(key: str) -> bool:
    from rasid.entities.countries import word_country

    return word_country(key) is not None


def title_person_spans(text: str, tokens: list[Token], a: int, b: int) -> list[tuple[int, int, str]]:
    lex = lexicon()
    keys = token_keys(tokens)
    starts = _rule_starts(tokens).titles
    out = []
    i = _next_start(starts, a, b)
    while i < b:
        tok = tokens[i]
        key = keys[i] if _word(tok) else ""
        if key not in lex.person_titles:
            i = _next_start(starts, i + 1, b)
            continue
        k = i + 1
        steps = 0
        while k < b and steps < 6:
            kk = keys[k] if _word(tokens[k]) else ""
            if kk in lex.office_complements or is_nisba(kk) or kk in lex.org_heads or _country_word(kk):
                k += 1      # وزير خارجية جمهورية مصر العربية الأستاذ X
                steps += 1
                continue
            if kk in lex.honorifics:
                k += 1
                steps += 1
                continue
            break
        j = k
        while j < b and j - k < 3 and _word(tokens[j]):
            t = tokens[j]
            kk = keys[j]
            if not _name_like(kk, lex) or _is_ala(text, t) or (t.split and t.words[0].kind == "proclitic"):
                break
            if j > k and (_is_verb(t) or _common_word(text, tokens, k, j)):
                break       # السفير جونسون عقد، الرئيس أوباما وصلت: the name ends at a verb or a common word
            if j == k and kk.startswith("ال"):
                break
            if j > k and is_nisba(kk) and _country_nisba(kk):
                break       # الرئيس أوباما الأمريكي; but a family name like الدليمي stays
            j += 1
        if j > k:
            out.append((k, j, "PER"))
        i = _next_start(starts, max(j, i + 1), b)
    return out


def org_spans(text: str, tokens: list[Token], a: int, b: int, country_of=None) -> list[tuple[int, int, str]]:
    lex = lexicon()
    keys = token_keys(tokens)
    starts = _rule_starts(tokens).org_heads
    out = []
    i = _next_start(starts, a, b)
    while i < b:
        tok = tokens[i]
        key = keys[i] if _word(tok) else ""
        if key not in lex.org_heads or (i > a and tokens[i - 1].kind == "word"
                                        and keys[i - 1] in lex.office_heads):
            i = _next_start(starts, i + 1, b)      # وزير الداخلية: the complement of an office, not a ministry
            continue
        j = i + 1
        named = False      # saw something that makes it a name, not a generic noun
        depth = 0
        last = i
        while j < b and j - i < 9:
            t = tokens[j]
            surface = text[t.start:t.end]
            if t.kind == "quote":
                if surface in "«“":
                    depth += 1
                elif depth:
                    depth -= 1
                    last = j
                else:
                    break
                j += 1
                continue
            if depth:
                named = True
                j += 1
                continue
            if not _word(t) or has_conjunction(t):
                break
            kk = keys[j]
            if kk == "ل" and j + 1 < b and tokens[j + 1].kind == "quote":      # لـ«الجيش الوطني»
                j += 1
                continue
            if kk in lex.office_complements or kk in lex.org_heads and j == i + 1:
                named = named or key not in _GENERIC_HEADS or kk not in ("العام", "العامه")
                last = j
                j += 1
                continue
            if is_nisba(kk):
                named = named or key not in _GENERIC_HEADS
                last = j
                j += 1
                continue
            if country_of is not None and country_of(kk) and not kk.startswith("ال"):
                named = True
                last = j
                j += 1
                break
            break
        if named and last > i and depth == 0:
            out.append((i, last + 1, "ORG"))
            i = _next_start(starts, last + 1, b)
        else:
            i = _next_start(starts, i + 1, b)
    return out


def place_head_spans(text: str, tokens: list[Token], a: int, b: int) -> list[tuple[int, int, str]]:
    lex = lexicon()
    keys = token_keys(tokens)
    starts = _rule_starts(tokens).place_heads
    out = []
    for i in starts[bisect_left(starts, a):bisect_left(starts, b - 1)]:
        tok = tokens[i]
        if not _word(tok) or keys[i] not in lex.place_heads or keys[i] in _DEFINITE_HEADS:
            continue
        k = i + 1
        while k < b and _word(tokens[k]) and is_nisba(keys[k]):   # العاصمة التركية أنقرة
            k += 1
        if k < b and _word(tokens[k]):
            t = tokens[k]
            kk = keys[k]
            proclitic = t.split and t.words[0].kind == "proclitic"
            if _name_like(kk, lex) and not proclitic and not is_nisba(kk) and kk not in lex.place_heads:
                out.append((i, k + 1, "LOC"))
    return out


_MEDIA_KINDS = {"newspaper", "channel", "tv", "website", "media", "radio", "magazine"}


@cache
def _org_table() -> tuple[dict[str, str], dict[str, int]]:
    """Known organisation keys (rasid.names.orgs) and, per first word, the longest entry length."""
    from rasid.names.orgs import org_index

    keys = {}
    first: dict[str, int] = {}
    for key, org in org_index().items():
        if org.kind in _MEDIA_KINDS:
            continue    # outlets are sources more often than actors, and their names are common words
        words = key.split()
        keys[key] = key
        first[words[0]] = max(first.get(words[0], 0), len(words))
        if words[0].startswith("ال") and len(words[0]) > 3:        # without the article too
            bare = " ".join([words[0][2:]] + words[1:])
            keys.setdefault(bare, key)
            first[words[0][2:]] = max(first.get(words[0][2:], 0), len(words))
    return keys, first


@cache
def _org_prefixes() -> frozenset[str]:
    """Every leading run of words of a known organisation key (مجلس، مجلس الامن، مجلس الامن الدولي)."""
    out = set()
    for key in _org_table()[0]:
        words = key.split()
        out.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return frozenset(out)


@cache
def _org_rows() -> dict:
    from rasid.names.orgs import org_index

    return org_index()


def _exact_single(text: str, tok: Token, key: str) -> bool:
    """A one-word organisation (فتح، حماس، آفاد) only as written, with no preposition attached:
    لفتح is "to open", أفاد is "reported"."""
    from rasid.lang.ar.normalize import strip_diacritics

    if tok.split and any(w.kind == "proclitic" and w.norm not in ("و",) for w in tok.words):
        return False
    if tok.split and tok.words[0].norm == "و":
        return False
    org = _org_rows().get(key)
    return org is not None and strip_diacritics(text[tok.start:tok.end]) == strip_diacritics(org.arabic)


def known_org_spans(text: str, tokens: list[Token], a: int, b: int) -> list[tuple[int, int, str]]:
    """Longest matches of the known-organisations lexicon (داعش، حزب الله، مجلس الأمن الدولي …)."""
    known, first = _org_table()
    prefixes = _org_prefixes()
    keys = token_keys(tokens)
    starts = _rule_starts(tokens).known_orgs
    out = []
    i = _next_start(starts, a, b)
    while i < b:
        tok = tokens[i]
        key = keys[i] if _word(tok) else ""
        longest = first.get(key, 0)
        if not longest:
            i = _next_start(starts, i + 1, b)
            continue
        words, idx = [], []
        run = ""        # the words so far, joined
        hit = None      # the most words that make a known organisation
        k = i
        while k < b and len(words) < longest:
            t = tokens[k]
            if t.kind == "quote":
                k += 1
                continue
            if not _word(t) or (words and has_conjunction(t)):
                break
            run = f"{run} {keys[k]}" if words else keys[k]
            words.append(keys[k])
            idx.append(k)
            k += 1
            if run in known:
                hit = len(words)
            elif run not in prefixes:
                break       # no known organisation goes on from here
        if hit == 1 and not _exact_single(text, tok, known[words[0]]):
            hit = None
        if hit:
            out.append((i, idx[hit - 1] + 1, "ORG"))
            i = _next_start(starts, idx[hit - 1] + 1, b)
        else:
            i = _next_start(starts, i + 1, b)
    return out


def rule_spans(text: str, tokens: list[Token], a: int, b: int, country_of=None) -> list[tuple[int, int, str]]:
    return (title_person_spans(text, tokens, a, b) + org_spans(text, tokens, a, b, country_of)
            + place_head_spans(text, tokens, a, b) + known_org_spans(text, tokens, a, b))
