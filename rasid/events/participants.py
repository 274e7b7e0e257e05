"""The participants of an event decided at a trigger: who did it (source) and to whom (target).

    find_participants(article, sentence_index, first, last, trigger, type_) -> list[Participant]

``first``/``last`` is the trigger's token range ``[first, last)`` in ``article.tokens``, ``trigger``
the :class:`rasid.lang.ar.triggers.Trigger` reading and ``type_`` the PLOVER type decided for it.

A participant is a named entity of the article (a person, an organisation, or a country or capital
used as an actor) or a **descriptive actor**: a noun phrase that names a kind of actor (مسلحون
مجهولون، قوات الأمن العراقية، الشرطة، متظاهرون، عمال الميناء، جنديين), matched on token stems against
the actor lexicon (``actor_nouns.tsv``, rasid's own, over ``actor_nouns_up.tsv``, generated from
UniversalPetrarch) with its sector code, its country from a nisba adjective in the phrase. Newswires,
dates, places after a locative preposition (في بغداد) and the trigger itself are never participants.

Roles come from the structure of the trigger's clause (the sentence cut at a complementizer, a
relative pronoun, a comma or another verb):

* passive or agentless clauses make the subject the TARGET: a victim verb (أصيب، استشهد، لقي مصرعه),
  a written passive (قُتل), an agentless auxiliary (تم اعتقال X), an exposure verb (تعرض X لهجوم), a
  transitive verb whose only actor after it is a victim-like one (قتل جنديان، اعتقل مطلوبون); the
  agent after على يد، من قبل، برصاص، بنيران، شنه، تبناه is the SOURCE;
* a verbal noun takes its arguments: its genitive is the TARGET of a hostile noun without a
  preposition of its own (اغتيال X، مقتل X، اعتقال X), else the SOURCE (هجوم X على Y، زيارة X); its
  preposition's complement is the TARGET; the subject of a light verb before it (شن X هجوما) the SOURCE;
* a verb's subject (after it, or fronted before it in the clause) is the SOURCE and its object or
  prepositional complement (``trigger.preps``) the TARGET; ``trigger.source == "object"`` swaps them;
* inside a statement, a pronoun-bearing actor (قواته) or a complementizer with a pronoun (أنه قتل)
  stands for the statement's speaker.

An event may have only a source or only a target: nothing is invented. All per-article work (the
actors of a sentence) is done once per sentence and kept while the same article is asked about.

These rules are one fact among others for the learned role choice (:mod:`rasid.events.roles`), which
:func:`role_options` feeds: every actor that may fill a role, with its facts. The actor lexicon also
holds the words learned from the annotated corpus (``rasid/models/events/actor_nouns_learned.tsv``).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable

from rasid.doc.layers import Participant, Token
from rasid.entities.kinds import named_before, organisation_heads
from rasid.lang.ar.lexicons import data, keys, table
from rasid.lang.ar.normalize import norm_key
from rasid.lang.ar.triggers import Trigger

__all__ = ["find_participants", "role_options", "RoleOption", "RoleOptions", "ActorLexicon", "actor_lexicon",
           "ActorNoun", "is_quantity_word", "learned_actor_rows", "LEARNED_NOUNS"]

_STRONG_PUNCT = frozenset(".!?؟؛;:")
_COMMA = frozenset("،,")
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "PROTEST"})
_PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_ACTOR_LOC = frozenset({"country", "capital"})
_DAMMA = "\u064f"
_MAX_LEFT = 9           # tokens a clause reaches back from its trigger
_MAX_RIGHT = 14         # ... and forward
_AGENTIVE_SECTORS = frozenset({"UAF", "INS", "REB"})   # an actor of these sectors after a verb is its agent


# --------------------------------------------------------------------------- the lexicons

@dataclass(frozen=True, slots=True)
class ActorNoun:
    """One entry of the actor lexicon."""

    sector: str | None       # sector code, or None (an actor of no clear sector)
    member: bool = False     # takes the sector and entity of the actor named right after it


def _bare(key: str) -> str:
    """A stem key without its leading article (kept when fewer than 3 letters would remain)."""
    return key[2:] if key.startswith("ال") and len(key) >= 5 else key


def _forms(k: str, sound: bool) -> set[str]:
    """The written forms of an actor word (norm_key, no article): sound plural, dual, feminine,
    construct and tanwin forms when ``sound``, else the word and its tanwin form."""
    out = {k}
    morph = _morphology()
    if k.endswith("ه"):                   # feminine: شرطه -> شرطات، دوريتان
        b = k[:-1]
        if sound:
            out |= {b + s for s in morph["feminine_sound_suffixes"]}
        return out
    if not k.endswith(("ا", "ي", "و")):
        out.add(k + "ا")
    if sound:
        out |= {k + s for s in morph["sound_suffixes"]}
        if not k.endswith("ي"):
            out.add(k + "ي")              # مسلحي داعش
    return out


@cache
def _morphology() -> dict[str, tuple[str, ...]]:
    """The endings lists of participant_cues.json, as norm_key tuples."""
    d = data("participant_cues")
    return {k: tuple(norm_key(x) for x in d[k]) for k in (
        "sound_suffixes", "feminine_sound_suffixes", "nisba_suffixes", "nationality_noun_endings",
        "pronoun_member_bases")}


class ActorLexicon:
    """Descriptive actor words and phrases, keyed by every written form (norm_key, no article)."""

    def __init__(self, rows: list[tuple[str, str, str, str]]) -> None:
        # rows: (key words space-joined, sector, forms, member), later rows win
        self.single: dict[str, ActorNoun] = {}
        self.phrases: dict[str, list[tuple[tuple[frozenset[str], ...], ActorNoun]]] = {}
        blocked: set[str] = set()
        for words, sector, forms, member in rows:
            ws = [_bare(norm_key(w)) for w in words.split()]
            if not ws:
                continue
            if sector == "-":
                blocked.add(" ".join(ws))
                continue
            noun = ActorNoun(sector or None, member == "member")
            sound = forms == "sound"
            if len(ws) == 1:
                for f in _forms(ws[0], sound):
                    self.single[f] = noun
            else:
                sets = tuple(frozenset(_forms(w, sound)) for w in ws)
                for f in sets[0]:
                    lst = self.phrases.setdefault(f, [])
                    lst[:] = [p for p in lst if p[0] != sets]
                    lst.append((sets, noun))
        for b in blocked:
            if " " in b:
                self.phrases.pop(b.split()[0], None)
            else:
                self.single.pop(b, None)
        for lst in self.phrases.values():
            lst.sort(key=lambda p: -len(p[0]))       # longest phrase first
        self._may: dict[str, bool] = {}

    def may_start(self, key: str) -> bool:
        """Whether an actor may start at a word with stem ``key``: an actor word or phrase start, a
        pronoun form of one, or a nationality noun's ending (kept per key: most words are none)."""
        v = self._may.get(key)
        if v is None:
            if len(self._may) >= 100_000:
                self._may.clear()
            b = _bare(key)
            morph = _morphology()
            v = b in self.single or b in self.phrases or key.endswith(morph["nationality_noun_endings"]) or any(
                b.endswith(s) and b[:-len(s)] in self.single for s in _cues().suffixes)
            self._may[key] = v
        return v

    def match(self, stems: list[str], k: int, end: int) -> tuple[int, ActorNoun] | None:
        """The actor phrase at token ``k`` (stems without proclitics): its length and entry, or None."""
        key = _bare(stems[k])
        for sets, noun in self.phrases.get(key, ()):
            n = len(sets)
            if k + n <= end and all(_bare(stems[k + i]) in sets[i] for i in range(1, n)):
                return n, noun
        noun = self.single.get(key)
        return (1, noun) if noun is not None else None


