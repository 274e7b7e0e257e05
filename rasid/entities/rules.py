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
* known organisations by name (داعش، حزب الله، مجلس الأمن الدولي) from rasid.names.orgs.

``Rules(text, tokens, stems)`` holds one article: it finds each rule's trigger
positions once, and its walkers (``title_persons``, ``organisations``,
``place_heads``, ``known_orgs``; ``spans`` for all four) return ``(i, j, label)``
token ranges (absolute token indexes) inside a sentence's token range ``[a, b)``.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import Callable, NamedTuple

from rasid.doc.layers import Token
from rasid.entities.offices import country_word
from rasid.entities.vocabulary import ActorVocabulary, KnownVerbs, is_nisba, vocabulary
from rasid.lang.ar.normalize import strip_diacritics

__all__ = ["Rules"]

Span = tuple[int, int, str]


def _word(tok: Token) -> bool:
    return tok.kind == "word"


class _Starts(NamedTuple):
    """Token positions where each rule can start (its trigger word), in text order."""
    titles: list[int]          # a person title (الرئيس، السفير)
    org_heads: list[int]       # an organisation head (وزارة، حزب)
    place_heads: list[int]     # a place head that is not definite (محافظة، مدينة)
    known_orgs: list[int]      # the first word of a known organisation


def _rule_starts(tokens: list[Token], stems: list[str], vocab: ActorVocabulary) -> _Starts:
    """The rules' trigger positions in ``tokens``, found in one pass (the rules run once per
    sentence: they skip straight to these)."""
    triggers = _triggers(vocab)
    starts = _Starts([], [], [], [])
    if "" in triggers:      # a non-word token's key counts as "" (never so with the shipped lexicons)
        found = range(len(tokens))
    else:
        found = [i for i, key in enumerate(stems) if key in triggers]
    for i in found:
        word = tokens[i].kind == "word"
        flags = triggers.get(stems[i] if word else "")
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
    return starts


@cache
def _triggers(vocab: ActorVocabulary) -> dict[str, tuple[bool, bool, bool, bool]]:
    """Key -> (person title, organisation head, indefinite place head, first word of a known
    organisation), for the keys that are any of these."""
    first = _org_table()[1]
    keys = (set(vocab.person_titles) | set(vocab.org_heads) | set(vocab.place_heads)
            | set(vocab.place_list_heads) | set(first))
    return {k: flags for k in keys
            if any(flags := (k in vocab.person_titles, k in vocab.org_heads,
                             (k in vocab.place_heads and k not in vocab.definite_place_heads)
                             or k in vocab.place_list_heads,
                             bool(first.get(k, 0))))}


@cache
def _list_particles() -> frozenset[str]:
    """Name particles that join the word after them in a place list (البو، آل، بني، أبو)."""
    from rasid.lang.ar.lexicons import keys as lexicon_keys
    return frozenset(lexicon_keys("place_list_particles"))


def _next_start(starts: list[int], i: int, b: int) -> int:
    """The first of ``starts`` at or after ``i`` and before ``b``; else ``b``."""
    n = bisect_left(starts, i)
    return starts[n] if n < len(starts) and starts[n] < b else b


def _is_ala(text: str, tok: Token) -> bool:
    return text[tok.start:tok.end] in ("على", "وعلى")


def _name_like(key: str, lex: ActorVocabulary) -> bool:
    return (key not in lex.stop and key not in lex.phrase_end_verbs and key not in lex.person_titles
            and key not in lex.office_complements and key not in lex.org_heads and len(key) >= 2)


def _common_word(text: str, tokens: list[Token], k: int, j: int) -> bool:
    """Token j is an everyday word of the corpus (over 1,000 occurrences: العلاقات، وصلت) and the name
    ending in it is no known person (بشار الأسد is)."""
    from rasid.entities.spans import corpus_counts
    from rasid.names.known import known_person

    if corpus_counts().get(tokens[j].norm, 0) < 1000:
        return False
    return known_person(text[tokens[k].start:tokens[j].end]) is None




@cache
def _org_table() -> tuple[dict[str, str], dict[str, int]]:
    """Known organisation keys (rasid.names.orgs) and, per first word, the longest entry length."""
    from rasid.names.orgs import MEDIA_KINDS, org_index

    keys = {}
    first: dict[str, int] = {}
    for key, org in org_index().items():
        if org.kind in MEDIA_KINDS:
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

    if tok.split and any(w.kind == "proclitic" and w.norm not in ("و",) for w in tok.words):
        return False
    if tok.split and tok.words[0].norm == "و":
        return False
    org = _org_rows().get(key)
    return org is not None and strip_diacritics(text[tok.start:tok.end]) == strip_diacritics(org.arabic)


