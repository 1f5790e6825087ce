"""Figures for the fresh12 evaluation set (eval/documents-fresh12/), computed from the official
tables in ../shared/data/trade/ (see SOURCES.md there; not shipped with the project). Run:
    python scripts/fresh12_figures.py [DATA_DIR]
Every number quoted in a fresh12 document is printed by this script (rounded as stated there)."""

import sys
from decimal import Decimal

import pandas as pd
from eval_documents import (
    MONTHS,
    cbp_monthly,
    census_annual_decimal,
    print_chapter_weights,
    print_partner_line,
    print_port_months,
    trade_data_dir,
    usitc_chapter,
)
from eval_documents import change_half_up as pct
from eval_documents import half_up as r1
from eval_documents import million_decimal as mnd
from eval_documents import million_half_up as mn
from eval_documents import rank_of as ordinal_rank
from eval_documents import share_half_up as share

D = trade_data_dir(sys.argv)


# ---------------------------------------------------------------------------------------------
# Doc 1 (dev, .md): US goods trade with Trinidad and Tobago, the Bahamas, Jamaica, Haiti and
# Barbados, 2012-2016. Census annual file, millions of USD (already rounded to 0.1): Decimal sums.
print("=" * 30, "Doc 1: Caribbean five (Census)")
a = census_annual_decimal(D)
P1 = ["Trinidad and Tobago", "Bahamas", "Jamaica", "Haiti", "Barbados"]
countries = a[~a.is_aggregate]
for y in range(2011, 2018):
    yr = countries[countries.year == y].set_index("country")
    world = a[(a.year == y) & (a.cty_code == 15)].iloc[0]
    imp = yr.imports_musd.astype(float)
    exp = yr.exports_musd.astype(float)
    tot = yr.total_trade_musd.astype(float)
    bal = yr.balance_musd.astype(float)
    print(f"--- {y}: world exports {r1(world.exports_musd)} imports {r1(world.imports_musd)}; {len(yr)} countries")
    for p in P1:
        row = yr.loc[p]
        print(
            f"{p:20s} X {r1(row.exports_musd):>9} M {r1(row.imports_musd):>9} T {r1(row.total_trade_musd):>9} "
            f"B {r1(row.balance_musd):>9} | rank X {ordinal_rank(exp, p)} M {ordinal_rank(imp, p)} "
            f"T {ordinal_rank(tot, p)} surplus-rank {ordinal_rank(bal, p)} | "
            f"X/M ratio {r1(row.exports_musd / row.imports_musd)} M/X {r1(row.imports_musd / row.exports_musd)}"
        )
    five = yr.loc[P1]
    print(
        f"five together: X {r1(five.exports_musd.sum())} M {r1(five.imports_musd.sum())} "
        f"T {r1(five.total_trade_musd.sum())} B {r1(five.balance_musd.sum())} "
        f"share of world X {share(five.exports_musd.sum(), world.exports_musd)}% "
        f"share of world M {share(five.imports_musd.sum(), world.imports_musd)}% "
        f"T&T share of five M {share(yr.loc['Trinidad and Tobago'].imports_musd, five.imports_musd.sum())}% "
        f"T&T share of five T {share(yr.loc['Trinidad and Tobago'].total_trade_musd, five.total_trade_musd.sum())}%"
    )
print("changes:")
get = lambda p, y, c: countries[(countries.country == p) & (countries.year == y)].iloc[0][c]  # noqa: E731
for p in P1:
    for c in ("exports_musd", "imports_musd", "total_trade_musd", "balance_musd"):
        v = {y: get(p, y, c) for y in range(2011, 2018)}
        print(
            f"{p:20s} {c:17s} 12->14 {pct(v[2014], v[2012])}% 14->16 {pct(v[2016], v[2014])}% "
            f"12->16 {pct(v[2016], v[2012])}% diff 12->16 {r1(v[2016] - v[2012])} "
            f"ratio16/12 {r1(v[2016] / v[2012])}"
        )
fsum = {
    y: countries[(countries.year == y) & countries.country.isin(P1)][
        ["exports_musd", "imports_musd", "total_trade_musd", "balance_musd"]
    ].sum()
    for y in (2012, 2014, 2016)
}
for c in ("exports_musd", "imports_musd", "total_trade_musd", "balance_musd"):
    print(
        f"five {c}: 12->14 {pct(fsum[2014][c], fsum[2012][c])}% 14->16 {pct(fsum[2016][c], fsum[2014][c])}% "
        f"12->16 {pct(fsum[2016][c], fsum[2012][c])}%"
    )
