"""Article <-> plain JSON-ready dicts, with a schema version.

The JSON is a superset of ``../shared/eval/CONTRACT.md``: ``title``, ``text``,
``entities[].mentions[]`` as ``{id, text, start, end}``, ``events`` with
``source``/``target``/``location``, ``quotes`` with ``speaker``. The JSON
Schema of the whole document is ``article.schema.json`` beside this module.

Fields whose value is None or an empty list are left out; the loader restores
their defaults. ``from_dict(to_dict(a)) == a`` for every valid Article.
"""
from __future__ import annotations

import json
from dataclasses import fields
from functools import cache
from importlib import resources
from typing import Any

from rasid.doc.alignment import Alignment
from rasid.doc.article import Article
from rasid.doc.layers import (ArticleError, Entity, Event, Mention, Participant, Place, Quote, Removed, Role,
                              Sentence, TimeExpr, Token, Word)
from rasid.errors import SchemaError, SpanError

SCHEMA_VERSION = "1.0"


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(obj: Any) -> dict:
    out = {}
    for name in _field_names(type(obj)):
        value = getattr(obj, name)
        if value is None or (isinstance(value, list) and not value):
            continue
        out[name] = value
    return out


def _token_dict(t: Token) -> dict:
    d = {"start": t.start, "end": t.end, "norm": t.norm, "kind": t.kind}
    if t.split:
        d["words"] = [{"start": w.start, "end": w.end, "norm": w.norm, "kind": w.kind} for w in t.words]
    return d


def _entity_dict(e: Entity, mentions: dict[str, Mention]) -> dict:
    d = _plain(e)
    d["mentions"] = [{"id": m.id, "text": m.text, "start": m.start, "end": m.end}
                     for m in (mentions[mid] for mid in e.mentions if mid in mentions)]
    if e.roles:
        d["roles"] = [_plain(r) for r in e.roles]
        d["title"] = e.roles[0].title    # CONTRACT: the office the text gives
    if e.geo is not None:
        d["geo"] = _plain(e.geo)
    return d


def _event_dict(ev: Event) -> dict:
    d = _plain(ev)
    d["evidence"] = {"start": ev.evidence_start, "end": ev.evidence_end}
    del d["evidence_start"], d["evidence_end"]
    d["flags"] = {"negated": ev.negated, "future": ev.future, "hypothetical": ev.hypothetical}
    del d["negated"], d["future"], d["hypothetical"]
    d["realis"] = ev.realis
    if ev.trigger_start is not None:
        d["trigger_span"] = {"start": ev.trigger_start, "end": ev.trigger_end}
    d.pop("trigger_start", None)
    d.pop("trigger_end", None)
    if ev.participants:
        d["participants"] = [_plain(p) for p in ev.participants]
    return d


def to_dict(article: Article, *, tokens: bool = True, raw: bool = True) -> dict:
    """A JSON-ready dict of the article. ``tokens=False``/``raw=False`` leave those heavy layers out."""
    a = article
    mentions = {m.id: m for m in a.mentions}
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "id": a.id}
    for name in ("title", "published", "published_source", "publisher", "section", "author",
                 "url", "language", "source"):
        value = getattr(a, name)
        if value is not None:
            out[name] = value
    out["text"] = a.text
    if raw:
        out["raw"] = a.raw
        out["alignment"] = a.alignment.to_list()
    out["removed"] = [_plain(r) for r in a.removed]
    out["sentences"] = [_plain(s) for s in a.sentences]
    if tokens:
        out["tokens"] = [_token_dict(t) for t in a.tokens]
    out["mentions"] = [_plain(m) for m in a.mentions]
    out["entities"] = [_entity_dict(e, mentions) for e in a.entities]
    out["times"] = [_plain(t) for t in a.times]
    out["quotes"] = [_plain(q) for q in a.quotes]
    out["events"] = [_event_dict(e) for e in a.events]
    out["provenance"] = dict(a.provenance)
    out["errors"] = [_plain(e) for e in a.errors]
    if a.meta:
        out["meta"] = a.meta
    return out


# ---------------------------------------------------------------- loading

def _build(cls: type, data: dict, where: str):
    if not isinstance(data, dict):
        raise SchemaError(f"{where}: expected an object, got {type(data).__name__}")
    names = _field_names(cls)
    try:
        return cls(**{k: v for k, v in data.items() if k in names})
    except TypeError as exc:
        raise SchemaError(f"{where}: {exc}") from None


