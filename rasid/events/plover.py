"""PLOVER JSON for one article's events.

``to_plover(article)`` returns one record per ``Article.events`` entry, with the
field names and nesting of the PLOVER manual's data-interchange chapter
(openeventdata/PLOVER, "PLOVER JSON", "Information object for actors / text /
citations", location object after geonames):

* ``id``, ``date`` (the event's resolved date, else its time expression's value,
  else the publication date), ``actor`` (the source) / ``recipient`` (lists of actor
  objects: ``code`` = ISO alpha-3 or a non-state code such as IGO, ``sector``,
  ``actor_text`` = the party as written, ``identifier_id``, ``identifier_text``,
  ``office``; and rasid's ``kind``: ``named`` or ``descriptive``). A descriptive
  party (مسلحون مجهولون، قوات الأمن العراقية) is an actor object with its text and
  codes (``code`` = its country, ``sector`` = its sector code) and no identifier;
  the parties are the event's participants, then any entity of ``Event.source`` /
  ``Event.target`` that no participant stands for,
  ``event``, ``mode`` and ``context`` (lists, as the manual specifies; the special
  contexts ``negation`` / ``future`` / ``hypothetical`` are added from the realis or the flags),
  ``realis`` (actual | negated | future | hypothetical | background | generic),
  ``casualties`` (PLOVER's size object: ``dead``, ``injured``; null where not stated),
  ``event_loc`` (``name``, ``asciiname``, ``geonameid``, ``latitude``,
  ``longitude``, ``cc3``), ``event_text`` (list: the evidence slice of the text),
  ``text_info`` (``sequence`` = sentence index, ``start``, ``end``), ``quad_code``,
  ``event_scale`` (the PLOVER score), ``cite_info`` (``citation`` = article id,
  ``url``, ``title``, ``language``, ``publication``, ``coder``, ``codebook``, and
  rasid's ``article_id``, ``source``, ``published``), ``coder``;
* ``rasid``: what PLOVER has no field for -- event id, confidence, the three flags,
  trigger and its span, evidence offsets into the cleaned text and the raw text,
  entity ids, who reported the event (``reported_by``: entity id and name).

``to_jsonl(article)`` is the same as newline-delimited JSON (the manual's suggested format).
"""
from __future__ import annotations

import json
from typing import Any, Collection

from rasid.doc.article import Article
from rasid.doc.layers import Entity, Event, Participant

__all__ = ["to_plover", "to_jsonl", "realis_of", "NONSTATE_CODES", "CODEBOOK"]

NONSTATE_CODES = frozenset({"IGO", "NGO", "ISM", "IMG", "MNC"})
CODEBOOK = "plover-0.8 (rasid PLOVER lexicon)"


def _types() -> dict[str, dict]:
    from rasid.lang.ar.triggers import event_lexicon

    return event_lexicon().types


def _coder() -> str:
    try:
        from rasid import __version__
    except ImportError:  # pragma: no cover
        __version__ = "?"
    return f"rasid {__version__}"


def _mention_text(article: Article, entity: Entity, start: int, end: int) -> str:
    """The text of the entity's first mention inside ``[start, end)``, else its first mention, else its name."""
    by_id = {m.id: m for m in article.mentions} if entity.mentions else {}
    first = None
    for mid in entity.mentions:
        m = by_id.get(mid)
        if m is None:
            continue
        if first is None:
            first = m
        if start <= m.start and m.end <= end:
            return m.text
    return first.text if first is not None else entity.name


def _actor(article: Article, eid: str, start: int, end: int) -> dict[str, Any]:
    e = article.entity(eid)
    if e is None:
        return {"code": None, "sector": None, "entity_id": eid}
    code, sector = _codes(e.country, e.sector)
    return {
        "code": code,
        "sector": sector,
        "actor_text": _mention_text(article, e, start, end),
        "identifier_id": e.kb_id,
        "identifier_text": e.name_latin or e.name,
        "office": e.roles[0].title if e.roles else None,
        # rasid extras
        "entity_id": e.id,
        "entity_type": e.type,
        "name": e.name,
        "name_latin": e.name_latin,
    }


def _codes(country: str | None, sector: str | None) -> tuple[str | None, str | None]:
    """PLOVER's ``code`` and ``sector``: a non-state sector (IGO, NGO ...) is the code itself."""
    sector = sector or None
    if sector in NONSTATE_CODES:
        return sector, None
    return country, sector


def _party(article: Article, p: Participant, s: int, e: int) -> dict[str, Any]:
    if p.kind != "descriptive" and p.entity and article.entity(p.entity) is not None:
        d = _actor(article, p.entity, s, e)
        ent = article.entity(p.entity)
        d["code"], d["sector"] = _codes(p.country or ent.country, p.sector or ent.sector)
        d["actor_text"] = p.text or d["actor_text"]
    else:
        code, sector = _codes(p.country, p.sector)
        d = {"code": code, "sector": sector, "actor_text": p.text, "identifier_id": None,
             "identifier_text": None, "office": None}
    d["kind"] = "descriptive" if p.kind == "descriptive" else "named"
    d["start"], d["end"] = p.start, p.end
    return d