# the year the US balance with Trinidad and Tobago was smallest, 2011-2017
print("T&T balance by year", {y: r1(get("Trinidad and Tobago", y, "balance_musd")) for y in range(2005, 2021)})

# ---------------------------------------------------------------------------------------------
# Doc 2 (dev, .txt): CBP northbound buses, passenger vehicles and pedestrians at the Laredo field
# office's ports (Laredo, Eagle Pass, Del Rio), 2024 and 2025. Counts.
print("=" * 30, "Doc 2: Laredo field office ports, 2024-2025 (CBP)")
cb = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv")
cb["n"] = cb["Northbound Crossing"].fillna(0).astype(int)
ports = ["Laredo", "Eagle Pass", "Del Rio"]
modes = ["Buses", "Passenger Vehicles", "Pedestrians/ Bicyclists"]
lrd = cb[cb.Region == "Laredo"]
assert set(lrd.POE) == set(ports)
for y in (2023, 2024, 2025):
    t = lrd[lrd.Year == y].pivot_table(index="POE", columns="Modes", values="n", aggfunc="sum").loc[ports, modes]
    print(f"--- {y}\n{t.to_string()}")
    print("three ports total", t.sum().to_dict())
    allt = cb[cb.Year == y].pivot_table(index="POE", columns="Modes", values="n", aggfunc="sum")
    print("all Texas", allt[modes].sum().to_dict())
    for m in modes:
        print(
            f"{m}: ranks among {len(allt)} Texas ports",
            {p: ordinal_rank(allt[m], p) for p in ports},
            "three ports' share of Texas",
            share(t[m].sum(), allt[m].sum()),
            "shares",
            {p: share(t.loc[p, m], allt[m].sum()) for p in ports},
            "top 4",
            allt[m].sort_values(ascending=False).head(4).to_dict(),
        )
    print("bridges:")
    print(
        lrd[lrd.Year == y]
        .pivot_table(index=["POE", "Crossing"], columns="Modes", values="n", aggfunc="sum")[modes]
        .to_string()
    )
print("changes 2024->2025:")
for m in modes:
    t4 = lrd[(lrd.Year == 2024) & (lrd.Modes == m)].groupby("POE").n.sum()
    t5 = lrd[(lrd.Year == 2025) & (lrd.Modes == m)].groupby("POE").n.sum()
    for p in ports:
        print(
            f"{m:24s} {p:12s} {t4[p]:>10,} -> {t5[p]:>10,}  {pct(t5[p], t4[p]) if t4[p] else 'n/a'}%  "
            f"diff {t5[p] - t4[p]:,}"
        )
    print(f"{m:24s} {'three':12s} {t4.sum():>10,} -> {t5.sum():>10,}  {pct(t5.sum(), t4.sum())}%")
    tx4 = cb[(cb.Year == 2024) & (cb.Modes == m)].n.sum()
    tx5 = cb[(cb.Year == 2025) & (cb.Modes == m)].n.sum()
    print(f"{m:24s} {'all Texas':12s} {tx4:>10,} -> {tx5:>10,}  {pct(tx5, tx4)}%")
for y in (2024, 2025):
    br = lrd[lrd.Year == y].groupby(["Crossing", "Modes"]).n.sum()
    for bridge in sorted(set(lrd.Crossing)):
        vals = {m: int(br.get((bridge, m), 0)) for m in modes}
        print(y, f"{bridge:52s}", vals)
for bridge in sorted(set(lrd.Crossing)):
    for m in modes:
        b4 = lrd[(lrd.Year == 2024) & (lrd.Crossing == bridge) & (lrd.Modes == m)].n.sum()
        b5 = lrd[(lrd.Year == 2025) & (lrd.Crossing == bridge) & (lrd.Modes == m)].n.sum()
        if b4 or b5:
            print(f"{bridge:52s} {m:24s} {b4:>10,} -> {b5:>10,} {pct(b5, b4) if b4 else 'n/a'}%")