LEARNED_NOUNS = Path(__file__).resolve().parents[1] / "models" / "events" / "actor_nouns_learned.tsv"


def is_quantity_word(stem: str) -> bool:
    """A number word or quantifier (ثلاثة، عشرات، بعض): never an actor word of its own."""
    cues = _cues()
    return stem in cues.numbers or _bare(stem) in cues.numbers or stem in cues.quantity


def learned_actor_rows(path: Path = LEARNED_NOUNS) -> list[tuple[str, str, str, str]]:
    """The actor words learned from the annotated corpus (``make train``: rasid.train.roles): head words
    of descriptive parties that the curated lexicons lack, with their most frequent sector."""
    from rasid.tables import tsv_rows

    return [(word, "" if sector == "None" else sector, "", "") for word, sector, *_ in tsv_rows(path)]


@cache
def actor_lexicon() -> ActorLexicon:
    """The shipped actor lexicon: the words learned from the annotated corpus, actor_nouns_up.tsv
    (UniversalPetrarch), then actor_nouns.tsv (rasid's); later rows win."""
    # a one-word nisba noun (سياسي، عسكري، إرهابي) takes its sound plural and dual forms
    rows = learned_actor_rows()
    rows += [(r["key"], r["sector"], "sound" if " " not in r["key"] and r["key"].endswith("ي") and len(r["key"]) >= 4
              else "", "") for r in table("actor_nouns_up")]
    rows += [(r["word"], r["sector"], r["forms"], r["member"]) for r in table("actor_nouns")]
    return ActorLexicon(rows)


@dataclass(frozen=True)
class _Cues:
    agent_one: frozenset[str]                # single-word agent cues (شنه، تبناه)
    agent_b: frozenset[str]                  # agent cues written with ب (برصاص): their stem after ب
    agent_two: frozenset[tuple[str, str]]    # two-word agent cues (على يد، من قبل)
    agentless: frozenset[str]
    exposure: frozenset[str]
    victim: frozenset[str]
    stops: frozenset[str]
    comp_pron: frozenset[str]
    locative: frozenset[str]
    quantity: frozenset[str]
    numbers: frozenset[str]
    suffixes: tuple[str, ...]
    light_before: frozenset[str]
    agencies: frozenset[str]
    prepositions: frozenset[str]
    object_nouns: frozenset[str]


def _squash(s: str) -> str:
    return norm_key(s).replace(".", "").replace(" ", "")


@cache
def _cues() -> _Cues:
    d = data("participant_cues")
    one, b, two = set(), set(), set()
    for p in d["agent_phrases"]:
        ws = [norm_key(w) for w in p.split()]
        if len(ws) == 2:
            two.add((ws[0], ws[1]))
        elif ws[0].startswith("ب"):
            b.add(ws[0][1:])
        else:
            one.add(ws[0])
    light = data("light_verbs")
    return _Cues(
        frozenset(one), frozenset(b), frozenset(two),
        frozenset(map(norm_key, d["agentless_auxiliaries"])), frozenset(map(norm_key, d["exposure_verbs"])),
        frozenset(map(norm_key, d["victim_verbs"])),
        frozenset(norm_key(w) for w in d["clause_stops"] if " " not in w),
        frozenset(map(norm_key, d["complementizers_with_pronoun"])),
        frozenset(map(norm_key, d["locative_prepositions"])),
        frozenset(map(norm_key, d["quantifiers"])),
        frozenset(norm_key(w) for w in d["number_words"] if " " not in w),
        tuple(sorted((norm_key(s) for s in d["pronoun_suffixes"]), key=len, reverse=True)),
        frozenset(map(norm_key, light["before_noun"])) | frozenset(map(norm_key, d["governing_verbs"])),
        frozenset(_squash(a) for a in data("boilerplate")["agencies"]),
        frozenset(keys("prepositions")), frozenset(_bare(norm_key(w)) for w in d["object_nouns"]))


