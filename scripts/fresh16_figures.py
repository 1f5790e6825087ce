"""Figures for the fresh16 evaluation set (eval/documents-fresh16/), computed from the official
tables in ../shared/data/trade/ (see SOURCES.md there; not shipped with the project). Run:
    python scripts/fresh16_figures.py [DATA_DIR]
Every number quoted in a fresh16 document is printed by this script (rounded as stated there)."""

import sys
from decimal import Decimal

import pandas as pd
from eval_documents import MONTHS, census_annual_decimal, print_group_order, trade_data_dir
from eval_documents import change_half_up as pct
from eval_documents import half_up as r1
from eval_documents import million_half_up as mn
from eval_documents import rank_of as ordinal_rank
from eval_documents import share_half_up as share

D = trade_data_dir(sys.argv)

# ---------------------------------------------------------------------------------------------
# Doc 1 (dev, .md): US goods trade with five Gulf partners (Saudi Arabia, UAE, Qatar, Kuwait,
# Oman), 2019-2023. Census annual file, US$ million (already rounded to 0.1): Decimal sums.
print("=" * 30, "Doc 1: five Gulf partners (Census)")
a = census_annual_decimal(D)
countries = a[~a.is_aggregate]
print(
    "Gulf names in file:",
    sorted(c for c in set(countries.country) if "Arab" in c or c in ("Qatar", "Kuwait", "Oman", "Bahrain")),
)
P1 = ["Saudi Arabia", "United Arab Emirates", "Qatar", "Kuwait", "Oman"]
K = ["exports_musd", "imports_musd", "total_trade_musd", "balance_musd"]
Y1 = range(2018, 2024)
for y in Y1:
    yr = countries[countries.year == y].set_index("country")
    world = a[(a.year == y) & (a.cty_code == 15)].iloc[0]
    exp, imp, tot = (yr[k].astype(float) for k in K[:3])
    print(f"--- {y}: world X {r1(world.exports_musd)} M {r1(world.imports_musd)}; {len(yr)} countries")
    for p in P1:
        row = yr.loc[p]
        print(
            f"{p:21s} X {r1(row.exports_musd):>9} M {r1(row.imports_musd):>9} T {r1(row.total_trade_musd):>9} "
            f"B {r1(row.balance_musd):>9} | rank X {ordinal_rank(exp, p)} M {ordinal_rank(imp, p)} "
            f"T {ordinal_rank(tot, p)} | X/M {r1(row.exports_musd / row.imports_musd)}"
        )
    five = yr.loc[P1]
    print(
        f"five together: X {r1(five.exports_musd.sum())} M {r1(five.imports_musd.sum())} "
        f"T {r1(five.total_trade_musd.sum())} B {r1(five.balance_musd.sum())} | share of world "
        f"X {share(five.exports_musd.sum(), world.exports_musd)}% M {share(five.imports_musd.sum(), world.imports_musd)}%"
    )
    print(
        "  shares of five X",
        {p: share(yr.loc[p].exports_musd, five.exports_musd.sum()) for p in P1},
        "T",
        {p: share(yr.loc[p].total_trade_musd, five.total_trade_musd.sum()) for p in P1},
    )
    print_group_order(five)
get = lambda p, y, c: countries[(countries.country == p) & (countries.year == y)].iloc[0][c]  # noqa: E731
print("changes:")
for p in P1:
    for c in K:
        v = {y: get(p, y, c) for y in Y1}
        print(
            f"{p:21s} {c:17s} 19->20 {pct(v[2020], v[2019])}% 20->21 {pct(v[2021], v[2020])}% "
            f"21->22 {pct(v[2022], v[2021])}% 22->23 {pct(v[2023], v[2022])}% 19->23 {pct(v[2023], v[2019])}% "
            f"diff 22->23 {r1(v[2023] - v[2022])}"
        )
