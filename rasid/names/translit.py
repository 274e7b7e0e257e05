"""Arabic names -> the spelling the English-language press uses.

``to_latin(name, kind="PER")`` first looks the name up among well-known people
(:func:`rasid.names.known.known_latin`: the full name, first + last name, or a surname
they share, gives the established press spelling: مرسي -> "Morsi"); otherwise it works
part by part (see :func:`rasid.names.lexicon.split_name`):

1. a phrase or part in the hand tables (common given names, well-known foreign
   names) or in the pairs aligned from bilingual legislator names;
2. عبد + X -> "Abdul X" (house style; عبد الله -> "Abdullah"), X الله -> "Xallah",
   X الدين -> "X al-Din", بن -> "bin", أبو -> "Abu", آل -> "Al";
3. otherwise the most frequent *attested* English spelling whose consonant skeleton
   and vowels fit the Arabic word (``latin_forms.tsv``); for a word without ال, else the
   most frequent English name of the census lists that it spells (:mod:`rasid.names.western`:
   فلتشر -> "Fletcher");
4. otherwise rules: ث th, خ kh, ش sh, ذ dh, غ gh, ق q; ع dropped initially / "a";
   ة -> ah; final ي -> i; و -> w/ou; short vowels guessed by simple patterns.

The article ال is dropped on surnames ("drop", the default); ``article="al"``
writes "al-X", ``article="Al"`` writes "Al-X".

``to_latin(name, "ORG")`` composes from a head-word table (وزارة -> "Ministry of {}",
حزب -> "{} Party", nationality adjectives first) and returns None when a piece is
not in the table. LOC/MISC: only whole phrases of that table; else None.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.lang.ar.lexicons import table
from rasid.lang.ar.normalize import norm_key, strip_diacritics
from rasid.memo import memo
from rasid.names.known import known_latin
from rasid.names.lexicon import hamza_al, lexicon, part_key, split_name, strip_article
from rasid.names.western import western_latin

__all__ = ["to_latin", "translit_word", "org_to_latin"]

_CONS = {
    "ب": "b", "پ": "p", "ت": "t", "ث": "th", "ط": "t", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ض": "d", "ظ": "z", "ز": "z", "ر": "r", "س": "s", "ص": "s",
    "ش": "sh", "چ": "ch", "غ": "gh", "ف": "f", "ڤ": "v", "ق": "q", "ك": "k", "گ": "g",
    "ل": "l", "م": "m", "ن": "n", "ه": "h",
}
_GAPS = set("اأإآٱىيئوؤعءة")
_LONG = set("اآىيو")


def _segments(word: str) -> tuple[list[str], list[str]]:
    """Consonant letters and the raw gap strings between them (len(gaps) == len(cons) + 1)."""
    cons: list[str] = []
    gaps: list[str] = [""]
    for ch in strip_diacritics(word):
        if ch in _CONS:
            if cons and cons[-1] == ch and gaps[-1] == "":
                continue
            cons.append(ch)
            gaps.append("")
        elif ch in _GAPS:
            gaps[-1] += ch
    # a final ح/ه is a vowel ending (-ah/-eh), a final ة likewise
    if cons and cons[-1] in "حه" and gaps[-1] == "":
        cons.pop()
        gaps.pop()
        gaps[-1] += "H"
    return cons, gaps


def _render_gap(g: str, pos: int, last: int, prev_gap: str, prev_inserted: bool) -> tuple[str, bool]:
    """Latin for one gap; returns (text, inserted_short_vowel)."""
    if g == "":
        if pos == 0 or pos == last:
            return "", False
        if pos == last - 1 and any(c in "اآ" for c in prev_gap):
            return "e", True                       # CāCiC: Khaled, Maher
        if prev_inserted:
            return "", False                       # avoid CaCaCaC
        return "a", True
    if pos == 0 and g in ("ي", "و") and last > 0:
        return ("ya" if g == "ي" else "wa"), True      # Yazid, Walid: initial y/w + vowel
    out = []
    n = len(g)
    for i, ch in enumerate(g):
        prev = g[i - 1] if i else "-"
        nxt = g[i + 1] if i + 1 < n else "-"
        if ch in "اآٱ":
            if prev == "ع" or (out and out[-1].endswith("a")):
                continue
            out.append("a")
        elif ch == "أ":
            out.append("a")
        elif ch == "إ":
            out.append("i")
        elif ch == "ى":
            out.append("a")
        elif ch == "ع":
            if pos == 0:
                out.append("a" if nxt not in ("ي",) else "")
            elif nxt != "-" or prev != "-":
                out.append("a")
            else:
                out.append("aa" if pos != last else "a")
        elif ch in "ءئ":
            if ch == "ئ":
                out.append("e" if prev in "اآ" else "i")
        elif ch == "ؤ":
            out.append("ou")
        elif ch == "ي":
            if pos == 0 or (prev in "اآىو" and nxt != "-") or nxt in "اآو":
                out.append("y")
            elif prev in "اآ":
                out.append("y" if pos == last else "ye")
            elif prev == "ي":
                continue
            else:
                out.append("i")
        elif ch == "و":
            if pos == 0 or prev in "اآ" or nxt in "اآي":
                out.append("w")
            elif pos == last and nxt == "-":
                out.append("o")
            else:
                out.append("ou")
        elif ch == "ة":
            out.append("ah" if not out or not out[-1].endswith(("a", "y")) else "h")
        elif ch == "H":
            if out and out[-1][-1:] in "aeiouy":
                out.append("h")
            else:
                out.append("eh" if any(c in "اآ" for c in prev_gap) else "ah")
    s = "".join(out)
    if pos > 0 and pos < last and s and all(c == "w" for c in s):
        s = "a" + s                                # "Nawaf" style: vowel before a lone w
    if pos > 0 and s.startswith("y") and not out[0:1] == ["y"]:
        pass
    return s, False


def translit_word(word: str) -> str:
    """Rule-based romanisation of one Arabic word (no lexicon), capitalised."""
    cons, gaps = _segments(word)
    if not cons and not gaps[0]:
        return ""
    last = len(gaps) - 1
    out: list[str] = []
    inserted = False
    for i, g in enumerate(gaps):
        prev_gap = gaps[i - 1] if i > 0 else ""
        s, inserted = _render_gap(g, i, last, prev_gap, inserted)
        out.append(s)
        if i < len(cons):
            out.append(_CONS[cons[i]])
    s = "".join(out)
    s = re.sub(r"(.)\1{2,}", r"\1\1", s)
    return s[:1].upper() + s[1:]


def _diminutive(word: str) -> bool:
    """The fuʿayl shape (C-C-ay-C, with ع or a consonant first) of many family names."""
    cons, gaps = _segments(word)
    if len(cons) >= 3 and gaps[0] == "" and gaps[1] == "" and gaps[2] == "ي":
        return True
    return len(cons) >= 2 and gaps[0] == "ع" and gaps[1] == "ي"


_DIM_LAT = re.compile(r"^[^aeiou]*[uo][^aeiou]+(ai|ei|ay|ey)[^aeiou]", re.I)


def _translit_diminutive(word: str) -> str:
    cons, gaps = _segments(word)
    if gaps[0] == "ع":
        cons, gaps = cons, ["", *gaps[1:]]
        head = "O"
    else:
        head = ""
    out = [head]
    last = len(gaps) - 1
    for i, g in enumerate(gaps):
        if i == 0:
            s = ""
        elif head == "" and i == 1:
            s = "u"
        elif (head and i == 1) or (not head and i == 2):
            s = "ai"
        else:
            s, _ = _render_gap(g, i, last, gaps[i - 1], True)
        out.append(s)
        if i < len(cons):
            out.append(_CONS[cons[i]])
    s = "".join(out)
    return s[:1].upper() + s[1:]


def _word(word: str, surname: bool = False, western: bool = False, first: bool = False) -> str:
    """One Arabic word (without ال): lexicon, attested spelling, a Western name that fits
    (``western``: the word had no ال; :mod:`rasid.names.western`), rules.

    ``surname``: a family name that had ال; the fuʿayl shape is then read as the
    diminutive (Obaidi, Mutairi), the usual reading of such family names.
    """
    lex = lexicon()
    hit = lex.lookup(word)
    if hit:
        return hit
    if surname and _diminutive(word):
        att = lex.attested(word, _DIM_LAT)
        return att or _translit_diminutive(word)
    att = lex.attested(word)
    if att:
        return att
    if western:
        west = western_latin(word, first=first)
        if west:
            return west
    return translit_word(word)


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Name particles (أبو، بن، آل، ولد...; lexicons/name_particles.tsv) as norm_key keys."""
    return frozenset(norm_key(r["particle"]) for r in table("name_particles"))


