"""Export a conversation or one answer with its evidence (Markdown, JSON), and the safe
renderings the app shows untrusted text with.

Document text is untrusted: it may hold HTML, Markdown or LaTeX that must never come alive in
the page or in an exported file. ``escape_markdown`` makes any text literal Markdown;
``passage_html`` escapes a passage piece by piece and wraps its highlight spans in ``<mark>``,
so the only live HTML is the markup added here.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from .records import Answer, Citation

FORMAT_ANSWER = "nearshore-qa.answer/1"
FORMAT_CONVERSATION = "nearshore-qa.conversation/1"

# Characters that start Markdown, HTML, LaTeX ($...$) or Streamlit directives (:red[...]).
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>$|~&])")
_MD_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_MD_LINE_START = re.compile(r"(?m)^(\s*)([#+=-]|\d+(?=[.)]))")
# Inside our HTML these would be literal anyway; numeric entities keep any Markdown or math
# pass from seeing them.
_HTML_EXTRA = str.maketrans(
    {
        "$": "&#36;",
        "*": "&#42;",
        "_": "&#95;",
        "`": "&#96;",
        "[": "&#91;",
        "]": "&#93;",
        "\\": "&#92;",
        "~": "&#126;",
        "|": "&#124;",
        ":": "&#58;",
    }
)
_SAFE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`\\]+", re.I)


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown: no emphasis, links, HTML, math or block markers."""
    text = _MD_SPECIAL.sub(r"\\\1", str(text))
    text = _MD_UNDERSCORE.sub(r"\\_", text)
    return _MD_LINE_START.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}" if not m.group(2).isdigit() else f"{m.group(1)}{m.group(2)}\\", text
    )


def escape_html(text: str) -> str:
    return html.escape(str(text), quote=True).translate(_HTML_EXTRA)


def safe_url(url: str) -> str | None:
    """The URL when it is a plain http(s) link that is safe to put in a link target, else None."""
    url = (url or "").strip()
    return url if _SAFE_URL.fullmatch(url) else None


def highlight_runs(text: str, spans: Iterable[Sequence[int]]) -> list[tuple[str, int]]:
    """``text`` cut into runs, each with how many highlight spans cover it (0 = none).

    Spans may overlap or nest (a quoted sentence and the figure inside it); out-of-range spans
    are clipped.
    """
    n = len(text)
    events: dict[int, int] = {}
    for span in spans:
        a, b = max(0, min(int(span[0]), n)), max(0, min(int(span[1]), n))
        if b > a:
            events[a] = events.get(a, 0) + 1
            events[b] = events.get(b, 0) - 1
    runs: list[tuple[str, int]] = []
    depth, pos = 0, 0
    for cut in sorted(events):
        if cut > pos:
            runs.append((text[pos:cut], depth))
            pos = cut
        depth += events[cut]
    if pos < n or not runs:
        runs.append((text[pos:], depth))
    return [r for r in runs if r[0]] or [("", 0)]


def passage_html(text: str, spans: Iterable[Sequence[int]] = ()) -> str:
    """The passage escaped, its spans in ``<mark>`` (nested ones also in ``<strong>``), on one
    line so Markdown treats it as a single HTML block."""
    out = []
    for piece, depth in highlight_runs(text, spans):
        esc = escape_html(piece).replace("\r\n", "\n").replace("\n", "<br>")
        if depth == 0:
            out.append(esc)
        elif depth == 1:
            out.append(f"<mark>{esc}</mark>")
        else:
            out.append(f"<mark><strong>{esc}</strong></mark>")
    return '<div class="nsq-passage" style="line-height:1.6">' + "".join(out) + "</div>"


def passage_markdown(text: str, spans: Iterable[Sequence[int]] = ()) -> str:
    """The passage as literal Markdown with its highlights in bold (for exports)."""
    out = []
    for piece, depth in highlight_runs(text, spans):
        if depth == 0:
            out.append(escape_markdown(piece))
            continue
        # Whitespace stays outside the ** so the emphasis is valid CommonMark.
        lead = piece[: len(piece) - len(piece.lstrip())]
        trail = piece[len(piece.rstrip()) :]
        core = piece.strip()
        out.append(f"{lead}**{escape_markdown(core)}**{trail}" if core else piece)
    return "".join(out)


# --- exports --------------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def answer_to_dict(answer: Answer) -> dict:
    return answer.to_json()


def answer_json(answer: Answer) -> str:
    return json.dumps(
        {"format": FORMAT_ANSWER, "exported_at": _now(), **answer_to_dict(answer)}, indent=2, ensure_ascii=False
    )


def conversation_json(answers: Sequence[Answer]) -> str:
    return json.dumps(
        {"format": FORMAT_CONVERSATION, "exported_at": _now(), "turns": [answer_to_dict(a) for a in answers]},
        indent=2,
        ensure_ascii=False,
    )