ssum = {y: countries[(countries.year == y) & countries.country.isin(P1)][K].sum() for y in Y1}
for c in K:
    print(
        f"five {c}: 19->20 {pct(ssum[2020][c], ssum[2019][c])}% 21->22 {pct(ssum[2022][c], ssum[2021][c])}% "
        f"22->23 {pct(ssum[2023][c], ssum[2022][c])}% 19->23 {pct(ssum[2023][c], ssum[2019][c])}%"
    )
for p in P1:
    print(p, "balance by year", {y: r1(get(p, y, "balance_musd")) for y in range(2000, 2024)})

# ---------------------------------------------------------------------------------------------
# Doc 2 (dev, .html): US imports from China month by month, 2020-2021 (FRED IMPCH, US$ million NSA).
print("=" * 30, "Doc 2: US imports from China by month, 2020-2021 (FRED IMPCH)")
f = pd.read_csv(D + "fred_IMPCH_us_imports_from_china_monthly_1985_2025.csv", dtype={"IMPCH": str})
f["d"] = pd.to_datetime(f.observation_date)
f["v"] = f.IMPCH.map(Decimal)
f["y"], f["m"] = f.d.dt.year, f.d.dt.month
s = {(y, m): v for y, m, v in zip(f.y, f.m, f.v, strict=True)}
for y in [2019, 2020, 2021]:
    months = {m: s[(y, m)] for m in range(1, 13)}
    tot = sum(months.values())
    print(f"--- {y}: total {r1(tot)} monthly average {r1(tot / 12)}")
    print("  by month", {MONTHS[m - 1][:3]: r1(v) for m, v in months.items()})
    print("  order", [MONTHS[m - 1][:3] for m in sorted(months, key=lambda k: -months[k])])
    print(
        "  quarters",
        {f"Q{i + 1}": r1(sum(months[3 * i + k] for k in (1, 2, 3))) for i in range(4)},
        "H1",
        r1(sum(months[k] for k in range(1, 7))),
        "H2",
        r1(sum(months[k] for k in range(7, 13))),
    )
    if y > 2019:
        print(
            "  change on same month a year before",
            {MONTHS[m - 1][:3]: pct(s[(y, m)], s[(y - 1, m)]) for m in range(1, 13)},
        )
        print(
            "  change on the month before",
            {MONTHS[m - 1][:3]: pct(s[(y, m)], s[(y, m - 1)] if m > 1 else s[(y - 1, 12)]) for m in range(1, 13)},
        )
        prev = sum(s[(y - 1, m)] for m in range(1, 13))
        print("  annual change", pct(tot, prev), "diff", r1(tot - prev))
        for i in range(4):
            q = sum(s[(y, 3 * i + k)] for k in (1, 2, 3))
            qp = sum(s[(y - 1, 3 * i + k)] for k in (1, 2, 3))
            print(f"  Q{i + 1} change on year before {pct(q, qp)}%")
print("2020 months above 2019 same month", [MONTHS[m - 1][:3] for m in range(1, 13) if s[(2020, m)] > s[(2019, m)]])
print("2021 months above 2019 same month", [MONTHS[m - 1][:3] for m in range(1, 13) if s[(2021, m)] > s[(2019, m)]])
print(
    "Mar 2020 / Mar 2019 ratio",
    r1(s[(2020, 3)] / s[(2019, 3)] * 100),
    "Nov 2021 vs Mar 2020 ratio",
    r1(s[(2021, 11)] / s[(2020, 3)]),
)
print("2021 total vs 2019", pct(sum(s[(2021, m)] for m in range(1, 13)), sum(s[(2019, m)] for m in range(1, 13))))

