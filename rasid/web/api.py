"""The HTTP API routes (mounted under ``/api`` by :func:`rasid.web.app.create_app`).

Every read goes through :mod:`rasid.query` (the network and the places too) over a
read-only connection opened for the request.
``POST /api/articles`` runs :func:`rasid.extract.extract_text` and
:meth:`rasid.store.Store.add`, one write at a time, and only with the configured
bearer token. docs/API.md documents every route.
"""
from __future__ import annotations

import hmac
import re
import threading
from contextlib import contextmanager
from datetime import date as _date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, field_validator

from rasid import query
from rasid.store import Store, connect
from rasid.web.errors import ERROR_RESPONSES, ApiError, ErrorBody

__all__ = ["build_router", "WebState", "MAX_TEXT_CHARS"]

MAX_TEXT_CHARS = 1_000_000
_ISO = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class WebState:
    """What the routes share: the store path, the write token, the write lock and the pipeline (built on first write)."""

    def __init__(self, db_path: str, write_token: str | None, settings=None) -> None:
        self.db_path = db_path
        self.write_token = write_token or None
        self.settings = settings
        self.write_lock = threading.Lock()
        self._pipeline = None

    @contextmanager
    def reader(self):
        """A read-only connection for this request (a connection belongs to its thread)."""
        conn = connect(self.db_path, readonly=True)
        try:
            yield conn
        finally:
            conn.close()

    def pipeline(self):
        if self._pipeline is None:
            from rasid.extract import build_pipeline   # the pipeline loads on the first write, not at start

            self._pipeline = build_pipeline(self.settings)
        return self._pipeline


# ------------------------------------------------------------------ models

class PageOut(BaseModel):
    """A page of results: ``items`` from ``offset``, ``total`` matching in all."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class SearchOut(PageOut):
    actors: list[dict[str, Any]] = Field(description="Up to 5 actors whose names match the same words")


class CountsOut(BaseModel):
    kind: str
    interval: str
    items: list[dict[str, Any]] = Field(description='[{"period": "2024-03", "count": 4}, ...] in time order')


class NetworkOut(BaseModel):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    total_nodes: int
    total_edges: int


class PlacesOut(BaseModel):
    items: list[dict[str, Any]]
    total: int
    unplaced: int


class MetaOut(BaseModel):
    counts: dict[str, int]
    realis: dict[str, int] = Field(description="Stored events per realis (actual, negated, future, ...)")
    types: list[dict[str, Any]]
    countries: list[dict[str, Any]]
    writable: bool
    max_limit: int


class ArticleIn(BaseModel):
    """A new article: its text (headline, blank line, body is fine) and what is known of it."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The article text, as scraped")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD")
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=500, description="Where it came from (default `api`)")
    publisher: str | None = Field(None, max_length=300)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v

    @field_validator("published")
    @classmethod
    def _day(cls, v: str | None) -> str | None:
        if v is None:
            return v
        if not _DAY.match(v):
            raise ValueError("published must be a date YYYY-MM-DD")
        _date.fromisoformat(v)          # a real day (raises ValueError otherwise)
        return v


class IngestOut(BaseModel):
    id: str = Field(description="The stored article id (GET /api/articles/{id})")
    inserted: bool = Field(description="False when the same text was stored before (nothing written)")
    duplicate_of: str | None = None
    dup_score: float | None = None
    events_new: int = 0
    events_merged: int = 0
    counts: dict[str, int] = Field(description="entities, mentions, quotes, events, times found in the article")
    errors: list[dict[str, Any]] = Field(description="Pipeline stages that failed on the article (it is stored anyway)")


# -------------------------------------------------------------- parameters

