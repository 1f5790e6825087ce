"""Figures for the fresh19 evaluation set (eval/documents-fresh19/), computed from the official tables in
../shared/data/trade/ (see SOURCES.md there; not shipped with the project). Run:
    python scripts/fresh19_figures.py [DATA_DIR]
Every number quoted in a fresh19 document is printed here, rounded half up (one decimal for US$ million and
percentages), with scripts/eval_documents.py's helpers.

Doc A (.md, dev)    US goods trade with South Korea, Taiwan, Singapore and Hong Kong, 1996-2000
                    (Census monthly country file, annual columns EYR/IYR; US$ million).
Doc B (.html, dev)  US surface exports to six central Mexican states, 2022-2024 (BTS TransBorder, exports by
                    Mexican state and mode; whole USD -> US$ million).
Doc C (.txt, test)  Rio Grande Valley field office: northbound trucks and railcars, month by month, 2024 (CBP).
Doc D (.docx, test) US exports of articles of iron or steel (HS 73) to six markets, 2020-2024 (USITC DataWeb)."""

import sys
from decimal import Decimal

import pandas as pd
from eval_documents import MONTHS, census_years_decimal, trade_data_dir
from eval_documents import change_half_up as pct
from eval_documents import count_text as n
from eval_documents import half_up as r1
from eval_documents import million_half_up as mn
from eval_documents import rank_in as rank_of
from eval_documents import share_half_up as share

D = trade_data_dir(sys.argv)


# =============================================================================================
print("=" * 30, "Doc A: South Korea, Taiwan, Singapore, Hong Kong 1995-2001 (Census)")
PA = ["Korea, South", "Taiwan", "Singapore", "Hong Kong"]
YA = list(range(1995, 2002))
XA, MA, WX, WM = census_years_decimal(D, PA, YA)


def TA(y, p):
    return XA[y][p] + MA[y][p]


def BA(y, p):
    return XA[y][p] - MA[y][p]


for y in YA:
    tot = {p: TA(y, p) for p in XA[y]}
    bal = {p: BA(y, p) for p in XA[y]}
    print(f"--- {y}: world X {r1(WX[y])} M {r1(WM[y])}; {len(XA[y])} countries")
    for p in PA:
        print(
            f"{p:13s} X {r1(XA[y][p]):>9} M {r1(MA[y][p]):>9} T {r1(TA(y, p)):>9} B {r1(BA(y, p)):>10} | rank X "
            f"{rank_of(XA[y], p)} M {rank_of(MA[y], p)} T {rank_of(tot, p)} deficit-rank {rank_of(bal, p, False)} "
            f"surplus-rank {rank_of(bal, p)} | M/X {r1(MA[y][p] / XA[y][p])} | share world X {share(XA[y][p], WX[y])}% "
            f"M {share(MA[y][p], WM[y])}%"
        )
    sx, sm = sum(XA[y][p] for p in PA), sum(MA[y][p] for p in PA)
    print(
        f"four: X {r1(sx)} M {r1(sm)} T {r1(sx + sm)} B {r1(sx - sm)} | share world X {share(sx, WX[y])}% "
        f"M {share(sm, WM[y])}%"
    )
    print(
        "  share of four's X",
        {p: share(XA[y][p], sx) for p in PA},
        "M",
        {p: share(MA[y][p], sm) for p in PA},
        "T",
        {p: share(TA(y, p), sx + sm) for p in PA},
    )
    print(
        "  order X",
        sorted(PA, key=lambda p: -XA[y][p]),
        "M",
        sorted(PA, key=lambda p: -MA[y][p]),
        "T",
        sorted(PA, key=lambda p: -TA(y, p)),
    )
print("changes (percent):")
for p in PA + ["FOUR"]:
    for lab, f in (("X", lambda y, q: XA[y][q]), ("M", lambda y, q: MA[y][q]), ("T", TA), ("B", BA)):
        v = {y: (sum(f(y, q) for q in PA) if p == "FOUR" else f(y, p)) for y in YA}
        print(
            f"{p:13s} {lab} "
            + " ".join(f"{y - 1}->{y} {pct(v[y], v[y - 1])}%" for y in YA[1:])
            + f" | 96->00 {pct(v[2000], v[1996])}% diff {r1(v[2000] - v[1996])} | 97->98 diff {r1(v[1998] - v[1997])}"
            + f" | 98->00 {pct(v[2000], v[1998])}%"
        )