# Eagle Pass: each bridge's share of the port's passenger vehicles
for y in (2024, 2025):
    e = lrd[(lrd.Year == y) & (lrd.POE == "Eagle Pass") & (lrd.Modes == "Passenger Vehicles")]
    print(y, "Eagle Pass PV shares", {c: share(n, e.n.sum()) for c, n in zip(e.Crossing, e.n, strict=True)})
    walk = lrd[(lrd.Year == y) & (lrd.POE == "Laredo") & (lrd.Modes == "Pedestrians/ Bicyclists")]
    print(
        y,
        "Laredo pedestrian shares",
        {c: share(n, walk.n.sum()) for c, n in zip(walk.Crossing, walk.n, strict=True) if n},
    )
# monthly: busiest and quietest months of 2025 per port and mode
ml = cbp_monthly(D, "Laredo", [2024, 2025])
for y in (2024, 2025):
    print_port_months(ml, y, ports, modes, width=11)
    s = ml[(ml.Year == y) & ml.Modes.isin(["Pedestrians/ Bicyclists"])].groupby("Month").n.sum()
    print(y, "three ports pedestrians by month", s.to_dict())
    s = ml[(ml.Year == y) & ml.Modes.isin(["Passenger Vehicles"])].groupby("Month").n.sum()
    print(y, "three ports PV by month", s.to_dict())

# ---------------------------------------------------------------------------------------------
# Doc 3 (test, .html): US exports of wood and articles of wood (HS 44), 2020-2024, USITC
print("=" * 30, "Doc 3: HS 44 wood (USITC)")
u, h, world, allx, yrs = usitc_chapter(D, "44")
print(
    "world",
    {y: mn(world[y]) for y in yrs},
    "chapter rank among HS2",
    {y: ordinal_rank(allx[y], "44") for y in yrs},
    "share of all US exports",
    {y: share(world[y], allx[y].sum()) for y in yrs},
)
print(
    "world changes 20->22",
    pct(world[2022], world[2020]),
    "22->24",
    pct(world[2024], world[2022]),
    "20->24",
    pct(world[2024], world[2020]),
    "20->21",
    pct(world[2021], world[2020]),
)
P3 = ["Canada", "China", "United Kingdom", "Mexico", "Japan", "Vietnam"]
for p in P3:
    print_partner_line(h, world, p, yrs, 15)
    print(
        " " * 15,
        "20->24",
        pct(h.loc[p, 2024], h.loc[p, 2020]),
        "20->22",
        pct(h.loc[p, 2022], h.loc[p, 2020]),
        "22->24",
        pct(h.loc[p, 2024], h.loc[p, 2022]),
        "21->22",
        pct(h.loc[p, 2022], h.loc[p, 2021]),
        "23->24",
        pct(h.loc[p, 2024], h.loc[p, 2023]),
        "20->21",
        pct(h.loc[p, 2021], h.loc[p, 2020]),
        "ratio 24/20",
        r1(Decimal(int(h.loc[p, 2024])) / Decimal(int(h.loc[p, 2020]))),
    )
print("top 12 by year:")
for y in yrs:
    print(y, [(c, mn(v)) for c, v in h[y].sort_values(ascending=False).head(12).items()])
six = P3
for y in yrs:
    s6 = h.loc[six, y].sum()
    s5 = h.loc[[p for p in six if p != "Canada"], y].sum()
    print(
        y,
        "six together",
        mn(s6),
        "share",
        share(s6, world[y]),
        "five ex-Canada",
        mn(s5),
        "share",
        share(s5, world[y]),
        "UK minus China",
        r1(mnd(h.loc["United Kingdom", y]) - mnd(h.loc["China", y])),
        "Canada/UK ratio",
        r1(Decimal(int(h.loc["Canada", y])) / Decimal(int(h.loc["United Kingdom", y]))),
    )
s6 = {y: h.loc[six, y].sum() for y in yrs}
print("six 20->24", pct(s6[2024], s6[2020]), "20->22", pct(s6[2022], s6[2020]), "22->24", pct(s6[2024], s6[2022]))
# HS 44 against all US goods exports to each of the six (the chapter's weight in each market)
print_chapter_weights(u, h, P3, "44", yrs, 15)