@cache
def _known_verbs():
    from rasid.entities.vocabulary import KnownVerbs

    return KnownVerbs()


# --------------------------------------------------------------------------- actors of a sentence

@dataclass(slots=True)
class _Actor:
    i: int                    # token range [i, j)
    j: int
    start: int                # character span in article.text
    end: int
    kind: str                 # named | descriptive
    entity: str | None
    sector: str | None
    country: str | None
    pronoun: bool = False     # a pronoun-bearing word (قواته)
    number: bool = False      # a bare number (مقتل ثلاثة)
    prep: str | None = None   # the preposition governing it ("agent" for على يد، برصاص …)
    head: int = 0             # the first token of its noun phrase (quantifiers and numbers included)

    @property
    def counted(self) -> bool:
        """A number or quantifier stands before it (ستة من المتمردين، 42 جنديا): a casualty count."""
        return self.head < self.i


class _ArticleActors:
    """The actors of each sentence of one article, computed when first asked."""

    def __init__(self, article) -> None:
        self.article = article
        self.tokens: list[Token] = article.tokens
        self.text: str = article.text
        idx = article.token_index()
        self.starts = idx.starts
        self.stems: list[str] = idx.stems
        self.entities = {e.id: e for e in article.entities}
        self.entity_of = {mid: e.id for e in article.entities for mid in e.mentions}
        self.times = sorted((t.start, t.end) for t in article.times)
        self.by_sentence: dict[int, list[_Actor]] = {}
        # per sentence, the words that start an actor phrase of the lexicon without making one (اللجنة،
        # المقاومة، المجتمع الدولي: too vague to be actors by rule): options for the learned roles only
        self.weak_by_sentence: dict[int, list[_Actor]] = {}
        self._verb: dict[int, bool] = {}
        self._gaps: dict[int, tuple[list[int], list[int]]] = {}
        # the article's mentions by start (with their place in article order), so a sentence's are
        # found by bisection, not by reading them all for every sentence
        self._by_start = sorted((m.start, n) for n, m in enumerate(article.mentions))
        self._org_heads: list | None = None
        self._starts = [s for s, _ in self._by_start]

    # ---- token facts
    def is_verb(self, k: int) -> bool:
        v = self._verb.get(k)
        if v is None:
            tok = self.tokens[k]
            v = self._verb[k] = tok.kind == "word" and _known_verbs()(tok)
        return v

    def is_quantity(self, k: int, cues: _Cues) -> bool:
        tok = self.tokens[k]
        if tok.kind == "number":
            return True
        return tok.kind == "word" and (self.stems[k] in cues.quantity or _bare(self.stems[k]) in cues.numbers
                                       or self.stems[k] in cues.numbers)

    def _in_time(self, start: int, end: int) -> bool:
        i = bisect_left(self.times, (end, end))
        return any(s < end and start < e for s, e in self.times[max(0, i - 3):i])

    # ---- the actors
    def actors(self, si: int) -> list[_Actor]:
        acts = self.by_sentence.get(si)
        if acts is None:
            acts = self.by_sentence[si] = self._build(si)
        return acts

    def gap_counts(self, si: int) -> tuple[list[int], list[int]]:
        """For the sentence's tokens from its first: how many verbs, and how many clause punctuation
        marks (،,.:؛;), come before each (prefix counts, one more than its tokens), so whether a gap
        holds one is a subtraction."""
        hit = self._gaps.get(si)
        if hit is None:
            sent = self.article.sentences[si]
            verbs, puncts = [0], [0]
            for k in range(sent.token_start, sent.token_end):
                tok = self.tokens[k]
                verbs.append(verbs[-1] + self.is_verb(k))
                puncts.append(puncts[-1] + (tok.kind != "word" and self.text[tok.start:tok.end] in _GAP_PUNCT))
            hit = self._gaps[si] = (verbs, puncts)
        return hit

    def weak_actors(self, si: int) -> list[_Actor]:
        """The sentence's words that start an actor phrase of the lexicon without making one (with the
        nisba adjectives after them: الرئيس اليمني), not actors for the rules: options for the learned
        role model, which weighs them by their word."""
        self.actors(si)
        return self.weak_by_sentence.get(si, [])

    def _named(self, lo: int, hi: int, sent) -> list[_Actor]:
        cues = _cues()
        out = []
        mentions = self.article.mentions
        inside = self._by_start[bisect_left(self._starts, sent.start):bisect_left(self._starts, sent.end)]
        for n in sorted(n for _, n in inside):     # article order
            m = mentions[n]
            eid = self.entity_of.get(m.id)
            e = self.entities.get(eid) if eid else None
            if e is None:
                continue
            if e.type == "LOC":
                if e.geo is None or e.geo.feature not in _ACTOR_LOC:
                    continue
            elif e.type not in ("PER", "ORG"):
                continue
            if _squash(m.text) in cues.agencies or _squash(e.name) in cues.agencies or self._in_time(m.start, m.end):
                continue
            i = max(bisect_left(self.starts, m.start + 1) - 1, 0)
            j = max(bisect_left(self.starts, m.end), i + 1)
            sector = e.sector or self._named_sector(e, i, j)
            country = e.country or (e.geo.country if e.geo is not None else None)
            out.append(_Actor(i, j, m.start, m.end, "named", e.id, sector, country))
        return out

    def _referent(self, k: int):
        """The organisation a definite kind noun at token ``k`` stands for (التنظيم، الحركة، الوزارة): the
        one named last before it whose name opens with that noun (تنظيم داعش، حركة حماس), else None."""
        key = self.stems[k]
        if not key.startswith("ال") or len(key) < 5:
            return None
        if self._org_heads is None:         # (start, head word, entity) of each organisation's name
            def head_of(m):
                words = m.norm.split() if m.norm else []
                return _bare(words[0]) if len(words) > 1 and self.entities[self.entity_of[m.id]].type == "ORG" \
                    else None
            self._org_heads = organisation_heads(self.article.mentions, self.entity_of, head_of)
        eid = named_before(self._org_heads, self.tokens[k].start, _bare(key))
        return self.entities[eid] if eid is not None else None

    def _named_sector(self, e, i: int, j: int) -> str | None:
        if e.type == "LOC":
            return "GOV"
        hit = actor_lexicon().match(self.stems, i, j)
        if hit is not None and hit[1].sector:
            return hit[1].sector
        if e.type == "PER":
            from rasid.entities.vocabulary import vocabulary

            titles = vocabulary().person_titles
            for r in e.roles:
                first = norm_key(r.title).split()[:1]
                s = titles.get(first[0]) if first else None
                if s:
                    return s
        return None

    def _build(self, si: int) -> list[_Actor]:
        from rasid.entities.countries import word_country
        from rasid.entities.vocabulary import is_nisba

        sent = self.article.sentences[si]
        lo, hi = sent.token_start, sent.token_end
        cues, lex = _cues(), actor_lexicon()
        tokens, stems = self.tokens, self.stems
        named = self._named(lo, hi, sent)
        said = _saying_participles()
        covered: dict[int, _Actor] = {}
        for a in named:
            for k in range(a.i, a.j):
                covered[k] = a
        desc: list[_Actor] = []
        weak: list[_Actor] = []
        k = lo
        while k < hi:
            tok = tokens[k]
            if k in covered or tok.kind != "word" or not lex.may_start(stems[k]) or stems[k] in said:
                k += 1          # (a participle of saying, مشيرا، مؤكدا, is never an actor: مشير)
                continue
            hit = lex.match(stems, k, hi)
            if hit is not None and self._adjective(k):
                k += 1
                continue
            pronoun = False
            if hit is None:
                hit, pronoun = self._pronoun_form(k, lex, cues), True
            if hit is None:
                country = self._nationality(k, word_country, is_nisba)
                if country is not None:
                    desc.append(_Actor(k, k + 1, tok.start, tok.end, "descriptive", None, None, country))
                else:
                    j, country = k + 1, None
                    while j < hi and j - k < 3 and tokens[j].kind == "word" and not tokens[j].conj and \
                            (c := _nisba_country(stems[j])) is not None:
                        country, j = country or c, j + 1
                    weak.append(_Actor(k, j, self._word_start(tok), tokens[j - 1].end, "descriptive", None,
                                       None, country))
                k += 1
                continue
            n, noun = hit
            sector, country, entity, kind = noun.sector, None, None, "descriptive"
            j = k + n
            start, end = self._word_start(tok), tokens[j - 1].end
            while j < hi and j - k < 5 and not pronoun:
                t = tokens[j]
                if t.kind == "quote" and noun.member and j + 1 < hi and j + 1 in covered:
                    j += 1          # قوات «داعش»
                    continue
                if t.kind != "word":
                    break
                inner = covered.get(j)
                if inner is not None:
                    if noun.member and inner.i == j and not t.split:
                        # عناصر تنظيم القاعدة، قادة الجيش الأمريكي: the named actor inside
                        entity, kind = inner.entity, "named"
                        sector, country = inner.sector or sector, inner.country
                        end = inner.end
                        for x in range(inner.i, inner.j):
                            covered.pop(x, None)
                        named.remove(inner)
                        j = inner.j
                    break
                key = stems[j]
                c = _nisba_country(key)
                if c is not None:
                    country = country or c
                    end, j = t.end, j + 1
                    continue
                more = lex.match(stems, j, hi) if not t.conj else None
                if more is not None and _describes(stems[j - 1], key, noun.member):
                    m_n, m_noun = more
                    if noun.member or not sector:
                        sector = m_noun.sector or sector
                    end, j = tokens[j + m_n - 1].end, j + m_n
                    continue
                break
            if kind == "descriptive" and j == k + 1 and not pronoun:
                ref = self._referent(k)
                if ref is not None:     # التنظيم after تنظيم داعش: that organisation
                    entity, kind = ref.id, "named"
                    sector, country = ref.sector or sector, ref.country or country
            desc.append(_Actor(k, j, start, end, kind, entity, sector, country, pronoun=pronoun))
            k = j
        acts = sorted(named + desc, key=lambda a: a.i)
        for a in acts + weak:
            a.prep, a.head = self._governor(a.i, lo, cues)
        self.weak_by_sentence[si] = [w for w in weak if not any(a.i < w.j and w.i < a.j for a in acts)]
        # a title before a person's name is one actor with it (الملك سلمان، خادم الحرمين الشريفين الملك
        # سلمان، السيناتورة الأمريكية X): the person
        merged: list[_Actor] = []
        for a in acts:
            prev = merged[-1] if merged else None
            if prev is not None and prev.j == a.i and a.kind == "named" and not prev.pronoun and \
                    self.entities[a.entity].type == "PER" and not tokens[a.i].conj and a.prep is None:
                merged[-1] = _Actor(prev.i, a.j, prev.start, a.end, "named", a.entity, a.sector or prev.sector,
                                    a.country or prev.country, prep=prev.prep, head=prev.head)
                continue
            merged.append(a)
        return merged

    def _adjective(self, k: int) -> bool:
        """An actor word used as the adjective of the event noun before it (هجوم انتحاري، هجوم مسلح،
        العملية الانتحارية): same definiteness as a noun the trigger lexicon reads."""
        if k == 0 or self.tokens[k - 1].kind != "word" or self.tokens[k].conj:
            return False
        from rasid.lang.ar.triggers import event_lexicon

        prev = self.tokens[k - 1]
        readings = event_lexicon().token_readings(prev)
        if not readings or any(r.pos in ("verb", "participle") for r in readings):
            return False                # a verb (or a form read as one) takes the actor as its argument
        if self.stems[k - 1].startswith("ال") != self.stems[k].startswith("ال"):
            return False
        # an adjective has an adjective's shape: a nisba (انتحاري، الإرهابية) or a participle (مسلح،
        # مجهولين); a noun after the event noun is its complement, the one who acts or is acted on
        # (زيارة وزير الخارجية، اعتقال عناصر)
        word = _bare(self.stems[k])
        return word.endswith(("ي", "يه", "يين", "يون")) or word.startswith("م")

    def _word_start(self, tok: Token) -> int:
        """Where a word starts without its conjunction (وقوات -> قوات); other proclitics stay."""
        if tok.conj:
            return tok.words[1].start if len(tok.words) > 1 else tok.start
        return tok.start

    def _pronoun_form(self, k: int, lex: ActorLexicon, cues: _Cues) -> tuple[int, ActorNoun] | None:
        key = _bare(self.stems[k])
        for suf in cues.suffixes:
            if key.endswith(suf) and len(key) - len(suf) >= 3:
                noun = lex.single.get(key[:-len(suf)])
                if noun is not None and (not noun.member or key[:-len(suf)] in
                                         _morphology()["pronoun_member_bases"]):
                    return 1, noun
        return None

    def _nationality(self, k: int, word_country, is_nisba) -> str | None:
        """A nationality used as a noun (فلسطينيين، إسرائيليا): a plural, dual or tanwin nisba not after a
        noun it describes."""
        key = self.stems[k]
        if not key.endswith(_morphology()["nationality_noun_endings"]) or len(key) < 6:
            return None
        prev = self.tokens[k - 1] if k > 0 else None
        if prev is not None and prev.kind == "word" and not (self.is_quantity(k - 1, _cues())
                                                             or prev.kind == "number"):
            p = _bare(self.stems[k - 1])
            if p not in _cues().prepositions and p not in ("من",) and not self.is_verb(k - 1):
                return None
        return _nisba_country(key)

    def _governor(self, i: int, lo: int, cues: _Cues) -> tuple[str | None, int]:
        """The preposition that governs the noun phrase at token ``i`` ("agent" for an agent cue) and
        the first token of the phrase (quantifiers and numbers before it included)."""
        tokens, stems = self.tokens, self.stems
        tok = tokens[i]
        if i - 1 >= lo and tokens[i - 1].kind == "word" and _bare(stems[i - 1]) in cues.object_nouns:
            return "object", i - 1          # أهدافا لتنظيم الدولة، مواقع الحوثيين: the object stands for it
        if tok.kind == "word":
            for p in tok.pieces:
                if p[3] == "proclitic" and p[2] in ("ب", "ل", "ك"):
                    return p[2], i
        j = i - 1
        # skip quantifiers and numbers (عشرات من، 5 من، نحو ثلاثة)
        if j >= lo and stems[j] == "من" and j - 1 >= lo and self.is_quantity(j - 1, cues):
            j -= 1
        while j >= lo and i - j <= 4 and self.is_quantity(j, cues) and stems[j] != "من":
            j -= 1
        head = j + 1
        if j < lo:
            return None, head
        t = tokens[j]
        s = stems[j]
        if t.kind != "word":
            return None, head
        if s in cues.agent_one:
            return "agent", head
        if s in cues.agent_b and t.split and any(p[2] == "ب" and p[3] == "proclitic" for p in t.pieces):
            return "agent", head
        if j - 1 >= lo and (stems[j - 1], s) in cues.agent_two:
            return "agent", head
        if s in cues.prepositions or s in cues.locative:
            return s, head
        if j - 1 >= lo and s in _place_heads() and stems[j - 1] in cues.locative:
            return stems[j - 1], head       # في العاصمة طرابلس، إلى مدينة الرياض: a place, as after في
        return None, head


