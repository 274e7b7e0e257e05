"""Writing articles into the store: ``Store.add(article) -> AddResult``,
``Store.add_batch(articles)`` and ``Store.add_many(items, batch_size=64)``.

One transaction per batch (``BEGIN IMMEDIATE`` … ``COMMIT``): a process killed
mid-ingest leaves every committed batch complete and nothing of the one in
flight, and a rerun adds what is missing. Ingestion is idempotent by content
hash (SHA-256 of ``Article.raw``): an article whose hash is stored is skipped,
and :meth:`Store.known` tells a caller so before it runs the pipeline. What
needs no lock (hashes, shingles, MinHash signatures, search keys, reading the
registry) is computed before the write lock is taken; a writer waits at most
``busy_timeout`` seconds for another's lock, then raises :class:`StoreBusy`.

Actors: entities are resolved by :class:`rasid.store.actors.ActorRegistry` (the one
matching implementation), whose state is kept in the ``actors`` table (each
actor's ``to_dict()`` in ``actors.data``, with searchable columns and names
beside it), written once per batch for the actors the batch touched (their
names and search rows only when those changed). The registry is loaded at the
first write; when another writer changed it (``store_meta.registry_version``)
only the actors it wrote are read again (``actors.version``), unless it deleted,
merged or split one (``store_meta.registry_epoch``: a full reload), or a
transaction was rolled back. The entities of the added Article get their ``kb_id`` set.
Which names become new actors is rasid.store.evidence's ``admission``: at once, never, or
(``"recurs"``) once a second article names them -- until then they wait in
``actor_candidates`` (rasid.store.pending), unlinked.

Events: each article event becomes a new event, or a new source of a stored
event with the same type, the same realis, the same parties and a date within
``window_days`` (default 3) -- so the same event reported by several papers is
one event with several sources. The parties of a side are its named actors
(resolved entities); a side with none is keyed by its descriptive actors'
sector and country codes (``~UAF/IRQ``), so "gunmen attacked X" does not merge
with "the police attacked X". Events without any named actor, events whose
realis is ``background`` or ``generic`` (recalled or habitual: their date is not
the incident's), and events without a date are never merged (except with an
event of exactly the same coarse date, e.g. "2024-03"); two events of one article never
merge, and an event with a named party on one side only (إسرائيل ترفض …) merges only with
a report that says much the same (word overlap ``SAME_REPORT``). Every party of every
report is kept in ``event_participants`` (named and descriptive, with its span),
so merging loses no descriptive actor; the event's ``killed``/``injured`` are the
highest counts any of its reports gives, its ``mode`` the first one given.

Near-duplicates: see :mod:`rasid.store.dedup`; ``duplicate_of`` names the earliest
stored article with shingle Jaccard ≥ 0.8.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date as _date

from rasid.doc.article import Article, content_id
from rasid.doc.layers import Entity, Event
from rasid.doc.serialize import to_dict
from rasid.store import documents
from rasid.errors import InputError, RasidError, StoreBusy, StoreError
from rasid.lang.ar.normalize import norm_key
from rasid.store.actors import Actor, ActorRegistry, registered
from rasid.store.corrections import apply_corrections
from rasid.store import dedup, fts, pending
from rasid.store.db import connect, now, transaction

__all__ = ["Store", "AddResult", "Prepared", "prepare", "StoreError", "StoreBusy", "DEFAULT_BATCH", "content_hash", "DEFAULT_WINDOW_DAYS", "realis_of", "event_parties"]

DEFAULT_WINDOW_DAYS = 3
DEFAULT_BATCH = 64           # articles per write transaction in add_many
DEFAULT_BUSY_TIMEOUT = 60.0  # seconds a writer waits for another's write lock
UNMERGED_REALIS = frozenset({"background", "generic"})
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class AddResult:
    inserted: bool                 # False: the content hash was already stored (nothing written)
    article_id: str
    duplicate_of: str | None = None
    events_new: int = 0
    events_merged: int = 0
    dup_score: float | None = None
    replaced: bool = False         # True: an earlier version (same id, or same url and much the same text) was replaced


def content_hash(article: Article) -> str:
    """SHA-256 (hex) of the article's raw text: the idempotency key."""
    return hashlib.sha256(article.raw.encode("utf-8", "surrogatepass")).hexdigest()


