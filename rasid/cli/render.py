"""A readable, right-to-left-friendly plain-text view of an Article.

Arabic runs are kept on lines of their own, labels on separate lines or at
the line end after a tab, so a terminal's bidi handling never has to reorder
Latin labels into the middle of an Arabic sentence.
"""
from __future__ import annotations

from rasid.doc.article import Article

RULE = "─" * 60


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_pretty(a: Article) -> str:
    lines: list[str] = []
    lines.append("═" * 60)
    lines.append(a.title or "(no title)")
    facts = [f"id {a.id}"]
    for label, value in (("source", a.source), ("published", a.published), ("publisher", a.publisher),
                         ("section", a.section), ("url", a.url)):
        if value:
            facts.append(f"{label}: {value}")
    lines.append("  " + " | ".join(facts))
    lines.append(f"  {len(a.sentences)} sentences, {len(a.tokens)} tokens, {len(a.text)} characters, "
                 f"{len(a.removed)} removed spans")
    lines.append(RULE)
    if a.sentences:
        for i, s in enumerate(a.sentences, 1):
            lines.append(f"[{i}]")
            lines.append(a.text[s.start:s.end])
    else:
        lines.append(a.text)
    if a.entities:
        lines.append(RULE)
        lines.append("entities")
        for e in a.entities:
            extra = " ".join(x for x in (e.name_latin or "", e.country or "",
                                         e.roles[0].title if e.roles else "") if x)
            lines.append(f"  {e.type:<4} {e.name}\t{extra}  ({len(e.mentions)} mentions)")
    if a.quotes:
        lines.append(RULE)
        lines.append("quotes")
        for q in a.quotes:
            who = a.entity(q.speaker).name if q.speaker and a.entity(q.speaker) else (
                f"({q.speaker_text})" if q.speaker_text else "?")     # a described speaker: مصدر أمني
            lines.append(f"  {who}:")
            lines.append(f"    {_short(q.text, 120)}")
    if a.events:
        lines.append(RULE)
        lines.append("events")
        for ev in a.events:
            names = lambda ids: "، ".join(a.entity(i).name for i in ids if a.entity(i)) or "?"  # noqa: E731
            flags = [f for f in ("negated", "future", "hypothetical") if getattr(ev, f)]
            where = a.entity(ev.location).name if ev.location and a.entity(ev.location) else None
            facts = [x for x in (ev.mode, ev.date and f"date {ev.date} ({ev.date_source})", ", ".join(ev.topics[:3]),
                                 " ".join(flags).upper()) if x]
            lines.append(f"  {ev.type}  {' | '.join(facts)}")
            lines.append(f"    {names(ev.source)} → {names(ev.target)}" + (f"  ({where})" if where else ""))
    if a.removed:
        lines.append(RULE)
        lines.append("removed (offsets into the raw text)")
        for r in a.removed:
            lines.append(f"  {r.reason:<16} [{r.start}, {r.end})")
            snippet = _short(a.raw[r.start:r.end], 70)
            if snippet:
                lines.append(f"    {snippet}")
    if a.errors:
        lines.append(RULE)
        lines.append("errors")
        for err in a.errors:
            lines.append(f"  stage {err.stage} [{err.code}] {err.message}")
    return "\n".join(lines) + "\n"
