"""Stage `entities`: one entity per actor, with offices, country and sector.

Grouping is rasid.entities.group; offices rasid.entities.offices; country
evidence rasid.entities.countries. Country, in order of evidence: the office
phrase (وزير الداخلية التركي → TUR), a relative's (kinship apposition), the
organisation in the office phrase, a nisba or country name inside or right
after an organisation's name, the publisher's country for an office or a state
body the text names without one (entities/publisher.py), and last the article's
dominant country for persons and state bodies.
"""
from __future__ import annotations

import re
from functools import cache

from bisect import bisect_left

from rasid.doc.layers import Entity, Role
from rasid.entities.countries import document_countries, phrase_country, word_country
from rasid.entities.group import Group, group_mentions, kinship_names
from rasid.entities.publisher import publisher_country
from rasid.geo import Gazetteer
from rasid.entities.offices import Office, core_office, office_after, office_before
from rasid.entities.vocabulary import vocabulary
from rasid.lang.ar.lexicons import words
from rasid.lang.ar.normalize import norm_key
from rasid.names.known import known_person
from rasid.names.orgs import known_org
from rasid.stages.base import Stage, register

STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _sentence_bounds(article, m):
    s = article.sentences[m.sentence] if 0 <= m.sentence < len(article.sentences) else None
    if s is None:
        return 0, len(article.tokens)
    return s.token_start, s.token_end


def _patronymic_prefixes(name: str) -> list[str]:
    """محمد بن نايف بن عبدالعزيز → itself, then محمد بن نايف (the name the press knows)."""
    parts = name.split(" بن ")
    return [name] + [" بن ".join(parts[:n]) for n in range(len(parts) - 1, 1, -1)]


