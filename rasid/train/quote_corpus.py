"""rasid's quotation corpus: statements and their speakers, by docs/QUOTE_ANNOTATION.md.

Like the event corpus (rasid.train.event_corpus, whose corpus helpers it uses), everything stored is
a reference: corpus zip, article url, character offsets into the article's text as rasid reads it
and a hash of the sentence.

    python -m rasid.train.quote_corpus sample [--articles 220] [--seed 5]
    python -m rasid.train.quote_corpus show BATCH [--second]
    python -m rasid.train.quote_corpus resolve FILE --annotator NAME
    python -m rasid.train.quote_corpus agree
    python -m rasid.train.quote_corpus stats

Files (under rasid/train/data/quotes/):
    sample.jsonl        one line per sentence: sid, file, url, start, end, sha1, pick, split, batch, second
    labels/NAME.jsonl   one line per labelled sentence: sid, annotator, statements (offsets)
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

from rasid.train.event_corpus import (LabelError, _find, _overlap, _split_of, article_text, draw_articles, labelled,
                                      append_sample, draw_summary, first_and_second, resolve_lines, store_labels,
                                      corpus_parser, load_sample as _load_rows, rebuild, ref_of, sha1,
                                      write_batch)

DATA = Path(__file__).resolve().parent / "data" / "quotes"
SAMPLE = DATA / "sample.jsonl"
LABELS = DATA / "labels"
KINDS = ("named", "descriptive")
N_BATCHES = 6


def load_sample(path: Path = SAMPLE) -> list[dict]:
    return _load_rows(path)


# --------------------------------------------------------------------------- sample

def _sentences(text: str, pipe) -> list[tuple[int, int, bool]]:
    """``(raw start, raw end, holds a word of saying or a «…»)`` for the sentences of the cleaned
    article (5 to 90 words)."""
    from rasid.doc.article import Article
    from rasid.lang.ar.speech import speech_lexicon

    lex = speech_lexicon()
    cues = lex.verbs | lex.participles | lex.channel_verbs
    art = pipe(Article(raw=text))
    out = []
    for s in art.sentences:
        toks = art.tokens[s.token_start:s.token_end]
        words = sum(1 for t in toks if t.kind == "word")
        if words < 5 or words > 90:
            continue
        said = any(t.kind == "word" and t.stem in cues for t in toks) or "«" in art.text[s.start:s.end]
        a, b = art.raw_span(s.start, s.end)
        out.append((a, b, said))
    return out


def sample(n_articles: int, seed: int, per_article: tuple[int, int] = (5, 1), exclude: frozenset = frozenset(),
           first_sid: int = 1, first_batch: int = 1) -> list[dict]:
    """Articles across sources and days; in each, up to ``per_article[0]`` sentences with a word of saying
    or a «…» (the first ones of the article: a speaker named early is the context of later ones) and
    ``per_article[1]`` other sentences at random."""
    from rasid.pipeline import Pipeline

    rng = random.Random(seed)
    order = draw_articles(rng, n_articles, exclude)
    pipe = Pipeline.from_names(["clean", "tokens", "sentences"])
    rows = []
    n_said, n_rand = per_article
    for file, rec in order:
        text = article_text(rec)
        sents = _sentences(text, pipe)
        said = [s for s in sents if s[2]][:n_said]
        rest = [s for s in sents if not s[2]]
        rng.shuffle(rest)
        picks = [(s, "cue") for s in said] + [(s, "random") for s in rest[:n_rand]]
        for (a, b, _), why in sorted(picks, key=lambda p: p[0][0]):
            rows.append({"file": file, "url": rec["url"], "source": rec.get("source", ""), "start": a, "end": b,
                         "sha1": sha1(text[a:b]), "pick": why, "split": _split_of(rec["url"])})
    for i, row in enumerate(rows, first_sid):
        row["sid"] = f"q{i:04d}"
    urls = list(dict.fromkeys(r["url"] for r in rows))
    second = set(rng.sample(urls, max(1, len(urls) // 10)))
    for r in rows:
        r["batch"] = urls.index(r["url"]) % N_BATCHES + first_batch
        r["second"] = r["url"] in second
    return rows


# --------------------------------------------------------------------------- show

def show(batch: int, second: bool = False, out=sys.stdout) -> None:
    """Print a batch: per article its title; per sentence its id, the article text before it (up to
    700 characters) and the sentence. With ``second``: the double-labelled sentences of every batch."""
    rows = [r for r in load_sample() if (r["second"] if second else r["batch"] == batch)]
    write_batch(rows, out, lambda text, start: text[max(0, start - 700):start].strip())


# --------------------------------------------------------------------------- resolve

def _speaker(text: str, sent: str, base: int, p) -> dict | None:
    """The speaker's span: in the sentence (``#n`` for the n-th occurrence), else its last occurrence in
    the article before the sentence."""
    if p is None:
        return None
    if not isinstance(p, dict) or "text" not in p:
        raise LabelError("speaker must be null or an object with text and kind")
    kind = p.get("kind")
    if kind not in KINDS:
        raise LabelError(f"speaker kind {kind!r} is not one of {KINDS}")
    try:
        a, b = _find(sent, p["text"], "speaker")
        return {"start": base + a, "end": base + b, "kind": kind, "where": "sentence"}
    except LabelError:
        spec = p["text"].strip()
        if re.search(r"#\d+$", spec):
            raise
        at = text.rfind(spec, 0, base)
        if not spec or at < 0:
            raise LabelError(f"speaker {spec!r} is neither in the sentence nor before it") from None
        return {"start": at, "end": at + len(spec), "kind": kind, "where": "before"}


def resolve_statement(text: str, sent: str, base: int, st: dict) -> dict:
    """One annotator statement (spans as text) as offsets into the article, checked against the guide."""
    if not isinstance(st, dict):
        raise LabelError("a statement must be an object with cue, content and speaker")
    cue = None
    if st.get("cue"):
        a, b = _find(sent, st["cue"], "cue")
        cue = {"start": base + a, "end": base + b}
    content = st.get("content") or ""
    if len(content.split()) < 2:
        raise LabelError("content must give the statement's first words (at least two)")
    a, b = _find(sent, content, "content")
    return {"cue": cue, "content": {"start": base + a, "end": base + b},
            "speaker": _speaker(text, sent, base, st.get("speaker"))}


def resolve(path: Path, annotator: str) -> tuple[list[dict], list[str]]:
    """Check an annotator's file; ``(stored lines, errors)``. A line with an error is not stored."""
    return resolve_lines(path, annotator, load_sample(), "statements", resolve_statement)