def _parties(article: Article, ev: Event, role: str) -> list[dict[str, Any]]:
    s, e = ev.evidence_start, ev.evidence_end
    out = [_party(article, p, s, e) for p in ev.participants if p.role == role]
    covered = {p.entity for p in ev.participants if p.role == role and p.entity}
    for x in (ev.source if role == "source" else ev.target):
        if x not in covered:
            covered.add(x)
            d = _actor(article, x, s, e)
            if article.entity(x) is not None:
                d["kind"] = "named"
            out.append(d)
    return out


def realis_of(ev: Event) -> str:
    """The event's realis; "actual" with a flag set (a document from before realis) reads the flag."""
    realis = ev.realis or "actual"
    if realis == "actual":
        realis = ("negated" if ev.negated else "future" if ev.future
                  else "hypothetical" if ev.hypothetical else "actual")
    return realis


def _location(article: Article, eid: str | None) -> dict[str, Any] | None:
    if not eid:
        return None
    e = article.entity(eid)
    if e is None:
        return {"entity_id": eid}
    g = e.geo
    return {
        "name": e.name,
        "asciiname": e.name_latin,
        "geonameid": g.geonameid if g else None,
        "latitude": g.lat if g else None,
        "longitude": g.lon if g else None,
        "cc3": (g.country if g and g.country else e.country),
        "feature": g.feature if g else None,
        "entity_id": e.id,
    }


def _sentence_index(article: Article, pos: int) -> int | None:
    for i, s in enumerate(article.sentences):
        if s.start <= pos < s.end:
            return i
    return None


def _date(article: Article, ev: Event) -> tuple[str | None, str | None]:
    if ev.date:
        return ev.date, ev.date_source or "event"
    if ev.time:
        for t in article.times:
            if t.id == ev.time and t.value:
                return t.value, "time"
    if article.published:
        return article.published[:10], "published"
    return None, None


def _record(article: Article, ev: Event, types: dict[str, dict], coder: str) -> dict[str, Any]:
    text = article.text or ""
    s, e = ev.evidence_start, ev.evidence_end
    date, date_from = _date(article, ev)
    context = list(ev.topics)
    realis = realis_of(ev)
    for flag, r, name in ((ev.negated, "negated", "negation"), (ev.future, "future", "future"),
                          (ev.hypothetical, "hypothetical", "hypothetical")):
        if (flag or realis == r) and name not in context:
            context.append(name)
    reporter = article.entity(ev.reported_by) if ev.reported_by else None
    info = types.get(ev.type, {})
    try:
        raw = list(article.raw_span(s, e))
    except Exception:  # noqa: BLE001 -- an out-of-range span must not sink the export
        raw = None
    return {
        "id": f"{article.id}-{ev.id}",
        "date": date,
        "actor": _parties(article, ev, "source"),      # PLOVER's source actor
        "recipient": _parties(article, ev, "target"),
        "event": [ev.type],
        "mode": [ev.mode] if ev.mode else [],
        "context": context,
        "realis": realis,
        "casualties": {"dead": ev.killed, "injured": ev.injured},
        "event_loc": _location(article, ev.location),
        "event_text": [text[s:e]],
        "text_info": {"sequence": _sentence_index(article, s), "start": s, "end": e},
        "quad_code": info.get("quad"),
        "event_scale": info.get("score"),
        "cite_info": {
            "citation": article.id,
            "url": article.url,
            "title": article.title,
            "language": article.language,
            "publication": article.publisher,
            "coder": coder,
            "codebook": CODEBOOK,
            "article_id": article.id,
            "source": article.source,
            "published": article.published,
        },
        "coder": coder,
        "rasid": {
            "event_id": ev.id,
            "confidence": ev.confidence,
            "negated": ev.negated,
            "future": ev.future,
            "hypothetical": ev.hypothetical,
            "trigger": ev.trigger,
            "trigger_span": ({"start": ev.trigger_start, "end": ev.trigger_end}
                             if ev.trigger_start is not None else None),
            "reported_by": ({"entity_id": ev.reported_by, "name": reporter.name if reporter else None}
                            if ev.reported_by else None),
            "evidence": {"start": s, "end": e, "raw": raw},
            "date_from": date_from,
            "time_id": ev.time,
            "source_ids": list(ev.source),
            "recipient_ids": list(ev.target),
            "location_id": ev.location,
        },
    }


def to_plover(article: Article, realis: Collection[str] | None = None) -> list[dict[str, Any]]:
    """One PLOVER record per event of ``article``, in the article's order; with ``realis``, only the
    events of those realis values (``("actual",)``: what an analyst counts)."""
    events = [ev for ev in article.events if realis is None or ev.realis in realis]
    if not events:
        return []
    types = _types()
    coder = _coder()
    return [_record(article, ev, types, coder) for ev in events]


def to_jsonl(article: Article, realis: Collection[str] | None = None) -> str:
    """The article's PLOVER records as newline-delimited JSON (UTF-8 text, Arabic unescaped)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in to_plover(article, realis))