# ---------------------------------------------------------------------------------------------
# Doc 3 (test, .txt): Texas-Mexico ports, trade values by port and mode, 2018-2019 (BTS TransBorder
# Texas ports file, US$; written in US$ million, one decimal).
print("=" * 30, "Doc 3: Texas-Mexico ports 2018-2019 (BTS)")
t = pd.read_csv(D + "bts_transborder_texas_mexico_ports_annual_1993_2025.csv")
Y3 = [2017, 2018, 2019]
t = t[t.Year.isin(Y3)]
print("ports:", sorted(set(t.Port)), "modes:", sorted(set(t.Mode)))
pv = t.pivot_table(index=["Port", "TradeType"], columns="Year", values="TradeValue", aggfunc="sum").fillna(0)
for y in Y3:
    x = t[(t.Year == y) & (t.TradeType == "Export")].groupby("Port").TradeValue.sum()
    m = (
        t[(t.Year == y) & (t.TradeType == "Import")]
        .groupby("Port")
        .TradeValue.sum()
        .reindex(x.index.union(t[t.Year == y].Port.unique()))
        .fillna(0)
    )
    x = x.reindex(m.index).fillna(0)
    tt = x + m
    print(f"--- {y}: all Texas X {mn(x.sum())} M {mn(m.sum())} T {mn(tt.sum())} B {mn(x.sum() - m.sum())}")
    for p in tt.sort_values(ascending=False).index:
        print(
            f"  {p:22s} X {mn(x[p]):>10} M {mn(m[p]):>10} T {mn(tt[p]):>10} B {mn(x[p] - m[p]):>10} "
            f"rank T {ordinal_rank(tt, p)} X {ordinal_rank(x, p)} M {ordinal_rank(m, p)} share T {share(tt[p], tt.sum())}%"
        )
    md = t[t.Year == y].pivot_table(index="Mode", columns="TradeType", values="TradeValue", aggfunc="sum").fillna(0)
    md["tot"] = md.sum(axis=1)
    for k, row in md.sort_values("tot", ascending=False).iterrows():
        print(
            f"  mode {k:28s} X {mn(row.get('Export', 0)):>10} M {mn(row.get('Import', 0)):>10} T {mn(row['tot']):>10} share {share(row['tot'], md['tot'].sum())}%"
        )
PORTS3 = ["Laredo", "Ysleta", "El Paso", "Hidalgo/Pharr", "Eagle Pass", "Brownsville"]
for p in sorted(set(t.Port)):
    e = t[t.Port == p]
    pm = e.pivot_table(index=["Mode", "TradeType"], columns="Year", values="TradeValue", aggfunc="sum").fillna(0)
    tot = e.groupby("Year").TradeValue.sum()
    xs = e[e.TradeType == "Export"].groupby("Year").TradeValue.sum()
    ms = e[e.TradeType == "Import"].groupby("Year").TradeValue.sum()
    print(
        f"{p:22s} total {dict((y, mn(v)) for y, v in tot.items())} 17->18 {pct(tot.get(2018, 0), tot.get(2017, 0))}% "
        f"18->19 {pct(tot.get(2019, 0), tot.get(2018, 0))}% | X 18->19 {pct(xs.get(2019, 0), xs.get(2018, 0))}% "
        f"M 18->19 {pct(ms.get(2019, 0), ms.get(2018, 0))}%"
    )
    for (mo, ty), row in pm.iterrows():
        if row.sum() > 5e8:
            print(
                f"    {mo:28s} {ty:6s} {dict((y, mn(v)) for y, v in row.items())} 18->19 {pct(row[2019], row[2018]) if row[2018] else 'n/a'}%"
            )
    for y in [2018, 2019]:
        ey = e[e.Year == y]
        tr = ey[ey.Mode == "Truck"].TradeValue.sum()
        rl = ey[ey.Mode == "Rail"].TradeValue.sum()
        if ey.TradeValue.sum():
            print(
                f"    {y} truck share {share(tr, ey.TradeValue.sum())}% rail share {share(rl, ey.TradeValue.sum())}% "
                f"freight charges {mn(ey.FreightCharges.fillna(0).sum())}"
            )
for y in [2018, 2019]:
    ty = t[t.Year == y]
    tot = ty.TradeValue.sum()
    lar = ty[ty.Port == "Laredo"].TradeValue.sum()
    print(
        y,
        "Laredo share of Texas",
        share(lar, tot),
        "Laredo rail total",
        mn(ty[(ty.Port == "Laredo") & (ty.Mode == "Rail")].TradeValue.sum()),
        "Texas truck share",
        share(ty[ty.Mode == "Truck"].TradeValue.sum(), tot),
    )
