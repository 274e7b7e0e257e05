"""Group the mentions of one article into entities: one entity per real-world actor.

Keys are word lists of ``Mention.norm``. Mentions are taken fullest first;
each joins an existing entity of the same type when

* its key equals the entity's key, with or without ال (الجيش ~ جيش);
* PER: its words are a contiguous run of the entity's name (أوغلو، يلدز أوغلو
  ⊂ سامر يلدز أوغلو) and exactly one entity fits (a surname shared by two
  people goes to the one whose written name holds it, not a name built from
  kinship), but a run of two words or more that starts with a given name inside
  the name is a father's (محمد لباد in زينب محمد لباد); عبد and the word after it
  are one word (عبد ربه ~ عبدربه);
* ORG: its words are a prefix of the entity's (حكومة الوحدة ⊂ حكومة الوحدة
  الوطنية), or equal once trailing nisba adjectives are dropped (وزارة
  الداخلية ~ وزارة الداخلية الليبية), or it is the quoted name inside the
  entity's (الوحدة ⊂ حكومة «الوحدة الوطنية»), or it is the general command
  of an entity (القيادة العامة للجيش الوطني ~ الجيش الوطني);
* LOC: equal after place heads (العاصمة، مدينة، محافظة …) and nisba words
  are dropped (العاصمة التركية أنقرة ~ أنقرة).

Kinship apposition gives a bare given name its family name:
«كريم، نجل اللواء منصور العطار» → the entity is named كريم العطار.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasid.doc.layers import Mention
from rasid.entities.countries import word_country
from rasid.entities.vocabulary import is_nisba, vocabulary
from rasid.lang.ar.normalize import join_abd, norm_key

_QUOTED = re.compile(r"[«“\"]([^»”\"]+)[»”\"]")


def words_of(key: str) -> list[str]:
    return key.split()


def strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def loose(words: list[str]) -> tuple[str, ...]:
    """The words without ال, عبد joined to the word after it (عبد ربه ~ عبدربه، عبد الله ~ عبدالله)."""
    return tuple(join_abd(words, strip_article))


_VOWEL_LETTERS = str.maketrans("", "", "اويىءئؤأإآة")


def _spelling_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two spellings of one foreign name (سيرغي لافروف ~ سرجي لافروف, جون كيري ~ جون كيرى): as many
    words, the same last word, and first words that differ only in long vowels or غ/ج/ك for g, and
    are no common Arabic given names (محمد and محمود share their consonants, not their bearer)."""
    if len(a) != len(b) or len(a) < 2 or a == b or a[-1] != b[-1]:
        return False
    for x, y in zip(a[:-1], b[:-1]):
        if x == y:
            continue
        if _given_name(x) or _given_name(y):
            return False
        sx, sy = (w.translate(_VOWEL_LETTERS).replace("غ", "ج").replace("ق", "ك") for w in (x, y))
        if sx != sy or len(sx) < 2:
            return False
    return True


def _given_name(word: str) -> bool:
    """A common Arabic given name (rasid/names/data/given_names.tsv)."""
    from rasid.names.lexicon import lexicon, part_key

    lex = lexicon()
    k = part_key(word)
    return k in lex.hand and k not in lex.foreign


@dataclass
class Group:
    type: str
    words: list[str]                      # key words of the canonical (fullest) name
    name: str                             # canonical name, as written (quotes dropped)
    mentions: list[Mention] = field(default_factory=list)
    built: bool = False                   # name built by a rule (kinship), not written as such
    quoted: list[str] = field(default_factory=list)   # quoted inner names (ORG)
    # every later mention is compared with these keys: they are computed once (``words`` and
    # ``quoted`` are not changed after the group is made)
    loose_words: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _org_keys: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.loose_words = loose(self.words)

    @property
    def org_keys(self) -> tuple[tuple[str, ...], list[tuple[str, ...]], tuple[str, ...]]:
        """ORG: the loose words of org_core, of each quoted name and of the commanded force."""
        if self._org_keys is None:

            self._org_keys = (loose(org_core(self.words)), [loose(norm_key(q).split()) for q in self.quoted],
                              loose(_commanded(self.words)))
        return self._org_keys

    def add(self, m: Mention) -> None:
        self.mentions.append(m)