@cache
def _saying_participles() -> frozenset[str]:
    """The participles of saying (مشيرا، مؤكدا، مضيفا) as token stems: the speech lexicon's."""
    from rasid.lang.ar.speech import speech_lexicon

    return frozenset(speech_lexicon().participles)


@cache
def _place_heads() -> frozenset[str]:
    """Nouns that head a place name (العاصمة، مدينة، محافظة …), as token stems."""
    from rasid.geo.names import HEADS

    return frozenset(HEADS)


def _nisba_country(key: str) -> str | None:
    """The country of a nisba adjective or nationality noun in any form (العراقية، عراقيين، عراقيا،
    باكستانيون), else None."""
    from rasid.entities.countries import word_country

    if len(key) < 4:
        return None
    bare = _bare(key)
    for suf in _morphology()["nisba_suffixes"]:
        if bare.endswith(suf) and len(bare) - len(suf) >= 3:
            base = bare[:-len(suf)] + "ي"
            return word_country("ال" + base) or word_country(base)
    return None


def _describes(prev: str, key: str, member: bool) -> bool:
    """Whether the actor word ``key`` right after ``prev`` belongs to its phrase: the genitive of a
    membership noun or of an indefinite construct (عناصر الشرطة، طلاب الجامعة), or a describing word in
    agreement, same article and same ending (مسلحون مجهولون، المسلحين المجهولين)."""
    definite, prev_definite = key.startswith("ال"), prev.startswith("ال")
    if definite and (member or not prev_definite):
        return True
    if definite != prev_definite:
        return False
    return any(prev.endswith(e) and key.endswith(e) for e in _morphology()["sound_suffixes"] if len(e) > 1)