t_all = t.groupby(["Year", "TradeType"]).TradeValue.sum()
print(
    "Texas X 18->19",
    pct(t_all[(2019, "Export")], t_all[(2018, "Export")]),
    "M 18->19",
    pct(t_all[(2019, "Import")], t_all[(2018, "Import")]),
    "T 18->19",
    pct(t_all[2019].sum(), t_all[2018].sum()),
    "T 17->18",
    pct(t_all[2018].sum(), t_all[2017].sum()),
)

# ---------------------------------------------------------------------------------------------
# Doc 4 (test, .docx): FDI in five northern border states (Baja California, Chihuahua, Coahuila,
# Nuevo León, Tamaulipas), quarter by quarter, 2011-2012 (Secretaría de Economía, US$ million).
print("=" * 30, "Doc 4: FDI in five northern states, 2011-2012 (SE)")
q = pd.read_csv(D + "se_mexico_fdi_by_state_quarterly_1999_2017.csv")
print("entities:", sorted(set(q.entidad)))
P4 = ["Baja California", "Chihuahua", "Coahuila de Zaragoza", "Nuevo León", "Tamaulipas"]
Y4 = [2010, 2011, 2012]
q = q[q.year.isin(Y4)]
q["v"] = q.fdi_musd.map(lambda x: Decimal(str(x)))
ann = q.groupby(["entidad", "year"]).v.sum()
for y in Y4:
    nat = ann[:, y].sum() if False else sum(ann[(e, y)] for e in set(q.entidad))
    ser = pd.Series({e: float(ann[(e, y)]) for e in set(q.entidad)})
    five = sum(ann[(p, y)] for p in P4)
    print(f"--- {y}: national {r1(nat)} five {r1(five)} share {share(five, nat)}%")
    for p in P4:
        qs = [q[(q.entidad == p) & (q.year == y) & (q.quarter == k)].v.iloc[0] for k in (1, 2, 3, 4)]
        print(
            f"  {p:22s} {r1(ann[(p, y)]):>9} rank {ordinal_rank(ser, p)} share of five {share(ann[(p, y)], five)}% "
            f"share of nat {share(ann[(p, y)], nat)}% quarters {[r1(v) for v in qs]}"
        )
    print(
        "  five by quarter",
        [r1(sum(q[(q.entidad == p) & (q.year == y) & (q.quarter == k)].v.iloc[0] for p in P4)) for k in (1, 2, 3, 4)],
    )
    print("  top 6 states", [(e, r1(v)) for e, v in ser.sort_values(ascending=False).head(6).items()])
for p in P4:
    print(
        f"{p:22s} 10->11 {pct(ann[(p, 2011)], ann[(p, 2010)])}% 11->12 {pct(ann[(p, 2012)], ann[(p, 2011)])}% diff 11->12 {r1(ann[(p, 2012)] - ann[(p, 2011)])}"
    )
f5 = {y: sum(ann[(p, y)] for p in P4) for y in Y4}
natl = {y: sum(ann[(e, y)] for e in set(q.entidad)) for y in Y4}
print(
    "five 10->11",
    pct(f5[2011], f5[2010]),
    "11->12",
    pct(f5[2012], f5[2011]),
    "| national 10->11",
    pct(natl[2011], natl[2010]),
    "11->12",
    pct(natl[2012], natl[2011]),
)
neg = q[q.entidad.isin(P4) & q.year.isin([2011, 2012]) & (q.v < 0)]
print(
    "negative quarters 2011-2012:",
    [(e, y, k, r1(v)) for e, y, k, v in zip(neg.entidad, neg.year, neg.quarter, neg.v, strict=True)],
)
big = q[q.entidad.isin(P4) & q.year.isin([2011, 2012])].sort_values("v", ascending=False).head(4)
print(
    "largest quarters:",
    [(e, y, k, r1(v)) for e, y, k, v in zip(big.entidad, big.year, big.quarter, big.v, strict=True)],
)
