"""Figures for the fresh13 evaluation set (eval/documents-fresh13/), computed from the official
tables in ../shared/data/trade/ (see SOURCES.md there; not shipped with the project). Run:
    python scripts/fresh13_figures.py [DATA_DIR]
Every number quoted in a fresh13 document is printed by this script (rounded as stated there)."""

import sys
from decimal import Decimal

import pandas as pd
from eval_documents import (
    cbp_monthly,
    census_annual_decimal,
    print_bridges_year,
    print_chapter_weights,
    print_chapter_world,
    print_group_months,
    print_partner_line,
    print_port_months,
    print_ports_year,
    trade_data_dir,
    usitc_chapter,
)
from eval_documents import change_half_up as pct
from eval_documents import half_up as r1
from eval_documents import (
    million_half_up as mn,
)
from eval_documents import rank_of as ordinal_rank
from eval_documents import share_half_up as share

D = trade_data_dir(sys.argv)


# ---------------------------------------------------------------------------------------------
# Doc 1 (dev, .md): US goods trade with Egypt, Morocco, Ethiopia, Ghana and Kenya, 2017-2021.
# Census annual file, millions of USD (already rounded to 0.1): Decimal sums.
print("=" * 30, "Doc 1: five African partners (Census)")
a = census_annual_decimal(D)
P1 = ["Egypt", "Morocco", "Ethiopia", "Ghana", "Kenya"]
K = ["exports_musd", "imports_musd", "total_trade_musd", "balance_musd"]
countries = a[~a.is_aggregate]
for y in range(2016, 2023):
    yr = countries[countries.year == y].set_index("country")
    world = a[(a.year == y) & (a.cty_code == 15)].iloc[0]
    exp, imp, tot, bal = (yr[k].astype(float) for k in K)
    print(f"--- {y}: world exports {r1(world.exports_musd)} imports {r1(world.imports_musd)}; {len(yr)} countries")
    for p in P1:
        row = yr.loc[p]
        print(
            f"{p:10s} X {r1(row.exports_musd):>9} M {r1(row.imports_musd):>9} T {r1(row.total_trade_musd):>9} "
            f"B {r1(row.balance_musd):>9} | rank X {ordinal_rank(exp, p)} M {ordinal_rank(imp, p)} "
            f"T {ordinal_rank(tot, p)} | X/M {r1(row.exports_musd / row.imports_musd)} "
            f"X share of T {share(row.exports_musd, row.total_trade_musd)}%"
        )
    five = yr.loc[P1]
    print(
        f"five together: X {r1(five.exports_musd.sum())} M {r1(five.imports_musd.sum())} "
        f"T {r1(five.total_trade_musd.sum())} B {r1(five.balance_musd.sum())} | "
        f"share of world X {share(five.exports_musd.sum(), world.exports_musd)}% "
        f"M {share(five.imports_musd.sum(), world.imports_musd)}% | "
        f"Egypt share of five X {share(yr.loc['Egypt'].exports_musd, five.exports_musd.sum())}% "
        f"T {share(yr.loc['Egypt'].total_trade_musd, five.total_trade_musd.sum())}%"
    )
    print(
        "  order by X",
        list(five.exports_musd.sort_values(ascending=False).index),
        "by M",
        list(five.imports_musd.sort_values(ascending=False).index),
        "by T",
        list(five.total_trade_musd.sort_values(ascending=False).index),
    )
get = lambda p, y, c: countries[(countries.country == p) & (countries.year == y)].iloc[0][c]  # noqa: E731
print("changes:")
for p in P1:
    for c in K:
        v = {y: get(p, y, c) for y in range(2016, 2023)}
        print(
            f"{p:10s} {c:17s} 17->19 {pct(v[2019], v[2017])}% 19->21 {pct(v[2021], v[2019])}% "
            f"17->21 {pct(v[2021], v[2017])}% 19->20 {pct(v[2020], v[2019])}% 20->21 {pct(v[2021], v[2020])}% "
            f"diff 17->21 {r1(v[2021] - v[2017])} ratio 21/17 {r1(v[2021] / v[2017])}"
        )
fsum = {y: countries[(countries.year == y) & countries.country.isin(P1)][K].sum() for y in range(2016, 2023)}
for c in K:
    print(
        f"five {c}: 17->19 {pct(fsum[2019][c], fsum[2017][c])}% 19->21 {pct(fsum[2021][c], fsum[2019][c])}% "
        f"17->21 {pct(fsum[2021][c], fsum[2017][c])}% 19->20 {pct(fsum[2020][c], fsum[2019][c])}%"
    )
for y in range(2016, 2023):
    b = {p: get(p, y, "balance_musd") for p in P1}
    print(
        y,
        "partners with a US surplus:",
        sum(v > 0 for v in b.values()),
        "with a US deficit:",
        sum(v < 0 for v in b.values()),
    )
for p in P1:
    print(p, "balance by year", {y: r1(get(p, y, "balance_musd")) for y in range(2010, 2024)})