_LAST: list = [None, None]
_CARRY = False


def _actors_of(article) -> _ArticleActors:
    """The actor tables of ``article``, kept while the same article (and token list) is asked about."""
    art, acts = _LAST
    if art is not article or acts.tokens is not article.tokens:
        acts = _ArticleActors(article)
        _LAST[0], _LAST[1] = article, acts
    return acts


# --------------------------------------------------------------------------- roles

def _clause(A: _ArticleActors, lo: int, hi: int, first: int, last: int, verb: bool, cues: _Cues
            ) -> tuple[int, int, bool]:
    """The clause of a trigger: token range ``[cl, cr)`` and whether it opens with a complementizer
    that carries a pronoun (أنه، أنها)."""
    tokens, stems, text = A.tokens, A.stems, A.text
    cl, comp = max(lo, first - _MAX_LEFT), False
    for j in range(first - 1, cl - 1, -1):
        t = tokens[j]
        if t.kind != "word":
            if text[t.start:t.end] in _STRONG_PUNCT or text[t.start:t.end] in _COMMA:
                cl = j + 1
                break
            continue
        s = stems[j]
        if s in cues.stops:
            cl, comp = j + 1, s in cues.comp_pron
            break
        if verb and A.is_verb(j) and j < first:
            cl = j + 1
            break
    cr = min(hi, last + _MAX_RIGHT)
    for j in range(last, cr):
        t = tokens[j]
        if t.kind != "word":
            if text[t.start:t.end] in _STRONG_PUNCT or text[t.start:t.end] in _COMMA:
                cr = j
                break
            continue
        if stems[j] in cues.stops or (A.is_verb(j) and (t.conj or text[tokens[j - 1].start:tokens[j - 1].end] in _COMMA)):
            cr = j
            break
    return cl, cr, comp


