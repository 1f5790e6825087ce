"""Figures for the fresh15 evaluation set (eval/documents-fresh15/), computed from the official
tables in ../shared/data/trade/ (see SOURCES.md there; not shipped with the project). Run:
    python scripts/fresh15_figures.py [DATA_DIR]
Every number quoted in a fresh15 document is printed by this script (rounded as stated there)."""

import sys
from decimal import Decimal

import pandas as pd
from eval_documents import (
    MONTHS,
    cbp_monthly,
    census_annual_decimal,
    print_bridges_year,
    print_chapter_weights,
    print_chapter_world,
    print_group_months,
    print_group_order,
    print_modes_year,
    print_partner_line,
    print_port_months,
    print_ports_year,
    trade_data_dir,
    usitc_chapter,
)
from eval_documents import change_half_up as pct
from eval_documents import half_up as r1
from eval_documents import (
    million_decimal as mnd,
)
from eval_documents import (
    million_half_up as mn,
)
from eval_documents import rank_of as ordinal_rank
from eval_documents import share_half_up as share

D = trade_data_dir(sys.argv)


PAIRS = [(2020, 2021), (2021, 2022), (2022, 2023), (2023, 2024), (2020, 2022), (2022, 2024), (2020, 2024)]

# ---------------------------------------------------------------------------------------------
# Doc 1 (dev, .docx): US goods trade with six Central American partners (Guatemala, Honduras,
# El Salvador, Nicaragua, Costa Rica, Panama), 2019-2023. Census annual file, millions of USD
# (already rounded to 0.1): Decimal sums.
print("=" * 30, "Doc 1: six Central American partners (Census)")
a = census_annual_decimal(D)
P1 = ["Guatemala", "Honduras", "El Salvador", "Nicaragua", "Costa Rica", "Panama"]
K = ["exports_musd", "imports_musd", "total_trade_musd", "balance_musd"]
countries = a[~a.is_aggregate]
Y1 = range(2018, 2024)
for y in Y1:
    yr = countries[countries.year == y].set_index("country")
    world = a[(a.year == y) & (a.cty_code == 15)].iloc[0]
    exp, imp, tot, bal = (yr[k].astype(float) for k in K)
    print(f"--- {y}: world exports {r1(world.exports_musd)} imports {r1(world.imports_musd)}; {len(yr)} countries")
    for p in P1:
        row = yr.loc[p]
        print(
            f"{p:11s} X {r1(row.exports_musd):>9} M {r1(row.imports_musd):>9} T {r1(row.total_trade_musd):>9} "
            f"B {r1(row.balance_musd):>9} | rank X {ordinal_rank(exp, p)} M {ordinal_rank(imp, p)} "
            f"T {ordinal_rank(tot, p)} | X/M {r1(row.exports_musd / row.imports_musd)} "
            f"X share of T {share(row.exports_musd, row.total_trade_musd)}%"
        )
    six = yr.loc[P1]
    print(
        f"six together: X {r1(six.exports_musd.sum())} M {r1(six.imports_musd.sum())} "
        f"T {r1(six.total_trade_musd.sum())} B {r1(six.balance_musd.sum())} | "
        f"share of world X {share(six.exports_musd.sum(), world.exports_musd)}% "
        f"M {share(six.imports_musd.sum(), world.imports_musd)}% "
        f"T {share(six.total_trade_musd.sum(), world.total_trade_musd)}%"
    )
    print(
        "  shares of six: X",
        {p: share(yr.loc[p].exports_musd, six.exports_musd.sum()) for p in P1},
        "M",
        {p: share(yr.loc[p].imports_musd, six.imports_musd.sum()) for p in P1},
        "T",
        {p: share(yr.loc[p].total_trade_musd, six.total_trade_musd.sum()) for p in P1},
    )
    print_group_order(six, balance=True)
get = lambda p, y, c: countries[(countries.country == p) & (countries.year == y)].iloc[0][c]  # noqa: E731
print("changes:")
for p in P1:
    for c in K:
        v = {y: get(p, y, c) for y in Y1}
        print(
            f"{p:11s} {c:17s} 18->19 {pct(v[2019], v[2018])}% 19->20 {pct(v[2020], v[2019])}% "
            f"20->21 {pct(v[2021], v[2020])}% 21->22 {pct(v[2022], v[2021])}% 22->23 {pct(v[2023], v[2022])}% "
            f"19->22 {pct(v[2022], v[2019])}% 19->23 {pct(v[2023], v[2019])}% 20->22 {pct(v[2022], v[2020])}% "
            f"diff 19->23 {r1(v[2023] - v[2019])} diff 22->23 {r1(v[2023] - v[2022])}"
        )