def from_dict(data: dict) -> Article:
    """Rebuild an Article from ``to_dict`` output (must include ``raw`` and ``alignment``)."""
    if not isinstance(data, dict):
        raise SchemaError("an article document must be a JSON object")
    version = str(data.get("schema_version", ""))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise SchemaError(f"unsupported schema_version {version!r} (this rasid reads {SCHEMA_VERSION})")
    if "raw" not in data or "text" not in data:
        raise SchemaError("the document lacks 'raw' or 'text' (written with raw=False?)")
    raw = data["raw"]
    try:
        alignment = Alignment.from_list(data.get("alignment", [[0, 0, len(raw)]] if raw else []), len(raw))
    except (SpanError, TypeError, ValueError) as exc:
        raise SchemaError(f"alignment: {exc}") from None
    if alignment.apply(raw) != data["text"]:
        raise SchemaError("'text' is not 'raw' with the alignment's kept segments")
    tokens = []
    for i, t in enumerate(data.get("tokens", [])):
        words = [_build(Word, w, f"tokens[{i}].words") for w in t.get("words", [])]
        try:
            tokens.append(Token(int(t["start"]), int(t["end"]), str(t["norm"]), str(t.get("kind", "word")), words))
        except (KeyError, TypeError, ValueError) as exc:
            raise SchemaError(f"tokens[{i}]: {exc!r}") from None
    entities = []
    for i, e in enumerate(data.get("entities", [])):
        e = dict(e)
        e.pop("title", None)
        mentions = [m["id"] if isinstance(m, dict) else m for m in e.pop("mentions", [])]
        roles = [_build(Role, r, f"entities[{i}].roles") for r in e.pop("roles", [])]
        geo = e.pop("geo", None)
        ent = _build(Entity, e, f"entities[{i}]")
        ent.mentions, ent.roles = mentions, roles
        ent.geo = _build(Place, geo, f"entities[{i}].geo") if geo else None
        entities.append(ent)
    events = []
    for i, ev in enumerate(data.get("events", [])):
        ev = dict(ev)
        evidence = ev.pop("evidence", {})
        flags = ev.pop("flags", {})
        span = ev.pop("trigger_span", None) or {}
        parts = ev.pop("participants", [])
        ev.update(evidence_start=evidence.get("start", 0), evidence_end=evidence.get("end", 0), **flags)
        ev.update(trigger_start=span.get("start"), trigger_end=span.get("end"))
        event = _build(Event, ev, f"events[{i}]")
        event.participants = [_build(Participant, p, f"events[{i}].participants[{j}]") for j, p in enumerate(parts)]
        events.append(event)
    article = Article(
        raw=raw, id=data.get("id", ""), text=data["text"], alignment=alignment,
        title=data.get("title"), published=data.get("published"),
        published_source=data.get("published_source"), publisher=data.get("publisher"),
        section=data.get("section"), author=data.get("author"), url=data.get("url"),
        language=data.get("language", "ar"), source=data.get("source"),
        removed=[_build(Removed, r, "removed") for r in data.get("removed", [])],
        sentences=[_build(Sentence, s, "sentences") for s in data.get("sentences", [])],
        tokens=tokens,
        mentions=[_build(Mention, m, "mentions") for m in data.get("mentions", [])],
        entities=entities,
        times=[_build(TimeExpr, t, "times") for t in data.get("times", [])],
        quotes=[_build(Quote, q, "quotes") for q in data.get("quotes", [])],
        events=events,
        provenance=dict(data.get("provenance", {})),
        errors=[_build(ArticleError, e, "errors") for e in data.get("errors", [])],
        meta=dict(data.get("meta", {})),
    )
    validate_offsets(article)
    return article


def validate_offsets(article: Article) -> None:
    """Raise SpanError unless every span of every layer lies in its text (and mentions/quotes hold their text)."""
    from rasid.doc.span import check_span, check_text

    n, text = len(article.text), article.text
    for r in article.removed:
        check_span(r.start, r.end, len(article.raw))
    for layer in (article.sentences, article.tokens):
        for s in layer:
            check_span(s.start, s.end, n)
    for t in article.tokens:
        for w in t.words:
            check_span(w.start, w.end, n)
    for m in article.mentions:
        check_text(text, m.start, m.end, m.text)
    for t in article.times:
        check_text(text, t.start, t.end, t.text)
    for q in article.quotes:
        check_text(text, q.start, q.end, q.text)
        if q.speaker_start is not None:
            check_text(text, q.speaker_start, q.speaker_end, q.speaker_text)
    for ev in article.events:
        check_span(ev.evidence_start, ev.evidence_end, n)


# ---------------------------------------------------------------- JSON text

def dumps(article: Article, *, indent: int | None = None, **kw) -> str:
    return json.dumps(to_dict(article, **kw), ensure_ascii=False, indent=indent)


def loads(text: str) -> Article:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"not JSON: {exc}") from None
    return from_dict(data)


@cache
def json_schema() -> dict:
    """The published JSON Schema of the article document."""
    return json.loads(resources.files("rasid.doc").joinpath("article.schema.json").read_text("utf-8"))