def _masdar(A: _ArticleActors, k: int, lo: int, cues: _Cues) -> bool:
    """A verb reading used as a verbal noun: after a preposition (نجح في قتل) or with ب / ل on it
    (بقصف، لقتل), or with the article."""
    tok = A.tokens[k]
    if tok.split and any(p[3] == "article" or (p[3] == "proclitic" and p[2] in ("ب", "ل")) for p in tok.pieces):
        return True
    return k > lo and A.stems[k - 1] in cues.prepositions


def _speaker(article, pos: int) -> str | None:
    for q in article.quotes:
        if q.start <= pos < q.end and q.speaker:
            return q.speaker
    return None


def _passive_written(A: _ArticleActors, k: int) -> bool:
    """A past verb written with its passive vowel (قُتل، اُعتقل، أُصيب)."""
    tok = A.tokens[k]
    w = A.text[tok.start:tok.end]
    if tok.split:
        stem = [p for p in tok.pieces if p[3] == "stem"]
        if stem:
            w = w[stem[0][0]:]
    return _DAMMA in w[:4]


def _victim_like(a: _Actor, type_: str) -> bool:
    if a.number or a.counted:
        return True
    if a.kind == "named":
        return a.sector not in _AGENTIVE_SECTORS and a.sector != "MIL" and (
            type_ == "COERCE" or a.sector not in ("GOV",))
    return a.sector not in _AGENTIVE_SECTORS


def _number_target(A: _ArticleActors, last: int, cr: int, cues: _Cues) -> _Actor | None:
    """A bare number right after the trigger that no actor noun follows (مقتل ثلاثة، قتل 5)."""
    k = last
    if k < cr and A.tokens[k].kind in ("number", "word") and (
            A.tokens[k].kind == "number" or A.stems[k] in cues.numbers):
        nxt = k + 1
        if nxt < cr and A.tokens[nxt].kind == "word" and A.stems[nxt] not in cues.locative and \
                A.stems[nxt] not in cues.prepositions:
            return None
        t = A.tokens[k]
        return _Actor(k, k + 1, t.start, t.end, "descriptive", None, None, None, number=True, head=k)
    return None


def _participant(A: _ArticleActors, role: str, a: _Actor, speaker: str | None) -> Participant:
    entity, kind, sector, country = a.entity, a.kind, a.sector, a.country
    if a.pronoun and speaker is not None:
        e = A.entities.get(speaker)
        entity, kind = speaker, "named"
        if e is not None:
            country = e.country or country
    return Participant(role, a.start, a.end, A.text[a.start:a.end], kind, entity, sector, country)