ssum = {y: countries[(countries.year == y) & countries.country.isin(P1)][K].sum() for y in Y1}
for c in K:
    print(
        f"six {c}: 19->20 {pct(ssum[2020][c], ssum[2019][c])}% 20->21 {pct(ssum[2021][c], ssum[2020][c])}% "
        f"21->22 {pct(ssum[2022][c], ssum[2021][c])}% 22->23 {pct(ssum[2023][c], ssum[2022][c])}% "
        f"19->22 {pct(ssum[2022][c], ssum[2019][c])}% 19->23 {pct(ssum[2023][c], ssum[2019][c])}%"
    )
wsum = {y: a[(a.year == y) & (a.cty_code == 15)].iloc[0] for y in Y1}
for c in ["exports_musd", "imports_musd"]:
    print(
        f"world {c}: 19->20 {pct(wsum[2020][c], wsum[2019][c])}% 22->23 {pct(wsum[2023][c], wsum[2022][c])}% "
        f"19->23 {pct(wsum[2023][c], wsum[2019][c])}%"
    )
for p in P1:
    print(p, "balance by year", {y: r1(get(p, y, "balance_musd")) for y in range(2005, 2024)})
print(
    "Panama X / M 2022",
    r1(get("Panama", 2022, "exports_musd") / get("Panama", 2022, "imports_musd")),
    "Nicaragua M / X 2023",
    r1(get("Nicaragua", 2023, "imports_musd") / get("Nicaragua", 2023, "exports_musd")),
)

# ---------------------------------------------------------------------------------------------
# Doc 2 (dev, .txt): CBP northbound commercial trucks, railcars and buses at the Laredo field
# office's ports (Laredo, Eagle Pass, Del Rio), month by month in 2023, with 2022 for comparison.
print("=" * 30, "Doc 2: Laredo field office ports, trucks, railcars and buses, 2022-2023 (CBP)")
cb = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv")
cb["n"] = cb["Northbound Crossing"].fillna(0).astype(int)
ports = ["Laredo", "Eagle Pass", "Del Rio"]
modes = ["Commercial Trucks", "Railcars", "Buses"]
lrd = cb[cb.Region == "Laredo"]
assert set(lrd.POE) == set(ports)
Y2 = [2022, 2023]
for y in Y2:
    print_ports_year(lrd, cb, y, ports, modes, "three", 5)
    print_bridges_year(lrd, y, modes)
print("changes:")
for m in modes:
    v = {y: lrd[(lrd.Year == y) & (lrd.Modes == m)].groupby("POE").n.sum() for y in Y2}
    tx = {y: cb[(cb.Year == y) & (cb.Modes == m)].n.sum() for y in Y2}
    for p in ports:
        if v[2022][p]:
            print(
                f"{m:18s} {p:11s} {v[2022][p]:>10,} {v[2023][p]:>10,} 22->23 {pct(v[2023][p], v[2022][p])}% "
                f"diff {v[2023][p] - v[2022][p]:,}"
            )
    f3 = {y: v[y].sum() for y in Y2}
    print(
        f"{m:18s} {'three':11s} {f3[2022]:,} {f3[2023]:,} 22->23 {pct(f3[2023], f3[2022])}% diff {f3[2023] - f3[2022]:,}"
    )
    print(f"{m:18s} {'all Texas':11s} {tx[2022]:,} {tx[2023]:,} 22->23 {pct(tx[2023], tx[2022])}%")
for bridge in sorted(set(lrd.Crossing)):
    for m in modes:
        b = {y: lrd[(lrd.Year == y) & (lrd.Crossing == bridge) & (lrd.Modes == m)].n.sum() for y in Y2}
        if any(b.values()):
            print(
                f"{bridge:52s} {m:18s} {b[2022]:>10,} {b[2023]:>10,} "
                f"22->23 {pct(b[2023], b[2022]) if b[2022] else 'n/a'}% diff {b[2023] - b[2022]:,}"
            )