def person_core(words: list[str]) -> list[str]:
    """Drop leading titles and honorifics from a person's key words."""
    lex = vocabulary()
    i = 0
    while i < len(words) - 1 and (words[i] in lex.person_titles or words[i] in lex.honorifics):
        i += 1
    return words[i:]


def place_core(words: list[str]) -> list[str]:
    """Drop leading place heads and nisba words (العاصمة التركية أنقرة → أنقرة); facilities keep theirs
    (مطار عدن is not عدن)."""
    lex = vocabulary()
    i = 0
    while i < len(words) - 1 and ((words[i] in lex.place_heads and words[i] not in lex.facility_heads)
                                  or (i > 0 and is_nisba(words[i]))):
        i += 1
    return words[i:]


def org_core(words: list[str]) -> list[str]:
    """Drop trailing nisbas of states and time words (الليبية المؤقتة); an adjective of another kind
    stays (وزارة الداخلية is not وزارة الخارجية: both are nisba-shaped). Two states' bodies with
    the same core stay apart (:func:`_other_nationality`)."""
    j = len(words)
    drops = vocabulary().org_core_drops
    while j > 1 and ((is_nisba(words[j - 1]) and word_country(words[j - 1])) or words[j - 1] in drops):
        j -= 1
    return words[:j]


def _trailing_nisbas(words: list[str]) -> set[str]:
    out = set()
    j = len(words)
    while j > 1 and is_nisba(words[j - 1]):
        country = word_country(words[j - 1])
        if country:
            out.add(country)        # a state's nisba (not العربي، الإسلامي)
        j -= 1
    return out


def _other_nationality(a: list[str], b: list[str]) -> bool:
    """Both names end with nisbas of states and not the same states: two states' bodies."""
    na, nb = _trailing_nisbas(a), _trailing_nisbas(b)
    return bool(na) and bool(nb) and na != nb