print("world X changes", {y: pct(WX[y], WX[y - 1]) for y in YA[1:]}, "M", {y: pct(WM[y], WM[y - 1]) for y in YA[1:]})
for p in PA:
    print(
        p,
        "5-yr sums 1996-2000: X",
        r1(sum(XA[y][p] for y in range(1996, 2001))),
        "M",
        r1(sum(MA[y][p] for y in range(1996, 2001))),
        "B",
        r1(sum(BA(y, p) for y in range(1996, 2001))),
    )

# =============================================================================================
print("=" * 30, "Doc B: US surface exports to six central Mexican states, 2021-2024 (BTS)")
st = pd.read_csv(D + "bts_transborder_us_exports_to_mexico_by_mexican_state_1993_2025.csv")
assert set(st.TradeType) == {"Export"}
PB = ["Estado de Mexico", "Distrito Federal", "Jalisco", "Queretaro", "Guanajuato", "San Luis Potosi"]
YB = [2021, 2022, 2023, 2024]
SB = {}
for r in st[st.Year.isin(YB)].itertuples():
    assert r.TradeValue == int(r.TradeValue)
    k = (r.Year, r.MexState, r.Mode)
    SB[k] = SB.get(k, 0) + int(r.TradeValue)
STATES = sorted({k[1] for k in SB})
MODESB = sorted({k[2] for k in SB})


def sb(y, s=None, mode=None):
    return sum(v for (yy, ss, md), v in SB.items()
               if yy == y and (s is None or ss == s) and (mode is None or md == mode))  # fmt: skip


print("modes:", MODESB, "| states:", len(STATES))
for y in YB:
    allst = sb(y)
    tot = {s: sb(y, s) for s in STATES}
    six = sum(tot[s] for s in PB)
    print(
        f"--- {y}: all states {mn(allst)} (truck {mn(sb(y, mode='Truck'))} rail {mn(sb(y, mode='Rail'))}); "
        f"six {mn(six)} = {share(six, allst)}% of all; six truck {mn(sum(sb(y, s, 'Truck') for s in PB))} "
        f"rail {mn(sum(sb(y, s, 'Rail') for s in PB))}"
    )
    print("  top 10:", [(s, mn(tot[s])) for s in sorted(STATES, key=lambda s: -tot[s])[:10]])
    for s in PB:
        t, tr, ra = tot[s], sb(y, s, "Truck"), sb(y, s, "Rail")
        print(
            f"  {s:17s} total {mn(t):>9} rank {rank_of(tot, s):2d} share-all {share(t, allst)}% share-six "
            f"{share(t, six)}% | truck {mn(tr):>9} ({share(tr, t)}%) rail {mn(ra):>8} ({share(ra, t)}%) "
            f"other {mn(t - tr - ra)} | other modes " + str({m: mn(sb(y, s, m)) for m in MODESB if sb(y, s, m)})
        )
    print("  order six", sorted(PB, key=lambda s: -tot[s]), "| rail order", sorted(PB, key=lambda s: -sb(y, s, "Rail")))
print("changes:")
for s in PB + ["SIX", "ALL"]:
    for lab, md in (("total", None), ("truck", "Truck"), ("rail", "Rail")):
        if s == "SIX":
            v = {y: sum(sb(y, q, md) for q in PB) for y in YB}
        elif s == "ALL":
            v = {y: sb(y, None, md) for y in YB}
        else:
            v = {y: sb(y, s, md) for y in YB}
        print(
            f"  {s:17s} {lab:5s} "
            + " ".join(f"{y - 1}->{y} {pct(v[y], v[y - 1])}% ({mn(v[y] - v[y - 1])})" for y in YB[1:])
            + f" | 22->24 {pct(v[2024], v[2022])}% diff {mn(v[2024] - v[2022])} | 21->24 {pct(v[2024], v[2021])}%"
            + f" | sum 22-24 {mn(v[2022] + v[2023] + v[2024])}"
        )
print(
    "Estado de Mexico minus Distrito Federal:",
    {y: mn(sb(y, "Estado de Mexico") - sb(y, "Distrito Federal")) for y in YB},
)
print("Jalisco vs Coahuila:", {y: (mn(sb(y, "Jalisco")), mn(sb(y, "Coahuila"))) for y in YB})
print("Queretaro vs Guanajuato:", {y: (mn(sb(y, "Queretaro")), mn(sb(y, "Guanajuato"))) for y in YB})
print(
    "Estado de Mexico + Distrito Federal:", {y: mn(sb(y, "Estado de Mexico") + sb(y, "Distrito Federal")) for y in YB}
)
print(
    "Bajio three (Queretaro, Guanajuato, San Luis Potosi):",
    {y: mn(sum(sb(y, s) for s in ["Queretaro", "Guanajuato", "San Luis Potosi"])) for y in YB},
)