# ---------------------------------------------------------------------------------------------
# Doc 2 (dev, .txt): CBP northbound buses, passenger vehicles and pedestrians at the El Paso field
# office's ports (El Paso, Ysleta, Presidio, Fort Hancock/Marcelino Serna), 2008-2010. Counts.
print("=" * 30, "Doc 2: El Paso field office ports, 2008-2010 (CBP)")
cb = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv")
cb["n"] = cb["Northbound Crossing"].fillna(0).astype(int)
ports = ["El Paso", "Ysleta", "Presidio", "Marcelino Serna"]
modes = ["Buses", "Passenger Vehicles", "Pedestrians/ Bicyclists"]
elp = cb[cb.Region == "El Paso"]
assert set(elp.POE) == set(ports)
Y2 = [2008, 2009, 2010]
for y in Y2:
    t = print_ports_year(elp, cb, y, ports, modes, "four", 4)
    print_bridges_year(elp, y, modes)
print("changes:")
for m in modes:
    v = {y: elp[(elp.Year == y) & (elp.Modes == m)].groupby("POE").n.sum() for y in Y2}
    tx = {y: cb[(cb.Year == y) & (cb.Modes == m)].n.sum() for y in Y2}
    for p in ports:
        print(
            f"{m:24s} {p:16s} {v[2008][p]:>10,} {v[2009][p]:>10,} {v[2010][p]:>10,} "
            f"08->09 {pct(v[2009][p], v[2008][p])}% 09->10 {pct(v[2010][p], v[2009][p])}% "
            f"08->10 {pct(v[2010][p], v[2008][p])}% diff 08->10 {v[2010][p] - v[2008][p]:,}"
        )
    f4 = {y: v[y].sum() for y in Y2}
    print(
        f"{m:24s} {'four':16s} {f4[2008]:,} {f4[2009]:,} {f4[2010]:,} 08->09 {pct(f4[2009], f4[2008])}% "
        f"08->10 {pct(f4[2010], f4[2008])}% diff {f4[2010] - f4[2008]:,}"
    )
    print(
        f"{m:24s} {'all Texas':16s} {tx[2008]:,} {tx[2009]:,} {tx[2010]:,} 08->09 {pct(tx[2009], tx[2008])}% "
        f"08->10 {pct(tx[2010], tx[2008])}%"
    )
    ex = {y: tx[y] - f4[y] for y in Y2}
    print(f"{m:24s} {'Texas ex-EP':16s} {ex[2008]:,} {ex[2010]:,} 08->10 {pct(ex[2010], ex[2008])}%")
for bridge in sorted(set(elp.Crossing)):
    for m in modes:
        b = {y: elp[(elp.Year == y) & (elp.Crossing == bridge) & (elp.Modes == m)].n.sum() for y in Y2}
        if any(b.values()):
            print(
                f"{bridge:40s} {m:24s} {b[2008]:>10,} {b[2009]:>10,} {b[2010]:>10,} "
                f"08->10 {pct(b[2010], b[2008]) if b[2008] else 'n/a'}%"
            )
for y in Y2:
    e = elp[(elp.Year == y) & (elp.POE == "El Paso") & (elp.Modes == "Passenger Vehicles")]
    print(y, "El Paso PV bridge shares", {c: share(n, e.n.sum()) for c, n in zip(e.Crossing, e.n, strict=True) if n})
    w = elp[(elp.Year == y) & (elp.POE == "El Paso") & (elp.Modes == "Pedestrians/ Bicyclists")]
    print(
        y,
        "El Paso pedestrian bridge shares",
        {c: share(n, w.n.sum()) for c, n in zip(w.Crossing, w.n, strict=True) if n},
    )
    s = elp[(elp.Year == y) & (elp.Modes == "Pedestrians/ Bicyclists")]
    print(
        y,
        "pedestrians: Ysleta vs Paso del Norte ratio",
        r1(Decimal(int(s[s.POE == "Ysleta"].n.sum())) / Decimal(int(s[s.Crossing == "Paso del Norte Bridge"].n.sum()))),
    )
ml = cbp_monthly(D, "El Paso", Y2)
for y in Y2:
    print_port_months(ml, y, ports, modes)
    print_group_months(ml, y, modes, "four")

# ---------------------------------------------------------------------------------------------
# Doc 3 (test, .html): US exports of essential oils, perfumery and cosmetics (HS 33), 2020-2024, USITC
print("=" * 30, "Doc 3: HS 33 essential oils, perfumery, cosmetics (USITC)")
u, h, world, allx, yrs = usitc_chapter(D, "33")
print_chapter_world(world, allx, "33", yrs)
print(
    "world changes",
    {
        f"{b}->{c}": pct(world[c], world[b])
        for b, c in [(2020, 2021), (2021, 2022), (2022, 2023), (2023, 2024), (2020, 2022), (2022, 2024), (2020, 2024)]
    },
)
P3 = ["Canada", "Mexico", "United Kingdom", "China", "Australia", "United Arab Emirates"]
for p in P3 + ["Netherlands", "Hong Kong", "France"]:
    print_partner_line(h, world, p, yrs, 22)
    print(
        " " * 22,
        {
            f"{b}->{c}": pct(h.loc[p, c], h.loc[p, b])
            for b, c in [
                (2020, 2021),
                (2021, 2022),
                (2022, 2023),
                (2023, 2024),
                (2020, 2022),
                (2022, 2024),
                (2020, 2024),
            ]
        },
        "ratio 24/20",
        r1(Decimal(int(h.loc[p, 2024])) / Decimal(int(h.loc[p, 2020]))),
        "diff 20->24",
        r1(Decimal(mn(h.loc[p, 2024]).replace(",", "")) - Decimal(mn(h.loc[p, 2020]).replace(",", ""))),
    )