for y in Y2:
    for p in ports:
        for m in modes:
            e = lrd[(lrd.Year == y) & (lrd.POE == p) & (lrd.Modes == m)]
            if e.n.sum():
                print(
                    y,
                    p,
                    m,
                    "bridge shares",
                    {c: share(n, e.n.sum()) for c, n in zip(e.Crossing, e.n, strict=True) if n},
                )
ml = cbp_monthly(D, "Laredo", Y2)
for y in Y2:
    print_port_months(ml, y, ports, modes, 11)
    print_group_months(ml, y, modes, "three")
print("2023 month by month, by port (the document's table):")
for m in ["Commercial Trucks", "Railcars"]:
    for p in ["Laredo", "Eagle Pass"]:
        s = ml[(ml.Year == 2023) & (ml.POE == p) & (ml.Modes == m)].groupby("Month").n.sum()
        s22 = ml[(ml.Year == 2022) & (ml.POE == p) & (ml.Modes == m)].groupby("Month").n.sum()
        print(f"  {p:11s} {m:18s}", {MONTHS[k - 1][:3]: f"{int(n):,}" for k, n in s.items()})
        print(
            f"  {p:11s} {m:18s} change on the same month of 2022",
            {MONTHS[k - 1][:3]: pct(s[k], s22[k]) for k in s.index},
        )
        q = {f"Q{i + 1}": int(s[[3 * i + 1, 3 * i + 2, 3 * i + 3]].sum()) for i in range(4)}
        print(f"  {p:11s} {m:18s} quarters", {k: f"{n:,}" for k, n in q.items()})
        print(
            f"  {p:11s} {m:18s} months above 2022's same month",
            [MONTHS[k - 1][:3] for k in s.index if s[k] > s22[k]],
            "monthly average",
            r1(Decimal(int(s.sum())) / 12),
        )
for m in ["Commercial Trucks", "Railcars", "Buses"]:
    for p in ["Laredo", "Eagle Pass"]:
        e = ml[(ml.Year == 2023) & (ml.POE == p) & (ml.Modes == m)]
        for c in sorted(set(e.Crossing)):
            s = e[e.Crossing == c].groupby("Month").n.sum()
            if s.sum():
                print(
                    f"  2023 {c:52s} {m:18s} max {MONTHS[s.idxmax() - 1]} {s.max():,} min {MONTHS[s.idxmin() - 1]} {s.min():,}",
                    "Dec",
                    f"{s[12]:,}",
                    "Sep",
                    f"{s[9]:,}",
                )
trk = ml[(ml.Year == 2023) & (ml.Modes == "Commercial Trucks")].pivot_table(
    index="Month", columns="POE", values="n", aggfunc="sum"
)
print(
    "Eagle Pass Dec 2023 trucks vs Nov 2023",
    pct(trk.loc[12, "Eagle Pass"], trk.loc[11, "Eagle Pass"]),
    "vs Dec 2022",
    pct(
        trk.loc[12, "Eagle Pass"],
        ml[(ml.Year == 2022) & (ml.POE == "Eagle Pass") & (ml.Modes == "Commercial Trucks") & (ml.Month == 12)].n.sum(),
    ),
    "Sep vs Aug",
    pct(trk.loc[9, "Eagle Pass"], trk.loc[8, "Eagle Pass"]),
    "Laredo Mar 2023 share of three",
    share(trk.loc[3, "Laredo"], trk.loc[3].sum()),
)

# ---------------------------------------------------------------------------------------------
# Doc 3 (test, .html): US trade with Canada by mode of transport, 2021-2022 (BTS TransBorder,
# annual file, US$; written in US$ million, one decimal).
print("=" * 30, "Doc 3: US-Canada trade by mode, 2021-2022 (BTS)")
b = pd.read_csv(D + "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv")
Y3 = [2019, 2020, 2021, 2022, 2023]
bm = b[(b.Country == "Canada") & b.Year.isin(Y3)]
v3 = bm.pivot_table(index=["Mode", "TradeType"], columns="Year", values="TradeValue", aggfunc="sum").fillna(0)
tt = bm.groupby(["TradeType", "Year"]).TradeValue.sum()
MODES3 = ["Truck", "Rail", "Pipeline", "Vessel", "Air"]
for y in Y3:
    x, m = tt["Export"][y], tt["Import"][y]
    print(f"--- {y}: all modes X {mn(x)} M {mn(m)} T {mn(x + m)} B {mn(x - m)}")
    print_modes_year(v3, x, m, y, MODES3)