Limit = Annotated[int, Query(ge=1, le=query.MAX_LIMIT, description=f"Page size, 1..{query.MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="How many results to skip")]
Since = Annotated[str | None, Query(pattern=_ISO, max_length=10,
                                    description="From this date on, inclusive: YYYY, YYYY-MM or YYYY-MM-DD")]
Until = Annotated[str | None, Query(pattern=_ISO, max_length=10,
                                    description="Up to this date, inclusive (YYYY-MM = the whole month)")]
ActorQ = Annotated[str | None, Query(max_length=200, description="Actor id, or a name in either script (exact, normalised)")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3 code, e.g. JOR")]
EventType = Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,32}$", description="PLOVER event type, e.g. CONSULT")]
Id = Annotated[str, Path(min_length=1, max_length=200)]
RealisQ = Annotated[str | None, Query(max_length=200, description=(
    "Which events: actual (the default: reported as having happened), all, or comma-separated values of "
    + ", ".join(query.REALIS)))]


def _check_dates(since: str | None, until: str | None) -> None:
    for name, v in (("since", since), ("until", until)):
        if not v:
            continue
        parts = [int(p) for p in v.split("-")]
        try:
            _date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            raise ApiError(422, "invalid", f"query parameter {name!r}: {v!r} is not a real date") from None


def _check_realis(realis: str | None) -> None:
    try:
        query.parse_realis(realis)
    except ValueError as exc:
        raise ApiError(422, "invalid", f"query parameter 'realis': {exc}") from None


def _page(p: query.Page) -> dict:
    return p.to_dict()


_bearer = HTTPBearer(auto_error=False, description="The write token configured on the server")


# ------------------------------------------------------------------ routes

def build_router(state: WebState) -> APIRouter:
    r = APIRouter(prefix="/api", responses={422: ERROR_RESPONSES[422]})

    @r.get("/meta", response_model=MetaOut, tags=["meta"], summary="Totals, event types, countries")
    def meta():
        with state.reader() as c:
            counts = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]   # names from a fixed tuple
                      for t in ("articles", "actors", "quotes")}
            counts["events"] = c.execute("SELECT count(*) FROM events WHERE realis = 'actual'").fetchone()[0]
            return {"counts": counts, "realis": query.realis_counts(c), "types": query.event_types(c),
                    "countries": query.countries(c),
                    "writable": state.write_token is not None, "max_limit": query.MAX_LIMIT}

    @r.get("/events", response_model=PageOut, tags=["events"], summary="Events, newest first")
    def events(actor: ActorQ = None, country: Country = None, type: EventType = None, since: Since = None,
               until: Until = None, article: Annotated[str | None, Query(max_length=200)] = None,
               realis: RealisQ = None, limit: Limit = 50, offset: Offset = 0):
        _check_dates(since, until)
        _check_realis(realis)
        with state.reader() as c:
            return _page(query.events(c, actor=actor, country=country, type=type, since=since, until=until,
                                      limit=limit, offset=offset, article=article, realis=realis))

    @r.get("/events/{id}", tags=["events"], summary="One event with its actors and sources",
           responses={404: ERROR_RESPONSES[404]})
    def event(id: Id) -> dict[str, Any]:
        with state.reader() as c:
            ev = query.event(c, id)
        if ev is None:
            raise ApiError(404, "not_found", f"no event with id {id!r}")
        return ev

    @r.get("/actors", response_model=PageOut, tags=["actors"], summary="Actors, most mentioned first")
    def actors(q: Annotated[str | None, Query(max_length=200, description="Words of a name, either script")] = None,
               country: Country = None,
               type: Annotated[str | None, Query(pattern=r"^(?i:PER|ORG|LOC|MISC)$", description="PER, ORG, LOC or MISC")] = None,
               limit: Limit = 50, offset: Offset = 0):
        with state.reader() as c:
            return _page(query.actors(c, q=q, country=country, type=type, limit=limit, offset=offset))

    @r.get("/actors/{id}", tags=["actors"], responses={404: ERROR_RESPONSES[404]},
           summary="One actor: names in both scripts, countries, offices, events over time, events, quotes")
    def actor(id: Id, recent: Annotated[int, Query(ge=1, le=100, description="How many recent events and quotes")] = 20,
              realis: RealisQ = None) -> dict[str, Any]:
        _check_realis(realis)
        with state.reader() as c:
            a = query.actor(c, id, recent=recent, realis=realis)
        if a is None:
            raise ApiError(404, "not_found", f"no actor with id {id!r}")
        return a

    @r.get("/quotes", response_model=PageOut, tags=["quotes"], summary="Quotes, newest first")
    def quotes(speaker: ActorQ = None,
               q: Annotated[str | None, Query(max_length=500, description="Text inside the quote, as written")] = None,
               since: Since = None, until: Until = None,
               article: Annotated[str | None, Query(max_length=200)] = None,
               limit: Limit = 50, offset: Offset = 0):
        _check_dates(since, until)
        with state.reader() as c:
            return _page(query.quotes(c, speaker=speaker, q=q, since=since, until=until, article=article,
                                      limit=limit, offset=offset))

    @r.get("/articles", response_model=PageOut, tags=["articles"], summary="Articles, newest first")
    def articles(since: Since = None, until: Until = None,
                 publisher: Annotated[str | None, Query(max_length=300)] = None,
                 limit: Limit = 50, offset: Offset = 0):
        _check_dates(since, until)
        with state.reader() as c:
            return _page(query.articles(c, since=since, until=until, publisher=publisher, limit=limit, offset=offset))

    @r.get("/articles/{id}", tags=["articles"], responses={404: ERROR_RESPONSES[404]},
           summary="One article: text, layers and highlights (mentions, quotes, times, event evidence)")
    def article(id: Id) -> dict[str, Any]:
        with state.reader() as c:
            doc = query.article(c, id)
        if doc is None:
            raise ApiError(404, "not_found", f"no article with id {id!r}")
        doc.pop("raw", None)
        doc.pop("alignment", None)
        return doc

    @r.post("/articles", response_model=IngestOut, status_code=201, tags=["articles"],
            summary="Ingest a new article (needs the write token)",
            responses={200: {"model": IngestOut, "description": "Already stored (same text): nothing written"},
                       401: {"model": ErrorBody, "description": "No token (`unauthorized`)"},
                       403: {"model": ErrorBody, "description": "Wrong token (`forbidden`), "
                                                                "or the server is read-only (`read_only`)"},
                       413: {"model": ErrorBody, "description": "Body over the size limit (`too_large`)"}})
    def add_article(body: ArticleIn, response: Response, _auth=Depends(_authorize(state))):
        from rasid.extract import extract_text   # the pipeline loads on the first write, not at start

        with state.write_lock:
            art = extract_text(body.text, title=body.title, published=body.published, pipeline=state.pipeline(),
                               url=body.url, source=body.source or "api", publisher=body.publisher)
            with Store(state.db_path) as store:
                res = store.add(art)
        if not res.inserted:
            response.status_code = 200
        return {"id": res.article_id, "inserted": res.inserted, "duplicate_of": res.duplicate_of,
                "dup_score": res.dup_score, "events_new": res.events_new, "events_merged": res.events_merged,
                "counts": {"entities": len(art.entities), "mentions": len(art.mentions), "quotes": len(art.quotes),
                           "events": len(art.events), "times": len(art.times)},
                "errors": [{"stage": e.stage, "code": e.code, "message": e.message} for e in art.errors]}

    @r.get("/search", response_model=SearchOut, tags=["search"],
           summary="Articles holding every word (normalised Arabic), best first; and matching actors")
    def search(q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find")],
               limit: Limit = 50, offset: Offset = 0):
        with state.reader() as c:
            page = _page(query.search(c, q, limit=limit, offset=offset))
            page["actors"] = query.actors(c, q=q, limit=5).items
        return page

    @r.get("/counts", response_model=CountsOut, tags=["counts"], summary="Counts over time")
    def counts(interval: Annotated[Literal["day", "week", "month", "year"], Query(description="Bucket size")] = "month",
               kind: Annotated[Literal["events", "articles", "quotes"], Query(
                   description="What to count (articles and quotes take since/until only)")] = "events",
               actor: ActorQ = None, country: Country = None, type: EventType = None,
               since: Since = None, until: Until = None, realis: RealisQ = None):
        _check_dates(since, until)
        _check_realis(realis)
        with state.reader() as c:
            if kind == "events":
                items = query.counts_over_time(c, interval, actor=actor, country=country, type=type,
                                               since=since, until=until, realis=realis)
            else:
                if actor or country or type or realis:
                    raise ApiError(422, "invalid", f"actor, country, type and realis filter events only, not {kind}")
                items = query.counts_over_time(c, interval, kind=kind, since=since, until=until)
        return {"kind": kind, "interval": interval, "items": items}

    @r.get("/network", response_model=NetworkOut, tags=["events"],
           summary="Actors (nodes) and who met, accused, threatened... whom (edges, counts by event type)")
    def network(actor: ActorQ = None, country: Country = None, type: EventType = None, since: Since = None,
                until: Until = None, realis: RealisQ = None,
                limit: Annotated[int, Query(ge=1, le=300, description="Most nodes kept")] = 60):
        _check_dates(since, until)
        _check_realis(realis)
        with state.reader() as c:
            return query.network(c, actor=actor, country=country, type=type, since=since, until=until, limit=limit,
                                 realis=realis)

    @r.get("/places", response_model=PlacesOut, tags=["events"], summary="Event places with coordinates and counts")
    def places(actor: ActorQ = None, country: Country = None, type: EventType = None, since: Since = None,
               until: Until = None, realis: RealisQ = None,
               limit: Annotated[int, Query(ge=1, le=1000, description="Most places")] = 200):
        _check_dates(since, until)
        _check_realis(realis)
        with state.reader() as c:
            return query.places(c, actor=actor, country=country, type=type, since=since, until=until, limit=limit,
                                realis=realis)

    return r


def _authorize(state: WebState):
    async def check(cred: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None) -> None:
        if state.write_token is None:
            raise ApiError(403, "read_only", "this server is read-only: no write token is configured")
        if cred is None:      # (WriteGuard answers this first; kept for an app mounted without it)
            raise ApiError(401, "unauthorized", "missing header 'Authorization: Bearer <token>'")
        if not hmac.compare_digest(cred.credentials.encode("utf-8"), state.write_token.encode("utf-8")):
            raise ApiError(403, "forbidden", "wrong token")
    return check