# =============================================================================================
print("=" * 30, "Doc C: Rio Grande Valley field office trucks and railcars, monthly 2024 vs 2023 (CBP)")
cm = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_monthly_2008_2025.csv")
cm["n"] = cm["Northbound Crossing"].fillna(0).astype(int)
cy = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv")
cy["n"] = cy["Northbound Crossing"].fillna(0).astype(int)
print("regions:", sorted(cm.Region.unique()))
RGV = "Rio Grande Valley"
PC = ["Brownsville", "Hidalgo", "Progreso", "Rio Grande City", "Roma"]
YC = [2023, 2024]
MODESC = ["Commercial Trucks", "Railcars", "Buses"]


def cv(y, mode, months=None, poe=None, crossing=None, region=RGV):
    q = cm[(cm.Year == y) & (cm.Modes == mode)]
    if region:
        q = q[q.Region == region]
    if poe:
        q = q[q.POE == poe]
    if crossing:
        q = q[q.Crossing == crossing]
    if months:
        q = q[q.Month.isin(months)]
    return int(q.n.sum())


for y in YC:
    for mode in MODESC:
        # the yearly file agrees with the monthly file
        ym = int(cy[(cy.Year == y) & (cy.Region == RGV) & (cy.Modes == mode)].n.sum())
        assert ym == cv(y, mode), (y, mode, ym, cv(y, mode))
ALLM = list(range(1, 13))
for mode in MODESC:
    print(f"--- {mode}")
    for y in YC:
        tx = cv(y, mode, region=None)
        rg = cv(y, mode)
        byport = {p: cv(y, mode, poe=p, region=None) for p in sorted(cm[cm.Year == y].POE.unique())}
        print(
            f"  {y}: RGV {n(rg)} Texas {n(tx)} RGV share {share(rg, tx)}% | H1 {n(cv(y, mode, [1, 2, 3, 4, 5, 6]))} "
            f"H2 {n(cv(y, mode, [7, 8, 9, 10, 11, 12]))} | Q "
            + " ".join(n(cv(y, mode, [3 * q + 1, 3 * q + 2, 3 * q + 3])) for q in range(4))
        )
        print(
            "     Texas ports order:",
            [(p, n(v), rank_of(byport, p)) for p, v in sorted(byport.items(), key=lambda kv: -kv[1]) if v],
        )
        for p in PC:
            v = byport[p]
            if v:
                print(f"     {p:15s} {n(v):>9} share RGV {share(v, rg)}% rank Texas {rank_of(byport, p)}")
    print(
        f"  RGV change {pct(cv(2024, mode), cv(2023, mode))}% diff {n(cv(2024, mode) - cv(2023, mode))} | Texas "
        f"change {pct(cv(2024, mode, region=None), cv(2023, mode, region=None))}%"
    )
    for p in PC:
        if cv(2023, mode, poe=p):
            print(
                f"     {p:15s} change {pct(cv(2024, mode, poe=p), cv(2023, mode, poe=p))}% diff "
                f"{n(cv(2024, mode, poe=p) - cv(2023, mode, poe=p))}"
            )
    cross = (
        cm[(cm.Region == RGV) & (cm.Modes == mode) & cm.Year.isin(YC)]
        .groupby(["POE", "Crossing", "Year"])
        .n.sum()
        .unstack()
    )
    cross = cross[cross.sum(axis=1) > 0]
    for (p, c), r in cross.iterrows():
        print(
            f"     crossing {p} / {c}: 2023 {n(r[2023])} 2024 {n(r[2024])} change {pct(r[2024], r[2023])}% "
            f"share RGV 2024 {share(r[2024], cv(2024, mode))}%"
        )
