"""The cross-article actor registry: which actor of the store an entity is.

:class:`rasid.store.Store` keeps the registry's state in its ``actors`` table
(see :mod:`rasid.store.writer`); the registry also works on its own, in memory
or as a JSON file.

``ActorRegistry.resolve(entity, article_id=...)`` returns a stable actor id for an
:class:`~rasid.doc.layers.Entity`, creating the actor when nothing matches:

* full names match by normalised Arabic key (``norm_key`` per word, ال ignored), or
  by a Latin variant (``latin_norm``), or when one name's words are the other's with
  words left out in the middle (same first and last word: علي عبد الله صالح ~ علي صالح);
* a bare one-word name (a surname: كايا) matches an existing actor only when country
  or office agree (and neither conflicts) and exactly one actor qualifies;
* a known, different country always separates (two ministers sharing a surname in
  two countries are two actors); the type (PER/ORG/...) must agree;
* a country as an actor (its name, its official form, a state word with its nisba:
  الحكومة الإيرانية) is always the country's one actor (:func:`country_code`), and a place
  resolved to a GeoNames place is that place's actor (not a facility by it: مطار الرياض);
* MISC entities (nisbas, months, treaties) are not actors (:func:`registered`).

Actors record their Arabic and Latin variants, countries, offices (title with the
first and last article ids it was seen in) and the articles they appear in.
Ids are "A" + 10 hex digits of SHA-1 over (type, first canonical key, country):
stable across runs for the same first sighting. JSON via ``to_dict``/``from_dict``
and ``save``/``load`` (atomic: temp file + ``os.replace``).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from rasid.doc.layers import Entity
from rasid.geo import Gazetteer
from rasid.geo.names import same_place_name
from rasid.lang.ar.lexicons import keys as lexicon_keys
from rasid.lang.ar.normalize import join_abd, norm_key
from rasid.names.lexicon import latin_norm

__all__ = ["Actor", "ActorRegistry", "arabic_key", "latin_key", "country_code", "country_actor_id",
           "REGISTERED_TYPES"]

REGISTERED_TYPES = frozenset({"PER", "ORG", "LOC"})   # MISC (nisbas, months, treaties) is not an actor

SCHEMA = 1
_NON_WORD = re.compile(r"[^\w\s]")


def _strip_al(w: str) -> str:
    if w.startswith("ال") and len(w) >= 5:
        return w[2:]
    return w


def arabic_key(name: str) -> str:
    """Canonical Arabic key: norm_key, punctuation out, ال dropped per word, عبد+X joined."""
    k = norm_key(_NON_WORD.sub(" ", name or ""))
    return " ".join(join_abd(k.split(), _strip_al))


def latin_key(name: str) -> str:
    """Canonical Latin key: latin_norm without the articles al/el."""
    words = [w for w in latin_norm(name).split() if w not in ("al", "el")]
    return " ".join(words)


def country_actor_id(alpha3: str) -> str:
    """The one registry id of a country as an actor (its name, its government, its state bodies)."""
    return "A" + hashlib.sha1(f"COUNTRY|{alpha3}".encode("utf-8")).hexdigest()[:10]


def country_code(entity: Entity, gazetteer: Gazetteer | None = None) -> str | None:
    """The alpha-3 code when ``entity`` stands for a country as a whole, else None.

    * a place resolved to a country, or named by a country's name (إيران، الجمهورية الإسلامية الإيرانية);
    * an organisation named only by a state word and the country's nisba (الحكومة الإيرانية،
      السلطات السعودية، الإدارة الأمريكية): CAMEO and PLOVER code a government by its country, the
      sector is the entity's attribute, not a new actor.
    """
    g = gazetteer or Gazetteer.default()
    etype = (entity.type or "").upper()
    if etype == "LOC":
        if not same_place_name(entity.name or ""):
            return None
        if entity.geo is not None:          # resolved: the place decides (عمان: Amman or Oman)
            return entity.country if entity.geo.feature == "country" and entity.country else None
        for name in (entity.name, *entity.aliases):
            a3 = g.country_by_name(name) if name else None
            if a3:
                return a3
        return None
    if etype != "ORG":
        return None
    heads = lexicon_keys("state_actor_heads")
    words = norm_key(_NON_WORD.sub(" ", entity.name or "")).split()
    if len(words) != 2 or _strip_al(words[0]) not in heads and words[0] not in heads:
        return None
    return g.nisba(words[1])


def _usual(counts: dict[str, int], key=lambda name: name) -> str:
    """The name most articles called the actor by; among equals the fullest (a name run on into
    the next word in one article does not become the actor's name)."""
    return max(counts.items(), key=lambda kv: (kv[1], len(key(kv[0]).split()), kv[0]))[0]


def _with_country(entity: Entity, alpha3: str) -> Entity:
    """``entity`` as its country actor records it (the country code set)."""
    if entity.country == alpha3:
        return entity
    return replace(entity, country=alpha3)


def registered(entity: Entity) -> bool:
    """Whether ``entity`` is an actor of the registry (PER, ORG or LOC; not MISC)."""
    return (entity.type or "").upper() in REGISTERED_TYPES


def _subseq(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


_SON_OF = frozenset({"بن", "ابن"})


def _lineage(words: list[str]) -> bool:
    """A name built as a chain of fathers (محمد بن سلمان بن عبدالعزيز)."""
    return len(words) >= 3 and words[1] in _SON_OF


def _chain(words: list[str]) -> tuple[list[str], list[str]]:
    """``(the chain of given names, the family name after it)``: محمد بن سلمان بن عبدعزيز ال سعود ->
    (محمد سلمان عبدعزيز, ال سعود); خالد بن سعد شمري -> (خالد سعد, شمري)."""
    chain, k = [words[0]], 1
    while k + 1 < len(words) and words[k] in _SON_OF:
        chain.append(words[k + 1])
        k += 2
    return chain, words[k:]


@cache
def _generic_heads() -> frozenset[str]:
    """Organisation and place head words as registry keys (اتحاد، وزاره، مجلس، مدينه): alone, such a
    word names whatever the article spoke of, so it never becomes a key of a named actor."""
    from rasid.entities.vocabulary import vocabulary

    v = vocabulary()
    words = set(v.org_heads) | set(v.generic_org_heads) | set(v.place_heads)
    return frozenset(arabic_key(w) for w in words if " " not in w)


def _names_match(a: str, b: str) -> bool:
    """Same key, or one is the other with middle words left out (same first and last word). A chain
    of fathers is only ever shortened at its end, and its family names must agree: محمد بن سلمان ~
    محمد بن سلمان بن عبدالعزيز آل سعود, خالد الشمري ~ خالد بن سعد الشمري, but محمد بن عبدالعزيز is
    neither محمد بن سلمان بن عبدالعزيز nor محمد بن نايف بن عبدالعزيز."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or wa[0] != wb[0]:
        return False
    if _lineage(wa) or _lineage(wb):
        (ca, fa), (cb, fb) = _chain(wa), _chain(wb)
        short, long = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
        if long[:len(short)] != short or (fa and fb and fa != fb):
            return False
        # a first name with a family name is a chain of two at most (خالد الشمري, not محمد آل سعود)
        return len(short) >= 2 or (len(long) <= 2 and bool(fa) and fa == fb)
    if wa[-1] != wb[-1]:
        return False
    return _subseq(wa, wb) if len(wa) <= len(wb) else _subseq(wb, wa)


def _person_alias(key: str, name: str) -> bool:
    """Whether ``key``, another name of a person called ``name`` in one article, may be a key of that
    person in the registry: the name with middle words or a chain's end left out (or run on after
    it), its first word or its last. A phrase the article's grouping joined to the person by mistake
    (وليا للعهد، a father's name alone) would otherwise match every later person so called, and then
    everything that person is called in turn."""
    if " " in key:
        return _names_match(key, name)
    words = name.split()
    return key == words[0] or key == words[-1]


@dataclass
class Actor:
    id: str
    type: str
    name: str                                       # the fullest Arabic name seen
    name_latin: str | None = None
    names: list[str] = field(default_factory=list)  # Arabic variants as written
    keys: list[str] = field(default_factory=list)   # canonical Arabic keys
    latin: list[str] = field(default_factory=list)  # Latin variants as written
    countries: dict[str, int] = field(default_factory=dict)
    offices: list[dict] = field(default_factory=list)   # {title, org, country, first_seen, last_seen, count}
    sector: str | None = None
    articles: list[str] = field(default_factory=list)
    mentions: int = 0
    kind: str | None = None                         # "country": a country as an actor (see country_code)
    geonameid: int | None = None                    # a place: the GeoNames place it was resolved to
    name_counts: dict[str, int] = field(default_factory=dict)   # articles that called it by each name
    latin_counts: dict[str, int] = field(default_factory=dict)  # ... and by each Latin name

    @property
    def country(self) -> str | None:
        if not self.countries:
            return None
        return sorted(self.countries.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    def office_titles(self) -> set[str]:
        return {norm_key(o["title"]) for o in self.offices if o.get("title")}

    def to_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "name": self.name, "name_latin": self.name_latin,
            "names": list(self.names), "keys": list(self.keys), "latin": list(self.latin),
            "countries": dict(sorted(self.countries.items())), "offices": [dict(o) for o in self.offices],
            "sector": self.sector, "articles": list(self.articles), "mentions": self.mentions,
            **({"kind": self.kind} if self.kind else {}),
            **({"geonameid": self.geonameid} if self.geonameid else {}),
            **({"name_counts": dict(self.name_counts)} if self.name_counts else {}),
            **({"latin_counts": dict(self.latin_counts)} if self.latin_counts else {}),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Actor":
        return cls(
            id=d["id"], type=d["type"], name=d["name"], name_latin=d.get("name_latin"),
            names=list(d.get("names", [])), keys=list(d.get("keys", [])), latin=list(d.get("latin", [])),
            countries={k: int(v) for k, v in d.get("countries", {}).items()},
            offices=[dict(o) for o in d.get("offices", [])], sector=d.get("sector"),
            articles=list(d.get("articles", [])), mentions=int(d.get("mentions", 0)), kind=d.get("kind"),
            geonameid=d.get("geonameid"),
            name_counts={k: int(v) for k, v in d.get("name_counts", {}).items()},
            latin_counts={k: int(v) for k, v in d.get("latin_counts", {}).items()},
        )


class ActorRegistry:
    """Actors across articles; see the module docstring for the matching rules."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self._by_key: dict[str, set[str]] = {}       # canonical Arabic key -> actor ids
        self._by_latin: dict[str, set[str]] = {}     # latin key -> actor ids
        self._by_word: dict[str, set[str]] = {}      # first/last word (and father) of a key -> actor ids
        self._by_place: dict[int, str] = {}           # GeoNames id -> the place's actor id
        self.redirects: dict[str, str] = {}           # an analyst merged this actor into that one
        self.blocked: dict[str, set[str]] = {}        # actor id -> name keys never again matched to it

    # ------------------------------------------------------------------ API
    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def resolve(self, entity: Entity, *, article_id: str | None = None, create: bool = True) -> str | None:
        """See :meth:`_resolve`; an actor an analyst merged into another answers as that one."""
        aid = self._resolve(entity, article_id=article_id, create=create)
        seen = set()
        while aid in self.redirects and aid not in seen:
            seen.add(aid)
            aid = self.redirects[aid]
        return aid

    def _resolve(self, entity: Entity, *, article_id: str | None = None, create: bool = True) -> str | None:
        """The actor id for ``entity`` (an existing actor when one matches, else a new one; None
        when none matches and ``create`` is false: see rasid.store.evidence).

        A country as an actor (see :func:`country_code`) always gets the country's one actor."""
        keys, latins = self.entity_keys(entity)
        etype = (entity.type or "").upper()
        code = country_code(entity)
        if code:
            actor = self._country_actor(code)
            entity = _with_country(entity, code)
            self._record(actor, entity, keys if etype == "LOC" else [], latins if etype == "LOC" else [],
                         article_id)
            return actor.id
        country = entity.country
        if etype == "ORG" and country:
            from rasid.names.orgs import known_org

            known = known_org(entity.name or "")
            if known is not None and not known.country:
                country = None      # an international body (داعش، الأمم المتحدة): no country splits it
        titles = {norm_key(r.title) for r in entity.roles if r.title}
        gid = (entity.geo.geonameid if etype == "LOC" and entity.geo is not None
               and same_place_name(entity.name or "") else None)
        actor = self.actors.get(self._by_place.get(gid, "")) if gid else None
        if actor is None:
            actor = self._match(etype, keys, latins, country, titles)
        if gid and actor is not None and actor.geonameid not in (None, gid):
            actor = None                # the same name, another place (طرابلس of Libya and of Lebanon)
        if actor is None:
            if not create:
                return None
            actor = self._new(etype, entity, keys, country)
        self._record(actor, entity, keys, latins, article_id)
        return actor.id

    def attach(self, actor_id: str, entity: Entity, *, article_id: str | None = None) -> None:
        """Record ``entity`` as naming the actor ``actor_id`` (a name that waited for a second
        article before its actor was made: rasid.store.pending)."""
        keys, latins = self.entity_keys(entity)
        self._record(self.actors[actor_id], entity, keys, latins, article_id)

    def assign(self, entities: list[Entity], *, article_id: str | None = None) -> None:
        """Resolve every actor entity of an article (PER, ORG, LOC) and set its ``kb_id``;
        other entities (MISC) get none."""
        for e in entities:
            e.kb_id = self.resolve(e, article_id=article_id) if registered(e) else None

    def _country_actor(self, alpha3: str) -> Actor:
        aid = country_actor_id(alpha3)
        actor = self.actors.get(aid)
        if actor is None:
            c = Gazetteer.default().country(alpha3)
            actor = Actor(id=aid, type="LOC", name=c.name_ar if c else alpha3,
                          name_latin=c.name_en if c else None, kind="country")
            self.actors[aid] = actor
        return actor

    # --------------------------------------------------------------- matching
    @staticmethod
    def entity_keys(entity: Entity) -> tuple[list[str], list[str]]:
        """The keys an entity is matched by: its Arabic names' keys and its Latin names' keys."""
        keys: list[str] = []
        person = (entity.type or "").upper() == "PER"
        for n in [entity.name, *entity.aliases]:
            k = arabic_key(n) if n else ""
            if k and k not in keys and (not person or not keys or _person_alias(k, keys[0])):
                keys.append(k)
        latins: list[str] = []
        for n in [entity.name_latin, *entity.aliases]:
            if n and not re.search(r"[\u0600-\u06FF]", n):
                k = latin_key(n)
                if k and k not in latins:
                    latins.append(k)
        return keys, latins

    @staticmethod
    def _country_ok(actor: Actor, country: str | None) -> bool:
        return not country or not actor.countries or country in actor.countries

    def _match(self, etype: str, keys: list[str], latins: list[str], country: str | None,
               titles: set[str]) -> Actor | None:
        multi = [k for k in keys if " " in k]
        single = [k for k in keys if " " not in k]
        cands: dict[str, Actor] = {}
        # 1. full names: exact key, Latin variant, or (a person) middle words left out. An
        #    organisation's or a place's middle words are what tells it from another of the same head
        #    and tail (الاتحاد الدولي لكرة القدم، الاتحاد الآسيوي لكرة القدم، اتحاد القدم): only its
        #    exact key matches
        for k in multi:
            for aid in self._by_key.get(k, ()):
                cands[aid] = self.actors[aid]
            if etype != "PER":
                continue
            words = k.split()
            first = self._by_word.get(words[0], set())
            near = first & self._by_word.get(words[-1], set())
            if _lineage(words):
                near = near | (first & self._by_word.get(words[2], set()))
            for aid in near:
                a = self.actors[aid]
                if any(" " in ak and _names_match(k, ak) for ak in a.keys):
                    cands[aid] = a
        for lk in latins:
            if " " in lk:
                for aid in self._by_latin.get(lk, ()):
                    cands[aid] = self.actors[aid]
        cands = {aid: a for aid, a in cands.items() if not self._blocked(a, keys)}
        found = [a for a in cands.values() if a.type == etype and self._country_ok(a, country)
                 and (etype != "PER" or not multi or any(_person_alias(k, arabic_key(a.name)) for k in multi))]
        if found:
            return self._best(found, country, titles)
        # 2. a bare name (or a full name whose actor is only known by a bare name):
        #    one candidate, agreeing on country or office, conflicting on neither
        probe = single + ([k.split()[-1] for k in multi if not _lineage(k.split())]
                          if etype == "PER" else [])   # a surname (a chain of fathers ends in none)
        cands = {}
        for k in probe:
            for aid in self._by_word.get(k, ()):
                a = self.actors[aid]
                if a.type != etype:
                    continue
                if k in single and not any(ak == k or ak.split()[-1] == k for ak in a.keys):
                    continue
                if k not in single and not any(ak == k for ak in a.keys):
                    continue   # full name -> only actors known by that bare surname alone
                cands[aid] = a
        agree = []
        for a in cands.values():
            if self._blocked(a, keys):
                continue
            if not self._country_ok(a, country):
                continue
            c_ok = bool(country) and country in a.countries
            t_ok = bool(titles) and bool(titles & a.office_titles())
            if c_ok or t_ok:
                agree.append(a)
        if len(agree) == 1:
            return agree[0]
        if len(agree) > 1 and etype != "PER":
            # an organisation or place known by exactly this name: the best known (a person's
            # surname shared by several persons is left alone)
            exact = [a for a in agree if any(ak in single for ak in a.keys)]
            if exact:
                return self._best(exact, country, titles)
        # a one-word organisation/place name with no country/office at all: one actor
        # if it is the only one known by exactly this key (حماس); never for persons
        # (a place also when its compounds matched nothing: شرق أوروبا is أوروبا)
        if etype != "PER" and not agree and (not multi or etype == "LOC") and not country and not titles:
            exact = [a for k in single for aid in self._by_key.get(k, ()) for a in [self.actors[aid]]
                     if a.type == etype]
            exact = [a for a in exact if not self._blocked(a, keys)]
            if exact:       # the best known of them: a second one made by mistake must not breed a third
                return self._best(exact, country, titles)
        # a person called by the surname of a well-known person (أوباما, نتنياهو): that person's actor,
        # when the registry knows it by the full name; the article's guess at a country does not count
        if etype == "PER" and not multi and single:
            from rasid.names.known import known_person

            known = known_person(single[0])
            if known is not None and known.arabic:
                full = [self.actors[aid] for aid in self._by_key.get(arabic_key(known.arabic), ())
                        if self.actors[aid].type == "PER" and not self._blocked(self.actors[aid], keys)]
                if full:
                    return self._best(full, known.country, titles)
        return None

    def _blocked(self, actor: Actor, keys: list[str]) -> bool:
        """An analyst split a name off ``actor``: entities called by it are no longer matched to it."""
        return bool(self.blocked.get(actor.id)) and any(k in self.blocked[actor.id] for k in keys)

    # ------------------------------------------------------- analyst's corrections
    def merge(self, keep: str, drop: str) -> Actor:
        """Fold actor ``drop`` into ``keep`` (names, offices, countries, articles); ``drop`` answers
        as ``keep`` from now on."""
        a, b = self.actors.get(keep), self.actors.get(drop)
        if a is None or b is None or keep == drop:
            raise KeyError(f"cannot merge {drop!r} into {keep!r}: unknown or the same actor")
        for n in b.names:
            if n not in a.names:
                a.names.append(n)
        for k in b.keys:
            if k not in a.keys:
                a.keys.append(k)
        for n in b.latin:
            if n not in a.latin:
                a.latin.append(n)
        for c, n in b.countries.items():
            a.countries[c] = a.countries.get(c, 0) + n
        a.offices += [dict(o) for o in b.offices]
        a.articles += [x for x in b.articles if x not in a.articles]
        a.mentions += b.mentions
        for n, c in b.name_counts.items():
            a.name_counts[n] = a.name_counts.get(n, 0) + c
        for n, c in b.latin_counts.items():
            a.latin_counts[n] = a.latin_counts.get(n, 0) + c
        a.sector = a.sector or b.sector
        a.geonameid = a.geonameid or b.geonameid
        del self.actors[drop]
        self._unindex(drop)
        self._index(a)
        self.redirects[drop] = keep
        for k, v in list(self.redirects.items()):
            if v == drop:
                self.redirects[k] = keep
        return a

    def split(self, actor_id: str, name: str) -> Actor:
        """Take the name ``name`` off actor ``actor_id`` into a new actor of the same type: the
        entities called by it are no longer matched to ``actor_id``."""
        a = self.actors.get(actor_id)
        k = arabic_key(name)
        if a is None or not k:
            raise KeyError(f"cannot split {name!r} off {actor_id!r}: unknown actor or empty name")
        same = [n for n in a.names if arabic_key(n) == k]
        if not same and k not in a.keys:
            raise KeyError(f"actor {actor_id} is not called {name!r}")
        a.names = [n for n in a.names if arabic_key(n) != k]
        a.keys = [x for x in a.keys if x != k]
        moved = sum(c for n, c in a.name_counts.items() if arabic_key(n) == k)
        a.name_counts = {n: c for n, c in a.name_counts.items() if arabic_key(n) != k}
        if a.name_counts:
            a.name = _usual(a.name_counts, arabic_key)
        self.blocked.setdefault(actor_id, set()).add(k)
        self._unindex(actor_id)
        self._index(a)
        new = self._new(a.type, Entity(id="split", type=a.type, name=same[0] if same else name), [k], None)
        new.names, new.keys = list(same or [name]), [k]
        new.name_counts = {n: 1 for n in new.names}
        new.mentions = max(moved, 1)
        self._index(new)
        return new

    def update(self, actor: Actor) -> None:
        """Put ``actor`` (as another writer stored it) in place of the one with its id. Within one
        registry epoch an actor's keys only grow, so indexing the new keys is enough."""
        self.actors[actor.id] = actor
        self._index(actor)

    def forget(self, actor_id: str) -> None:
        """Drop an actor nothing names any more (the only article that did was replaced)."""
        if self.actors.pop(actor_id, None) is not None:
            self._unindex(actor_id)
            self.blocked.pop(actor_id, None)

    def _unindex(self, actor_id: str) -> None:
        for table in (self._by_key, self._by_latin, self._by_word):
            for ids in table.values():
                ids.discard(actor_id)
        for gid in [g for g, x in self._by_place.items() if x == actor_id]:
            del self._by_place[gid]

    @staticmethod
    def _best(found: list[Actor], country: str | None, titles: set[str]) -> Actor:
        def score(a: Actor):
            return (country in a.countries if country else False,
                    bool(titles & a.office_titles()), a.mentions, a.id)
        return max(found, key=score)

    # ---------------------------------------------------------------- records
    def _new(self, etype: str, entity: Entity, keys: list[str], country: str | None) -> Actor:
        first = keys[0] if keys else latin_key(entity.name_latin or "") or entity.id
        base = f"{etype}|{first}|{country or ''}"
        n = 0
        while True:
            h = hashlib.sha1((base if n == 0 else f"{base}|{n}").encode("utf-8")).hexdigest()[:10]
            aid = "A" + h
            if aid not in self.actors:
                break
            n += 1
        actor = Actor(id=aid, type=etype, name=entity.name)
        self.actors[aid] = actor
        return actor

    def _index(self, actor: Actor) -> None:
        if actor.geonameid:
            self._by_place.setdefault(actor.geonameid, actor.id)
        for k in actor.keys:
            self._by_key.setdefault(k, set()).add(actor.id)
            w = k.split()
            self._by_word.setdefault(w[0], set()).add(actor.id)
            self._by_word.setdefault(w[-1], set()).add(actor.id)
            if _lineage(w):
                self._by_word.setdefault(w[2], set()).add(actor.id)      # the father, for chains cut short
        for lk in (latin_key(x) for x in actor.latin):
            if lk:
                self._by_latin.setdefault(lk, set()).add(actor.id)

    def _record(self, actor: Actor, entity: Entity, keys: list[str], latins: list[str],
                article_id: str | None) -> None:
        for n in [entity.name, *entity.aliases]:
            if n and re.search(r"[\u0600-\u06FF]", n) and n not in actor.names:
                actor.names.append(n)
        generic = _generic_heads() if (entity.type or "").upper() != "PER" else frozenset()
        for k in keys:
            if k in actor.keys or (" " not in k and k in generic and len(actor.keys) > 0):
                continue        # الاتحاد for الاتحاد الأوروبي is this article's shorthand, not a name
            actor.keys.append(k)
        for n in [entity.name_latin, *entity.aliases]:
            if n and not re.search(r"[\u0600-\u06FF]", n) and n not in actor.latin:
                actor.latin.append(n)
        country = actor.kind == "country"       # a country keeps its common name and has no sector
        if entity.name:
            actor.name_counts[entity.name] = actor.name_counts.get(entity.name, 0) + 1
        if not country and entity.name:
            actor.name = _usual(actor.name_counts, arabic_key)
        if entity.name_latin:
            actor.latin_counts[entity.name_latin] = actor.latin_counts.get(entity.name_latin, 0) + 1
            if not country:
                actor.name_latin = _usual(actor.latin_counts)
        if entity.country and not _stateless(actor, entity):
            actor.countries[entity.country] = actor.countries.get(entity.country, 0) + 1
        if not country and entity.sector and not actor.sector:
            actor.sector = entity.sector
        for r in entity.roles:
            if not r.title:
                continue
            t = norm_key(r.title)
            for o in actor.offices:
                if norm_key(o["title"]) == t and o.get("country") in (None, r.country):
                    o["count"] = o.get("count", 1) + 1
                    if article_id:
                        o["first_seen"] = o.get("first_seen") or article_id
                        o["last_seen"] = article_id
                    if r.country and not o.get("country"):
                        o["country"] = r.country
                    break
            else:
                actor.offices.append({"title": r.title, "org": r.org, "country": r.country or entity.country,
                                      "first_seen": article_id, "last_seen": article_id, "count": 1})
        if (entity.geo is not None and entity.geo.geonameid and (entity.type or "").upper() == "LOC"
                and same_place_name(entity.name or "")):
            actor.geonameid = actor.geonameid or entity.geo.geonameid
        if article_id and article_id not in actor.articles:
            actor.articles.append(article_id)
        actor.mentions += 1
        self._index(actor)

    # ------------------------------------------------------------------- JSON
    def to_dict(self) -> dict:
        return {"schema": SCHEMA, "actors": [self.actors[k].to_dict() for k in sorted(self.actors)],
                "redirects": dict(sorted(self.redirects.items())),
                "blocked": {k: sorted(v) for k, v in sorted(self.blocked.items())}}

    @classmethod
    def from_dict(cls, d: dict) -> "ActorRegistry":
        reg = cls()
        for ad in d.get("actors", []):
            a = Actor.from_dict(ad)
            reg.actors[a.id] = a
            reg._index(a)
        reg.redirects = dict(d.get("redirects", {}))
        reg.blocked = {k: set(v) for k, v in d.get("blocked", {}).items()}
        return reg

    def save(self, path: str | os.PathLike) -> None:
        """Write JSON atomically (temp file in the same folder, then os.replace)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self.to_dict(), fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    @classmethod
    def load(cls, path: str | os.PathLike) -> "ActorRegistry":
        with open(path, encoding="utf-8") as fh:
            return cls.from_dict(json.load(fh))


def _stateless(actor: Actor, entity: Entity) -> bool:
    """An actor no country may claim: an international body of the organisation lexicon (الاتحاد
    الأوروبي, whatever a run-on name in one article, الاتحاد الأوروبي الفرنسي, said), or a region of
    several countries (الشرق الأوسط)."""
    etype = (entity.type or "").upper()
    if etype == "ORG":
        from rasid.names.orgs import known_org

        known = known_org(actor.name or entity.name or "")
        return known is not None and not known.country
    if etype == "LOC":
        geo = entity.geo
        return geo is not None and geo.feature == "region" and not geo.country
    return False