def _arabic_name(parts: list[str]) -> bool:
    """Whether a name is Arabic by one of its parts: a given name of the Arabic hand table or of
    the legislators' aligned parts, a part with ال or عبد, a name particle (أبو، بن، آل). Such a name is never read
    with the census list of Western names (جاسر الحربش is not Gauthier)."""
    lex = lexicon()
    for p in parts:
        k = part_key(p)
        if (k.startswith("ال") and not hamza_al(strip_diacritics(p))) or k.startswith("عبد") \
                or k.split(" ")[0] in _particles():
            return True
        if (k in lex.hand and k not in lex.foreign) or k in lex.pairs:
            return True
    return False


def _part(part: str, first: bool, article: str, only: bool = False, arabic: bool = False) -> str:
    lex = lexicon()
    k = part_key(part)
    hit = lex.lookup(part)
    words = k.split()
    if len(words) == 2 and words[0] == "عبد":
        if hit:
            return hit
        second = strip_diacritics(part).split()[-1]
        if second.startswith("ال") and len(second) >= 5:
            second = second[2:]
        return "Abdul " + _word(second)
    if len(words) == 2 and words[1] == "الله":
        if hit:
            return hit
        return _word(words[0]) + "allah"
    if len(words) == 2 and words[1] == "الدين":
        return _word(words[0]) + " al-Din"
    orig = strip_diacritics(part).strip()
    bare = strip_article(k)
    has_al = bare != k and not hamza_al(orig)
    surname = has_al and (not first or only)
    out = hit or _word(orig[2:] if has_al and orig.startswith("ال") else orig, surname=surname,
                       western=not has_al and not arabic, first=first and not only)
    if surname and article != "drop" and k not in lex.hand:
        out = f"{article}-{out}"
    return out


