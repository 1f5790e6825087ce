"""Figures for the fresh17 evaluation set (eval/documents-fresh17/), computed from the official tables in
../shared/data/trade/ (see SOURCES.md there; not shipped with the project). Run:
    python scripts/fresh17_figures.py [DATA_DIR]
Every number quoted in a fresh17 document is printed by this script (rounded half up as stated, with
scripts/eval_documents.py's helpers)."""

import sys
from decimal import Decimal

import pandas as pd
from eval_documents import MON, MONTHS, trade_data_dir
from eval_documents import change_half_up as pct
from eval_documents import count_text as n
from eval_documents import half_up as r1
from eval_documents import million_half_up as mn
from eval_documents import share_half_up as share

D = trade_data_dir(sys.argv)
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
       9: "ninth", 10: "tenth"}  # fmt: skip


def dec(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def rank(series, key) -> int:
    return int(series.rank(ascending=False, method="min")[key])


# =============================================================================================
# Doc 1 (dev, .md): US goods trade with the Nordic countries (Sweden, Norway, Denmark, Finland,
# Iceland), 2019-2023. Census annual file; values in US$ million, already rounded to 0.1 -> Decimal.
print("=" * 30, "Doc 1: Nordic countries 2019-2023 (Census annual)")
a = pd.read_csv(
    D + "census_us_goods_trade_by_country_annual_1985_2024h1.csv",
    dtype={"exports_musd": str, "imports_musd": str, "total_trade_musd": str, "balance_musd": str},
)
K = ["exports_musd", "imports_musd", "total_trade_musd", "balance_musd"]
for c in K:
    a[c] = a[c].map(Decimal)
cty = a[~a.is_aggregate]
P1 = ["Sweden", "Norway", "Denmark", "Finland", "Iceland"]
Y1 = [2018, 2019, 2020, 2021, 2022, 2023]
for y in Y1:
    yr = cty[cty.year == y].set_index("country")
    world = a[(a.year == y) & (a.cty_code == 15)].iloc[0]
    eu = a[(a.year == y) & (a.cty_code == 3)].iloc[0]
    exp, imp, tot = (yr[k].astype(float) for k in K[:3])
    print(
        f"--- {y}: world X {r1(world.exports_musd)} M {r1(world.imports_musd)}; EU X {r1(eu.exports_musd)} "
        f"M {r1(eu.imports_musd)}; {len(yr)} countries"
    )
    for p in P1:
        row = yr.loc[p]
        print(
            f"{p:8s} X {r1(row.exports_musd):>9} M {r1(row.imports_musd):>9} T {r1(row.total_trade_musd):>9} "
            f"B {r1(row.balance_musd):>10} | rank X {rank(exp, p)} M {rank(imp, p)} T {rank(tot, p)} "
            f"| M/X {r1(row.imports_musd / row.exports_musd)}"
        )
    five = yr.loc[P1]
    sx, sm, st, sb = (five[k].sum() for k in K)
    print(
        f"five: X {r1(sx)} M {r1(sm)} T {r1(st)} B {r1(sb)} | share of world X {share(sx, world.exports_musd)}% "
        f"M {share(sm, world.imports_musd)}% T {share(st, world.exports_musd + world.imports_musd)}%"
    )
    print(
        "  share of five's T",
        {p: share(yr.loc[p].total_trade_musd, st) for p in P1},
        "X",
        {p: share(yr.loc[p].exports_musd, sx) for p in P1},
        "M",
        {p: share(yr.loc[p].imports_musd, sm) for p in P1},
    )
    for k in K[:3]:
        print(f"  order by {k}:", list(five[k].sort_values(ascending=False).index))
    print(
        "  four without Iceland: X",
        r1(five.loc[P1[:4]].exports_musd.sum()),
        "M",
        r1(five.loc[P1[:4]].imports_musd.sum()),
        "T",
        r1(five.loc[P1[:4]].total_trade_musd.sum()),
        "B",
        r1(five.loc[P1[:4]].balance_musd.sum()),
    )


def g1(p, y, c):
    return cty[(cty.country == p) & (cty.year == y)].iloc[0][c]


print("changes (percent, and difference in US$ million):")
for p in P1:
    for c in K:
        v = {y: g1(p, y, c) for y in Y1}
        print(
            f"{p:8s} {c:17s} "
            + " ".join(f"{y - 1}->{y} {pct(v[y], v[y - 1]) if v[y - 1] else 'n/a'}%" for y in Y1[1:])
            + f" | 19->23 {pct(v[2023], v[2019])}% diff19->23 {r1(v[2023] - v[2019])} diff22->23 {r1(v[2023] - v[2022])}"
        )
ssum = {y: cty[(cty.year == y) & cty.country.isin(P1)][K].sum() for y in Y1}
for c in K:
    print(
        f"five {c}: "
        + " ".join(f"{y - 1}->{y} {pct(ssum[y][c], ssum[y - 1][c])}%" for y in Y1[1:])
        + f" | 19->23 {pct(ssum[2023][c], ssum[2019][c])}%"
    )
for p in P1:
    print(p, "balance by year", {y: r1(g1(p, y, "balance_musd")) for y in range(2010, 2024)})
print("Iceland exports by year", {y: r1(g1("Iceland", y, "exports_musd")) for y in range(2010, 2024)})
print("Norway imports by year", {y: r1(g1("Norway", y, "imports_musd")) for y in range(2010, 2024)})

# =============================================================================================
# Doc 2 (dev, .html): US goods trade with China month by month, 2011-2012 (Census monthly country
# file, CTY_CODE 5700; US$ million NSA, unrounded in the file -> months rounded half up to 0.1;
# sums and changes from the unrounded values).
print("=" * 30, "Doc 2: US-China goods trade by month, 2011-2012 (Census monthly)")
mo = pd.read_csv(D + "census_us_goods_trade_by_country_monthly_1985_2024jun.csv", dtype=str)
mo = mo[mo.CTY_CODE == "5700"]
X = {}
M = {}
for _, row in mo.iterrows():
    y = int(row.year)
    for i, m3 in enumerate(MON, start=1):
        X[(y, i)] = Decimal(row["E" + m3])
        M[(y, i)] = Decimal(row["I" + m3])
    X[(y, "YR")], M[(y, "YR")] = Decimal(row.EYR), Decimal(row.IYR)
for y in [2010, 2011, 2012, 2013]:
    xs = {i: X[(y, i)] for i in range(1, 13)}
    ms = {i: M[(y, i)] for i in range(1, 13)}
    bs = {i: xs[i] - ms[i] for i in range(1, 13)}
    tx, tm = sum(xs.values()), sum(ms.values())
    print(
        f"--- {y}: X {r1(tx)} (EYR {r1(X[(y, 'YR')])}) M {r1(tm)} (IYR {r1(M[(y, 'YR')])}) T {r1(tx + tm)} "
        f"B {r1(tx - tm)} | avg X {r1(tx / 12)} M {r1(tm / 12)} | M/X {r1(tm / tx)}"
    )
    print("  X by month", {MON[i - 1]: r1(v) for i, v in xs.items()})
    print("  M by month", {MON[i - 1]: r1(v) for i, v in ms.items()})
    print("  B by month", {MON[i - 1]: r1(v) for i, v in bs.items()})
    print("  T by month", {MON[i - 1]: r1(xs[i] + ms[i]) for i in range(1, 13)})
    print("  X order", [MON[i - 1] for i in sorted(xs, key=lambda k: -xs[k])])
    print("  M order", [MON[i - 1] for i in sorted(ms, key=lambda k: -ms[k])])
    print("  deficit order (largest first)", [MON[i - 1] for i in sorted(bs, key=lambda k: bs[k])])
    for lab, s in (("X", xs), ("M", ms), ("B", bs)):
        q = [sum(s[3 * j + k] for k in (1, 2, 3)) for j in range(4)]
        print(
            f"  {lab} quarters",
            [r1(v) for v in q],
            "H1",
            r1(sum(s[k] for k in range(1, 7))),
            "H2",
            r1(sum(s[k] for k in range(7, 13))),
        )
    if (y - 1, 1) in X:
        print("  X vs same month year before", {MON[i - 1]: pct(xs[i], X[(y - 1, i)]) for i in range(1, 13)})
        print("  M vs same month year before", {MON[i - 1]: pct(ms[i], M[(y - 1, i)]) for i in range(1, 13)})
        print(
            "  deficit vs same month year before (pct of deficit)",
            {MON[i - 1]: pct(-bs[i], M[(y - 1, i)] - X[(y - 1, i)]) for i in range(1, 13)},
        )
        print(
            "  X vs previous month",
            {MON[i - 1]: pct(xs[i], X[(y, i - 1)] if i > 1 else X[(y - 1, 12)]) for i in range(1, 13)},
        )
        print(
            "  M vs previous month",
            {MON[i - 1]: pct(ms[i], M[(y, i - 1)] if i > 1 else M[(y - 1, 12)]) for i in range(1, 13)},
        )
        px = sum(X[(y - 1, i)] for i in range(1, 13))
        pm = sum(M[(y - 1, i)] for i in range(1, 13))
        print(
            f"  annual change X {pct(tx, px)}% M {pct(tm, pm)}% T {pct(tx + tm, px + pm)}% deficit "
            f"{pct(tm - tx, pm - px)}% | diff X {r1(tx - px)} M {r1(tm - pm)} deficit {r1((tm - tx) - (pm - px))}"
        )
        for j in range(4):
            qx = sum(xs[3 * j + k] for k in (1, 2, 3))
            qpx = sum(X[(y - 1, 3 * j + k)] for k in (1, 2, 3))
            qm = sum(ms[3 * j + k] for k in (1, 2, 3))
            qpm = sum(M[(y - 1, 3 * j + k)] for k in (1, 2, 3))
            print(f"  Q{j + 1} change X {pct(qx, qpx)}% M {pct(qm, qpm)}%")
print("2012 months with X below same month 2011", [MON[i - 1] for i in range(1, 13) if X[(2012, i)] < X[(2011, i)]])
print("2012 months with M below same month 2011", [MON[i - 1] for i in range(1, 13) if M[(2012, i)] < M[(2011, i)]])
print("2011 months with M below same month 2010", [MON[i - 1] for i in range(1, 13) if M[(2011, i)] < M[(2010, i)]])
print("2011 months with X below same month 2010", [MON[i - 1] for i in range(1, 13) if X[(2011, i)] < X[(2010, i)]])
print(
    "months X >= 10,000 (2011-2012)",
    [(y, MON[i - 1]) for y in (2011, 2012) for i in range(1, 13) if X[(y, i)] >= 10000],
)
print("2011-2012 24-month max M", max((M[(y, i)], y, MON[i - 1]) for y in (2011, 2012) for i in range(1, 13)))
print("2011-2012 24-month min M", min((M[(y, i)], y, MON[i - 1]) for y in (2011, 2012) for i in range(1, 13)))
print(
    "2011-2012 24-month max deficit",
    max((M[(y, i)] - X[(y, i)], y, MON[i - 1]) for y in (2011, 2012) for i in range(1, 13)),
)
print(
    "2011-2012 24-month min deficit",
    min((M[(y, i)] - X[(y, i)], y, MON[i - 1]) for y in (2011, 2012) for i in range(1, 13)),
)
# China's rank among partners by imports and by total (annual file)
for y in (2011, 2012):
    yr = cty[cty.year == y].set_index("country")
    world = a[(a.year == y) & (a.cty_code == 15)].iloc[0]
    c = yr.loc["China"]
    print(
        f"{y} annual file China X {r1(c.exports_musd)} M {r1(c.imports_musd)} T {r1(c.total_trade_musd)} "
        f"B {r1(c.balance_musd)} | rank X {rank(yr.exports_musd.astype(float), 'China')} "
        f"M {rank(yr.imports_musd.astype(float), 'China')} T {rank(yr.total_trade_musd.astype(float), 'China')} "
        f"| share of world M {share(c.imports_musd, world.imports_musd)}% X {share(c.exports_musd, world.exports_musd)}%"
    )
    print(
        "   top 3 by total trade:",
        list(yr.total_trade_musd.astype(float).sort_values(ascending=False).index[:3]),
        "top 3 by exports:",
        list(yr.exports_musd.astype(float).sort_values(ascending=False).index[:3]),
    )

# =============================================================================================
# Doc 3 (test, .txt): Rio Grande Valley field office ports, northbound commercial trucks, railcars and
# buses month by month in 2017 (CBP counts), compared with 2016.
print("=" * 30, "Doc 3: Rio Grande Valley trucks, railcars and buses by month, 2017 (CBP)")
cm = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_monthly_2008_2025.csv")
cm["n"] = cm["Northbound Crossing"].fillna(0).astype(int)
cy = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv")
cy["n"] = cy["Northbound Crossing"].fillna(0).astype(int)
rgv = cm[cm.Region == "Rio Grande Valley"]
PORTS = ["Hidalgo", "Brownsville", "Progreso", "Rio Grande City", "Roma"]
MODES = ["Commercial Trucks", "Railcars", "Buses"]
for y in (2016, 2017):
    for md in MODES:
        tx = cm[(cm.Year == y) & (cm.Modes == md)].n.sum()
        ty = cy[(cy.Year == y) & (cy.Modes == md)].n.sum()
        rg = rgv[(rgv.Year == y) & (rgv.Modes == md)].n.sum()
        print(f"{y} {md}: Texas monthly-sum {n(tx)} yearly-file {n(ty)} | RGV {n(rg)} share {share(rg, tx)}%")
        byport = cm[(cm.Year == y) & (cm.Modes == md)].groupby("POE").n.sum()
        if md == "Commercial Trucks":
            print("   Texas ports by trucks:", {p: n(v) for p, v in byport.sort_values(ascending=False).items()})
            print("   ranks:", {p: rank(byport, p) for p in PORTS})
for md in MODES:
    t16 = cm[(cm.Year == 2016) & (cm.Modes == md)].n.sum()
    t17 = cm[(cm.Year == 2017) & (cm.Modes == md)].n.sum()
    r16 = rgv[(rgv.Year == 2016) & (rgv.Modes == md)].n.sum()
    r17 = rgv[(rgv.Year == 2017) & (rgv.Modes == md)].n.sum()
    print(
        f"{md}: Texas 2016 {n(t16)} 2017 {n(t17)} change {pct(t17, t16)}% | RGV share 2016 {share(r16, t16)}% "
        f"2017 {share(r17, t17)}%"
    )
# yearly file vs monthly sums for RGV ports
for y in (2016, 2017):
    for p in PORTS:
        for md in MODES:
            ms_ = rgv[(rgv.Year == y) & (rgv.POE == p) & (rgv.Modes == md)].n.sum()
            ys_ = cy[(cy.Year == y) & (cy.POE == p) & (cy.Modes == md)].n.sum()
            if ms_ != ys_:
                print("  MISMATCH monthly vs yearly", y, p, md, ms_, ys_)
for md in MODES:
    for p in PORTS:
        s16 = (
            rgv[(rgv.Year == 2016) & (rgv.POE == p) & (rgv.Modes == md)]
            .groupby("Month")
            .n.sum()
            .reindex(range(1, 13), fill_value=0)
        )
        s17 = (
            rgv[(rgv.Year == 2017) & (rgv.POE == p) & (rgv.Modes == md)]
            .groupby("Month")
            .n.sum()
            .reindex(range(1, 13), fill_value=0)
        )
        if s17.sum() == 0 and s16.sum() == 0:
            continue
        rg17 = rgv[(rgv.Year == 2017) & (rgv.Modes == md)].n.sum()
        print(
            f"--- {p} {md}: 2016 {n(s16.sum())} 2017 {n(s17.sum())} change {pct(s17.sum(), s16.sum())}% "
            f"diff {s17.sum() - s16.sum():,} | share of RGV 2017 {share(s17.sum(), rg17)}% | avg/month 2017 "
            f"{r1(Decimal(int(s17.sum())) / 12)}"
        )
        print("  2017 by month", {MON[i - 1]: n(v) for i, v in s17.items()})
        print("  2016 by month", {MON[i - 1]: n(v) for i, v in s16.items()})
        print(
            f"  2017 max {MONTHS[s17.idxmax() - 1]} {n(s17.max())} min {MONTHS[s17.idxmin() - 1]} {n(s17.min())}"
            f" | 2016 max {MONTHS[s16.idxmax() - 1]} {n(s16.max())} min {MONTHS[s16.idxmin() - 1]} {n(s16.min())}"
        )
        print(
            "  2017 vs same month 2016", {MON[i - 1]: (pct(s17[i], s16[i]) if s16[i] else "n/a") for i in range(1, 13)}
        )
        print("  2017 vs previous month", {MON[i - 1]: pct(s17[i], s17[i - 1]) for i in range(2, 13) if s17[i - 1]})
        print("  2017 months below same month 2016", [MON[i - 1] for i in range(1, 13) if s17[i] < s16[i]])
        q = [int(s17.loc[3 * j + 1 : 3 * j + 3].sum()) for j in range(4)]
        print("  2017 quarters", [n(v) for v in q], "H1", n(s17.loc[1:6].sum()), "H2", n(s17.loc[7:12].sum()))
        # bridges
        br = rgv[(rgv.Year == 2017) & (rgv.POE == p) & (rgv.Modes == md)].groupby("Crossing").n.sum()
        br16 = rgv[(rgv.Year == 2016) & (rgv.POE == p) & (rgv.Modes == md)].groupby("Crossing").n.sum()
        print(
            "  bridges 2017",
            {
                b: f"{n(v)} ({share(v, br.sum()) if br.sum() else 0}%; 2016 {n(br16.get(b, 0))}, "
                f"chg {pct(v, br16[b]) if br16.get(b, 0) else 'n/a'}%)"
                for b, v in br.items()
                if v
            },
        )
for md in MODES:
    g16 = rgv[(rgv.Year == 2016) & (rgv.Modes == md)].groupby("Month").n.sum()
    g17 = rgv[(rgv.Year == 2017) & (rgv.Modes == md)].groupby("Month").n.sum()
    print(f"RGV five ports {md} 2017 by month", {MON[i - 1]: n(v) for i, v in g17.items()})
    print(
        f"   max {MONTHS[g17.idxmax() - 1]} {n(g17.max())} min {MONTHS[g17.idxmin() - 1]} {n(g17.min())}; "
        f"total 2016 {n(g16.sum())} 2017 {n(g17.sum())} change {pct(g17.sum(), g16.sum())}%"
    )
    print("   vs same month 2016", {MON[i - 1]: pct(g17[i], g16[i]) for i in range(1, 13)})
    q = [int(g17.loc[3 * j + 1 : 3 * j + 3].sum()) for j in range(4)]
    print("   quarters", [n(v) for v in q])
# Hidalgo trucks by bridge detail already above; Hidalgo+Brownsville share of RGV trucks
t17 = rgv[(rgv.Year == 2017) & (rgv.Modes == "Commercial Trucks")].groupby("POE").n.sum()
print(
    "Hidalgo+Brownsville trucks 2017",
    n(t17["Hidalgo"] + t17["Brownsville"]),
    share(t17["Hidalgo"] + t17["Brownsville"], t17.sum()),
    "% of RGV",
)
print("three small ports trucks 2017", n(t17[["Progreso", "Rio Grande City", "Roma"]].sum()))

# =============================================================================================
# Doc 4 (test, .docx): US exports of railway equipment (HS 86) to Mexico, Canada, Australia,
# Kazakhstan, Brazil and Egypt, 2020-2024 (USITC DataWeb, total exports FAS, US$ -> US$ million).
print("=" * 30, "Doc 4: HS 86 railway equipment exports, 2020-2024 (USITC DataWeb)")
u = pd.read_csv(D + "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv", dtype={"hs2": str})
u = u[u.country.notna()]
YR = [2020, 2021, 2022, 2023, 2024]
HS = "86"
print("description:", u[u.hs2 == HS].hs2_description.iloc[0])
h = u[u.hs2 == HS].set_index("country")[[f"fas_usd_{y}" for y in YR]]
h.columns = YR
allc = u.groupby("country")[[f"fas_usd_{y}" for y in YR]].sum()
allc.columns = YR
allx = u.groupby("hs2")[[f"fas_usd_{y}" for y in YR]].sum()
allx.columns = YR
world = h.sum()
print("partners with HS86 exports:", {y: int((h[y] > 0).sum()) for y in YR})
print(
    "world HS86:",
    {y: mn(world[y]) for y in YR},
    "changes",
    {y: pct(world[y], world[y - 1]) for y in YR[1:]},
    "20->24",
    pct(world[2024], world[2020]),
)
print("number of chapters:", len(allx), "total US exports all chapters:", {y: mn(allx[y].sum()) for y in YR})
print(
    "HS86 share of all US exports:",
    {y: share(world[y], allx[y].sum()) for y in YR},
    "rank among chapters:",
    {y: rank(allx[y], HS) for y in YR},
)
P4 = ["Mexico", "Canada", "Australia", "Kazakhstan", "Brazil", "Egypt"]
for p in P4:
    v = h.loc[p]
    print(
        f"{p:11s} "
        + " ".join(f"{y} {mn(v[y])}" for y in YR)
        + " | chg "
        + " ".join(f"{pct(v[y], v[y - 1])}%" for y in YR[1:])
        + f" | 20->24 {pct(v[2024], v[2020])}% diff20->24 {mn(v[2024] - v[2020])}"
    )
    print(
        "   rank among partners",
        {y: rank(h[y], p) for y in YR},
        "share of world",
        {y: share(v[y], world[y]) for y in YR},
    )
    print(
        "   share of the country's total US exports",
        {y: share(v[y], allc.loc[p, y]) for y in YR},
        "5-yr sum",
        mn(v.sum()),
    )
six = h.loc[P4].sum()
print(
    "six together:",
    {y: mn(six[y]) for y in YR},
    "share of world",
    {y: share(six[y], world[y]) for y in YR},
    "chg",
    {y: pct(six[y], six[y - 1]) for y in YR[1:]},
    "20->24",
    pct(six[2024], six[2020]),
)
print(
    "Mexico+Canada:",
    {y: mn(h.loc[["Mexico", "Canada"], y].sum()) for y in YR},
    {y: share(h.loc[["Mexico", "Canada"], y].sum(), world[y]) for y in YR},
)
for y in YR:
    print(
        y,
        "order of six:",
        list(h.loc[P4, y].sort_values(ascending=False).index),
        "| top 10 partners:",
        [(c, mn(v)) for c, v in h[y].sort_values(ascending=False).head(10).items()],
    )
print("Mexico minus Canada:", {y: mn(h.loc["Mexico", y] - h.loc["Canada", y]) for y in YR})
print("five-year sums:", {p: mn(h.loc[p].sum()) for p in P4}, "world", mn(world.sum()))