class Rules:
    """The rule walkers over one article's tokens (``stems``: each token's ``Token.stem``, as in
    ``article.token_index().stems``). ``vocab``, ``is_verb`` and ``country_of`` default to the
    shipped actor vocabulary, :class:`KnownVerbs` and :func:`rasid.entities.countries.word_country`."""

    def __init__(self, text: str, tokens: list[Token], stems: list[str] | None = None,
                 vocab: ActorVocabulary | None = None, is_verb: Callable[[Token], bool] | None = None,
                 country_of: Callable[[str], str | None] | None = None) -> None:
        if country_of is None:
            from rasid.entities.countries import word_country as country_of
        self.text = text
        self.tokens = tokens
        self.stems = stems if stems is not None else [t.stem for t in tokens]
        self.vocab = vocab or vocabulary()
        self.is_verb = is_verb or KnownVerbs()
        self.country_of = country_of
        self.starts = _rule_starts(tokens, self.stems, self.vocab)

    def spans(self, a: int, b: int) -> list[Span]:
        """Every rule's spans in the token range ``[a, b)``, rule by rule."""
        return (self.title_persons(a, b) + self.organisations(a, b) + self.place_heads(a, b) + self.known_orgs(a, b)
                + self.speech_subjects(a, b))

    def speech_subjects(self, a: int, b: int) -> list[Span]:
        """A family name that is the subject of a speech verb: وأوضح الجهيم بأنه، وبين الصباغ أن، وأكد د.
        العاصمي أن. One word between the verb (an abbreviated title may come first) and a complementizer or
        a colon, no everyday word (المصدر، الوزارة، الدراسة), title, head or country word, not one of the
        corpus's 2,000 commonest words (الأخير) nor the dual of a common word (الطرفان). The tagger misses
        such rare names; the quote finder needs them as speakers."""
        from rasid.lang.ar.speech import speech_lexicon
        from rasid.lang.ar.wordfreq import word_ranks
        from rasid.ner.everyday import everyday_words

        tokens, keys, lex = self.tokens, self.stems, self.vocab
        speech = speech_lexicon()
        verbs = speech.verbs
        ranks, everyday = word_ranks() or {}, everyday_words()
        out = []
        for k in range(a, b - 2):
            if not _word(tokens[k]) or keys[k] not in verbs:
                continue
            n = k + 1
            if len(tokens[n].norm) == 1 and n + 2 < b and self.text[tokens[n + 1].start:tokens[n + 1].end] == ".":
                n += 2                                              # م. المقبل، د.العاصمي
            if n + 1 >= b or not _word(tokens[n]):
                continue
            t, key, after = tokens[n], keys[n], tokens[n + 1]
            closes = (_word(after) and after.norm in speech.complementizers) \
                or self.text[after.start:after.end] == ":"
            if not closes or len(key) < 4 or key in everyday or ranks.get(t.norm, 2000) < 2000:
                continue
            if t.split and any(w.kind == "proclitic" for w in t.words):
                continue
            if not _name_like(key, lex) or key in lex.place_heads or self.is_verb(t) or self.country_of(key):
                continue
            if key.endswith(("ان", "ين")) and key[:-2] in ranks:
                continue                                            # الطرفان، الجانبين: two of something
            if key.endswith(("ون", "يه")) or key.endswith("ه") and key[:-1] in ranks:
                continue        # المتابعون: a group; المفوضية: an institution; معاليه، سبحانه: a pronoun
            out.append((n, n + 1, "PER"))
        return out

    def title_persons(self, a: int, b: int) -> list[Span]:
        """Persons named after a title: الفريق سالم، وزير الخارجية الكندي جون سميث."""
        text, tokens, keys, lex = self.text, self.tokens, self.stems, self.vocab
        starts = self.starts.titles
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
                if kk in lex.office_complements or is_nisba(kk) or kk in lex.org_heads or country_word(kk, lex):
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
                if j > k and (self.is_verb(t) or _common_word(text, tokens, k, j)):
                    break       # السفير جونسون عقد، الرئيس أوباما وصلت: the name ends at a verb or a common word
                if j == k and kk.startswith("ال"):
                    break
                if j > k and is_nisba(kk) and self.country_of(kk) is not None:
                    break       # الرئيس أوباما الأمريكي; but a family name like الدليمي stays
                j += 1
            if j > k:
                out.append((k, j, "PER"))
            i = _next_start(starts, max(j, i + 1), b)
        return out

    def organisations(self, a: int, b: int) -> list[Span]:
        """Organisations from their head noun: وزارة الداخلية الليبية، السفارة البريطانية."""
        text, tokens, keys, lex, country_of = self.text, self.tokens, self.stems, self.vocab, self.country_of
        starts = self.starts.org_heads
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
                if not _word(t) or t.conj:
                    break
                kk = keys[j]
                if kk == "ل" and j + 1 < b and tokens[j + 1].kind == "quote":      # لـ«الجيش الوطني»
                    j += 1
                    continue
                if kk in lex.office_complements or kk in lex.org_heads and j == i + 1:
                    named = named or key not in lex.generic_org_heads or kk not in ("العام", "العامه")
                    last = j
                    j += 1
                    continue
                if is_nisba(kk):
                    named = named or key not in lex.generic_org_heads
                    last = j
                    j += 1
                    continue
                if country_of(kk) and not kk.startswith("ال"):
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

    def place_heads(self, a: int, b: int) -> list[Span]:
        """Places after an indefinite place head: محافظة إب، مدينة الرمادي، العاصمة التركية أنقرة."""
        tokens, keys, lex = self.tokens, self.stems, self.vocab
        starts = self.starts.place_heads
        out = []
        for i in starts[bisect_left(starts, a):bisect_left(starts, b - 1)]:
            tok = tokens[i]
            if _word(tok) and keys[i] in lex.place_list_heads:
                out += self._place_list(i + 1, b)
                continue
            if not _word(tok) or keys[i] not in lex.place_heads or keys[i] in lex.definite_place_heads:
                continue
            k = i + 1
            while k < b and _word(tokens[k]) and is_nisba(keys[k]) and self.country_of(keys[k]):
                k += 1                                                  # العاصمة التركية أنقرة
            if k < b and _word(tokens[k]):
                t = tokens[k]
                kk = keys[k]
                proclitic = t.split and t.words[0].kind == "proclitic"
                # a nisba-shaped word is a name only with its article (قاعدة الحبانية، not منطقة صناعية)
                nisba_like = is_nisba(kk) and (self.country_of(kk) or not kk.startswith("ال"))
                if _name_like(kk, lex) and not proclitic and not nisba_like and kk not in lex.place_heads:
                    out.append((i, k + 1, "LOC"))
        return out

    def _place_list(self, k: int, b: int) -> list[Span]:
        """The coordinated names after a plural place head, each a place: الشيحة والدواية والبو جاسم.
        A name is one word (definite when nisba-shaped), or a name particle and a word (البو جاسم);
        the list ends at the first word that is no such name or is not joined by و."""
        from rasid.ner.everyday import everyday_words

        tokens, keys, lex = self.tokens, self.stems, self.vocab
        particles, everyday = _list_particles(), everyday_words()

        def name_word(n: int) -> bool:
            kk = keys[n]
            nisba_like = is_nisba(kk) and (self.country_of(kk) or not kk.startswith("ال"))
            return (_name_like(kk, lex) and not nisba_like and kk not in lex.place_heads
                    and kk not in everyday and not self.is_verb(tokens[n]))

        def compound(n: int) -> bool:
            """An everyday noun that may open a two-word place name (خور مكسر، رأس تنورة، جبل علي):
            bare (no article), no verb, no head, not nisba-shaped."""
            kk = keys[n]
            return (_name_like(kk, lex) and kk in everyday and not kk.startswith("ال") and not is_nisba(kk)
                    and kk not in lex.place_heads and not self.is_verb(tokens[n]))

        out: list[Span] = []
        first = True
        while k < b and _word(tokens[k]) and (first or tokens[k].conj):
            end = k + 1
            if keys[k] in particles and end < b and _word(tokens[end]) and not tokens[end].conj:
                end += 1                                    # البو جاسم، آل خليفة
            elif not first and tokens[k].split and any(w.kind == "proclitic" and w.norm != "و"
                                                       for w in tokens[k].words):
                break                                       # وبمحافظة ...: no longer the list
            elif not name_word(k) and not (compound(k) and end < b and _word(tokens[end])
                                           and not tokens[end].conj and not tokens[end].split and name_word(end)):
                break
            if end < b and _word(tokens[end]) and not tokens[end].conj and not tokens[end].split \
                    and name_word(end):
                end += 1                                    # خور مكسر: a two-word name
            out.append((k, end, "LOC"))
            first = False
            k = end
        return out

    def known_orgs(self, a: int, b: int) -> list[Span]:
        """Longest matches of the known-organisations lexicon (داعش، حزب الله، مجلس الأمن الدولي …)."""
        text, tokens, keys = self.text, self.tokens, self.stems
        known, first = _org_table()
        prefixes = _org_prefixes()
        starts = self.starts.known_orgs
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
                if not _word(t) or (words and t.conj):
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