print("top 12 by year:")
for y in yrs:
    print(y, [(c, mn(v)) for c, v in h[y].sort_values(ascending=False).head(12).items()])
for y in yrs:
    s6 = h.loc[P3, y].sum()
    print(
        y,
        "six together",
        mn(s6),
        "share",
        share(s6, world[y]),
        "UK minus China",
        r1(Decimal(mn(h.loc["United Kingdom", y]).replace(",", "")) - Decimal(mn(h.loc["China", y]).replace(",", ""))),
        "Canada/Mexico ratio",
        r1(Decimal(int(h.loc["Canada", y])) / Decimal(int(h.loc["Mexico", y]))),
        "Canada+Mexico share",
        share(h.loc[["Canada", "Mexico"], y].sum(), world[y]),
    )
s6 = {y: h.loc[P3, y].sum() for y in yrs}
print("six 20->24", pct(s6[2024], s6[2020]), "20->22", pct(s6[2022], s6[2020]), "22->24", pct(s6[2024], s6[2022]))
print_chapter_weights(u, h, P3, "33", yrs, 22)

# ---------------------------------------------------------------------------------------------
# Doc 4 (test, .docx): FDI in Veracruz, Tabasco, Campeche, Chiapas and Oaxaca by quarter, 2005-2006
print("=" * 30, "Doc 4: FDI in five Gulf and southern states, 2005-2006 (Secretaría de Economía)")
f = pd.read_csv(D + "se_mexico_fdi_by_state_quarterly_1999_2017.csv")
S4 = {
    "Veracruz de Ignacio de la Llave": "Veracruz",
    "Tabasco": "Tabasco",
    "Campeche": "Campeche",
    "Chiapas": "Chiapas",
    "Oaxaca": "Oaxaca",
}
f["name"] = f.entidad.map(lambda e: S4.get(e, e))
Y4 = [2004, 2005, 2006, 2007]
ann = f[f.year.isin(Y4)].groupby(["year", "name"]).fdi_musd.sum()
nat = f[f.year.isin(Y4)].groupby("year").fdi_musd.sum()
for y in Y4:
    yr = ann[y]
    print(f"--- {y}: national {r1(nat[y])}; {len(yr)} states")
    for s in S4.values():
        q = f[(f.year == y) & (f.name == s)].set_index("quarter").fdi_musd
        print(
            f"{s:10s} year {r1(yr[s]):>8} rank {ordinal_rank(yr, s):>2} share of national {share(yr[s], nat[y])}% "
            f"quarters {[r1(v) for v in q]} H1 {r1(q.loc[1:2].sum())} H2 {r1(q.loc[3:4].sum())} "
            f"max Q{q.idxmax()} {r1(q.max())} min Q{q.idxmin()} {r1(q.min())}"
        )
    five = yr[list(S4.values())]
    print(
        f"five together {r1(five.sum())} share of national {share(five.sum(), nat[y])}% "
        f"Veracruz share of five {share(yr['Veracruz'], five.sum())}% order {list(five.sort_values(ascending=False).index)}"
    )
    print("  top 5 states", [(k, r1(v)) for k, v in yr.sort_values(ascending=False).head(5).items()])
    qs = f[(f.year == y) & f.name.isin(S4.values())].groupby("quarter").fdi_musd.sum()
    print("  five by quarter", [r1(v) for v in qs])
for s in S4.values():
    v = {y: ann[y][s] for y in Y4}
    print(
        f"{s:10s} 04->05 {pct(v[2005], v[2004])}% 05->06 {pct(v[2006], v[2005])}% diff 05->06 {r1(v[2006] - v[2005])} "
        f"ratio 05/06 {r1(Decimal(str(v[2005])) / Decimal(str(v[2006])))}"
    )
v5 = {y: ann[y][list(S4.values())].sum() for y in Y4}
print("five 05->06", pct(v5[2006], v5[2005]), "national 05->06", pct(nat[2006], nat[2005]))
neg = f[f.year.isin([2005, 2006]) & f.name.isin(S4.values()) & (f.fdi_musd < 0)]
print("negative quarters 2005-2006:", [(r.name, r.year, r.quarter, r1(r.fdi_musd)) for r in neg.itertuples()])
big = f[f.year.isin([2005, 2006]) & f.name.isin(S4.values())].sort_values("fdi_musd", ascending=False).head(5)
print("largest quarters:", [(r.name, r.year, r.quarter, r1(r.fdi_musd)) for r in big.itertuples()])