def find_participants(article, sentence_index: int, first: int, last: int, trigger: Trigger,
                      type_: str) -> list[Participant]:
    """The source and target of the event whose trigger is tokens ``[first, last)`` of sentence
    ``sentence_index`` (each role at most once; either may be missing)."""
    A = _actors_of(article)
    cues = _cues()
    sent = article.sentences[sentence_index]
    lo, hi = sent.token_start, sent.token_end
    tokens, stems = A.tokens, A.stems
    pos = trigger.pos
    if pos == "phrase":
        pos = "verb" if A.is_verb(first) else "noun"
    if pos == "verb" and _masdar(A, first, lo, cues):
        pos = "noun"
    verb = pos in ("verb", "participle")
    cl, cr, comp = _clause(A, lo, hi, first, last, verb, cues)
    acts = [a for a in A.actors(sentence_index) if cl <= a.i and a.j <= cr and not (a.i < last and first < a.j)]
    before = [a for a in acts if a.j <= first]
    after = [a for a in acts if a.i >= last]
    plain_before = [a for a in before if a.prep is None]
    hostile = type_ in _HOSTILE
    preps = set(trigger.preps)
    if hostile:
        preps |= {"علي", "ضد"}
    if trigger.symmetric or not hostile:
        preps.add("مع")
    if not verb or type_ not in ("ASSAULT", "COERCE", "PROTEST"):
        preps |= {"ل", "الي"}       # شكره لـ X، التهنئة لـ X، وافقت على السماح للجيش
    agents = [a for a in acts if a.prep == "agent"]
    speaker = _speaker(article, tokens[first].start)

    source: _Actor | None = agents[0] if agents else None
    target: _Actor | None = None

    def obj_after(start_tok: int, exclude: _Actor | None) -> _Actor | None:
        for a in after:
            if a is exclude or a.i < start_tok or a.prep == "agent":
                continue
            if a.prep in (None, "object") or a.prep in preps:
                return a
        return None

    trig_key = stems[first]
    passive_clause = False
    if verb:
        passive = (trig_key in cues.victim or _passive_written(A, first))
        fronted = None
        if plain_before:
            a = plain_before[-1]
            gap = [k for k in range(a.j, first) if tokens[k].kind == "word" and stems[k] not in ("قد", "لقد")]
            if len(gap) <= 1:
                fronted = a
        subject = fronted
        if subject is None and pos != "participle":     # an active participle's subject is never after it
            subject = next((a for a in after if a.prep is None), None)
        if not passive and subject is not None and trigger.needs_object:
            rest = obj_after(subject.j, subject)
            if rest is None and _victim_like(subject, type_):
                passive = True
        passive_clause = passive
        if passive:
            target = subject
            if target is None:
                target = _number_target(A, last, cr, cues)
        else:
            if subject is None and comp and speaker is not None and pos == "verb":
                subject = _speaker_actor(A, article, speaker, sentence_index, first)
            if subject is None and pos == "participle" and speaker is not None:
                subject = _speaker_actor(A, article, speaker, sentence_index, first)
            if subject is not None and subject.prep != "agent":
                source = subject
            target = obj_after(subject.j if subject is not None and subject.i >= last else last, subject)
            if trigger.source == "object":
                source, target = target, source
    else:
        agentless = any(stems[k] in cues.agentless for k in range(max(cl, first - 2), first))
        exposed = next((k for k in range(first - 1, max(cl, first - 5) - 1, -1)
                        if stems[k] in cues.exposure or stems[k] in cues.victim), None)
        passive_clause = passive_clause or exposed is not None
        light = next((k for k in range(first - 1, max(cl, first - 5) - 1, -1)
                      if stems[k] in cues.light_before), None)
        genitive = None
        for a in after:
            if a.prep is None and a.head - last <= 3:
                genitive = a
            break
        patient = agentless or (type_ in _PATIENT_TYPES and not trigger.preps)
        passive_clause = agentless
        if exposed is not None:
            between = [a for a in acts if exposed < a.i and a.j <= first and a.prep is None]
            fronted = [a for a in plain_before if a.j <= exposed and exposed - a.j <= 2]
            target = (between or fronted or [None])[0]
            if target is None and genitive is not None:
                target = genitive
        elif light is not None:
            between = [a for a in acts if light < a.i and a.j <= first and a.prep is None]
            fronted = [a for a in plain_before if a.j <= light and light - a.j <= 2]
            subj = (between or fronted[-1:] or [None])[0]
            if subj is not None and source is None:
                source = subj
            target = obj_after(last, None) if not patient or genitive is None else genitive
        elif genitive is not None:
            if patient:
                target = genitive
            elif source is None:
                source = genitive
            if target is None:
                target = obj_after(genitive.j, genitive) if not patient else None
                if target is not None and target.prep is None:
                    target = None          # a second plain noun after a genitive is not an object
        else:
            target = next((a for a in after if a.prep in preps and a.prep != "agent"), None)
            if target is None and type_ in _PATIENT_TYPES:
                target = _number_target(A, last, cr, cues)
    if source is None and not passive_clause and (type_ != "ASSAULT" or tokens[first].conj):
        # a coordinated or embedded clause without its own subject: the subject of the sentence's
        # main clause before it (X تمكن من إحباط …، كما ضبطت …)
        carry = [a for a in A.actors(sentence_index) if a.j <= first and a.prep is None and a is not target
                 and (target is None or a.entity is None or a.entity != target.entity)]
        if carry:
            source = carry[0]
    out = []
    if source is not None:
        out.append(_participant(A, "source", source, speaker))
    if target is not None and target is not source:
        out.append(_participant(A, "target", target, speaker))
    return out


def _speaker_actor(A: _ArticleActors, article, speaker: str, si: int, first: int) -> _Actor | None:
    """The speaker's actor in the sentence before the trigger (أعلن الجيش أنه قتل …), else None."""
    for a in reversed(A.actors(si)):
        if a.entity == speaker and a.j <= first:
            return _Actor(a.i, a.j, a.start, a.end, a.kind, a.entity, a.sector, a.country, head=a.head)
    return None


# --------------------------------------------------------------------------- options for a learned choice

@dataclass(slots=True)
class RoleOption:
    """One actor that may fill a role of an event, with the structural facts a learned role model reads
    (:mod:`rasid.events.roles`): each fact a ``name=value`` string."""

    facts: list[str]
    participant: Callable[[str], Participant]     # the Participant it becomes in a role


@dataclass(slots=True)
class RoleOptions:
    context: list[str]          # facts of the trigger: part of speech, voice, type, lemma
    options: list[RoleOption]