@register
class Entities(Stage):
    name = "entities"
    version = "1"
    reads = frozenset({"text", "tokens", "sentences", "mentions", "metadata"})
    writes = frozenset({"entities", "latin"})
    optional = frozenset({"metadata"})

    def __call__(self, article):
        text, tokens = article.text, article.tokens
        idx = article.token_index()
        lex = vocabulary()
        groups = group_mentions(list(article.mentions), text)
        by_mention: dict[str, str] = {}
        entities: list[Entity] = []
        for n, g in enumerate(groups, 1):
            e = Entity(f"e{n}", g.type, g.name, [m.id for m in g.mentions])
            e.aliases = sorted({m.text for m in g.mentions} - {g.name})
            entities.append(e)
            for m in g.mentions:
                by_mention[m.id] = e.id
        ents = {e.id: e for e in entities}
        idx = article.token_index()
        in_names = frozenset(k for m in article.mentions if m.label == "PER"
                             for k in range(*idx.span(m.start, m.end)))
        context = document_countries(tokens, in_names)
        dominant = context.most_common(1)[0][0] if context else None
        offices: dict[str, tuple[Office, int]] = {}   # entity id -> (office, sentence)
        orgs = sorted((m.start, m.end, m.id) for m in article.mentions if m.label == "ORG")
        pers = [x for x in article.mentions if x.label == "PER"]
        after = {cur.id: prev for prev, cur in zip(pers, pers[1:])}    # a person's mention -> the one before
        before = {prev.id: cur for prev, cur in zip(pers, pers[1:])}   # ... and the one after
        # ---- offices and persons' countries from the office phrase
        for g, e in zip(groups, entities):
            if g.type != "PER":
                continue
            for m in g.mentions:
                lo, hi = _sentence_bounds(article, m)
                i, j = idx.index(m.start), idx.index(m.end)
                for office in (office_before(tokens, i, lo, text), office_after(tokens, j, hi, text)):
                    if office is not None:
                        self._add_office(article, e, m, office, offices, by_mention, orgs)
        # ---- organisations: country inside or right after the name; sector from the head word
        for g, e in zip(groups, entities):
            if g.type != "ORG":
                continue
            e.sector = lex.org_heads.get(g.words[0]) or None
            for m in g.mentions:
                i, j = idx.index(m.start), idx.index(m.end)
                c = phrase_country(tokens, i, min(j, len(tokens) - 1), text) if j > i else None
                if c is None and j < len(tokens) and tokens[j].kind == "word" and not tokens[j].conj:
                    # a nisba right after the name (وزارة الخارجية الفرنسية), not a country named
                    # next to it (الاتحاد الأوروبي واليابان، الاتحاد الأوروبي فرنسا)
                    c = Gazetteer.default().nisba(idx.stems[j])
                if c:
                    e.country = c
                    break
        # ---- well-known actors: English name, country and sector from the project's lexicons
        stateless: set[str] = set()
        mention_text = {m.id: m.text for m in article.mentions}
        same_org: dict[tuple[str, str], list] = {}     # a known organisation -> its entities here
        for g, e in zip(groups, entities):
            names = [e.name] + [mention_text[i] for i in e.mentions]
            if g.type == "ORG":
                known = next((k for k in map(known_org, names) if k), None)
                if known:
                    same_org.setdefault((known.english, known.country), []).append(e)
                    if not known.country:
                        stateless.add(e.id)     # an international body (الاتحاد الأوروبي، داعش)
                    e.name_latin = e.name_latin or known.english
                    e.country = known.country or None
                    e.sector = known.sector or e.sector
            elif g.type == "PER":
                variants = [v for n in names for v in _patronymic_prefixes(n)]
                known = next((k for k in map(known_person, variants) if k and k.match != "surname"), None)
                if known:
                    if not known.country:
                        stateless.add(e.id)     # a UN or other international official
                    e.country = known.country or e.country or None     # knowledge beats a nearby nisba
                    e.sector = e.sector or known.sector or None
                    e.name_latin = e.name_latin or known.english
        # ---- places named as countries
        for g, e in zip(groups, entities):
            if g.type == "LOC" and e.country is None:
                e.country = word_country(" ".join(g.words)) or word_country(g.words[-1])
        # ---- second pass: relatives, organisations of the office, the article's country
        kin = kinship_names(article.mentions, text)
        home = publisher_country(article)
        for g, e in zip(groups, entities):
            if e.country:
                continue
            if g.type == "PER":
                for r in e.roles:
                    if r.org and ents[r.org].country:
                        e.country = ents[r.org].country
                        break
                if e.country is None and any(m.id in kin for m in g.mentions):
                    rel = self._relative(g, by_mention, before)
                    if rel is not None:
                        e.country = ents[rel].country or (
                            next((ents[r.org].country for r in ents[rel].roles if r.org and ents[r.org].country), None))
            if e.country is None and g.type == "PER":
                e.country = _nationality_after(text, g.mentions)
            if e.country is None and g.type == "PER":
                e.country = self._coordinated_country(article, g, by_mention, ents, after)
            if e.country is None and home and e.id not in stateless and (
                    (g.type == "PER" and e.roles) or e.sector in STATE_SECTORS):
                e.country = home        # an office with no country named: the publisher's (وزير الخارجية)
            if e.country is None and dominant and e.id not in stateless and ((g.type == "PER" and e.roles) or e.sector in STATE_SECTORS):
                e.country = dominant
                e.kb_id = None
        article.entities = _merge_same_known(entities, same_org)
        return article

    @staticmethod
    def _add_office(article, e, m, office, offices, by_mention, orgs):
        text, tokens = article.text, article.tokens
        lex = vocabulary()
        title = text[office.start:office.end]
        country = phrase_country(tokens, office.first, office.last, text)
        if office.counterpart:
            peer = Entities._peer_office(article, m, offices, by_mention)
            if peer is None:
                return
            title = core_office(text, tokens, peer)
        k = bisect_left(orgs, (office.start,))
        org = None
        while k < len(orgs) and orgs[k][0] < office.end:      # the first organisation inside the office
            if orgs[k][1] <= office.end and orgs[k][2] in by_mention:
                org = by_mention[orgs[k][2]]
                break
            k += 1
        if not any(r.title == title for r in e.roles):
            e.roles.append(Role(title, org, country, office.start, office.end))
        if e.id not in offices and not office.counterpart:
            offices[e.id] = (office, m.sentence)
        if e.country is None and country:
            e.country = country
        if e.sector is None:
            e.sector = lex.office_heads.get(office.head) or lex.person_titles.get(office.head) or None

    @staticmethod
    def _coordinated_country(article, g, by_mention, ents, after):
        """A person listed right after another official (X، وY) shares that official's country: the
        country of the other's office, else, when both hold an office, the other's own (a known person: وزير الخارجية جون كيري ووزير الطاقة إرنست مونيز are both American).
        ``after``: a person's mention id -> the person's mention before it in the article."""
        for cur in sorted(g.mentions, key=lambda x: x.start):
            prev = after.get(cur.id)
            if prev is None or prev.sentence != cur.sentence:
                continue
            between = article.text[prev.end:cur.start]
            other = ents.get(by_mention.get(prev.id, ""))
            if other is None or other is ents.get(by_mention.get(cur.id, "")) or len(between) > 60:
                continue
            if "،" in between or " و" in between:
                if any(r.country for r in other.roles):
                    return next(r.country for r in other.roles if r.country)
                if other.country and other.roles and ents[by_mention[cur.id]].roles:
                    return other.country    # a known official (وزير الخارجية جون كيري ووزير الطاقة X): his
        return None

    @staticmethod
    def _peer_office(article, m, offices, by_mention):
        """The office of the person that ``نظيره`` answers: the nearest earlier office holder in the sentence."""
        best = None
        for eid, (office, sent) in offices.items():
            if sent == m.sentence and office.end <= m.start and by_mention.get(m.id) != eid:
                if best is None or office.start > best.start:
                    best = office
        return best

    @staticmethod
    def _relative(g: Group, by_mention, before):
        """The entity named in the kinship apposition after one of ``g``'s mentions. ``before``:
        a person's mention id -> the person's mention after it in the article."""
        for a in sorted(g.mentions, key=lambda x: x.start):
            b = before.get(a.id)
            if b is not None and b.id in by_mention and by_mention[b.id] != by_mention[a.id]:
                return by_mention[b.id]
        return None