# ---------------------------------------------------------------------------------------------
# Doc 4 (test, .pdf): US-Canada trade by mode, month by month, 2008 (BTS TransBorder monthly)
print("=" * 30, "Doc 4: US-Canada by mode, monthly 2008 (BTS)")
mm = pd.read_csv(D + "bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv")
c8 = mm[(mm.Country == "Canada") & (mm.Year.isin([2007, 2008, 2009]))]
M5 = ["Truck", "Rail", "Pipeline", "Vessel", "Air"]
piv = c8.pivot_table(index=["Year", "Month"], columns=["TradeType", "Mode"], values="TradeValue", aggfunc="sum").fillna(
    0
)
allm = c8.groupby(["Year", "Month", "TradeType"]).TradeValue.sum()
print("modes in data:", sorted(c8.Mode.unique()))
for flow in ("Export", "Import"):
    print(f"--- {flow}s 2008, US$ million")
    for mth in range(1, 13):
        row = piv.loc[(2008, mth), flow]
        print(
            f"{MONTHS[mth - 1]:10s}",
            {md: mn(row.get(md, 0)) for md in M5},
            "all modes",
            mn(allm[(2008, mth, flow)]),
            "truck share",
            share(mnd(row["Truck"]), mnd(allm[(2008, mth, flow)])),
        )
    for md in M5:
        s = piv.loc[2008, (flow, md)]
        s7 = piv.loc[2007, (flow, md)]
        s9 = piv.loc[2009, (flow, md)]
        mills = s.map(mnd)
        print(
            f"{flow} {md:8s} year {mn(s.sum())} (2007 {mn(s7.sum())}, 2009 {mn(s9.sum())}) "
            f"max {MONTHS[s.idxmax() - 1]} {mn(s.max())} min {MONTHS[s.idxmin() - 1]} {mn(s.min())} "
            f"H1 {r1(mills.loc[1:6].sum())} H2 {r1(mills.loc[7:12].sum())} H2vsH1 {pct(mills.loc[7:12].sum(), mills.loc[1:6].sum())}% "
            f"Dec vs Jan {pct(mills[12], mills[1])}% Dec vs peak {pct(mills[12], mills.max())}% "
            f"Dec08 vs Dec07 {pct(mnd(s[12]), mnd(s7[12]))}% Jul08 vs Jul07 {pct(mnd(s[7]), mnd(s7[7]))}%"
        )
    ranks = {mth: sorted(M5, key=lambda md: -piv.loc[(2008, mth), (flow, md)]) for mth in range(1, 13)}
    print(flow, "mode order by month", {MONTHS[k - 1][:3]: r[:3] for k, r in ranks.items()})
# months in which pipeline imports exceeded rail imports, and truck imports
for mth in range(1, 13):
    r = piv.loc[(2008, mth), "Import"]
    print(
        MONTHS[mth - 1],
        "pipeline - rail imports",
        r1(mnd(r["Pipeline"]) - mnd(r["Rail"])),
        "truck - pipeline",
        r1(mnd(r["Truck"]) - mnd(r["Pipeline"])),
        "pipeline deficit",
        r1(mnd(r["Pipeline"]) - mnd(piv.loc[(2008, mth), ("Export", "Pipeline")])),
        "truck balance",
        r1(mnd(piv.loc[(2008, mth), ("Export", "Truck")]) - mnd(r["Truck"])),
        "air balance",
        r1(mnd(piv.loc[(2008, mth), ("Export", "Air")]) - mnd(r["Air"])),
    )
# pipeline import share of all imports, by month
for mth in (1, 7, 12):
    print(
        MONTHS[mth - 1],
        "pipeline share of all imports",
        share(mnd(piv.loc[(2008, mth), ("Import", "Pipeline")]), mnd(allm[(2008, mth, "Import")])),
    )
# July peak against the year's own total for pipeline and vessel imports
for md in ("Pipeline", "Vessel", "Rail", "Truck"):
    s = piv.loc[2008, ("Import", md)].map(mnd)
    print(
        md,
        "imports: July-December sum",
        r1(s.loc[7:12].sum()),
        "Jan-Jun",
        r1(s.loc[1:6].sum()),
        "Q1",
        r1(s.loc[1:3].sum()),
        "Q2",
        r1(s.loc[4:6].sum()),
        "Q3",
        r1(s.loc[7:9].sum()),
        "Q4",
        r1(s.loc[10:12].sum()),
    )
for md in ("Truck", "Rail", "Air", "Vessel", "Pipeline"):
    s = piv.loc[2008, ("Export", md)].map(mnd)
    print(
        md,
        "exports: Q1",
        r1(s.loc[1:3].sum()),
        "Q2",
        r1(s.loc[4:6].sum()),
        "Q3",
        r1(s.loc[7:9].sum()),
        "Q4",
        r1(s.loc[10:12].sum()),
        "Q4 vs Q3",
        pct(s.loc[10:12].sum(), s.loc[7:9].sum()),
    )