def role_options(article, sentence_index: int, first: int, last: int, trigger: Trigger,
                 type_: str) -> RoleOptions:
    """Every actor that may be the source or target of the event at tokens ``[first, last)``: the actors
    of its sentence (not the trigger itself; a country after a locative preposition marked ``where``),
    the words that start an actor phrase without making one (marked ``weak``: اللجنة، المقاومة), the
    speaker of the statement it is told in (when not in the sentence), a bare number after the trigger
    (مقتل ثلاثة); each with its position and relation to the trigger, its kind, sector and governing
    preposition, and the role the structural rules (:func:`find_participants`) give it."""
    A = _actors_of(article)
    cues = _cues()
    sent = article.sentences[sentence_index]
    lo, hi = sent.token_start, sent.token_end
    tokens, stems, text = A.tokens, A.stems, A.text
    # a country or capital after a locative preposition is mostly where, not who (في العاصمة طرابلس),
    # but a party after some (اتفاق بين إيران و…، مساعدات من السعودية إلى اليمن): an option with the
    # fact ``where``, for the ranker to weigh
    acts: list[_Actor] = [a for a in A.actors(sentence_index) if not (a.i < last and first < a.j)]
    # words that start an actor phrase without making one (اللجنة، المقاومة، المجتمع الدولي): the ranker
    # weighs them by their word (fact ``weak``)
    weak = [a for a in A.weak_actors(sentence_index) if not (a.i < last and first < a.j)]
    speaker = _speaker(article, tokens[first].start)
    pos = trigger.pos
    if pos == "phrase":
        pos = "verb" if A.is_verb(first) else "noun"
    if pos == "verb" and _masdar(A, first, lo, cues):
        pos = "noun"
    passive = pos == "verb" and (stems[first] in cues.victim or _passive_written(A, first))
    rule = {(p.start, p.end, p.entity): p.role
            for p in find_participants(article, sentence_index, first, last, trigger, type_)}
    virtual: list[_Actor] = []
    e = A.entities.get(speaker) if speaker is not None else None
    if e is not None and not any(a.entity == speaker for a in acts):
        virtual.append(_Actor(-1, -1, -1, -1, "named", speaker, e.sector, e.country))
    nt = _number_target(A, last, min(hi, last + _MAX_RIGHT), cues)
    if nt is not None and not any(a.i <= nt.i < a.j for a in acts):
        acts.append(nt)
    out = []
    verbs, puncts = A.gap_counts(sentence_index)
    weak_ids = set(map(id, weak))
    for a in acts + weak + virtual:
        if a.i < 0:
            facts = ["virtual_speaker", "side=out", "dist=out", "nb=out", "vb=False", "pb=False"]
            role = next((r for (s, _, ent), r in rule.items() if ent == speaker and s < sent.start), "none")
        else:
            if a.j <= first:
                side, gap = "L", range(a.j, first)
                between = [b for b in acts if b is not a and a.j <= b.i and b.j <= first]
            else:
                side, gap = "R", range(last, a.i)
                between = [b for b in acts if b is not a and last <= b.i and b.j <= a.i]
            d = len(gap)
            dist = str(d) if d <= 2 else "3-4" if d <= 4 else "5-8" if d <= 8 else "9+"
            # the plain (unprepositioned) actors between: after a verb the first plain one is its
            # subject, the second its object
            nbp = sum(1 for b in between if b.prep is None and not b.number)
            facts = [f"side={side}", f"dist={dist}", f"nb={min(len(between), 2)}", f"nbp={min(nbp, 2)}",
                     f"vb={verbs[gap.stop - lo] > verbs[gap.start - lo]}",
                     f"pb={puncts[gap.stop - lo] > puncts[gap.start - lo]}",
                     f"prevw={stems[a.i - 1] if a.i > 0 else '<s>'}",
                     f"nextw={stems[a.j] if a.j < hi and tokens[a.j].kind == 'word' else '<p>'}",
                     f"nextv={a.j < hi and A.is_verb(a.j)}"]
            if d:
                # the word next to the trigger on the option's side (مع، على، من قبل …)
                facts.append(f"gapw={stems[first - 1] if side == 'L' else stems[last]}")
            if a.kind == "descriptive" and tokens[a.i].kind == "word":
                facts.append(f"hw={stems[a.i]}")
            role = next((r for (s, en, ent), r in rule.items()
                         if s < a.end and a.start < en or (a.pronoun and ent == speaker and ent is not None)),
                        "none")
        ent = A.entities.get(a.entity) if a.entity else None
        if a.prep in cues.locative and ent is not None and ent.type == "LOC":
            facts.append("where")
        if id(a) in weak_ids:
            facts.append("weak")
        facts += [f"prep={a.prep}", f"kind={a.kind}", f"sector={a.sector}", f"pron={a.pronoun}",
                  f"num={a.number}", f"cnt={a.counted}", f"etype={ent.type if ent is not None else 'none'}",
                  f"rule={role}", f"spk={a.entity is not None and a.entity == speaker}",
                  f"conj={a.i >= 0 and bool(tokens[a.i].conj)}"]
        out.append(RoleOption(facts, _bind(A, a, speaker)))
    return RoleOptions([f"pos={pos}", f"pass={passive}", f"type={type_}", f"lemma={trigger.lemma}"], out)


_GAP_PUNCT = frozenset("،,.:؛;")


def _bind(A: _ArticleActors, a: _Actor, speaker: str | None) -> Callable[[str], Participant]:
    if a.i < 0:         # the speaker, named outside the sentence: the participant has no span here
        e = A.entities[a.entity]
        m = next((m for m in A.article.mentions if m.id in e.mentions), None)

        def make(role: str) -> Participant:
            start, end = (m.start, m.end) if m is not None else (0, 0)
            return Participant(role, start, end, A.text[start:end] if m is not None else e.name, "named",
                               a.entity, a.sector, a.country)
        return make
    return lambda role: _participant(A, role, a, speaker)