def _run_of(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """``small`` is a non-empty contiguous run of ``big``."""
    n = len(small)
    if n == 0 or n > len(big):
        return False
    return any(big[i:i + n] == small for i in range(len(big) - n + 1))


def _display(m: Mention, text: str) -> str:
    """The mention's name as written, quotes dropped (the key keeps the letters' normalisation)."""
    return " ".join(re.sub(r"[«»“”\"]", " ", m.norm if m.norm.startswith("ال") and not
                           m.text.replace("«", "").startswith("ال") else m.text).split())


def kinship_names(mentions: list[Mention], text: str) -> dict[str, list[str]]:
    """Mention id → full key words for «X، نجل [title] Y Z» (X takes Y Z's family name)."""
    lex = vocabulary()
    out: dict[str, list[str]] = {}
    pers = [m for m in mentions if m.label == "PER"]
    for a, b in zip(pers, pers[1:]):
        if len(words_of(a.norm)) != 1:
            continue
        between = text[a.end:b.start]
        if len(between) > 40:
            continue
        bw = [w for w in re.split(r"[\s،,]+", between) if w]
        keys = [norm_key(w) for w in bw]
        if keys and keys[0] in lex.kinship and all(k in lex.kinship or k in lex.person_titles
                                                   or k in lex.honorifics for k in keys):
            family = person_core(words_of(b.norm))
            if len(family) >= 2:
                out[a.id] = words_of(a.norm) + family[-1:]
    return out


def group_mentions(mentions: list[Mention], text: str) -> list[Group]:
    """Group mentions into entities (see the module docstring)."""
    kin = kinship_names(mentions, text)

    def core(m: Mention) -> list[str]:
        w = words_of(m.norm)
        if m.label == "PER":
            return kin.get(m.id) or person_core(w)
        if m.label == "LOC":
            return place_core(w)
        return w

    order = sorted(((m, core(m)) for m in mentions), key=lambda mw: (-len(mw[1]), mw[0].start))
    groups: list[Group] = []
    exact: dict[tuple[str, tuple[str, ...]], Group] = {}     # (type, loose words) -> first such group
    # (type, word) -> (creation number, group) of every group a mention with that word could
    # join (see _candidates): _match then reads a few groups, not all (linear in a long text)
    by_word: dict[tuple[str, str], list[tuple[int, Group]]] = {}
    for m, w in order:
        if not w:
            continue
        lw = loose(w)
        target = exact.get((m.label, lw))
        if target is None and m.label in ("PER", "ORG"):
            target = _match(m, w, lw, _candidates(m.label, w, lw, by_word))
        if target is None:
            name = " ".join(w) if m.id in kin else _display(m, text)
            if m.label == "PER" and m.id not in kin:
                name = " ".join(name.split()[len(words_of(m.norm)) - len(w):]) or name
            if m.label == "LOC":
                name = " ".join(name.split()[len(words_of(m.norm)) - len(w):]) or name
            target = Group(m.label, w, name, built=m.id in kin,
                           quoted=[" ".join(q.split()) for q in _QUOTED.findall(m.text)])
            groups.append(target)
            exact.setdefault((m.label, target.loose_words), target)
            _index_group(target, len(groups), by_word)
        target.add(m)
    for g in groups:
        g.mentions.sort(key=lambda m: m.start)
    groups.sort(key=lambda g: g.mentions[0].start)
    return groups


def _index_group(g: Group, n: int, by_word: dict) -> None:
    """Index group number ``n`` under each word it could be matched by: its own words (PER, ORG),
    and for ORG the words of its quoted names and of the force it commands."""
    if g.type not in ("PER", "ORG"):
        return
    words = set(g.loose_words)
    if g.type == "ORG":
        _, quoted, commanded = g.org_keys
        words.update(commanded)
        for q in quoted:
            words.update(q)
    for x in words:
        by_word.setdefault((g.type, x), []).append((n, g))


def _candidates(label: str, w: list[str], lw: tuple[str, ...], by_word: dict) -> list[Group]:
    """The groups of type ``label`` that :func:`_match` could join a mention (core words ``w``,
    loose ``lw``) to, in the order they were made: every rule of _match needs the group to hold
    the mention's first word, or (ORG) a word of the force the mention commands."""
    if label == "PER":     # (the last word too: a spelling variant of the first, سرجي / سيرغي لافروف)
        found = {n: g for x in {lw[0], lw[-1]} for n, g in by_word.get((label, x), ())}
        return [found[n] for n in sorted(found)]
    keys = set(lw) | set(loose(_commanded(w)))
    found = {n: g for x in keys for n, g in by_word.get((label, x), ())}
    return [found[n] for n in sorted(found)]


def _commanded(words: list[str]) -> list[str]:
    """القيادة العامة ل X → X (the general command of a force stands for the force)."""
    if len(words) < 3 or words[:2] != ["القياده", "العامه"]:
        return []
    rest = words[2:]
    if rest[0] == "ل":
        rest = rest[1:]
    elif rest[0].startswith("لل"):
        rest = ["ال" + rest[0][2:]] + rest[1:]
    return rest


def _match(m: Mention, w: list[str], lw: tuple[str, ...], same: list[Group]) -> Group | None:
    """The group of ``m``'s type (``same``, in the order they were made) that ``m`` (core words
    ``w``, ``lw`` without ال) joins, when no group has the same key words (see the module docstring)."""
    if m.label == "PER":
        # a name of two words or more inside a longer one that opens with another given name is a
        # father's name in a patronymic chain (محمد لباد in زينب محمد لباد), not the same person
        fits = [g for g in same if _run_of(lw, g.loose_words)
                and not (len(lw) >= 2 and g.loose_words[:len(lw)] != lw and _given_name(w[0]))]
        written = [g for g in fits if not g.built]
        if len(fits) == 1:
            return fits[0]
        if len(written) == 1:
            return written[0]
        if not fits:
            spelt = [g for g in same if _spelling_variant(lw, g.loose_words)]
            if len(spelt) == 1:
                return spelt[0]
        return None
    if m.label == "ORG":
        lex = vocabulary()
        core = loose(org_core(w))
        commanded = loose(_commanded(w))
        for g in same:
            if len(w) < len(g.words) and g.loose_words[:len(w)] == lw and (len(w) >= 2 or w[0] not in lex.org_heads):
                return g
            g_core, g_quoted, g_commanded = g.org_keys
            if g_core == core and not _other_nationality(w, g.words):
                return g        # (السفارة الأميركية is not السفارة الإيرانية)
            if any(q == lw for q in g_quoted):
                return g
            if _run_of(g.loose_words, commanded) or _run_of(lw, g_commanded):
                return g
        return None
    return None