def day_number(value: str | None) -> int | None:
    """The proleptic ordinal of a day-precision ISO date, else None."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return _date(int(m[1]), int(m[2]), int(m[3])).toordinal()
    except ValueError:
        return None


def event_date(article: Article, ev: Event) -> str | None:
    """The event's date: its own, else its time expression's value, else the publication date."""
    if ev.date:
        return ev.date
    if ev.time:
        for t in article.times:
            if t.id == ev.time and t.value:
                return t.value
    return article.published[:10] if article.published else None


class Store:
    """An SQLite event store at ``path`` (created and migrated when missing)."""

    def __init__(self, path: str | os.PathLike, *, window_days: int = DEFAULT_WINDOW_DAYS,
                 busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path = os.fspath(path)
        self.window_days = int(window_days)
        self.busy_timeout = float(busy_timeout)
        self.conn: sqlite3.Connection = connect(self.path)
        self.conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
        self._registry: ActorRegistry | None = None
        self._reg_version: int | None = None
        self._reg_epoch: str | None = None
        self._check_dedup_config()

    # ----------------------------------------------------------------- basics
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def count(self, table: str) -> int:
        if table not in _COUNTABLE:
            raise ValueError(f"unknown table {table!r}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]   # name from a fixed set

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM store_meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT INTO store_meta(key, value) VALUES (?, ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def _check_dedup_config(self) -> None:
        """Signatures and search keys made by another version are made again (once, on open)."""
        if self._meta("minhash") == dedup.CONFIG and self._meta("fts_keys") == fts.KEYS_VERSION:
            return
        with transaction(self.conn):
            fts.check_keys(self.conn)
            if self._meta("minhash") != dedup.CONFIG:
                if self._meta("minhash") is not None:
                    dedup.rebuild(self.conn)
                self._set_meta("minhash", dedup.CONFIG)

    # --------------------------------------------------------------- registry
    @property
    def registry(self) -> ActorRegistry:
        """The actor registry as stored (loaded on first use, brought up to date when another writer changed it)."""
        self._sync_registry()
        return self._registry

    def _sync_registry(self) -> None:
        """Bring the in-memory registry up to the stored one. Actors only grow between two
        versions of the same epoch, so another writer's changes are read incrementally (the actors
        it saved, ``actors.version`` above ours); a deletion or an analyst's correction starts a
        new epoch (``store_meta.registry_epoch``) and a full reload."""
        version = int(self._meta("registry_version") or 0)
        epoch = self._meta("registry_epoch") or ""
        if self._registry is None or epoch != self._reg_epoch:
            rows = self.conn.execute("SELECT data FROM actors ORDER BY id").fetchall()
            self._registry = ActorRegistry.from_dict({"actors": [json.loads(r[0]) for r in rows]})
            apply_corrections(self.conn, self._registry)      # an analyst's merges and splits
        elif version != self._reg_version:
            for (data,) in self.conn.execute("SELECT data FROM actors WHERE version > ? ORDER BY id",
                                             (self._reg_version or 0,)):
                self._registry.update(Actor.from_dict(json.loads(data)))
        self._reg_version, self._reg_epoch = version, epoch

    def _bump_registry(self, *, epoch: bool = False) -> int:
        """Record (inside the caller's transaction) that the registry changed; ``epoch`` when an
        actor was deleted, merged or split (readers must reload it whole). Returns the new version."""
        version = int(self._meta("registry_version") or 0) + 1
        self._set_meta("registry_version", str(version))
        self._reg_version = version
        if epoch:
            self._reg_epoch = f"{version}"
            self._set_meta("registry_epoch", self._reg_epoch)
        return version

    # -------------------------------------------------------------------- add
    def add_many(self, items: Iterable[Article | InputError], *,
                 batch_size: int = DEFAULT_BATCH) -> Iterator[AddResult | InputError | Exception]:
        """Add every Article of ``items``, ``batch_size`` articles per transaction; yields, in input
        order, an AddResult per article, an InputError of ``items`` as it is, and the exception
        of an article that could not be stored (the others are)."""
        batch: list[Article] = []
        for item in items:
            if isinstance(item, InputError):
                yield from self.add_batch(batch)
                batch = []
                yield item
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self.add_batch(batch)
                batch = []
        yield from self.add_batch(batch)

    def add(self, article: Article) -> AddResult:
        """Store ``article`` with its actors, mentions, quotes, times and events, in one transaction.

        An article is known by its text (the content hash): the same text again is skipped. An
        edited version replaces the stored one, which keeps its id: the same ``id`` with other
        text or another title, or (without an id of its own) the same ``url`` and much the same
        text (word overlap at least :data:`SAME_VERSION`). The replaced version's mentions,
        quotes, times, offices and event reports are removed first (an event it alone reported
        goes, a merged one loses a source) and its document is kept in ``article_versions``.
        """
        result = self.add_batch([article])[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def add_batch(self, articles: list[Article | Prepared]) -> list[AddResult | Exception]:
        """Store ``articles`` (Articles, or what :func:`prepare` made of them) in one transaction
        (see :meth:`add` for each); returns one AddResult
        per article, or the exception of one that failed. Work that needs no lock (hashes,
        shingles, signatures, search keys, loading the registry) is done before the write lock is
        taken; the registry's actors are written once per batch. When one article fails, the batch
        is rolled back and each article is stored in a transaction of its own, so the others are kept.
        A store whose write lock another process holds longer than ``busy_timeout`` seconds is a
        :class:`StoreBusy` (nothing of the batch written)."""
        if not articles:
            return []
        prepared = [a if isinstance(a, Prepared) else Prepared.of(a) for a in articles]
        self._sync_registry()                        # outside the lock: usually all the reading there is
        try:
            return self._write(prepared)
        except StoreBusy:
            raise
        except Exception as exc:                     # noqa: BLE001 -- one article's failure
            if len(prepared) == 1:
                return [exc]
        out: list[AddResult | Exception] = []
        for p in prepared:
            p.article.id = p.id
            try:
                out.extend(self._write([p]))
            except StoreBusy:
                raise
            except Exception as exc:                 # noqa: BLE001
                out.append(exc)
        return out

    def _write(self, prepared: list["Prepared"]) -> list[AddResult]:
        conn = self.conn
        try:
            with self._locked():
                self._sync_registry()                # another writer's actors, read incrementally
                dirty: dict[str, list] = {}
                results = [self._add_one(p, dirty) for p in prepared]
                if dirty:
                    version = self._bump_registry()
                    for actor_id, (first, last) in dirty.items():
                        actor = self._registry.get(actor_id)
                        if actor is not None:
                            self._save_actor(actor, first, last, version)
                return results
        except BaseException:
            self._registry = None      # the in-memory registry may hold the rolled-back changes
            raise

    @contextmanager
    def _locked(self):
        """The write transaction, waiting at most ``busy_timeout`` seconds for another writer."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreBusy(f"{self.path}: another process has held the store's write lock for more than "
                                f"{self.busy_timeout:g} s; nothing of this batch was written (run again later: "
                                f"stored articles are skipped)") from exc
            raise
        try:
            self.conn.execute("PRAGMA defer_foreign_keys = ON")   # actors are written at the end of the batch
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def known(self, article: Article) -> str | None:
        """The stored id when :meth:`add` would skip ``article`` (its text is stored, under the same
        title or from another source), else None: lets a rerun skip an article before the pipeline runs."""
        row = self._stored(article, content_hash(article))
        return row["id"] if row is not None and self._unchanged(article, row) else None

    def _stored(self, article: Article, h: str):
        return self.conn.execute("SELECT id, duplicate_of, title, url FROM articles WHERE content_hash = ?",
                                 (h,)).fetchone()

    def _unchanged(self, article: Article, row) -> bool:
        """Whether ``article``, whose text is stored as ``row``, is nothing new: the same title (or
        none), or the same text from another source."""
        return not article.title or article.title == row["title"] or not self._same_article(article, row)

    def _add_one(self, p: "Prepared", dirty: dict[str, list]) -> AddResult:
        conn, article, h = self.conn, p.article, p.hash
        row = self._stored(article, h)
        if row is not None and self._unchanged(article, row):
            return AddResult(False, row["id"], row["duplicate_of"])
        old = row["id"] if row is not None else self._earlier_version(article)
        if old is not None:
            self._remove(old, dirty)
            article.id = old
        result = self._add(p, dirty)
        return replace(result, replaced=old is not None)

    @staticmethod
    def _same_article(article: Article, row) -> bool:
        """Whether ``article``, whose text is stored as ``row``, is that article retitled rather
        than the same text from another source (a wire story under another paper's headline):
        its own id (not one made from its text) is the stored id, or its url is the stored url."""
        if article.id != content_id(article.raw):
            return article.id == row["id"]
        return (article.url or None) == (row["url"] or None)

    def _earlier_version(self, article: Article) -> str | None:
        """The id of the stored version that ``article`` edits, if any (see :meth:`add`)."""
        conn = self.conn
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            return article.id
        if not article.url:
            return None
        mine = _words(article.text)
        for r in conn.execute("SELECT id, raw_json FROM articles WHERE url = ?", (article.url,)):
            theirs = _words(documents.text_of(r["raw_json"]))
            if mine and theirs and len(mine & theirs) / len(mine | theirs) >= SAME_VERSION:
                return r["id"]
        return None

    def _remove(self, aid: str, dirty: dict[str, list]) -> None:
        """Take a stored article and all it contributed out of the store (inside the caller's
        transaction), keeping its document in ``article_versions``."""
        conn = self.conn
        conn.execute("PRAGMA defer_foreign_keys = ON")    # near-duplicates point at the id, which comes back
        row = conn.execute("SELECT seq, title, content_hash, raw_json FROM articles WHERE id = ?", (aid,)).fetchone()
        conn.execute("INSERT INTO article_versions(article_id, content_hash, raw_json, replaced_at)"
                     " VALUES (?, ?, ?, ?)", (aid, row["content_hash"], row["raw_json"], now()))
        events = [r[0] for r in conn.execute("SELECT DISTINCT event_id FROM event_sources WHERE article_id = ?",
                                             (aid,))]
        conn.execute("DELETE FROM event_sources WHERE article_id = ?", (aid,))
        conn.execute("DELETE FROM event_participants WHERE article_id = ?", (aid,))
        for eid in events:
            conn.execute("UPDATE events SET n_sources = (SELECT count(*) FROM event_sources WHERE event_id = ?)"
                         " WHERE id = ?", (eid, eid))
        conn.executemany("DELETE FROM events WHERE id = ? AND n_sources = 0", [(e,) for e in events])
        counts = conn.execute("SELECT actor_id, count(DISTINCT entity_id) FROM mentions WHERE article_id = ?"
                              " AND actor_id IS NOT NULL GROUP BY actor_id", (aid,)).fetchall()
        fts.remove_article(conn, row["seq"], row["title"], documents.text_of(row["raw_json"]))
        conn.execute("DELETE FROM articles WHERE id = ?", (aid,))   # mentions, quotes, times, offices: cascade
        forgotten = False
        for actor_id, k in counts:
            actor = self._registry.get(actor_id)
            if actor is None:
                continue
            actor.mentions = max(0, actor.mentions - k)
            if actor.mentions == 0 and not self._referenced(actor_id):
                seq = conn.execute("SELECT seq FROM actors WHERE id = ?", (actor_id,)).fetchone()
                if seq is not None:
                    conn.execute("DELETE FROM actor_names_fts WHERE rowid = ?", (seq[0],))
                conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))   # names, countries: cascade
                self._registry.forget(actor_id)
                dirty.pop(actor_id, None)
                forgotten = True
            else:
                dirty.setdefault(actor_id, [None, None])
        if forgotten:
            self._bump_registry(epoch=True)        # other writers reload the registry whole

    def _referenced(self, actor_id: str) -> bool:
        """Whether any stored row (or an analyst's correction) still names the actor."""
        checks = ("SELECT 1 FROM mentions WHERE actor_id = ?", "SELECT 1 FROM event_actors WHERE actor_id = ?",
                  "SELECT 1 FROM events WHERE location_actor_id = ?",
                  "SELECT 1 FROM quotes WHERE speaker_actor_id = ?1 OR channel_actor_id = ?1",
                  "SELECT 1 FROM actor_offices WHERE org_actor_id = ?",
                  "SELECT 1 FROM event_participants WHERE actor_id = ?",
                  "SELECT 1 FROM event_sources WHERE reported_by_actor_id = ?",
                  "SELECT 1 FROM actor_corrections WHERE actor_id = ?1 OR other = ?1 OR new_id = ?1")
        return any(self.conn.execute(q + " LIMIT 1", (actor_id,)).fetchone() for q in checks)

    def _add(self, p: "Prepared", dirty: dict[str, list]) -> AddResult:
        conn, article, h = self.conn, p.article, p.hash
        aid = article.id
        published = article.published[:10] if article.published else None
        reg = self._registry

        # actors (evidence reads the name lexicons: loaded on the first write, not for reading a store)
        from rasid.store.evidence import admission, never_an_actor

        dup = dedup.find_duplicate(conn, p.shingles, p.signature)
        copies = self._copies(dup[0]) if dup else set()    # a copy of an article is no second article
        ent_actor: dict[str, str] = {}
        waits: list[tuple[str, str]] = []                   # (entity id, key): names waiting for a second article
        promoted: list[tuple[str, list[tuple[str, str]]]] = []
        for e in article.entities:
            # a name the exclusions rule out (خادم of خادم الحرمين) is neither made nor linked to an actor
            e.kb_id = None
            if not registered(e) or never_an_actor(e):
                continue
            verdict = admission(e, article)
            e.kb_id = reg.resolve(e, article_id=aid, create=verdict == "now")
            if e.kb_id is None and verdict == "recurs":
                key = pending.candidate_key(e)
                earlier = [r for r in pending.waiting(conn, key, aid) if r[0] not in copies] if key else []
                if earlier:                                 # named by another article too: an actor now
                    e.kb_id = reg.resolve(e, article_id=aid, create=True)
                    promoted.append((e.kb_id, earlier))
                elif key:
                    waits.append((e.id, key))
            if e.kb_id:
                ent_actor[e.id] = e.kb_id

        # the article (after kb_id is set, so the stored JSON carries the actor ids)
        doc = to_dict(article, tokens=False)
        cur = conn.execute(
            "INSERT INTO articles(id, content_hash, source, url, title, published, publisher, section, author,"
            " language, raw_json, duplicate_of, dup_score, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, h, article.source, article.url, article.title, article.published, article.publisher,
             article.section, article.author, article.language,
             documents.encode(doc), dup[0] if dup else None, dup[1] if dup else None, now()))
        fts.add_article(conn, cur.lastrowid, p.search_keys)
        if len(p.shingles) >= dedup.MIN_SHINGLES:
            dedup.index(conn, aid, p.signature)

        for actor_id in dict.fromkeys(ent_actor.values()):
            seen = dirty.setdefault(actor_id, [None, None])
            if published:
                seen[0] = min(filter(None, [seen[0], published]))
                seen[1] = max(filter(None, [seen[1], published]))
            if not conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone():
                # a new actor's row goes in before the rows that name it: inserting a parent row
                # while child rows wait for it (deferred keys) makes SQLite scan the child tables
                self._save_actor(reg.get(actor_id), published, published, self._reg_version + 1)

        self._insert_layers(article, ent_actor, published)
        new, merged = self._insert_events(article, ent_actor)
        pending.wait(conn, aid, waits)
        for actor_id, earlier in promoted:
            days = pending.promote(conn, reg, actor_id, earlier)
            seen = dirty.setdefault(actor_id, [None, None])
            if days:
                seen[0] = min(filter(None, [seen[0], *days]))
                seen[1] = max(filter(None, [seen[1], *days]))
        return AddResult(True, aid, dup[0] if dup else None, new, merged, dup[1] if dup else None)

    def _copies(self, original: str) -> set[str]:
        """``original`` and the stored articles that are near-duplicates of it."""
        return {original, *(r[0] for r in self.conn.execute("SELECT id FROM articles WHERE duplicate_of = ?",
                                                           (original,)))}

    def _save_actor(self, actor: Actor, first_seen: str | None = None, last_seen: str | None = None,
                    version: int | None = None) -> None:
        """Write ``actor``'s row (first and last seen widened to the given days) at registry
        ``version`` (default: the stored one); its names, countries and search keys are rewritten
        only when they changed."""
        conn = self.conn
        if version is None:
            version = int(self._meta("registry_version") or 0)
        row = conn.execute("SELECT seq, first_seen, last_seen, names_key FROM actors WHERE id = ?",
                           (actor.id,)).fetchone()
        first = min(filter(None, [row["first_seen"] if row else None, first_seen]), default=None)
        last = max(filter(None, [row["last_seen"] if row else None, last_seen]), default=None)
        names: dict[str, tuple[str, str]] = {}
        for n in [actor.name, *actor.names]:
            if n and _ARABIC.search(n):
                names.setdefault(n, ("ar", norm_key(n)))
        for n in [actor.name_latin, *actor.latin]:
            if n and not _ARABIC.search(n):
                names.setdefault(n, ("latin", n.casefold()))
        names_key = hashlib.sha1(json.dumps([sorted(names), sorted(actor.countries.items()), sorted(actor.keys)],
                                            ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
        values = (actor.type, actor.name, actor.name_latin, actor.country, actor.sector, actor.mentions,
                  first, last, json.dumps(_actor_data(actor), ensure_ascii=False), version, names_key)
        if row is None:
            seq = conn.execute("INSERT INTO actors(type, name_ar, name_en, country, sector, mentions, first_seen,"
                               " last_seen, data, version, names_key, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               (*values, actor.id)).lastrowid
        else:
            seq = row["seq"]
            conn.execute("UPDATE actors SET type = ?, name_ar = ?, name_en = ?, country = ?, sector = ?,"
                         " mentions = ?, first_seen = ?, last_seen = ?, data = ?, version = ?, names_key = ?"
                         " WHERE id = ?", (*values, actor.id))
            if row["names_key"] == names_key:
                return                              # names, countries and search keys as stored
            conn.execute("DELETE FROM actor_names WHERE actor_id = ?", (actor.id,))
            conn.execute("DELETE FROM actor_countries WHERE actor_id = ?", (actor.id,))
            conn.execute("DELETE FROM actor_names_fts WHERE rowid = ?", (seq,))
        conn.executemany("INSERT INTO actor_names(actor_id, name, script, norm) VALUES (?, ?, ?, ?)",
                         [(actor.id, n, s, k) for n, (s, k) in names.items()])
        conn.executemany("INSERT INTO actor_countries(actor_id, country, count) VALUES (?, ?, ?)",
                         [(actor.id, c, k) for c, k in actor.countries.items()])
        keys = " ".join([fts.index_text(*names), *actor.keys])
        conn.execute("INSERT INTO actor_names_fts(rowid, actor_id, norm) VALUES (?, ?, ?)", (seq, actor.id, keys))

    def _insert_layers(self, article: Article, ent_actor: dict[str, str], published: str | None) -> None:
        conn, aid = self.conn, article.id
        ent_of: dict[str, str] = {}
        for e in article.entities:
            for mid in e.mentions:
                ent_of.setdefault(mid, e.id)
        conn.executemany(
            'INSERT OR IGNORE INTO mentions(article_id, id, entity_id, actor_id, start, "end", text, label)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, m.id, ent_of.get(m.id), ent_actor.get(ent_of.get(m.id, "")), m.start, m.end, m.text, m.label)
             for m in article.mentions])
        offices = []
        for e in article.entities:
            for r in e.roles:
                if r.title and e.id in ent_actor:       # an entity kept out of the registry has none
                    offices.append((ent_actor[e.id], r.title, norm_key(r.title), ent_actor.get(r.org or ""),
                                    r.country or e.country, aid, published))
        conn.executemany("INSERT INTO actor_offices(actor_id, title, norm, org_actor_id, country, article_id, seen)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", offices)
        names = {e.id: e.name for e in article.entities}
        conn.executemany(
            'INSERT OR IGNORE INTO quotes(article_id, id, speaker_actor_id, speaker_name, text, start, "end", kind,'
            " cue, channel_actor_id, channel, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, q.id, ent_actor.get(q.speaker or ""), names.get(q.speaker or "") or q.speaker_text, q.text, q.start, q.end,
              q.kind, q.cue, ent_actor.get(q.channel or ""),
              q.channel if q.channel and q.channel not in ent_actor else None, published)
             for q in article.quotes])
        conn.executemany(
            'INSERT OR IGNORE INTO times(article_id, id, start, "end", text, value, precision)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(aid, t.id, t.start, t.end, t.text, t.value, t.precision) for t in article.times])

    def _same_event(self, event_id: str, article_id: str, text: str, both_sides: bool) -> bool:
        """Whether a stored event of the same type, parties and days is the one this report tells:
        never one from the same article (an article's events are already distinct); with a party
        (named or described) on both sides, yes; with one side only (إسرائيل ترفض …), only when a report of it says much
        the same (the same wire story: word overlap at least SAME_REPORT)."""
        rows = self.conn.execute("SELECT article_id, evidence_text FROM event_sources WHERE event_id = ?",
                                 (event_id,)).fetchall()
        if any(r["article_id"] == article_id for r in rows):
            return False
        if both_sides:
            return True
        mine = _words(text)
        for r in rows:
            theirs = _words(r["evidence_text"] or "")
            if mine and theirs and len(mine & theirs) / len(mine | theirs) >= SAME_REPORT:
                return True
        return False

    def _insert_events(self, article: Article, ent_actor: dict[str, str]) -> tuple[int, int]:
        conn, aid = self.conn, article.id
        ents: dict[str, Entity] = {e.id: e for e in article.entities}
        mentions = {m.id: m for m in article.mentions} if article.events else {}
        new = merged = 0
        w = self.window_days
        for ev in article.events:
            parties = event_parties(article, ev, ent_actor, ents=ents, mentions=mentions)
            src = sorted({p[6] for p in parties if p[0] == "source" and p[6]})
            tgt = sorted({p[6] for p in parties if p[0] == "target" and p[6]})
            key = _side_key(src, parties, "source") + ">" + _side_key(tgt, parties, "target")
            date = event_date(article, ev)
            day = day_number(date)
            realis = realis_of(ev)
            match = None
            if (src or tgt) and realis not in UNMERGED_REALIS:
                if day is not None:
                    found = conn.execute(
                        "SELECT id FROM events WHERE type = ? AND actor_key = ? AND day BETWEEN ? AND ?"
                        " AND realis = ? ORDER BY abs(day - ?), rowid LIMIT 8",
                        (ev.type, key, day - w, day + w, realis, day)).fetchall()
                elif date:
                    found = conn.execute(
                        "SELECT id FROM events WHERE type = ? AND actor_key = ? AND day IS NULL AND date = ?"
                        " AND realis = ? ORDER BY rowid LIMIT 8",
                        (ev.type, key, date, realis)).fetchall()
                else:
                    found = []
                text = article.text[ev.evidence_start:ev.evidence_end]
                both = all(key.split(">"))       # a party, named or described, on either side
                match = next((r for r in found if self._same_event(r["id"], aid, text, both)), None)
            if match is not None:
                eid = match["id"]
                conn.execute("UPDATE events SET n_sources = n_sources + 1,"
                             " confidence = max(coalesce(confidence, 0), ?), mode = coalesce(mode, ?),"
                             " killed = CASE WHEN ? IS NULL THEN killed ELSE max(coalesce(killed, 0), ?) END,"
                             " injured = CASE WHEN ? IS NULL THEN injured ELSE max(coalesce(injured, 0), ?) END"
                             " WHERE id = ?",
                             (ev.confidence, ev.mode, ev.killed, ev.killed, ev.injured, ev.injured, eid))
                merged += 1
            else:
                eid = "E" + hashlib.sha1(f"{aid}|{ev.id}".encode()).hexdigest()[:12]
                if conn.execute("SELECT 1 FROM events WHERE id = ?", (eid,)).fetchone():
                    # an earlier version of this article made that event, still reported elsewhere
                    eid = "E" + hashlib.sha1(f"{aid}|{content_hash(article)}|{ev.id}".encode()).hexdigest()[:12]
                loc = ents.get(ev.location or "")
                conn.execute(
                    "INSERT INTO events(id, type, mode, date, day, actor_key, location_actor_id, location_name,"
                    " lat, lon, topics, negated, future, hypothetical, confidence, n_sources, created_at,"
                    " realis, killed, injured)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                    (eid, ev.type, ev.mode, date, day, key, ent_actor.get(ev.location or ""),
                     loc.name if loc else None, loc.geo.lat if loc and loc.geo else None,
                     loc.geo.lon if loc and loc.geo else None, json.dumps(ev.topics, ensure_ascii=False),
                     int(ev.negated), int(ev.future), int(ev.hypothetical), ev.confidence, now(),
                     realis, ev.killed, ev.injured))
                conn.executemany("INSERT OR IGNORE INTO event_actors(event_id, actor_id, role) VALUES (?, ?, ?)",
                                 [(eid, a, "source") for a in src] + [(eid, a, "target") for a in tgt])
                new += 1
            s, e = ev.evidence_start, ev.evidence_end
            reporter = ents.get(ev.reported_by or "")
            conn.execute(
                "INSERT INTO event_sources(event_id, article_id, article_event_id, date, evidence_start,"
                " evidence_end, evidence_text, trigger, confidence, trigger_start, trigger_end, killed, injured,"
                " reported_by_actor_id, reported_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (eid, aid, ev.id, date, s, e, article.text[s:e], ev.trigger, ev.confidence, ev.trigger_start,
                 ev.trigger_end, ev.killed, ev.injured, ent_actor.get(ev.reported_by or ""),
                 reporter.name if reporter else None))
            conn.executemany(
                'INSERT INTO event_participants(event_id, article_id, article_event_id, n, role, kind, text, start,'
                ' "end", entity_id, actor_id, sector, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [(eid, aid, ev.id, n, *p) for n, p in enumerate(parties)])
        return new, merged


def prepare(article: Article) -> "Prepared":
    """What storing ``article`` needs that takes no lock (see :class:`Prepared`), its tokens then
    dropped (the store keeps none): run it where the pipeline ran (``extract_paths(then=prepare)``)
    and hand the result to :meth:`Store.add_batch`."""
    p = Prepared.of(article)
    article.tokens = []
    return p


@dataclass(slots=True)
class Prepared:
    """What storing an article needs that takes no lock (content hash, shingles, MinHash
    signature, search keys): computed before the write transaction, or in a pipeline worker."""
    article: Article
    id: str
    hash: str
    shingles: set[str]
    signature: object
    search_keys: str

    @classmethod
    def of(cls, article: Article) -> "Prepared":
        sh = dedup.shingles(f"{article.title or ''}\n{article.text}")
        keys = (fts.index_tokens(article.title, article.text, article.tokens) if article.tokens
                else fts.index_text(article.title, article.text))
        return cls(article, article.id, content_hash(article), sh, dedup.signature(sh), keys)


SAME_REPORT = 0.5      # word overlap (Jaccard) of two one-sided reports of the same event
SAME_VERSION = 0.5     # word overlap (Jaccard) of two texts at one url for the later to edit the earlier


def _words(text: str) -> set[str]:
    return set(norm_key(text).split())


def realis_of(ev: Event) -> str:
    """The event's realis; an event marked "actual" whose flags say otherwise (a document written
    before realis existed, or by hand) takes it from its flags: negated, future, hypothetical."""
    realis = ev.realis or "actual"
    if realis == "actual":
        realis = ("negated" if ev.negated else "future" if ev.future
                  else "hypothetical" if ev.hypothetical else "actual")
    return realis


def event_parties(article: Article, ev: Event, ent_actor: dict[str, str], *, ents: dict | None = None,
                  mentions: dict | None = None) -> list[tuple]:
    """Every party of ``ev`` as ``(role, kind, text, start, end, entity_id, actor_id, sector, country)``:
    its participants in order (one whose role is neither source nor target is left out), then the
    named parties of ``ev.source``/``ev.target`` that no participant stands for (the text and span of
    the entity's mention inside the evidence, else its first mention). A named party's sector and
    country default to its entity's. ``ents``/``mentions``: the article's by id, when the caller has them."""
    ents = ents if ents is not None else {e.id: e for e in article.entities}
    out: list[tuple] = []
    seen: set[tuple[str, str]] = set()
    for p in ev.participants:
        role = p.role
        if role not in ("source", "target"):
            continue
        if p.kind == "named" or (p.kind != "descriptive" and p.entity):
            ent = ents.get(p.entity or "")
            out.append((role, "named", p.text or (ent.name if ent else ""), p.start, p.end, p.entity,
                        ent_actor.get(p.entity or ""), p.sector or (ent.sector if ent else None),
                        p.country or (ent.country if ent else None)))
            if p.entity:
                seen.add((role, p.entity))
        else:
            out.append((role, "descriptive", p.text or "", p.start, p.end, None, None, p.sector, p.country))
    if mentions is None:
        mentions = {m.id: m for m in article.mentions}
    for role, ids in (("source", ev.source), ("target", ev.target)):
        for x in ids:
            if (role, x) in seen:
                continue
            seen.add((role, x))
            ent = ents.get(x)
            ms = [mentions[m] for m in (ent.mentions if ent else ()) if m in mentions]
            m = next((m for m in ms if ev.evidence_start <= m.start and m.end <= ev.evidence_end), ms[0] if ms else None)
            out.append((role, "named", m.text if m else (ent.name if ent else x), m.start if m else None,
                        m.end if m else None, x, ent_actor.get(x), ent.sector if ent else None,
                        ent.country if ent else None))
    return out


def _side_key(named: list[str], parties: list[tuple], role: str) -> str:
    """The merge key of one side: its actor ids, else its descriptive actors' ``~SECTOR/COUNTRY`` codes."""
    if named:
        return ",".join(named)
    return ",".join(sorted({f"~{p[7] or '?'}/{p[8] or '?'}" for p in parties if p[0] == role and p[1] == "descriptive"}))


def _actor_data(actor: Actor) -> dict:
    """The actor's registry state without its article list (the mentions table has it).

    Keeping every article id in ``actors.data`` would make each write of a frequent
    actor grow with the corpus; matching never reads the list, so it is dropped
    here and in memory after each save.
    """
    actor.articles.clear()
    return actor.to_dict()


_COUNTABLE = frozenset({"articles", "actors", "actor_names", "actor_offices", "actor_candidates", "mentions", "events",
                        "event_actors", "event_sources", "event_participants", "quotes", "times", "minhash_bands", "schema_migrations",
                        "article_versions"})
