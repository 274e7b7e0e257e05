"""Registry and data-quality report over a store made by ``rasid ingest`` (issue 11's figures).

    python bench/registry.py STORE.db [--top 50] [--places 10] [--json OUT]
    python bench/registry.py STORE.db --sample 100 [--seed 11]   # random actors to read by hand
    python bench/registry.py STORE.db --merges 20 [--seed 11]    # random merged events, their reports

Reports, without changing the store:

* articles, actors (by type) and actors per 1,000 articles; the share of PER/ORG actors
  seen in a single article;
* the most-mentioned actors, each with the number of registry ids that carry the same
  normalised name, and of those in the same country (or with none on either side): one id per
  real actor means 1 in its country (the interior ministries of twelve states are twelve actors);
* the commonest place names (LOC actors by mentions) with their coordinates;
* events dated before 2000 or after the newest publication month, and how many of
  those have the year written in their evidence sentence.

``--sample`` and ``--merges`` leave out what comes from the articles of
``../shared/eval/reserved.tsv`` (kept for evaluation, never read to tune rules).

Never collected by pytest.
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rasid.store.actors import arabic_key  # noqa: E402
from rasid.store.documents import text_of  # noqa: E402


def report(db: Path, top: int = 50, places: int = 10) -> dict:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    types = Counter(dict(conn.execute("SELECT type, count(*) FROM actors GROUP BY type").fetchall()))
    n_actors = sum(types.values())
    single = conn.execute(
        "SELECT count(*) FROM (SELECT a.id FROM actors a JOIN mentions m ON m.actor_id = a.id"
        " WHERE a.type IN ('PER','ORG') GROUP BY a.id HAVING count(DISTINCT m.article_id) = 1)").fetchone()[0]
    per_org = types.get("PER", 0) + types.get("ORG", 0)
    rows = conn.execute("SELECT id, type, name_ar, name_en, country, mentions, data FROM actors").fetchall()
    ids_by_key: dict = {}         # (type, key of a name the actor was called) -> actor ids
    country_of = {}
    for r in rows:
        country_of[r["id"]] = r["country"]
        for name in json.loads(r["data"]).get("names", []) or [r["name_ar"] or ""]:
            ids_by_key.setdefault((r["type"], arabic_key(name)), set()).add(r["id"])

    def same_name(r) -> set:
        return ids_by_key.get((r["type"], arabic_key(r["name_ar"] or "")), set()) | {r["id"]}

    ranked = sorted(rows, key=lambda r: (-r["mentions"], r["id"]))
    top_actors = [{"id": r["id"], "type": r["type"], "name": r["name_ar"], "latin": r["name_en"],
                   "country": r["country"], "mentions": r["mentions"],
                   "ids_same_name": len(same_name(r)),
                   # the same name in the same country (or with none on either side): one real actor
                   "ids_same_name_country": sum(1 for i in same_name(r) if country_of.get(i) == r["country"]
                                                or not country_of.get(i) or not r["country"])}
                  for r in ranked[:top]]
    loc = conn.execute(
        "SELECT a.name_ar, a.name_en, a.country, count(*) n, json_extract(a.data, '$.geonameid') gid"
        " FROM mentions m JOIN actors a ON a.id = m.actor_id WHERE a.type = 'LOC'"
        " GROUP BY a.id ORDER BY n DESC LIMIT ?", (places,)).fetchall()
    newest = conn.execute("SELECT max(substr(published, 1, 7)) FROM articles").fetchone()[0] or "9999-12"
    dated = [r for r in conn.execute(
        "SELECT e.id, e.date, s.evidence_text FROM events e JOIN event_sources s ON s.event_id = e.id"
        " WHERE e.date IS NOT NULL AND (e.date < '2000' OR substr(e.date, 1, 7) > ?)", (newest,))
        if _month(r["date"]) < "2000" or _month(r["date"]) > newest]
    out_of_range = {r["id"] for r in dated}
    said = {r["id"] for r in dated if r["evidence_text"] and r["date"][:4] in _years(r["evidence_text"])}
    told = {r["id"] for r in dated if r["evidence_text"] and _told(r["evidence_text"], r["date"])} - said
    n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    undated = conn.execute("SELECT count(*) FROM events WHERE date IS NULL").fetchone()[0]
    located = conn.execute("SELECT count(*) FROM events WHERE lat IS NOT NULL").fetchone()[0]
    has_waiting = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'actor_candidates'").fetchone()
    waiting = (conn.execute("SELECT count(*), count(DISTINCT key) FROM actor_candidates").fetchone()
               if has_waiting else (0, 0))
    return {
        "articles": n_articles, "actors": n_actors, "actors_by_type": dict(types),
        "names_waiting": waiting[0], "names_waiting_distinct": waiting[1],
        "actors_per_1000_articles": round(1000 * n_actors / max(n_articles, 1), 1),
        "per_org_single_article_share": round(single / max(per_org, 1), 3),
        "top_actors": top_actors,
        "top_actors_with_one_id": sum(a["ids_same_name"] == 1 for a in top_actors),
        "top_actors_with_one_id_in_their_country": sum(a["ids_same_name_country"] == 1 for a in top_actors),
        "top_places": [{"name": r["name_ar"], "latin": r["name_en"], "country": r["country"],
                        "mentions": r["n"], "geonameid": r["gid"]} for r in loc],
        "events": n_events, "events_undated": undated, "events_with_coordinates": located,
        "events_out_of_range": len(out_of_range), "events_out_of_range_year_in_sentence": len(said),
        "events_out_of_range_told_otherwise": len(told),
        "newest_month": newest,
    }


def _reserved_articles(conn) -> set[str]:
    import csv
    path = Path(__file__).resolve().parents[2] / "shared" / "eval" / "reserved.tsv"
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8") as fh:
        urls = [row["url"] for row in csv.DictReader(fh, delimiter="\t")]
    out = set()
    for n in range(0, len(urls), 500):
        part = urls[n:n + 500]
        out |= {r[0] for r in conn.execute(
            f"SELECT id FROM articles WHERE url IN ({','.join('?' * len(part))})", part)}
    return out


def _shuffled(db: Path, sql: str, seed: int):
    """(read-only connection, reserved article ids, the ids ``sql`` selects in a seeded random order)."""
    import random
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [r[0] for r in conn.execute(sql)]
    random.Random(seed).shuffle(ids)
    return conn, _reserved_articles(conn), ids


def sample_actors(db: Path, n: int, seed: int) -> list[str]:
    """``n`` random actors (none seen in a reserved article), each with one mention in context."""
    conn, reserved, ids = _shuffled(db, "SELECT id FROM actors ORDER BY id", seed)
    out = []
    for aid in ids:
        arts = {r[0] for r in conn.execute("SELECT DISTINCT article_id FROM mentions WHERE actor_id = ?", (aid,))}
        if not arts or arts & reserved:
            continue
        t, name, en, country, mentions = conn.execute(
            "SELECT type, name_ar, name_en, country, mentions FROM actors WHERE id = ?", (aid,)).fetchone()
        art, start, end = conn.execute("SELECT article_id, start, \"end\" FROM mentions WHERE actor_id = ?"
                                       " ORDER BY article_id, start LIMIT 1", (aid,)).fetchone()
        text = text_of(conn.execute("SELECT raw_json FROM articles WHERE id = ?", (art,)).fetchone()[0])
        context = text[max(0, start - 40):end + 30].replace("\n", " ")
        out.append(f"{len(out) + 1}\t{aid}\t{t}\t{name}\t{en or '-'}\t{country or '-'}\t{mentions}\t{context}")
        if len(out) == n:
            break
    return out


def sample_merges(db: Path, n: int, seed: int) -> list[str]:
    """``n`` random events reported by two or more articles (none reserved), with each report."""
    conn, reserved, ids = _shuffled(db, "SELECT id FROM events WHERE n_sources >= 2 ORDER BY id", seed)
    out: list[str] = []
    shown = 0
    for eid in ids:
        rows = conn.execute("SELECT s.article_id, s.date, s.evidence_text FROM event_sources s"
                            " WHERE s.event_id = ? ORDER BY s.article_id", (eid,)).fetchall()
        if any(r[0] in reserved for r in rows):
            continue
        t, date, key = conn.execute("SELECT type, date, actor_key FROM events WHERE id = ?", (eid,)).fetchone()
        shown += 1
        out.append(f"## {shown} {eid} {t} {date} {key}")
        out += [f"   {r[0]} {r[1]}: {(r[2] or '')[:220]}" for r in rows[:4]]
        if shown == n:
            break
    return out


def _month(value: str) -> str:
    """YYYY-MM of an ISO date, month, year (YYYY) or week (YYYY-Www: the month of its Thursday)."""
    if len(value) >= 8 and value[5] == "W":
        from datetime import date
        try:
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 4).isoformat()[:7]
        except ValueError:
            return value[:4]
    return value[:7]


def _told(text: str, date: str) -> bool:
    """Does the sentence say, without the Gregorian year, that its time is far off: a Hijri year
    (عام 1396هـ), a number of years ago (قبل 146 عاما), or a coming time (المقبل، القادم، سـ)?"""
    from rasid.dates.context import is_future
    from rasid.dates.shadow import shadow
    from rasid.dates.vocabulary import vocabulary

    V = vocabulary()
    N = shadow(text)[0]
    if any(y[:2] in ("13", "14") for y in _years(text)):
        return True
    if date[:4] < "2000":
        return re.search(r"(?:قبل|منذ)\s+(?:نحو\s+|حوالي\s+)?\S+\s+(?:عاما|عام|سنه|سنوات|اعوام|قرن|قرون)", N) is not None
    words = re.findall(r"\w+", N)
    coming = V.next | {w + "ين" for w in V.next} | {w + "ان" for w in V.next}      # المقبلين، القادمين
    return any(w in coming or w in V.future_cues for w in words) or any(
        is_future(N, m.end(), V.future_cues) for m in re.finditer(r"\w+", N))


def _years(text: str) -> set[str]:
    digits = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    return {digits[i:i + 4] for i in range(len(digits) - 3) if digits[i:i + 4].isdigit()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--top", type=int, default=50)
    ap.add_argument("--places", type=int, default=10)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--sample", type=int, default=0, help="print N random actors to read by hand")
    ap.add_argument("--merges", type=int, default=0, help="print N random events merged across reports")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    if args.sample or args.merges:
        lines = (sample_actors(args.db, args.sample, args.seed) if args.sample
                 else sample_merges(args.db, args.merges, args.seed))
        print("\n".join(lines))
        return 0
    r = report(args.db, args.top, args.places)
    if args.json:
        args.json.write_text(json.dumps(r, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"articles {r['articles']}  actors {r['actors']} {r['actors_by_type']}  "
          f"per 1000 articles {r['actors_per_1000_articles']}  PER/ORG in one article {r['per_org_single_article_share']}")
    print(f"names waiting for a second article: {r['names_waiting']} ({r['names_waiting_distinct']} distinct)")
    print(f"top {len(r['top_actors'])} actors with one id: {r['top_actors_with_one_id']} of the name; "
          f"{r['top_actors_with_one_id_in_their_country']} of the name in their country "
          f"(ministries of several states share a name)")
    for a in r["top_actors"]:
        print(f"  {a['mentions']:5d}  {a['ids_same_name']:3d} ids ({a['ids_same_name_country']} in its country)"
              f"  {a['type']}  {a['id']}  {a['name']}  "
              f"/ {a['latin'] or '-'}  {a['country'] or '-'}")
    print("commonest places:")
    for p in r["top_places"]:
        print(f"  {p['mentions']:5d}  {p['name']} / {p['latin'] or '-'}  {p['country'] or '-'}  geonames {p['geonameid']}")
    print(f"events {r['events']}  undated {r['events_undated']}  with coordinates {r['events_with_coordinates']}  "
          f"dated before 2000 or after {r['newest_month']}: {r['events_out_of_range']} "
          f"(year written in the sentence: {r['events_out_of_range_year_in_sentence']}; otherwise told "
          f"(Hijri year, years ago, to come): {r['events_out_of_range_told_otherwise']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
