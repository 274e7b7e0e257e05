"""PLOVER JSON for one article's events.

``to_plover(article)`` returns one record per ``Article.events`` entry, with the
field names and nesting of the PLOVER manual's data-interchange chapter
(openeventdata/PLOVER, "PLOVER JSON", "Information object for actors / text /
citations", location object after geonames):

* ``id``, ``date`` (the event's resolved date, else its time expression's value,
  else the publication date), ``source`` / ``recipient`` (lists of actor objects:
  ``code`` = ISO alpha-3 or a non-state code such as IGO, ``sector``,
  ``actor_text``, ``identifier_id``, ``identifier_text``, ``office``),
  ``event``, ``mode`` and ``context`` (lists, as the manual specifies; the special
  contexts ``negation`` / ``future`` / ``hypothetical`` are added from the flags),
  ``event_loc`` (``name``, ``asciiname``, ``geonameid``, ``latitude``,
  ``longitude``, ``cc3``), ``event_text`` (list: the evidence slice of the text),
  ``text_info`` (``sequence`` = sentence index, ``start``, ``end``), ``quad_code``,
  ``event_scale`` (the PLOVER score), ``cite_info`` (``citation`` = article id,
  ``url``, ``title``, ``language``, ``publication``, ``coder``, ``codebook``, and
  rasid's ``article_id``, ``source``, ``published``), ``coder``;
* ``rasid``: what PLOVER has no field for -- event id, confidence, the three flags,
  trigger, evidence offsets into the cleaned text and the raw text, entity ids.

``to_jsonl(article)`` is the same as newline-delimited JSON (the manual's suggested format).
"""
from __future__ import annotations

import json
from typing import Any

from rasid.doc.article import Article
from rasid.doc.layers import Entity, Event

__all__ = ["to_plover", "to_jsonl", "NONSTATE_CODES", "CODEBOOK"]

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
    sector = e.sector or None
    if sector in NONSTATE_CODES:
        code, sector = sector, None
    else:
        code = e.country
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
    for flag, name in ((ev.negated, "negation"), (ev.future, "future"), (ev.hypothetical, "hypothetical")):
        if flag and name not in context:
            context.append(name)
    info = types.get(ev.type, {})
    try:
        raw = list(article.raw_span(s, e))
    except Exception:  # noqa: BLE001 -- an out-of-range span must not sink the export
        raw = None
    return {
        "id": f"{article.id}-{ev.id}",
        "date": date,
        "actor": [_actor(article, a, s, e) for a in ev.source],      # PLOVER's source actor
        "recipient": [_actor(article, a, s, e) for a in ev.target],
        "event": [ev.type],
        "mode": [ev.mode] if ev.mode else [],
        "context": context,
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
            "evidence": {"start": s, "end": e, "raw": raw},
            "date_from": date_from,
            "time_id": ev.time,
            "source_ids": list(ev.source),
            "recipient_ids": list(ev.target),
            "location_id": ev.location,
        },
    }


def to_plover(article: Article) -> list[dict[str, Any]]:
    """One PLOVER record per event of ``article``, in the article's order."""
    if not article.events:
        return []
    types = _types()
    coder = _coder()
    return [_record(article, ev, types, coder) for ev in article.events]


def to_jsonl(article: Article) -> str:
    """The article's PLOVER records as newline-delimited JSON (UTF-8 text, Arabic unescaped)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in to_plover(article))
