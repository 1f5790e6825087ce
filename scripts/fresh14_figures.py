"""Figures for the fresh14 evaluation set (eval/documents-fresh14/), computed from the official
tables in ../shared/data/trade/ (see SOURCES.md there; not shipped with the project). Run:
    python scripts/fresh14_figures.py [DATA_DIR]
Every number quoted in a fresh14 document is printed by this script (rounded as stated there)."""

import sys
from decimal import Decimal

import pandas as pd
from eval_documents import (
    cbp_monthly,
    census_annual_decimal,
    print_bridges_year,
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
# Doc 1 (dev, .md): US goods trade with Pakistan, Bangladesh, Sri Lanka and Nepal, 2007-2011.
# Census annual file, millions of USD (already rounded to 0.1): Decimal sums.
print("=" * 30, "Doc 1: four South Asian partners (Census)")
a = census_annual_decimal(D)
P1 = ["Pakistan", "Bangladesh", "Sri Lanka", "Nepal"]
K = ["exports_musd", "imports_musd", "total_trade_musd", "balance_musd"]
countries = a[~a.is_aggregate]
Y1 = range(2006, 2013)
for y in Y1:
    yr = countries[countries.year == y].set_index("country")
    world = a[(a.year == y) & (a.cty_code == 15)].iloc[0]
    exp, imp, tot, bal = (yr[k].astype(float) for k in K)
    print(f"--- {y}: world exports {r1(world.exports_musd)} imports {r1(world.imports_musd)}; {len(yr)} countries")
    for p in P1:
        row = yr.loc[p]
        print(
            f"{p:10s} X {r1(row.exports_musd):>9} M {r1(row.imports_musd):>9} T {r1(row.total_trade_musd):>9} "
            f"B {r1(row.balance_musd):>9} | rank X {ordinal_rank(exp, p)} M {ordinal_rank(imp, p)} "
            f"T {ordinal_rank(tot, p)} | M/X {r1(row.imports_musd / row.exports_musd)} "
            f"X share of T {share(row.exports_musd, row.total_trade_musd)}%"
        )
    four = yr.loc[P1]
    print(
        f"four together: X {r1(four.exports_musd.sum())} M {r1(four.imports_musd.sum())} "
        f"T {r1(four.total_trade_musd.sum())} B {r1(four.balance_musd.sum())} | "
        f"share of world X {share(four.exports_musd.sum(), world.exports_musd)}% "
        f"M {share(four.imports_musd.sum(), world.imports_musd)}% | "
        f"Bangladesh share of four M {share(yr.loc['Bangladesh'].imports_musd, four.imports_musd.sum())}% "
        f"Pakistan share of four X {share(yr.loc['Pakistan'].exports_musd, four.exports_musd.sum())}% "
        f"Bangladesh share of four deficit {share(yr.loc['Bangladesh'].balance_musd, four.balance_musd.sum())}%"
    )
    print_group_order(four)
get = lambda p, y, c: countries[(countries.country == p) & (countries.year == y)].iloc[0][c]  # noqa: E731
print("changes:")
for p in P1:
    for c in K:
        v = {y: get(p, y, c) for y in Y1}
        print(
            f"{p:10s} {c:17s} 07->08 {pct(v[2008], v[2007])}% 08->09 {pct(v[2009], v[2008])}% "
            f"09->10 {pct(v[2010], v[2009])}% 10->11 {pct(v[2011], v[2010])}% 11->12 {pct(v[2012], v[2011])}% "
            f"07->09 {pct(v[2009], v[2007])}% 09->11 {pct(v[2011], v[2009])}% 07->11 {pct(v[2011], v[2007])}% "
            f"diff 07->11 {r1(v[2011] - v[2007])} ratio 11/07 {r1(v[2011] / v[2007])} ratio 11/10 {r1(v[2011] / v[2010])}"
        )
fsum = {y: countries[(countries.year == y) & countries.country.isin(P1)][K].sum() for y in Y1}
for c in K:
    print(
        f"four {c}: 07->09 {pct(fsum[2009][c], fsum[2007][c])}% 09->11 {pct(fsum[2011][c], fsum[2009][c])}% "
        f"07->11 {pct(fsum[2011][c], fsum[2007][c])}% 08->09 {pct(fsum[2009][c], fsum[2008][c])}%"
    )
for p in P1:
    print(p, "balance by year", {y: r1(get(p, y, "balance_musd")) for y in range(2000, 2024)})
    print(p, "exports by year", {y: r1(get(p, y, "exports_musd")) for y in range(2000, 2024)})
print(
    "Bangladesh imports / Sri Lanka imports 2011",
    r1(get("Bangladesh", 2011, "imports_musd") / get("Sri Lanka", 2011, "imports_musd")),
    "Pakistan X / Bangladesh X 2007",
    r1(get("Pakistan", 2007, "exports_musd") / get("Bangladesh", 2007, "exports_musd")),
    "2011",
    r1(get("Pakistan", 2011, "exports_musd") / get("Bangladesh", 2011, "exports_musd")),
)

# ---------------------------------------------------------------------------------------------
# Doc 2 (dev, .txt): CBP northbound passenger vehicles and pedestrians at the Rio Grande Valley
# field office's ports (Brownsville, Hidalgo, Progreso, Rio Grande City, Roma), 2017-2018. Counts.
print("=" * 30, "Doc 2: Rio Grande Valley ports, 2017-2018 (CBP)")
cb = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv")
cb["n"] = cb["Northbound Crossing"].fillna(0).astype(int)
ports = ["Brownsville", "Hidalgo", "Progreso", "Rio Grande City", "Roma"]
modes = ["Passenger Vehicles", "Pedestrians/ Bicyclists"]
rgv = cb[cb.Region == "Rio Grande Valley"]
assert set(rgv.POE) == set(ports)
Y2 = [2017, 2018]
for y in Y2:
    t = print_ports_year(rgv, cb, y, ports, modes, "five", 6)
    print(
        "ratio PV/ped by port",
        {p: r1(Decimal(int(t.loc[p, modes[0]])) / Decimal(int(t.loc[p, modes[1]]))) for p in ports},
    )
    print_bridges_year(rgv, y, modes)
print("changes:")
for m in modes:
    v = {y: rgv[(rgv.Year == y) & (rgv.Modes == m)].groupby("POE").n.sum() for y in Y2}
    tx = {y: cb[(cb.Year == y) & (cb.Modes == m)].n.sum() for y in Y2}
    for p in ports:
        print(
            f"{m:24s} {p:16s} {v[2017][p]:>10,} {v[2018][p]:>10,} 17->18 {pct(v[2018][p], v[2017][p])}% "
            f"diff {v[2018][p] - v[2017][p]:,}"
        )
    f5 = {y: v[y].sum() for y in Y2}
    print(
        f"{m:24s} {'five':16s} {f5[2017]:,} {f5[2018]:,} 17->18 {pct(f5[2018], f5[2017])}% diff {f5[2018] - f5[2017]:,}"
    )
    print(f"{m:24s} {'all Texas':16s} {tx[2017]:,} {tx[2018]:,} 17->18 {pct(tx[2018], tx[2017])}%")
for bridge in sorted(set(rgv.Crossing)):
    for m in modes:
        b = {y: rgv[(rgv.Year == y) & (rgv.Crossing == bridge) & (rgv.Modes == m)].n.sum() for y in Y2}
        if any(b.values()):
            print(
                f"{bridge:48s} {m:24s} {b[2017]:>10,} {b[2018]:>10,} "
                f"17->18 {pct(b[2018], b[2017]) if b[2017] else 'n/a'}% diff {b[2018] - b[2017]:,}"
            )
for y in Y2:
    for p in ports:
        for m in modes:
            e = rgv[(rgv.Year == y) & (rgv.POE == p) & (rgv.Modes == m)]
            if e.n.sum():
                print(
                    y,
                    p,
                    m,
                    "bridge shares",
                    {c: share(n, e.n.sum()) for c, n in zip(e.Crossing, e.n, strict=True) if n},
                )
ml = cbp_monthly(D, "Rio Grande Valley", Y2)
for y in Y2:
    print_port_months(ml, y, ports, modes)
    print_group_months(ml, y, modes, "five")

# ---------------------------------------------------------------------------------------------
# Doc 3 (test, .html): US trade with Mexico by mode of transport, 2009-2011 (BTS TransBorder,
# annual file, US$; written in US$ million, one decimal).
print("=" * 30, "Doc 3: US-Mexico trade by mode, 2009-2011 (BTS)")
b = pd.read_csv(D + "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv")
Y3 = [2008, 2009, 2010, 2011, 2012]
bm = b[(b.Country == "Mexico") & b.Year.isin(Y3)]
v3 = bm.pivot_table(index=["Mode", "TradeType"], columns="Year", values="TradeValue", aggfunc="sum").fillna(0)
tt = bm.groupby(["TradeType", "Year"]).TradeValue.sum()
MODES3 = ["Truck", "Rail", "Vessel", "Air", "Pipeline"]
for y in Y3:
    x, m = tt["Export"][y], tt["Import"][y]
    print(
        f"--- {y}: all modes X {mn(x)} M {mn(m)} T {mn(x + m)} B {mn(x - m)} "
        f"| surface (truck+rail+pipeline) X {mn(sum(v3.loc[(md, 'Export'), y] for md in ['Truck', 'Rail', 'Pipeline']))}"
    )
    print_modes_year(v3, x, m, y, MODES3)
print("changes:")
for md, ty in v3.index:
    s = v3.loc[(md, ty)]
    print(
        f"{md:28s} {ty:6s} 08->09 {pct(s[2009], s[2008])}% 09->10 {pct(s[2010], s[2009])}% "
        f"10->11 {pct(s[2011], s[2010])}% 09->11 {pct(s[2011], s[2009])}% 08->11 {pct(s[2011], s[2008])}% "
        f"diff 09->11 {r1(mnd(s[2011]) - mnd(s[2009]))} ratio 11/09 {r1(Decimal(int(s[2011])) / Decimal(int(s[2009])))}"
    )
for md in MODES3:
    t = v3.loc[(md, "Export")] + v3.loc[(md, "Import")]
    print(
        f"{md:28s} total 08->09 {pct(t[2009], t[2008])}% 09->10 {pct(t[2010], t[2009])}% 09->11 {pct(t[2011], t[2009])}%"
    )
for ty in ["Export", "Import"]:
    s = tt[ty]
    print(
        f"all modes {ty}: 08->09 {pct(s[2009], s[2008])}% 09->10 {pct(s[2010], s[2009])}% 10->11 {pct(s[2011], s[2010])}% 09->11 {pct(s[2011], s[2009])}%"
    )
t = tt["Export"] + tt["Import"]
print(
    f"all modes total: 08->09 {pct(t[2009], t[2008])}% 09->10 {pct(t[2010], t[2009])}% 09->11 {pct(t[2011], t[2009])}%"
)
for y in Y3:
    print(
        y,
        "vessel M/X",
        r1(Decimal(int(v3.loc[("Vessel", "Import"), y])) / Decimal(int(v3.loc[("Vessel", "Export"), y]))),
        "rail M - X",
        r1(mnd(v3.loc[("Rail", "Import"), y]) - mnd(v3.loc[("Rail", "Export"), y])),
        "truck deficit",
        r1(mnd(v3.loc[("Truck", "Import"), y]) - mnd(v3.loc[("Truck", "Export"), y])),
        "air balance",
        r1(mnd(v3.loc[("Air", "Export"), y]) - mnd(v3.loc[("Air", "Import"), y])),
        "truck/rail total ratio",
        r1(
            Decimal(int(v3.loc[("Truck", "Export"), y] + v3.loc[("Truck", "Import"), y]))
            / Decimal(int(v3.loc[("Rail", "Export"), y] + v3.loc[("Rail", "Import"), y]))
        ),
    )

# ---------------------------------------------------------------------------------------------
# Doc 4 (test, .pdf): US exports of food-industry residues and prepared animal feed (HS 23) to six
# markets, 2020-2024, USITC DataWeb (US$; written in US$ million, one decimal).
print("=" * 30, "Doc 4: HS 23 residues and animal feed (USITC)")
u, h, world, allx, yrs = usitc_chapter(D, "23")
print_chapter_world(world, allx, "23", yrs)
print("world changes", {f"{p}->{c}": pct(world[c], world[p]) for p, c in PAIRS})
P4 = ["Canada", "Colombia", "China", "Vietnam", "Indonesia", "Ecuador"]
for p in P4 + ["Mexico", "South Korea", "Japan", "Philippines", "Venezuela"]:
    print_partner_line(h, world, p, yrs, 14)
    print(
        " " * 14,
        {f"{b0}->{c}": pct(h.loc[p, c], h.loc[p, b0]) for b0, c in PAIRS},
        "ratio 24/20",
        r1(Decimal(int(h.loc[p, 2024])) / Decimal(int(h.loc[p, 2020]))),
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
        "five excl Canada",
        mn(h.loc[P4[1:], y].sum()),
        "China minus Vietnam",
        r1(mnd(h.loc["China", y]) - mnd(h.loc["Vietnam", y])),
        "Colombia minus China",
        r1(mnd(h.loc["Colombia", y]) - mnd(h.loc["China", y])),
        "Canada/Colombia ratio",
        r1(Decimal(int(h.loc["Canada", y])) / Decimal(int(h.loc["Colombia", y]))),
    )
s6 = {y: h.loc[P4, y].sum() for y in yrs}
print("six", {f"{p}->{c}": pct(s6[c], s6[p]) for p, c in PAIRS})
for p in P4:
    tot = u[u.country == p][[f"fas_usd_{y}" for y in yrs]].sum()
    print(f"{p:14s} HS23 share of all US exports to it", {y: share(h.loc[p, y], tot[f"fas_usd_{y}"]) for y in yrs})
    print(
        f"{p:14s} HS23 rank among chapters exported to it",
        {y: ordinal_rank(u[u.country == p].set_index("hs2")[f"fas_usd_{y}"], "23") for y in yrs},
    )