def source_line(c: Citation) -> str:
    """Title; who wrote it and when, whose data and which period ("added by you on DATE" for a
    user's own document); link or file; the human locator: one Markdown line."""
    from .presentation import provenance_parts, source_reference

    parts = [f"**{escape_markdown(c.title)}**"]
    parts += [
        escape_markdown(p)
        for p in provenance_parts(
            publisher=c.publisher,
            published=c.published,
            written=c.written,
            data_sources=c.data_sources,
            period=c.period if c.kind != "table" else "",
            added_on=c.added_on,
        )
    ]
    what, ref = source_reference(c.source, c.doc_id)
    parts.append(f"<{ref}>" if what == "url" else f"file `{ref.replace('`', '')}`" if what == "file" else "")
    parts.append(escape_markdown(c.locator))
    return " · ".join(p for p in parts if p)


def citation_markdown(c: Citation) -> str:
    lines = [f"[{c.marker}] {source_line(c)}"]
    if c.kind == "table":
        extra = [
            f"Units: {escape_markdown(c.units)}" if c.units else "",
            f"Period: {escape_markdown(c.period)}" if c.period else "",
            f"Column: {escape_markdown(c.column)}" if c.column else "",
        ]
        extra = [e for e in extra if e]
        if extra:
            lines.append("; ".join(extra))
    quoted = passage_markdown(c.text, c.highlights).split("\n")
    lines.append("\n".join("> " + line for line in quoted))
    return "\n\n".join(lines)


def answer_markdown(answer: Answer, level: int = 2, series=None) -> str:
    """The answer as Markdown; ``series`` (charts.Series, the chart shown with it) adds its data
    as a table with the source line and the first-to-last summary."""
    h = "#" * max(1, min(level, 6))
    out = [f"{h} {escape_markdown(answer.question)}"]
    standalone = answer.standalone_question
    if standalone and standalone != answer.question:
        out.append(f"*Follow-up read as: {escape_markdown(standalone)}*")
    if answer.scope:
        out.append(f"*Asked of {escape_markdown(', '.join(answer.scope))} only*")
    out.append(escape_markdown(answer.answer))
    if answer.hint:
        out.append(f"*{escape_markdown(answer.hint)}*")
    if answer.figures:
        figs = []
        for f in answer.figures:
            if f.computed:  # its line (result, cited operands, formula) is the answer's first sentence
                status = f"✅ {f.check}" if f.verified else "⚠️ not verified"
                shown = f"computed {f.equation}"
                figs.append(f"- {escape_markdown(shown)}: {status}")
                continue
            status = "✅ verified" if f.verified else "⚠️ not verified"
            where = f" in \\[{f.citation}\\]" if f.citation else ""
            figs.append(f"- {escape_markdown(f.text)}: {status}{where}")
        out.append(f"{h}# Figures\n\n" + "\n".join(figs))
    if series is not None:
        from .charts import series_markdown, trend_summary

        out.append(
            f"{h}# Chart data\n\n{escape_markdown(trend_summary(series))}\n\n"
            + series_markdown(series, escape_markdown)
        )
    conflicts = _conflicts_markdown(answer)
    if conflicts:
        out.append(f"{h}# Sources differ\n\n{conflicts}")
    if answer.citations:
        out.append(f"{h}# Sources\n\n" + "\n\n".join(citation_markdown(c) for c in answer.citations))
    if answer.abstained and answer.closest:
        out.append(
            f"{h}# Closest passages (they do not answer the question)\n\n"
            + "\n\n".join(citation_markdown(c) for c in answer.closest)
        )
    out.append(f"*Answerer: {escape_markdown(answer.answerer)}*")
    return "\n\n".join(out) + "\n"


def _conflicts_markdown(answer: Answer) -> str:
    """Each conflict as a table: one row per source, its value, whose data, as of when."""
    from .presentation import conflict_views

    blocks = []
    for view in conflict_views(answer):
        rows = [
            f"**{escape_markdown(view.heading or 'This figure')}**",
            "",
            "| Value | Data from | As of | Source |",
            "|---:|---|---|---|",
        ]
        for v in view.values:
            cite = f" \\[{v.marker}\\]" if v.marker is not None else ""
            rows.append(
                f"| {escape_markdown(v.value)}{cite} | {escape_markdown(v.publisher)} | {escape_markdown(v.as_of)} | "
                f"{escape_markdown(v.title)} |"
            )
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks)


def conversation_markdown(
    answers: Sequence[Answer], title: str = "Nearshore QA conversation", series: Sequence = ()
) -> str:
    """Every turn as ``answer_markdown`` does it; ``series`` (one charts.Series or None per
    turn, the charts shown with the answers) adds each turn's chart data."""
    head = f"# {escape_markdown(title)}\n\n*Exported {_now()}; {len(answers)} question(s).*\n"
    charts = list(series) + [None] * (len(answers) - len(series))
    return head + "".join("\n" + answer_markdown(a, level=2, series=s) for a, s in zip(answers, charts, strict=False))


def file_stem(text: str, default: str = "answer") -> str:
    """A short, safe file name stem from a question."""
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")[:60].strip("-")
    return slug or default
