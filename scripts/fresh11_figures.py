"""Figures for the fresh11 evaluation set (eval/documents-fresh11/), computed from the official
tables in ../shared/data/trade/ (see SOURCES.md there; not shipped with the project). Run:
    python scripts/fresh11_figures.py [DATA_DIR]
Every number quoted in a fresh11 document is printed by this script (rounded as stated there); the
documents' prose was written from its output (the .docx by scripts/make_fresh11_docx.py)."""

import sys
from decimal import Decimal

import pandas as pd
from eval_documents import census_annual_decimal, print_partner_line, trade_data_dir
from eval_documents import change_half_up as pct
from eval_documents import half_up as r1
from eval_documents import rank_of as ordinal_rank
from eval_documents import share_half_up as share

D = trade_data_dir(sys.argv)


# ---------------------------------------------------------------------------------------------
# Doc 1 (dev, .md): US goods trade with Ireland, Switzerland, Italy and Austria, 2018-2022
# Census annual file, millions of USD (already rounded to 0.1): sums done in Decimal.
print("=" * 30, "Doc 1: Ireland, Switzerland, Italy, Austria (Census)")
a = census_annual_decimal(D)
P1 = ["Ireland", "Switzerland", "Italy", "Austria"]
countries = a[~a.is_aggregate]
for y in range(2017, 2024):
    yr = countries[countries.year == y].set_index("country")
    world = a[(a.year == y) & (a.cty_code == 15)].iloc[0]
    eu = a[(a.year == y) & (a.cty_code == 3)].iloc[0]
    imp = yr.imports_musd.astype(float)
    exp = yr.exports_musd.astype(float)
    tot = yr.total_trade_musd.astype(float)
    bal = yr.balance_musd.astype(float)
    print(
        f"--- {y}: world exports {r1(world.exports_musd)} imports {r1(world.imports_musd)}; "
        f"EU exports {r1(eu.exports_musd)} imports {r1(eu.imports_musd)}"
    )
    for p in P1:
        row = yr.loc[p]
        print(
            f"{p:12s} X {r1(row.exports_musd):>10} M {r1(row.imports_musd):>10} T {r1(row.total_trade_musd):>10} "
            f"B {r1(row.balance_musd):>10} | rank X {ordinal_rank(exp, p)} M {ordinal_rank(imp, p)} "
            f"T {ordinal_rank(tot, p)} deficit-rank {int((-bal).rank(ascending=False, method='min')[p])} | "
            f"share of world M {share(row.imports_musd, world.imports_musd)}% "
            f"share of EU M {share(row.imports_musd, eu.imports_musd)}% "
            f"M/X ratio {r1(row.imports_musd / row.exports_musd)}"
        )
    four = yr.loc[P1]
    print(
        f"four together: X {r1(four.exports_musd.sum())} M {r1(four.imports_musd.sum())} "
        f"T {r1(four.total_trade_musd.sum())} B {r1(four.balance_musd.sum())} "
        f"share of world M {share(four.imports_musd.sum(), world.imports_musd)}%"
    )
print("changes:")


def get(p, y, c):
    return countries[(countries.country == p) & (countries.year == y)].iloc[0][c]


for p in P1:
    for c in ("exports_musd", "imports_musd", "total_trade_musd", "balance_musd"):
        v = {y: get(p, y, c) for y in range(2017, 2024)}
        print(
            f"{p:12s} {c:17s} 18->20 {pct(v[2020], v[2018])}% 20->22 {pct(v[2022], v[2020])}% "
            f"18->22 {pct(v[2022], v[2018])}% 19->20 {pct(v[2020], v[2019])}% 21->22 {pct(v[2022], v[2021])}% "
            f"diff 18->22 {r1(v[2022] - v[2018])}"
        )