def to_latin(name: str, kind: str = "PER", *, article: str = "drop") -> str | None:
    """``name`` in the spelling of the English-language press (None when unknown for ORG/LOC).

    ``article``: "drop" (default: الحمداني -> "Hamdani"), "al" ("al-Hamdani") or "Al".
    Answers are kept per (name, kind, article): the same names come back article after article.
    """
    return _to_latin(name, kind, article)


@memo(50_000)
def _to_latin(name: str, kind: str, article: str) -> str | None:
    if not name or not name.strip():
        return None
    kind = (kind or "PER").upper()
    if kind in ("ORG", "LOC", "GPE", "MISC", "FAC"):
        res = org_to_latin(name, phrase_only=kind != "ORG", facility=kind in ("LOC", "FAC"))
        if res is None and kind == "ORG":
            return None
        return res
    known = known_latin(name, article=article)       # well-known people first
    if known:
        return known
    lex = lexicon()
    parts = split_name(name)
    arabic = _arabic_name(parts)
    out: list[str] = []
    i = 0
    while i < len(parts):
        done = False
        for n in range(min(lex.max_phrase, len(parts) - i), 1, -1):
            k = part_key(" ".join(parts[i:i + n]))
            if k in lex.hand:
                out.append(lex.hand[k])
                i += n
                done = True
                break
        if done:
            continue
        w = _part(parts[i], i == 0, article, only=len(parts) == 1, arabic=arabic)
        if w:
            out.append(w)
        i += 1
    return " ".join(out) or None


# --------------------------------------------------------------------------
# organisations
# --------------------------------------------------------------------------
def _org_key_variants(k: str) -> list[str]:
    out = [k]
    if k.startswith(("و", "ب", "ل")) and len(k) > 3:
        out.append(k[1:])
    if k.startswith("لل") and len(k) > 4:
        out.append("ال" + k[2:])
    return out


def _outside_piece(toks: list[str], i: int) -> tuple[int, tuple[str, str]] | None:
    """A piece of an organisation's name that the table does not hold: a country, or a town or
    region of 20,000 people or more, that the gazetteer knows by its whole name (مجلس إسناد
    الفلوجة: Fallujah; kind "K" for a country, else "L"), or a well-known person's surname
    (إدارة أوباما: Obama; kind "N"). Everyday words are never read as places."""
    from rasid.geo import Gazetteer
    from rasid.geo.names import press_name, toggle_al
    from rasid.ner.everyday import everyday_words
    gaz = Gazetteer.default()
    common = everyday_words()
    for n in (2, 1):
        if i + n > len(toks):
            continue
        k = " ".join(toks[i:i + n])
        if n == 1 and (k in common or (toggle_al(k) or "") in common):
            continue
        for v in (k, toggle_al(k)):
            if not v:
                continue
            a3 = gaz.country_keys().get(v)
            country = gaz.country(a3) if a3 else None
            if country is not None and country.name_en:
                return n, ("K", country.name_en)
            rows = [r for r in map(gaz.row, gaz.place_ids(v))
                    if r.name_en and (r.feature in ("capital", "region") or r.population >= 20_000)]
            if rows:
                best = max(rows, key=lambda r: r.population)
                name = re.sub(r"\s+(?:Region|Province|Governorate|Emirate)$", "", press_name(best.name_en))
                return n, ("L", name)     # جامعة جازان: Jazan University, not Jazan Region University
    if len(toks[i]) >= 3:
        surname = known_latin(toks[i], article="drop")
        if surname and " " not in surname:
            return 1, ("N", surname)
    return None