# --------------------------------------------------------------------------- agreement and gold

def same_speaker(a: dict | None, b: dict | None, text: str) -> bool:
    """Two speaker spans name the same speaker: both null, overlapping, or the same words (another
    mention of one name)."""
    from rasid.lang.ar.normalize import norm_key

    if a is None or b is None:
        return a is None and b is None
    if _overlap(a, b):
        return True
    ka, kb = norm_key(text[a["start"]:a["end"]]), norm_key(text[b["start"]:b["end"]])
    return ka == kb or (len(ka) >= 4 and len(kb) >= 4 and (ka in kb or kb in ka))


def agreement(first: dict[str, dict], second: dict[str, dict], texts: dict[str, str]) -> dict:
    """On sentences both labelled: statement match F1 (overlapping content), and on matched statements
    the share with the same speaker and the same speaker kind."""
    sids = sorted(set(first) & set(second))
    tp = n1 = n2 = same = kind = 0
    for sid in sids:
        s1, s2 = first[sid]["statements"], second[sid]["statements"]
        n1, n2 = n1 + len(s1), n2 + len(s2)
        used = set()
        for a in s1:
            j = next((j for j, b in enumerate(s2) if j not in used and _overlap(a["content"], b["content"])), None)
            if j is None:
                continue
            used.add(j)
            tp += 1
            b = s2[j]
            same += same_speaker(a["speaker"], b["speaker"], texts[sid])
            kind += (a["speaker"] or {}).get("kind") == (b["speaker"] or {}).get("kind")
    return {"sentences": len(sids), "statements_first": n1, "statements_second": n2,
            "statement_f1": 2 * tp / (n1 + n2) if n1 + n2 else 1.0, "matched": tp,
            "same_speaker": same / tp if tp else 0.0, "same_kind": kind / tp if tp else 0.0}


# The speaker model learns from the train sentences of the first two draws (batches 1-12). The third
# draw's train sentences (batches 13-18, 2026-12-08) are labelled and kept out for now: with them, 5-fold
# cross-validation moved 0.596 -> 0.597 and the test split 0.571 -> 0.580 of statements, but the shared
# cases' quote attribution fell 0.926 -> 0.877, under its floor, through near-ties between the speaker
# carried from the statement before and a name in the sentence (rasid/models/quotes/MODEL_CARD.md). Its
# dev and test sentences are measured like the others'.
TRAIN_BATCHES = range(1, 13)


def gold(split: str | None = None) -> Iterator[tuple[dict, str, str, list[dict]]]:
    """``(sample row, article text, sentence, statements)`` of every labelled sentence (first labelling
    only), optionally of one split; the train split's sentences only of the draws trained on
    (:data:`TRAIN_BATCHES`)."""
    yield from labelled(load_sample(), LABELS, "statements", split, TRAIN_BATCHES)


def main(argv: list[str] | None = None) -> int:
    ap, _ = corpus_parser(__doc__, 220, 5, "append a new draw (other articles) to sample.jsonl",
                          "the double-labelled sentences of every batch")
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        old = load_sample() if args.extend and SAMPLE.exists() else []
        events = frozenset(r["url"] for r in _load_rows())     # the event corpus's articles
        rows = sample(args.articles, args.seed, exclude=frozenset(r["url"] for r in old) | events,
                      first_sid=max((int(r["sid"][1:]) for r in old), default=0) + 1,
                      first_batch=max((r["batch"] for r in old), default=0) + 1)
        append_sample(rows, SAMPLE, bool(old))
        print(draw_summary(rows))
    elif args.cmd == "show":
        show(args.batch, args.second)
    elif args.cmd == "resolve":
        return store_labels(args.file, args.annotator, LABELS, args.out, resolve)
    elif args.cmd == "agree":
        firsts, seconds = first_and_second(LABELS)
        rows = {r["sid"]: r for r in load_sample()}
        texts = {sid: rebuild(ref_of(rows[sid]))[0] for sid in set(firsts) & set(seconds)}
        print(json.dumps(agreement(firsts, seconds, texts), indent=1))
    elif args.cmd == "stats":
        n = Counter()
        for row, _, _, sts in gold():
            n["sentences"] += 1
            n[row["split"]] += 1
            n["statements"] += len(sts)
            for st in sts:
                n["speaker:" + ((st["speaker"] or {}).get("kind") or "none")] += 1
                n["where:" + ((st["speaker"] or {}).get("where") or "none")] += 1
        print(json.dumps(n, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