# ---------------------------------------------------------------------------------------------
# Doc 2 (dev, .txt): CBP northbound buses, passenger vehicles, pedestrians (and trucks) at the
# Rio Grande Valley ports, 2008 and 2011. Counts.
print("=" * 30, "Doc 2: Rio Grande Valley ports (CBP)")
cb = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv")
cb["n"] = cb["Northbound Crossing"].fillna(0).astype(int)
rgv = cb[cb.Region == "Rio Grande Valley"]
ports = ["Brownsville", "Hidalgo", "Progreso", "Rio Grande City", "Roma"]
modes = ["Buses", "Passenger Vehicles", "Pedestrians/ Bicyclists", "Commercial Trucks", "Railcars"]
for y in (2008, 2009, 2010, 2011):
    t = rgv[rgv.Year == y].pivot_table(index="POE", columns="Modes", values="n", aggfunc="sum").loc[ports, modes]
    print(f"--- {y}\n{t.to_string()}")
    print("RGV total", t.sum().to_dict())
    allt = cb[cb.Year == y].pivot_table(index="POE", columns="Modes", values="n", aggfunc="sum")
    print("all Texas", allt.sum().to_dict())
    for m in modes[:3]:
        print(
            m,
            "rank among 12 Texas ports:",
            {p: ordinal_rank(allt[m], p) for p in ports},
            "RGV share of Texas",
            share(t[m].sum(), allt[m].sum()),
        )
    print("bridges:")
    print(
        rgv[rgv.Year == y]
        .pivot_table(index=["POE", "Crossing"], columns="Modes", values="n", aggfunc="sum")[modes[:4]]
        .to_string()
    )
print("changes 2008->2011:")
for m in modes[:4]:
    t8 = rgv[(rgv.Year == 2008) & (rgv.Modes == m)].groupby("POE").n.sum()
    t11 = rgv[(rgv.Year == 2011) & (rgv.Modes == m)].groupby("POE").n.sum()
    for p in ports:
        print(f"{m:24s} {p:16s} {t8[p]:>10,} -> {t11[p]:>10,}  {pct(t11[p], t8[p])}%  diff {t11[p] - t8[p]:,}")
    print(f"{m:24s} {'RGV five':16s} {t8.sum():>10,} -> {t11.sum():>10,}  {pct(t11.sum(), t8.sum())}%")
# Hidalgo's bridges for passenger vehicles (Anzalduas appears from 2010)
for y in (2008, 2011):
    h = rgv[(rgv.Year == y) & (rgv.POE == "Hidalgo") & (rgv.Modes == "Passenger Vehicles")]
    print(y, "Hidalgo PV by bridge", dict(zip(h.Crossing, h.n, strict=True)))

# ---------------------------------------------------------------------------------------------
# Doc 3 (test, .html): US exports of beverages, spirits and vinegar (HS 22), 2020-2024, USITC
print("=" * 30, "Doc 3: HS 22 beverages (USITC)")
u = pd.read_csv(D + "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv", dtype={"hs2": str})
u = u[u.country.notna()]
yrs = [2020, 2021, 2022, 2023, 2024]
h22 = u[u.hs2 == "22"].set_index("country")[[f"fas_usd_{y}" for y in yrs]]
h22.columns = yrs
world22 = h22.sum()
print("world", {y: r1(Decimal(int(world22[y])) / Decimal(10**6)) for y in yrs})
print("world change 20->24", pct(world22[2024], world22[2020]))
P3 = ["Canada", "United Kingdom", "Netherlands", "South Korea", "Japan", "Colombia"]
for p in P3:
    print_partner_line(h22, world22, p, yrs, 15)
    print(
        " " * 15,
        "20->24",
        pct(h22.loc[p, 2024], h22.loc[p, 2020]),
        "22->24",
        pct(h22.loc[p, 2024], h22.loc[p, 2022]),
        "21->22",
        pct(h22.loc[p, 2022], h22.loc[p, 2021]),
        "22->23",
        pct(h22.loc[p, 2023], h22.loc[p, 2022]),
        "23->24",
        pct(h22.loc[p, 2024], h22.loc[p, 2023]),
        "20->21",
        pct(h22.loc[p, 2021], h22.loc[p, 2020]),
    )
print("top 12 by year:")
for y in yrs:
    print(
        y, [(c, r1(Decimal(int(v)) / Decimal(10**6))) for c, v in h22[y].sort_values(ascending=False).head(12).items()]
    )