def _merge_same_known(entities: list[Entity], same_org: dict) -> list[Entity]:
    """Entities of one article that the organisation lexicon reads as the same organisation (داعش
    and تنظيم داعش; الحوثيين and ميليشيات الحوثيين) are one: the first keeps every mention and alias,
    and offices that named the others now name it."""
    into: dict[str, Entity] = {}
    for group in same_org.values():
        keep = group[0]
        for other in group[1:]:
            keep.mentions = keep.mentions + [m for m in other.mentions if m not in keep.mentions]
            keep.aliases = sorted(set(keep.aliases) | set(other.aliases) | {other.name} - {keep.name})
            keep.country = keep.country or other.country
            keep.sector = keep.sector or other.sector
            into[other.id] = keep
    if not into:
        return entities
    for e in entities:
        for r in e.roles:
            if r.org in into:
                r.org = into[r.org].id
    return [e for e in entities if e.id not in into]


@cache
def _nationality() -> re.Pattern:
    cues = "|".join(map(re.escape, words("nationality_cues")))
    return re.compile(rf"\s*[(،,]?\s*(?:(?:{cues})\s+الجنسي[ةه]\s+(\w+)|(\w+)\s+الجنسي[ةه])")


def _nationality_after(text: str, mentions) -> str | None:
    """A nationality written right after a person's name: عدنان الخلف (سوريا الجنسية)، X سوري
    الجنسية، X من الجنسية السورية، X يحمل الجنسية الأمريكية."""
    for m in mentions:
        hit = _nationality().match(text, m.end, m.end + 60)
        if hit:
            country = word_country(norm_key(hit.group(1) or hit.group(2)))
            if country:
                return country
    return None