print("changes:")
for md, ty in v3.index:
    s = v3.loc[(md, ty)]
    print(
        f"{md:28s} {ty:6s} 19->20 {pct(s[2020], s[2019])}% 20->21 {pct(s[2021], s[2020])}% "
        f"21->22 {pct(s[2022], s[2021])}% 20->22 {pct(s[2022], s[2020])}% 19->22 {pct(s[2022], s[2019])}% "
        f"diff 21->22 {r1(mnd(s[2022]) - mnd(s[2021]))}"
    )
for md in MODES3:
    t = v3.loc[(md, "Export")] + v3.loc[(md, "Import")]
    print(
        f"{md:28s} total 20->21 {pct(t[2021], t[2020])}% 21->22 {pct(t[2022], t[2021])}% 19->22 {pct(t[2022], t[2019])}%"
    )
for ty in ["Export", "Import"]:
    s = tt[ty]
    print(
        f"all modes {ty}: 20->21 {pct(s[2021], s[2020])}% 21->22 {pct(s[2022], s[2021])}% 19->22 {pct(s[2022], s[2019])}%"
    )
t = tt["Export"] + tt["Import"]
print(
    f"all modes total: 20->21 {pct(t[2021], t[2020])}% 21->22 {pct(t[2022], t[2021])}% 19->22 {pct(t[2022], t[2019])}%"
)
for y in Y3:
    surf = sum(v3.loc[(md, ty), y] for md in ["Truck", "Rail", "Pipeline"] for ty in ["Export", "Import"])
    print(
        y,
        "pipeline M/X",
        r1(Decimal(int(v3.loc[("Pipeline", "Import"), y])) / Decimal(int(v3.loc[("Pipeline", "Export"), y]))),
        "truck+rail+pipeline total",
        mn(surf),
        "share of all",
        share(surf, tt["Export"][y] + tt["Import"][y]),
    )

# ---------------------------------------------------------------------------------------------
# Doc 4 (test, .pdf): US exports of fertilizers (HS 31) to six markets, 2020-2024, USITC DataWeb
# (US$; written in US$ million, one decimal).
print("=" * 30, "Doc 4: HS 31 fertilizers (USITC)")
u, h, world, allx, yrs = usitc_chapter(D, "31")
print_chapter_world(world, allx, "31", yrs)
print("world changes", {f"{p}->{c}": pct(world[c], world[p]) for p, c in PAIRS})
P4 = ["Canada", "Brazil", "Mexico", "Australia", "China", "Argentina"]
for p in P4 + ["Colombia", "South Korea", "Peru", "France", "Belgium"]:
    print_partner_line(h, world, p, yrs, 12)
    print(
        " " * 12,
        {f"{b0}->{c}": pct(h.loc[p, c], h.loc[p, b0]) for b0, c in PAIRS},
        "ratio 22/20",
        r1(Decimal(int(h.loc[p, 2022])) / Decimal(int(h.loc[p, 2020]))),
        "diff 20->24",
        r1(mnd(h.loc[p, 2024]) - mnd(h.loc[p, 2020])),
        "max year",
        h.loc[p].idxmax(),
    )
print("top 12 by year:")
for y in yrs:
    print(y, [(c, mn(v)) for c, v in h[y].sort_values(ascending=False).head(12).items()])
for y in yrs:
    s6 = h.loc[P4, y].sum()
    print(
        y,
        "six together",
        mn(s6),
        "share",
        share(s6, world[y]),
        "Canada+Brazil",
        mn(h.loc[["Canada", "Brazil"], y].sum()),
        "share",
        share(h.loc[["Canada", "Brazil"], y].sum(), world[y]),
        "Canada minus Brazil",
        r1(mnd(h.loc["Canada", y]) - mnd(h.loc["Brazil", y])),
        "Canada/Mexico ratio",
        r1(Decimal(int(h.loc["Canada", y])) / Decimal(int(h.loc["Mexico", y]))),
    )
s6 = {y: h.loc[P4, y].sum() for y in yrs}
print("six", {f"{p}->{c}": pct(s6[c], s6[p]) for p, c in PAIRS})
print_chapter_weights(u, h, P4, "31", yrs, 12)
for p in P4:
    print(
        f"{p:12s} HS31 rank among chapters exported to it",
        {y: ordinal_rank(u[u.country == p].set_index("hs2")[f"fas_usd_{y}"], "31") for y in yrs},
    )
