"""Computations an LLM proposes and the code carries out.

The model does not do arithmetic in its answer: it writes one line naming the operation and the
figures by citation marker, and ``execute_proposal`` computes the result from the evidence, with
the same formula, rounding, refusals and verification as the extractive answerer.

    COMPUTE: pct_change([1].total_trade_usd_billions, [2].total_trade_usd_billions)
    COMPUTE: change([3] "US$776.24 billion", [3] "US$797.96 billion")
    COMPUTE: share([4].total_trade_usd_billions, total=[9].total_trade_usd_billions)
    COMPUTE: rank([1].x, [2].x, [3].x, [4].x, n=3)
    {"op": "pct_change", "operands": ["[1].total_trade_usd_billions", "[2]#1"]}

A reference is ``[N]`` (the passage's only amount), ``[N].column`` (a table row's cell),
``[N] "figure as written"`` (that figure in the passage) or ``[N]#k`` (its k-th figure, from 1).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .compute import OPERATIONS, Computed, Operand, compute, norm_label
from .errors import ComputeRefusal
from .figures import parse_figure, same_figure
from .operands import Evidence, figure_periods, operands_from_row, sentences_of

PROPOSAL_INSTRUCTIONS = (
    "Do not calculate yourself. When the question needs a calculation, end your answer with one line\n"
    "COMPUTE: op(ref, ref, ...)\n"
    f"where op is one of {', '.join(OPERATIONS)} and each ref names a cited figure: [N].column for a table "
    'row\'s cell, [N] "figure as written" for a figure in passage N. Options: total=ref (share), n=3 (rank), '
    "order=asc. The system computes the result and shows the formula."
)

_LINE = re.compile(r"^\s*(?:COMPUTE|CALC(?:ULATE)?)\s*:\s*(?P<op>[a-z_]+)\s*\((?P<args>.*)\)\s*\.?\s*$", re.I | re.M)
_REF = re.compile(
    r"""^\[(?P<marker>\d+)\]\s*(?:\.(?P<column>[\w .%$\-/()]+?)|\s*(?P<q>["'“”])(?P<figure>.+?)["'“”]|"""
    r"""\s*#(?P<index>\d+))?\s*$"""
)
_ALIASES = {
    "percent_change": "pct_change",
    "percentage_change": "pct_change",
    "growth": "pct_change",
    "diff": "difference",
    "subtract": "difference",
    "mean": "average",
    "avg": "average",
    "total": "sum",
    "add": "sum",
    "maximum": "max",
    "minimum": "min",
    "divide": "ratio",
    "proportion": "share",
}


@dataclass(frozen=True)
class Ref:
    marker: int
    column: str = ""
    figure: str = ""
    index: int | None = None  # 1-based

    @classmethod
    def parse(cls, text: str) -> Ref:
        m = _REF.match(text.strip())
        if not m:
            raise ComputeRefusal("bad_reference", f"cannot read the figure reference {text.strip()!r}")
        return cls(
            marker=int(m.group("marker")),
            column=(m.group("column") or "").strip(),
            figure=m.group("figure") or "",
            index=int(m.group("index")) if m.group("index") else None,
        )

    def __str__(self) -> str:
        tail = (
            f".{self.column}"
            if self.column
            else f' "{self.figure}"'
            if self.figure
            else f"#{self.index}"
            if self.index
            else ""
        )
        return f"[{self.marker}]{tail}"


@dataclass(frozen=True)
class Proposal:
    op: str
    refs: tuple[Ref, ...]
    total: Ref | None = None
    n: int | None = None
    order: str = "desc"
    line: str = ""  # the text it was read from, to strip from the answer


def _split_args(args: str) -> list[str]:
    """Split on commas outside quotes and brackets."""
    out, cur, quote, depth = [], "", "", 0
    for ch in args:
        if quote:
            cur += ch
            if ch == quote or (quote in "“”" and ch in "“”"):
                quote = ""
            continue
        if ch in "\"'“":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur)
    return [a.strip() for a in out if a.strip()]


def _op_name(name: str) -> str:
    op = _ALIASES.get(name.lower(), name.lower())
    if op not in OPERATIONS:
        raise ComputeRefusal(
            "unknown_operation", f"unknown operation {name!r}; expected one of {', '.join(OPERATIONS)}"
        )
    return op


def parse_proposal(text: str) -> Proposal | None:
    """The computation proposed in a model's answer (a COMPUTE line or a JSON object), or None.

    Raises ``ComputeRefusal`` when a proposal is there but cannot be read."""
    m = _LINE.search(text)
    if m:
        refs, total, n, order = [], None, None, "desc"
        for arg in _split_args(m.group("args")):
            key, sep, val = arg.partition("=")
            if sep and re.fullmatch(r"\s*[a-z_]+\s*", key):
                key = key.strip().lower()
                if key == "total":
                    total = Ref.parse(val)
                elif key in ("n", "top"):
                    n = int(val.strip())
                elif key == "order":
                    order = "asc" if val.strip().strip("'\"").lower().startswith("asc") else "desc"
                continue
            refs.append(Ref.parse(arg))
        return Proposal(op=_op_name(m.group("op")), refs=tuple(refs), total=total, n=n, order=order, line=m.group(0))
    for j in re.finditer(r"\{[^{}]*\"op\"[^{}]*\}", text):
        try:
            data = json.loads(j.group(0))
        except json.JSONDecodeError:
            continue
        json_refs = tuple(
            Ref.parse(r)
            if isinstance(r, str)
            else Ref(marker=int(r["citation"]), column=r.get("column", ""), figure=r.get("figure", ""))
            for r in data.get("operands", [])
        )
        total = data.get("total")
        return Proposal(
            op=_op_name(str(data["op"])),
            refs=json_refs,
            total=Ref.parse(total) if total else None,
            n=data.get("n"),
            order=data.get("order", "desc"),
            line=j.group(0),
        )
    return None


def strip_proposal(answer: str, proposal: Proposal) -> str:
    """The answer without the proposal line (the computed sentence replaces it)."""
    return answer.replace(proposal.line, "").strip()


def resolve(ref: Ref, evidence: Mapping[int, Evidence]) -> Operand:
    ev = evidence.get(ref.marker)
    if ev is None:
        raise ComputeRefusal("bad_reference", f"there is no passage [{ref.marker}]")
    if ev.is_row:
        cells = operands_from_row(ev)
        if ref.column:
            want = ref.column.lower()
            hit = [o for o in cells if o.column.lower() == want] or [
                o for o in cells if norm_label(o.column) == norm_label(ref.column)
            ]
            if not hit:
                raise ComputeRefusal("bad_reference", f"[{ref.marker}] has no column {ref.column!r}")
            return hit[0]
        if ref.figure:
            claim = parse_figure(ref.figure)
            hit = [o for o in cells if claim and abs(o.number - claim.number) < 1e-9 * max(1, abs(o.number))]
            if hit:
                return hit[0]
            raise ComputeRefusal("bad_reference", f"[{ref.marker}] does not state {ref.figure!r}")
        if len(cells) == 1:
            return cells[0]
        raise ComputeRefusal("bad_reference", f"[{ref.marker}] is a table row with several figures; name the column")
    found = [(s, f, p, e) for s in sentences_of(ev.text) for f, p, e in figure_periods(s)]
    if ref.figure:
        claim = parse_figure(ref.figure)
        found = [x for x in found if claim is not None and same_figure(claim, x[1])]
        if not found:
            raise ComputeRefusal("bad_reference", f"[{ref.marker}] does not state {ref.figure!r}")
    elif ref.index:
        if not 1 <= ref.index <= len(found):
            raise ComputeRefusal("bad_reference", f"[{ref.marker}] has {len(found)} figures, not {ref.index}")
        found = [found[ref.index - 1]]
    else:
        amounts = [x for x in found if x[1].kind != "percent"]
        if len(amounts) != 1:
            raise ComputeRefusal("bad_reference", f"[{ref.marker}] states {len(amounts)} amounts; quote the one meant")
        found = amounts
    sentence, fig, period, entity = found[0]
    return ev.stated(fig, sentence, period, entity)


def execute_proposal(
    proposal: Proposal, evidence: Mapping[int, Evidence] | Sequence[Evidence], subject: str = ""
) -> Computed | ComputeRefusal:
    """Carry out the model's proposal on the cited evidence; a refusal says why it cannot be done."""
    by_marker = evidence if isinstance(evidence, Mapping) else {e.marker: e for e in evidence if e.marker is not None}
    try:
        operands = [resolve(r, by_marker) for r in proposal.refs]
        total = resolve(proposal.total, by_marker) if proposal.total else None
        return compute(proposal.op, operands, total=total, n=proposal.n, order=proposal.order, subject=subject)
    except ComputeRefusal as refusal:
        return refusal
