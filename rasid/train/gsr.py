"""The development half of the Arabic PLOVER gold standard (``../shared/data/events/arabic_event_gsr_dev``).

Two sets, ASSAULT and PROTEST: sentence rows labelled ``yes``, ``easy no``,
``difficult no`` or ``ambiguous`` by three or more coders, and span records
(source, verb and target tokens, as each coder marked them) for some of the
``yes`` sentences. Sentences are grouped by source document (the id without its
``-N`` sentence number), which is what k-fold splits must keep together.

The test half is kept aside by the project's owners: nothing here fetches it.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GSR = ROOT.parent / "shared" / "data" / "events" / "arabic_event_gsr_dev"
SETS = ("ASSAULT", "PROTEST")


@dataclass
class SpanRecord:
    """One coder's reading of one event in a sentence: token texts as written (clitics attached)."""

    source: list[str]
    verb: list[str]
    target: list[str]
    source_role: str | None = None      # the coder's sector code (CVL, UAF ...) or None
    target_role: str | None = None


@dataclass
class GsrSentence:
    id: str                 # e.g. AAW_ARB_20070104.0071-8
    doc: str                # the document: the id without its sentence number
    type: str               # ASSAULT | PROTEST: the set it comes from
    label: str              # yes | easy no | difficult no | ambiguous
    text: str
    spans: list[SpanRecord] = field(default_factory=list)

    @property
    def gold(self) -> bool | None:
        """True for yes, False for a no, None for ambiguous (left out of scoring)."""
        return True if self.label == "yes" else None if self.label == "ambiguous" else False


def _role(d: dict | str | None) -> str | None:
    r = d.get("role") if isinstance(d, dict) else d
    return None if r in (None, "None", "") else r


def load(type_: str, root: Path = GSR) -> list[GsrSentence]:
    """Every sentence of one set, with its span records attached (by id and identical text)."""
    name = type_.lower()
    with (root / f"{name}_gsr_dev.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    spans: dict[tuple[str, str], list[SpanRecord]] = {}
    for rec in json.loads((root / f"{name}_spans_dev.json").read_text("utf-8")):
        spans.setdefault((rec["source"], rec["text"]), []).extend(
            SpanRecord(s.get("source_actor") or [], s.get("verb") or [], s.get("target_actor") or [],
                       _role(s.get("source_role")), _role(s.get("target_role"))) for s in rec["spans"])
    out = []
    for r in rows:
        sid = r["id"]
        out.append(GsrSentence(sid, sid.rsplit("-", 1)[0], r["event_type"] or type_.upper(), r["label"],
                               r["text"], spans.get((sid, r["text"]), [])))
    return out


def folds(sentences: list[GsrSentence], k: int = 5) -> list[int]:
    """A fold number per sentence; every sentence of one document in the same fold (stable hash)."""
    import hashlib

    return [int(hashlib.sha1(s.doc.encode("utf-8")).hexdigest()[:8], 16) % k for s in sentences]