four = ["United Kingdom", "Netherlands", "South Korea", "Japan"]
for y in yrs:
    s4 = h22.loc[four, y].sum()
    print(
        y,
        "UK+NL+KR+JP",
        r1(Decimal(int(s4)) / Decimal(10**6)),
        "share",
        share(s4, world22[y]),
        "Canada share",
        share(h22.loc["Canada", y], world22[y]),
        "five incl Colombia",
        r1(Decimal(int(s4 + h22.loc["Colombia", y])) / Decimal(10**6)),
        "ex-Canada world",
        r1(Decimal(int(world22[y] - h22.loc["Canada", y])) / Decimal(10**6)),
    )

# ---------------------------------------------------------------------------------------------
# Doc 4 (test, .docx): FDI in Puebla, Hidalgo, Morelos and Tlaxcala, 2008-2010, Secretaria de
# Economia. Quarterly values are raw floats: quarters rounded singly, annual = round(sum of raw).
print("=" * 30, "Doc 4: FDI Puebla, Hidalgo, Morelos, Tlaxcala (SE)")
f = pd.read_csv(D + "se_mexico_fdi_by_state_quarterly_1999_2017.csv")
P4 = ["Puebla", "Hidalgo", "Morelos", "Tlaxcala"]
ann = f.groupby(["year", "entidad"]).fdi_musd.sum().unstack()
nat = f.groupby("year").fdi_musd.sum()
for y in (2007, 2008, 2009, 2010, 2011):
    print(f"--- {y}: national {r1(nat[y])}")
    for p in P4:
        q = f[(f.year == y) & (f.entidad == p)].set_index("quarter").fdi_musd
        print(
            f"{p:9s} year {r1(ann.loc[y, p]):>8} rank {ordinal_rank(ann.loc[y], p):>2} share {share(ann.loc[y, p], nat[y])}% "
            f"quarters {[r1(v) for v in q]} H1 {r1(q[1] + q[2])} H2 {r1(q[3] + q[4])}"
        )
    s4 = ann.loc[y, P4].sum()
    print(f"four together {r1(s4)} share {share(s4, nat[y])}%")
for p in P4:
    print(
        p,
        "08->09",
        pct(ann.loc[2009, p], ann.loc[2008, p]),
        "09->10",
        pct(ann.loc[2010, p], ann.loc[2009, p]),
        "08->10",
        pct(ann.loc[2010, p], ann.loc[2008, p]),
        "3yr sum",
        r1(ann.loc[[2008, 2009, 2010], p].sum()),
    )
print("national 08->09", pct(nat[2009], nat[2008]), "09->10", pct(nat[2010], nat[2009]))
s4 = {y: ann.loc[y, P4].sum() for y in (2008, 2009, 2010)}
print(
    "four 08->09",
    pct(s4[2009], s4[2008]),
    "09->10",
    pct(s4[2010], s4[2009]),
    "3yr",
    r1(sum(s4.values())),
    "puebla share of four 3yr",
    share(ann.loc[[2008, 2009, 2010], "Puebla"].sum(), sum(s4.values())),
)
neg = f[f.entidad.isin(P4) & f.year.between(2008, 2010) & (f.fdi_musd < 0)]
print("negative quarters 2008-2010:\n", neg.round(1).to_string())

# Doc 3, the five markets of the article (UK, Netherlands, South Korea, Japan, Colombia) together
five = ["United Kingdom", "Netherlands", "South Korea", "Japan", "Colombia"]
for y in yrs:
    s5 = h22.loc[five, y].sum()
    print(
        y,
        "five markets",
        r1(Decimal(int(s5)) / Decimal(10**6)),
        "share of world",
        share(s5, world22[y]),
        "ratio to Canada",
        r1(Decimal(int(s5)) / Decimal(int(h22.loc["Canada", y]))),
        "x",
        "UK minus NL",
        r1(Decimal(int(h22.loc["United Kingdom", y] - h22.loc["Netherlands", y])) / Decimal(10**6)),
    )