def _pre_nouns(nouns: list[str]) -> str:
    """Nouns of an Arabic construct chain in English pre-modifier order: the chain is read
    from its end (مجلس إسناد الفلوجة: Fallujah Support Council); "and" keeps its order."""
    groups: list[list[str]] = [[]]
    for n in nouns:
        if n == "and":
            groups.append([])
        else:
            groups[-1].append(n)
    if len(groups) > 1:
        return " and ".join(" ".join(g) for g in groups if g)
    return " ".join(reversed(groups[0]))


def org_to_latin(name: str, *, phrase_only: bool = False, facility: bool = False) -> str | None:
    """Compose an English name from the organisation table; None when a piece is unknown.

    ``facility``: only a name headed by a facility word (مطار، قاعدة، ميناء: kind "F") is
    composed; a place the gazetteer did not know (مطار عدن: Aden Airport)."""
    lex = lexicon()
    s = re.sub(r"[^\w\s]", " ", strip_diacritics(name))
    toks = [norm_key(t) for t in s.split()]
    if not toks:
        return None
    whole = " ".join(toks)
    if whole in lex.org and lex.org[whole][0] == "P":
        return lex.org[whole][1]
    if phrase_only and not facility:
        return None
    if facility and lex.org.get(toks[0], ("", ""))[0] != "F":
        return None
    items: list[tuple[str, str]] = []
    i = 0
    while i < len(toks):
        found = None
        for n in range(min(lex.org_max, len(toks) - i), 0, -1):
            if n == 1:
                for v in _org_key_variants(toks[i]):
                    if v in lex.org:
                        found = (1, lex.org[v], toks[i] != v and toks[i][0] == "و")
                        break
            else:
                k = " ".join(toks[i:i + n])
                if k in lex.org:
                    found = (n, lex.org[k], False)
            if found:
                break
        if not found and i > 0:
            outside = _outside_piece(toks, i)
            if outside:
                found = (outside[0], outside[1], False)
        if not found:
            return None
        n, item, with_and = found
        if with_and:
            items.append(("J", "and"))
        items.append(item)
        i += n
    scope: list[tuple[str, str]] = []
    for j, (kind, _) in enumerate(items):
        if kind == "S":
            items, scope = items[:j], [it for it in items[j + 1:] if it[0] != "S"]
            break
    nat: list[str] = []
    main = _compose(items, nat)
    if main is None:
        return None
    text, pre = main
    if scope:
        where = _compose(scope, nat)
        if where and where[0] and text:
            text = f"{where[0]} {text}" if pre else f"{text} in {where[0]}"
    return " ".join(list(dict.fromkeys(nat)) + [text]).strip() or None


def _compose(items: list[tuple[str, str]], nat: list[str]) -> tuple[str, bool] | None:
    """English for a run of table items: (text, whether its head is written after its
    modifiers, "{} Council"); nationality adjectives are added to ``nat``."""
    head = None
    adjs: list[str] = []          # adjectives of the head word
    nouns: list[str] = []
    phrases: list[str] = []
    country = None                # a country named after the head (حكومة مصر: Government of Egypt)
    for kind, en in items:
        if kind in ("H", "F") and head is None:
            head = en
        elif kind in ("H", "F"):
            nouns.append(en.replace("{}", "").replace(" of", "").strip())
        elif kind == "C":
            nat.append(en)
        elif kind == "A":
            if nouns and nouns[-1] != "and":
                nouns[-1] = f"{en} {nouns[-1]}"      # الشؤون الإسلامية -> Islamic Affairs
            else:
                adjs.append(en)
        elif kind in ("N", "L"):
            nouns.append(en)
        elif kind == "K":
            if head is not None and not nouns and not adjs and country is None:
                country = en
            else:
                nouns.append(en)
        elif kind == "J":
            nouns.append("and")
        elif kind == "P":
            phrases.append(en)
    if phrases and (head or nouns or adjs):
        nouns = phrases + nouns
    elif phrases:
        return " ".join(phrases), True
    while nouns and nouns[-1] == "and":
        nouns.pop()
    if head is None:
        if not nouns and not adjs:
            return ("", True) if nat else None
        return " ".join(adjs + nouns), True
    if "{} " in head or head.startswith("{}"):
        rest = " ".join(adjs + [_pre_nouns(nouns)] if nouns else adjs)
        body = head.replace("{}", rest).strip()
    else:
        rest = " ".join(nouns)
        body = head.replace("{}", rest).strip()
        if not rest:
            body = re.sub(r"\s+of$", "", body)
        if adjs:
            body = " ".join(adjs) + " " + body
    if country:
        body = re.sub(r"\s+of$", "", body) + f" of {country}"
    body = re.sub(r"\s+", " ", body).strip()
    return (body, "{} " in head or head.startswith("{}")) if body else None
