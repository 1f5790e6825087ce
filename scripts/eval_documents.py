"""What every eval document generator (scripts/make_*_documents.py) does the same way.

Each generator writes one evaluation set (eval/documents-*/ and eval/parts/*.jsonl) from
../shared/data/trade/*.csv. The steps that do not depend on the set live here once, so that a fix
reaches every set and a later set does not copy an earlier one: reading the official CSVs, writing
a figure and the forms an answer may state it in, keeping a set's questions, writing a document in
the format its file name says (text, CSV with sidecar, DOCX, PDF), and checking, writing and merging
the questions. The documents' text, figures, dates, bylines and sources stay in each generator.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
import textwrap
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from make_eval_documents import make_docx, make_pdf  # noqa: E402

from nearshore_qa.evaluation import states  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
MON = [m[:3].upper() for m in MONTHS]
QUARTERS = ["Q1", "Q2", "Q3", "Q4"]
QUARTER_WORDS = ["first", "second", "third", "fourth"]
# The other sets' text documents a new set's expected figures must not already appear in
# (each set from fresh3 on adds the sets written before it).
OTHER_SETS = ["corpus", "eval/documents", "eval/documents-dev", "eval/documents-fresh"]


# ---------------------------------------------------------------------------------------------
# Reading the official tables
# ---------------------------------------------------------------------------------------------


def rows(data: Path, name: str) -> list[dict]:
    with open(data / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def census_annual(data: Path, countries: list[str], years: list[int]) -> tuple[dict, dict]:
    keys = ("exports_musd", "imports_musd", "total_trade_musd", "balance_musd")
    t: dict[tuple[str, int], dict] = {}
    world: dict[int, dict] = {}
    for r in rows(data, "census_us_goods_trade_by_country_annual_1985_2024h1.csv"):
        y = int(r["year"])
        if y in years and r["country"] in countries and r["is_aggregate"] == "False":
            t[(r["country"], y)] = {k: float(r[k]) for k in keys}
        if y in years and r["country"] == "World, Not Seasonally Adjusted":
            world[y] = {k: float(r[k]) for k in keys}
    assert len(t) == len(countries) * len(years)
    return t, world


def census_figure(t: dict, c: str, y: int, k: str) -> str:
    """A ``census_annual`` figure as the articles write it: US$ million, one decimal."""
    return mn1(t[(c, y)][k])


def census_balance(t: dict, c: str, y: int) -> str:
    """The size of a ``census_annual`` trade balance in US$ million (the article says its sign in words)."""
    return mn1(abs(t[(c, y)]["balance_musd"]))


def bts_annual_by_mode(
    data: Path, country: str, years: list[int], modes: list[str]
) -> tuple[dict[tuple[str, str, int], float], dict[int, float]]:
    """BTS TransBorder annual US trade with ``country`` (US$) by (mode, trade type, year) for
    ``modes``, and every mode's trade together by year."""
    v: dict[tuple[str, str, int], float] = defaultdict(float)
    allm: dict[int, float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv"):
        if r["Country"] == country and int(r["Year"]) in years:
            allm[int(r["Year"])] += float(r["TradeValue"])
            if r["Mode"] in modes:
                v[(r["Mode"], r["TradeType"], int(r["Year"]))] += float(r["TradeValue"])
    return v, allm


def hs_partner_table(data: Path, hs: str):
    """USITC's US exports of one HS chapter by partner, 2020-2024: the ten largest partners of
    2024 as CSV lines (year, partner, US$ million, rank among all partners), with the values
    (US$), the ranks by year, the partners and the values as written."""
    years = [2020, 2021, 2022, 2023, 2024]
    u: dict[str, dict[int, float]] = {}
    for r in rows(data, "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv"):
        if r["hs2"].zfill(2) == hs:
            u[r["country"]] = {y: float(r[f"fas_usd_{y}"]) for y in years}
    rank = {y: sorted(u, key=lambda c: -u[c][y]) for y in years}
    partners = rank[2024][:10]
    val = {(c, y): f"{u[c][y] / 1e6:.1f}" for c in partners for y in years}
    lines = [f"year,partner,us_exports_hs{hs}_usd_millions,rank_among_partners"]
    for y in years:
        for c in sorted(partners, key=lambda c: -u[c][y]):
            lines.append(f"{y},{c},{val[(c, y)]},{rank[y].index(c) + 1}")
    return years, lines, u, rank, partners, val


def state_panel(
    data: Path, keys: dict[str, str], years: list[int]
) -> tuple[dict[tuple[str, int], dict], dict[int, float]]:
    """The Secretaría de Economía state panel's rows for ``keys`` (the file's state name -> the
    name the document writes) and ``years``, by (name, year); and every state's exports summed
    by year (thousand USD)."""
    p: dict[tuple[str, int], dict] = {}
    every: dict[int, float] = defaultdict(float)
    for r in rows(data, "mx_state_panel_fdi_exports_wages_2006_2022.csv"):
        y = int(r["year"])
        if y in years:
            every[y] += float(r["exports_thousand_usd"] or 0)
            if r["state"].strip() in keys:
                p[(keys[r["state"].strip()], y)] = r
    assert len(p) == len(keys) * len(years)
    return p, every


# ---------------------------------------------------------------------------------------------
# Writing figures, and the forms an answer may state them in
# ---------------------------------------------------------------------------------------------


def bn(usd: float) -> str:
    """US dollars as billions with two decimals: 20394812345 -> '20.39'."""
    return f"{usd / 1e9:,.2f}"


def mn1(x: float) -> str:
    """A value already in millions, one decimal, thousands separators."""
    return f"{x:,.1f}"


def num(text: str) -> float:
    return float(text.replace(",", ""))


def pct(value: float) -> str:
    return f"{value:.1f}"


def pct_of(new: float, old: float) -> float:
    return (new - old) / old * 100


# Sets written by hand from a figures script (fresh11 on) keep every figure exact: the CSVs'
# values as Decimals, rounded half up to one decimal.


def half_up(x) -> str:
    """Round half up to one decimal, with thousands separators."""
    return f"{Decimal(str(x)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}"


def change_half_up(new, old) -> str:
    """The percentage change from ``old`` to ``new``, one decimal rounded half up."""
    return half_up(Decimal(str(new)) / Decimal(str(old)) * 100 - 100) if old else "n/a"


def share_half_up(part, whole) -> str:
    return half_up(Decimal(str(part)) / Decimal(str(whole)) * 100)


def rank_of(series, key) -> int:
    """``key``'s place in ``series``, largest first (ties share the better place)."""
    return int(series.rank(ascending=False, method="min")[key])


def rank_in(values: dict, key, reverse: bool = True) -> int:
    """``key``'s place among a dict's values: 1 = largest (reverse=True); ties share the better place."""
    v = values[key]
    return 1 + sum(1 for w in values.values() if (w > v if reverse else w < v))


def count_text(x) -> str:
    """A count as written: "1,234"."""
    return f"{int(x):,}"


def trade_data_dir(argv: list[str]) -> str:
    """The official tables' folder: the first argument, else ../shared/data/trade beside the repo."""
    return (argv[1] if len(argv) > 1 else str(ROOT.parent / "shared" / "data" / "trade")) + "/"


def census_annual_decimal(data: str):
    """The Census annual country file as a DataFrame, its values in US$ million as Decimals."""
    import pandas as pd

    a = pd.read_csv(
        data + "census_us_goods_trade_by_country_annual_1985_2024h1.csv",
        dtype={"exports_musd": str, "imports_musd": str, "total_trade_musd": str, "balance_musd": str},
    )
    for c in ("exports_musd", "imports_musd", "total_trade_musd", "balance_musd"):
        a[c] = a[c].map(Decimal)
    return a


def census_years_decimal(data: str, partners: list[str], years: list[int]):
    """Each year's US exports and imports (US$ million, Decimal) by country from the Census monthly
    file's annual columns, aggregates left out, and the world's (code 15): (X, M, WX, WM) with
    X[year][country]. Checked against the annual file for ``partners``."""
    import pandas as pd

    mo = pd.read_csv(data + "census_us_goods_trade_by_country_monthly_1985_2024jun.csv", dtype=str)
    an = pd.read_csv(data + "census_us_goods_trade_by_country_annual_1985_2024h1.csv")
    aggregates = set(an[an.is_aggregate].cty_code.astype(str))
    x: dict = {}
    m: dict = {}
    wx: dict = {}
    wm: dict = {}
    for y in years:
        yr = mo[(mo.year == str(y)) & ~mo.CTY_CODE.isin(aggregates)]
        x[y] = {r.CTYNAME: Decimal(r.EYR) for r in yr.itertuples()}
        m[y] = {r.CTYNAME: Decimal(r.IYR) for r in yr.itertuples()}
        w = mo[(mo.year == str(y)) & (mo.CTY_CODE == "15")].iloc[0]
        wx[y], wm[y] = Decimal(w.EYR), Decimal(w.IYR)
        # the annual file (rounded) agrees with the monthly file's annual columns
        chk = an[(an.year == y) & (an.country.isin(partners))].set_index("country")
        for p in partners:
            assert half_up(x[y][p]) == half_up(chk.loc[p, "exports_musd"])
            assert half_up(m[y][p]) == half_up(chk.loc[p, "imports_musd"])
    return x, m, wx, wm


def write_docx(out: str, title: str, bylines: list[str], body: list[tuple[str, Any]]) -> None:
    """A Word report of the later blind sets (fresh11, fresh13, fresh17): the title as a level-0
    heading, its byline lines, then ("h", heading), ("p", paragraph), ("table_caption", caption) and
    ("table", rows of cell strings) blocks; fixed core properties and zip member times, so the file
    is the same on every run."""
    import datetime

    from docx import Document
    from make_eval_documents import _fix_zip_times, add_docx_table

    doc = Document()
    cp = doc.core_properties
    cp.title = title
    cp.author = "nearshore-qa"
    cp.subject = "Data: see the Sources section"
    cp.comments = "generated by python-docx"
    cp.keywords = ""
    cp.created = datetime.datetime(2026, 12, 2, 9, 0, 0)
    cp.modified = datetime.datetime(2026, 12, 2, 9, 0, 0)
    cp.last_modified_by = "nearshore-qa"
    cp.revision = 1
    doc.add_heading(title, level=0)
    for line in bylines:
        doc.add_paragraph(line)
    for kind, content in body:
        if kind == "h":
            doc.add_heading(content, level=1)
        elif kind == "table_caption":
            doc.add_paragraph(content, style="Caption")
        elif kind == "table":
            add_docx_table(doc, content)
        else:
            doc.add_paragraph(content)
    doc.save(out)
    _fix_zip_times(Path(out), (2026, 12, 2, 9, 0, 0), 0o644 << 16)
    print("wrote", out, sum(len(t.split()) for k, t in body if k in ("p", "h")), "words of prose")


def cbp_monthly(data: str, region: str, years: list[int]):
    """CBP's monthly northbound counts of one field office's ports in ``years``, a count column ``n``."""
    import pandas as pd

    mo = pd.read_csv(data + "cbp_texas_mexico_northbound_crossings_monthly_2008_2025.csv")
    mo["n"] = mo["Northbound Crossing"].fillna(0).astype(int)
    return mo[(mo.Region == region) & mo.Year.isin(years)]


def print_port_months(monthly, year: int, ports: list[str], modes: list[str], width: int = 16) -> None:
    """Each port's and mode's busiest and quietest month of ``year``, and its sum."""
    for p in ports:
        for m in modes:
            s = monthly[(monthly.Year == year) & (monthly.POE == p) & (monthly.Modes == m)].groupby("Month").n.sum()
            if s.sum():
                print(
                    year,
                    f"{p:{width}s} {m:24s} max {MONTHS[s.idxmax() - 1]} {s.max():,} min {MONTHS[s.idxmin() - 1]} "
                    f"{s.min():,} | sum {s.sum():,}",
                )


def million_half_up(usd) -> str:
    """Whole US dollars -> US$ million, one decimal, half up, with separators ("2,954.2")."""
    return half_up(Decimal(str(int(round(usd)))) / Decimal(10**6))


def million_decimal(usd) -> Decimal:
    """Whole US dollars -> US$ million as a Decimal, one decimal (as the documents write it)."""
    return Decimal(million_half_up(usd).replace(",", ""))


def usitc_chapter(data: str, hs: str):
    """USITC DataWeb's US exports by HS2 chapter and partner, 2020-2024: every partner's rows
    ``u``, chapter ``hs``'s exports by partner and year ``h``, its world total, every chapter's
    total ``allx`` and the years; prints the chapter's description and how many partners bought it."""
    import pandas as pd

    u = pd.read_csv(data + "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv", dtype={"hs2": str})
    u = u[u.country.notna()]
    yrs = [2020, 2021, 2022, 2023, 2024]
    print("description:", u[u.hs2 == hs].hs2_description.iloc[0])
    h = u[u.hs2 == hs].set_index("country")[[f"fas_usd_{y}" for y in yrs]]
    h.columns = yrs
    print(f"partners with HS{hs} exports:", {y: int((h[y] > 0).sum()) for y in yrs})
    allx = u.groupby("hs2")[[f"fas_usd_{y}" for y in yrs]].sum()
    allx.columns = yrs
    return u, h, h.sum(), allx, yrs


def print_group_months(monthly, year: int, modes: list[str], group: str) -> None:
    """The ports taken together, mode by mode: each month's count of ``year``, its busiest and quietest."""
    for m in modes:
        s = monthly[(monthly.Year == year) & (monthly.Modes == m)].groupby("Month").n.sum()
        print(
            year,
            f"{group} ports",
            m,
            "by month",
            {MONTHS[k - 1][:3]: f"{int(v):,}" for k, v in s.items()},
            "max",
            MONTHS[s.idxmax() - 1],
            "min",
            MONTHS[s.idxmin() - 1],
        )


def print_modes_year(v3, x, m, y: int, modes: list[str]) -> None:
    """One year of a BTS TransBorder by-mode pivot (``v3``: (mode, trade type) rows, year columns):
    each mode's exports, imports, total, balance and shares of the year's all-mode exports ``x``
    and imports ``m``, then the modes in order of total, of exports and of imports."""
    for md in v3.index.get_level_values(0).unique():
        ex = v3.loc[(md, "Export"), y] if (md, "Export") in v3.index else 0
        im = v3.loc[(md, "Import"), y] if (md, "Import") in v3.index else 0
        print(
            f"  {md:28s} X {million_half_up(ex):>10} M {million_half_up(im):>10} T {million_half_up(ex + im):>10} "
            f"B {million_half_up(ex - im):>10} "
            f"| share X {share_half_up(ex, x)}% M {share_half_up(im, m)}% T {share_half_up(ex + im, x + m)}%"
        )
    tots = {md: v3.loc[(md, "Export"), y] + v3.loc[(md, "Import"), y] for md in modes}
    print("  order by total", sorted(tots, key=lambda k: -tots[k]))
    print(
        "  order by X",
        sorted(modes, key=lambda k: -v3.loc[(k, "Export"), y]),
        "by M",
        sorted(modes, key=lambda k: -v3.loc[(k, "Import"), y]),
    )


def print_chapter_world(world, allx, hs: str, yrs: list[int]) -> None:
    """A USITC chapter's US exports to the world by year, its rank among the HS2 chapters, how many
    chapters there are and its share of all US exports."""
    print(
        "world",
        {y: million_half_up(world[y]) for y in yrs},
        "chapter rank among HS2",
        {y: rank_of(allx[y], hs) for y in yrs},
        "chapters",
        len(allx),
        "share of all US exports",
        {y: share_half_up(world[y], allx[y].sum()) for y in yrs},
    )


def print_group_order(group, balance: bool = False) -> None:
    """A year's partners (rows of the Census annual file) in order of exports, imports and total
    trade, and with ``balance`` of balance too."""
    print(
        "  order by X",
        list(group.exports_musd.sort_values(ascending=False).index),
        "by M",
        list(group.imports_musd.sort_values(ascending=False).index),
        "by T",
        list(group.total_trade_musd.sort_values(ascending=False).index),
        *(("by B", list(group.balance_musd.sort_values(ascending=False).index)) if balance else ()),
    )


def print_partner_line(h, world, partner: str, yrs: list[int], width: int) -> None:
    """A partner's exports of the chapter by year (US$ million), its rank among partners and its share."""
    print(
        f"{partner:{width}s}",
        {y: million_half_up(h.loc[partner, y]) for y in yrs},
        "ranks",
        {y: rank_of(h[y], partner) for y in yrs},
        "share",
        {y: share_half_up(h.loc[partner, y], world[y]) for y in yrs},
    )


def print_chapter_weights(u, h, partners: list[str], hs: str, yrs: list[int], width: int) -> None:
    """The chapter's share of all US goods exports to each partner (its weight in each market)."""
    for p in partners:
        tot = u[u.country == p][[f"fas_usd_{y}" for y in yrs]].sum()
        print(
            f"{p:{width}s} HS{hs} share of all US exports to it",
            {y: share_half_up(h.loc[p, y], tot[f"fas_usd_{y}"]) for y in yrs},
        )


def print_ports_year(region, texas, year: int, ports: list[str], modes: list[str], group: str, top: int):
    """One year of a field office's ports (``region``: their rows of CBP's yearly file, ``texas``:
    all of it): counts by port and mode, the group's totals, Texas's, and each port's rank and
    shares; returns the year's port-by-mode table."""
    t = region[region.Year == year].pivot_table(index="POE", columns="Modes", values="n", aggfunc="sum")
    t = t.loc[ports, modes]
    print(f"--- {year}\n{t.to_string()}")
    print(f"{group} ports total", t.sum().to_dict())
    allt = texas[texas.Year == year].pivot_table(index="POE", columns="Modes", values="n", aggfunc="sum")
    print("all Texas", allt[modes].sum().to_dict(), "ports in data", len(allt))
    for m in modes:
        print(
            f"{m}: ranks among Texas ports",
            {p: rank_of(allt[m], p) for p in ports},
            f"{group} ports' share of Texas",
            share_half_up(t[m].sum(), allt[m].sum()),
            "shares of Texas",
            {p: share_half_up(t.loc[p, m], allt[m].sum()) for p in ports},
            f"shares of {group}",
            {p: share_half_up(t.loc[p, m], t[m].sum()) for p in ports},
            f"top {top}",
            allt[m].sort_values(ascending=False).head(top).to_dict(),
        )
    return t


def print_bridges_year(region, year: int, modes: list[str]) -> None:
    print("bridges:")
    print(
        region[region.Year == year]
        .pivot_table(index=["POE", "Crossing"], columns="Modes", values="n", aggfunc="sum")[modes]
        .to_string()
    )


def wrap(text: str) -> str:
    return textwrap.fill(text, width=92)


def wrap_keeping_hyphens(text: str) -> str:
    """A paragraph of a plain-text document, never broken inside a hyphenated name."""
    return textwrap.fill(text, width=92, break_on_hyphens=False)


def money_bn(value: str) -> list[str]:
    """The forms an answer may state a US$ billion figure in."""
    return [f"US${value} billion", f"{value} billion", value]


def money_mn(value: str) -> list[str]:
    return [f"US${value} million", f"{value} million", value]


def bn_forms(value: str) -> list[str]:
    return [*money_bn(value), f"${value} billion"]


def mn_forms(value: str) -> list[str]:
    return [*money_mn(value), f"${value} million"]


def change_forms(value: float) -> list[str]:
    """A change in percent: a fall may be written with or without its sign."""
    text = f"{value:.1f}%"
    return [text, text.lstrip("-")] if value < 0 else [text]


def pct_forms(value: str) -> list[str]:
    """A percentage stated in the text, in the forms an answer may write it."""
    return [f"{value} percent", f"{value}%", f"{value} per cent"]


def count(n: int) -> list[str]:
    return [f"{n:,}"]


# ---------------------------------------------------------------------------------------------
# A set's questions and documents
# ---------------------------------------------------------------------------------------------


class Questions:
    """The questions of one set (ids ``<name>-01`` …), in the split being written."""

    def __init__(self, name: str = "fresh", blank_unanswerable: bool = False) -> None:
        self.name = name
        self.blank_unanswerable = blank_unanswerable  # an unanswerable question's expected list left empty
        self.items: list[dict] = []
        self.derived: set[str] = set()  # ids whose figure is computed from stated operands, not stated
        self.split = "dev"

    def add(self, kind: str, question: str, expected: list[str], sources: list[str], history=None) -> None:
        item = {
            "id": f"{self.name}-{len(self.items) + 1:02d}",
            "question": question,
            "expected": expected if kind != "unanswerable" or not self.blank_unanswerable else [],
            "sources": sources if kind != "unanswerable" else [],
            "kind": kind,
        }
        if history:
            item["history"] = history
        item.update({"split": self.split, "set": self.name})
        if kind == "computed":
            self.derived.add(item["id"])
        self.items.append(item)


def flatten(blocks: list) -> str:
    out = []
    for kind, content in blocks:
        if kind == "table":
            out += [" ".join(r) for r in content]
        else:
            out.append(content)
    return "\n".join(out)


def write_document(out: Path, made: tuple, publisher: str) -> str:
    """Write what a document maker returned into ``out``, in the format its file name says, and
    return the text its questions' answers are checked against. A maker returns (name, text) for
    Markdown, text and HTML; (name, table, sidecar) for a CSV; (name, title, paragraphs) for a DOCX;
    (name, title, running title, pages, …) for a PDF. DOCX and PDF use the writers of
    make_eval_documents.py (fixed dates, reproducible bytes)."""
    name = made[0]
    if name.endswith(".csv"):
        _, table, side = made
        (out / name).write_text(table, encoding="utf-8")
        (out / name.replace(".csv", ".meta.yaml")).write_text(side, encoding="utf-8")
        return table + side
    if name.endswith(".pdf"):
        _, title, running, pages = made[:4]
        make_pdf(out / name, title, running, pages, publisher=publisher)
        return flatten([b for page in pages for b in page])
    if name.endswith(".docx"):
        _, title, paragraphs = made
        make_docx(out / name, title, paragraphs, publisher=publisher)
        return flatten(paragraphs)
    _, text = made
    (out / name).write_text(text, encoding="utf-8")
    return text


def trade_data_argument(description: str) -> Path:
    """The ``--data`` folder (../shared/data/trade by default); exits when it has no SOURCES.md."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "trade")
    args = parser.parse_args()
    if not (args.data / "SOURCES.md").exists():
        sys.exit(f"no trade data at {args.data} (pass --data)")
    return args.data


@dataclass
class SetWriter:
    """Writes a set's documents into ``out``: each maker gets the data folder and the questions
    (``q.split`` says which part it writes), and its text is kept for ``finish``'s checks."""

    data: Path
    q: Questions
    out: Path
    publisher: str
    texts: dict[str, str] = field(default_factory=dict)
    split_of: dict[str, str] = field(default_factory=dict)

    def write(self, make) -> None:
        made = make(self.data, self.q)
        self.texts[made[0]] = write_document(self.out, made, self.publisher)
        self.split_of[made[0]] = self.q.split


def unstated(item: dict, source: str, text: str) -> str:
    """Why ``item``'s answer is not in ``source``'s ``text`` ("" when it is stated there). One form
    stated is enough: the others are the same figure in other units or spellings."""
    if any(states(html.unescape(text), e) for e in item["expected"]):
        return ""
    return f"{item['id']}: none of {item['expected']} is stated in {source}"


def with_near_misses(items: list[dict], parts: Path) -> list[dict]:
    """``items`` with the part file's hand-written near-miss questions (a ``near`` key: unanswerable
    dev questions written blind to the answerer, not by this script) kept after the last dev
    question, so that regenerating a set does not drop them."""
    if not parts.exists():
        return items
    lines = parts.read_text(encoding="utf-8").splitlines()
    kept = [item for item in map(json.loads, filter(None, lines)) if "near" in item]
    at = max((n + 1 for n, item in enumerate(items) if item["split"] == "dev"), default=len(items))
    return items[:at] + kept + items[at:]


def write_part(parts: Path, items: list[dict]) -> None:
    """The set's part file: one question a line, as build_eval.py reads it."""
    parts.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")


def exit_if_bad(bad: list[str]) -> None:
    """Print the failed checks ("" is a check that passed) and exit 1 when there is one."""
    bad = [b for b in bad if b]
    if bad:
        print("\n".join(bad))
        sys.exit(1)


def merge_into_questions(items: list[dict], name: str = "fresh", after: str = "docdev") -> None:
    """Put set ``name``'s questions into eval/questions.jsonl where build_eval.py would (after the
    ``after`` set, in part-file order), leaving every other line as it is."""
    path = ROOT / "eval" / "questions.jsonl"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    kept = [ln for ln in lines if json.loads(ln).get("set") != name]
    at = max((n + 1 for n, ln in enumerate(kept) if json.loads(ln).get("set") == after), default=len(kept))
    fresh = [json.dumps(i, ensure_ascii=False) for i in items]
    path.write_text("\n".join(kept[:at] + fresh + kept[at:]) + "\n", encoding="utf-8")


def finish(
    q: Questions, texts: dict[str, str], split_of: dict[str, str], out: Path, parts: Path, after: str, others: str = ""
) -> None:
    """Check the set (each question's documents in its own split; each stated answer stated in its
    document; with ``others``, the text of the other sets, no expected figure of five or more
    characters found there), write its part file, merge it into eval/questions.jsonl, print a
    summary; exit 1 when a check failed."""
    bad = []
    for item in q.items:
        for source in item["sources"]:
            if split_of[source] != item["split"]:
                bad.append(f"{item['id']}: split {item['split']} but {source} is a {split_of[source]} document")
        figure = re.search(r"\d[\d,.]*\d", item["expected"][0]) if others and item["expected"] else None
        if figure and len(figure[0]) >= 5 and item["kind"] != "date_definition" and figure[0] in others:
            bad.append(f"{item['id']}: {item['expected'][0]} already appears in another set's documents")
        if item["id"] not in q.derived:
            bad += [unstated(item, source, texts[source]) for source in item["sources"]]
    items = with_near_misses(q.items, parts)
    write_part(parts, items)
    merge_into_questions(items, q.name, after)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for item in items:
        counts[(item["split"], item["kind"])] += 1
    print(f"{len(items)} questions -> {parts.relative_to(ROOT)}")
    for key in sorted(counts):
        print(f"  {key[0]:<5} {key[1]:<16} {counts[key]}")
    for name in sorted(texts):
        print(f"{out.relative_to(ROOT)}/{name}  [{split_of[name]}]  {(out / name).stat().st_size:,} bytes")
    exit_if_bad(bad)


def other_sets_text(folders: list[str]) -> str:
    """The text of every other set's text documents, to check that no expected figure is already there."""
    out = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".txt", ".html", ".csv", ".yaml"):
                out.append(html.unescape(path.read_text(encoding="utf-8")))
    return "\n".join(out)


def sets_before(fresh: int) -> list[str]:
    """The folders a set ``fresh<N>`` (N >= 2) must not repeat an expected figure of: ``OTHER_SETS``
    and every fresh set from fresh2 to the one before it (an absent folder adds no text)."""
    return [*OTHER_SETS, *(f"eval/documents-fresh{k}" for k in range(2, fresh))]


def write_set(
    doc: str,
    q: Questions,
    out: Path,
    parts: Path,
    publisher: str,
    dev: list[Callable],
    test: list[Callable],
    after: str,
    others: list[str] | None = None,
) -> None:
    """A set's whole run: read ``--data`` (``doc``, the generator's docstring, describes it on its
    first line), write the ``dev`` documents (tune on these) and then the ``test`` ones (report
    only), each maker's questions in its part, and ``finish`` the set (with ``others``, those
    folders' text, read once the documents are written, must not hold an expected figure)."""
    out.mkdir(parents=True, exist_ok=True)
    w = SetWriter(trade_data_argument(doc.splitlines()[0]), q, out, publisher)
    for split, makers in (("dev", dev), ("test", test)):
        w.q.split = split
        for make in makers:
            w.write(make)
    finish(w.q, w.texts, w.split_of, out, parts, after, others=other_sets_text(others) if others else "")