# monthly detail
for mode, units in (("Commercial Trucks", [None] + PC), ("Railcars", [None]), ("Buses", [None])):
    for p in units:
        lab = p or "RGV"
        s24 = {m: cv(2024, mode, [m], poe=p) for m in ALLM}
        s23 = {m: cv(2023, mode, [m], poe=p) for m in ALLM}
        if not sum(s24.values()):
            continue
        print(f"  {mode} {lab} 2024 by month:")
        for m in ALLM:
            prev = s24[m - 1] if m > 1 else None
            print(
                f"     {MONTHS[m - 1]:9s} {n(s24[m]):>8} (2023 {n(s23[m]):>8}, y/y {pct(s24[m], s23[m])}%"
                + (f", m/m {pct(s24[m], prev)}%" if prev else "")
                + ")"
            )
        mx = max(ALLM, key=lambda m: s24[m])
        mnm = min(ALLM, key=lambda m: s24[m])
        up = [MONTHS[m - 1] for m in ALLM if s24[m] > s23[m]]
        print(f"     max {MONTHS[mx - 1]} {n(s24[mx])} min {MONTHS[mnm - 1]} {n(s24[mnm])} | months above 2023: {up}")
        mx23 = max(ALLM, key=lambda m: s23[m])
        print(f"     2023 max {MONTHS[mx23 - 1]} {n(s23[mx23])}")
# trucks per railcar etc
print(
    "Hidalgo (Pharr) trucks as share of Texas trucks 2024:",
    share(cv(2024, "Commercial Trucks", poe="Hidalgo"), cv(2024, "Commercial Trucks", region=None)),
    "%",
)
print("Brownsville trucks Los Indios + Veterans 2024:", n(cv(2024, "Commercial Trucks", poe="Brownsville")))

# =============================================================================================
print("=" * 30, "Doc D: US exports of articles of iron or steel (HS 73) to six markets, 2020-2024 (USITC)")
u = pd.read_csv(D + "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv", dtype={"hs2": str})
u = u[u.country.notna()]
YD = [2020, 2021, 2022, 2023, 2024]
COLS = [f"fas_usd_{y}" for y in YD]
print("description:", u[u.hs2 == "73"].hs2_description.iloc[0])
h = u[u.hs2 == "73"].set_index("country")[COLS]
h.columns = YD
assert h.index.is_unique
allx = u.groupby("hs2")[COLS].sum()
allx.columns = YD
PD = ["Mexico", "Canada", "China", "United Kingdom", "Germany", "Japan"]
world = h.sum()
print("partners with HS73 exports:", {y: int((h[y] > 0).sum()) for y in YD}, "| chapters:", len(allx))
for y in YD:
    six = h.loc[PD, y].sum()
    chrank = int(allx[y].rank(ascending=False, method="min")["73"])
    print(
        f"--- {y}: world {mn(world[y])} = {share(world[y], allx[y].sum())}% of all US exports (total "
        f"{mn(allx[y].sum())}); chapter rank {chrank} of {len(allx)} | six {mn(six)} = {share(six, world[y])}%"
    )
    col = h[y].to_dict()
    for p in PD:
        print(f"  {p:15s} {mn(h.loc[p, y]):>9} share {share(h.loc[p, y], world[y])}% rank {rank_of(col, p)}")
    print("  top 8:", [(p, mn(v)) for p, v in h[y].sort_values(ascending=False).head(8).items()])
    print(
        f"  Mexico+Canada {mn(h.loc['Mexico', y] + h.loc['Canada', y])} share "
        f"{share(h.loc['Mexico', y] + h.loc['Canada', y], world[y])}% | Mexico-Canada "
        f"{mn(h.loc['Mexico', y] - h.loc['Canada', y])} | Mexico/Canada {r1(Decimal(int(h.loc['Mexico', y])) / Decimal(int(h.loc['Canada', y])))}"
    )
    print(f"  overseas four (China, UK, Germany, Japan) {mn(h.loc[PD[2:], y].sum())}")
print("changes:")
for p in PD + ["WORLD", "SIX"]:
    v = {y: (world[y] if p == "WORLD" else h.loc[PD, y].sum() if p == "SIX" else h.loc[p, y]) for y in YD}
    print(
        f"  {p:15s} "
        + " ".join(f"{y - 1}->{y} {pct(v[y], v[y - 1])}%" for y in YD[1:])
        + f" | 20->24 {pct(v[2024], v[2020])}% diff {mn(v[2024] - v[2020])} | sum 20-24 {mn(sum(v.values()))}"
        + f" | peak {max(YD, key=lambda y: v[y])} low {min(YD, key=lambda y: v[y])}"
    )
print("all-exports change", {y: pct(allx[y].sum(), allx[y - 1].sum()) for y in YD[1:]})
print("China minus UK:", {y: mn(h.loc["China", y] - h.loc["United Kingdom", y]) for y in YD})
print("Germany vs Japan:", {y: (mn(h.loc["Germany", y]), mn(h.loc["Japan", y])) for y in YD})
print("excluded neighbour chapter: 72", u[u.hs2 == "72"].hs2_description.iloc[0], "(raw metal, not covered)")
