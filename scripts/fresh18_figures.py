"""Figures for the fresh18 evaluation set (eval/documents-fresh18/), computed from the official tables in
../shared/data/trade/ (see SOURCES.md there; not shipped with the project). Run:
    python scripts/fresh18_figures.py [DATA_DIR]
Every number quoted in a fresh18 document is printed by this script (rounded half up as stated, with
scripts/eval_documents.py's helpers: percentages and shares to one decimal).

Doc 1 (.md)   US goods trade with Vietnam, Thailand, Malaysia, Indonesia and the Philippines, 2002-2006
              (Census monthly country file: annual columns EYR/IYR, unrounded, US$ million).
Doc 2 (.html) US-Canada trade by mode of transportation, month by month, 2019 (BTS TransBorder monthly
              by mode; whole US dollars -> US$ million, one decimal).
Doc 3 (.txt)  Northbound trucks, railcars and buses at the El Paso field office ports, month by month,
              2022 (CBP monthly and yearly northbound crossings; counts).
Doc 4 (.docx) US exports of toys, games and sports equipment (HS 95) to six markets, 2020-2024
              (USITC DataWeb, total exports F.A.S.; whole US dollars -> US$ million, one decimal)."""

import sys
from decimal import Decimal

import pandas as pd
from eval_documents import MON, census_years_decimal, trade_data_dir
from eval_documents import change_half_up as pct
from eval_documents import count_text as n
from eval_documents import half_up as r1
from eval_documents import million_half_up as mn
from eval_documents import rank_in as rank_of
from eval_documents import share_half_up as share

D = trade_data_dir(sys.argv)


# =============================================================================================
# Doc 1 (dev, .md): US goods trade with five Southeast Asian partners, 2002-2006.
print("=" * 30, "Doc 1: Vietnam, Thailand, Malaysia, Indonesia, Philippines 2002-2006 (Census)")
P1 = ["Vietnam", "Thailand", "Malaysia", "Indonesia", "Philippines"]
Y1 = list(range(2001, 2008))
X1, M1, WX, WM = census_years_decimal(D, P1, Y1)


def T1(y, p):
    return X1[y][p] + M1[y][p]


def B1(y, p):
    return X1[y][p] - M1[y][p]


for y in Y1:
    tot = {p: X1[y][p] + M1[y][p] for p in X1[y]}
    defi = {p: M1[y][p] - X1[y][p] for p in X1[y]}
    print(f"--- {y}: world X {r1(WX[y])} M {r1(WM[y])}; {len(X1[y])} countries")
    for p in P1:
        print(
            f"{p:11s} X {r1(X1[y][p]):>9} M {r1(M1[y][p]):>9} T {r1(T1(y, p)):>9} B {r1(B1(y, p)):>10} | rank X "
            f"{rank_of(X1[y], p)} M {rank_of(M1[y], p)} T {rank_of(tot, p)} deficit {rank_of(defi, p)} "
            f"| M/X {r1(M1[y][p] / X1[y][p])} | X share of world {share(X1[y][p], WX[y])}% M {share(M1[y][p], WM[y])}%"
        )
    sx = sum(X1[y][p] for p in P1)
    sm = sum(M1[y][p] for p in P1)
    print(
        f"five: X {r1(sx)} M {r1(sm)} T {r1(sx + sm)} B {r1(sx - sm)} | share of world X {share(sx, WX[y])}% "
        f"M {share(sm, WM[y])}% T {share(sx + sm, WX[y] + WM[y])}% | M/X {r1(sm / sx)}"
    )
    print("  share of five's T", {p: share(T1(y, p), sx + sm) for p in P1})
    print("  share of five's X", {p: share(X1[y][p], sx) for p in P1}, "M", {p: share(M1[y][p], sm) for p in P1})
    print("  share of five's deficit", {p: share(-B1(y, p), sm - sx) for p in P1})
    print("  order X", sorted(P1, key=lambda p: -X1[y][p]), "M", sorted(P1, key=lambda p: -M1[y][p]))
    print("  order T", sorted(P1, key=lambda p: -T1(y, p)), "deficit", sorted(P1, key=lambda p: B1(y, p)))
print("changes (percent; difference in US$ million):")
for p in P1 + ["FIVE"]:
    for lab, f in (("X", lambda y, q: X1[y][q]), ("M", lambda y, q: M1[y][q]), ("T", T1), ("B", B1)):
        if p == "FIVE":
            v = {y: sum(f(y, q) for q in P1) for y in Y1}
        else:
            v = {y: f(y, p) for y in Y1}
        print(
            f"{p:11s} {lab} "
            + " ".join(f"{y - 1}->{y} {pct(v[y], v[y - 1])}%" for y in Y1[1:])
            + f" | 02->06 {pct(v[2006], v[2002])}% diff {r1(v[2006] - v[2002])} | 02->04 {pct(v[2004], v[2002])}%"
            + f" | 04->06 {pct(v[2006], v[2004])}% | diff05->06 {r1(v[2006] - v[2005])} | x2006/2002 {r1(v[2006] / v[2002])}"
        )
for p in P1:
    print(
        p,
        "5-yr sums 2002-2006: X",
        r1(sum(X1[y][p] for y in range(2002, 2007))),
        "M",
        r1(sum(M1[y][p] for y in range(2002, 2007))),
        "B",
        r1(sum(B1(y, p) for y in range(2002, 2007))),
    )
print(
    "Vietnam+Philippines imports 2006",
    r1(M1[2006]["Vietnam"] + M1[2006]["Philippines"]),
    "| Thailand imports minus Vietnam imports 2006",
    r1(M1[2006]["Thailand"] - M1[2006]["Vietnam"]),
)
print(
    "Vietnam imports vs Philippines imports:",
    {y: (r1(M1[y]["Vietnam"]), r1(M1[y]["Philippines"])) for y in range(2002, 2008)},
)
print("Malaysia deficit minus Thailand deficit 2005", r1(B1(2005, "Thailand") - B1(2005, "Malaysia")))

# =============================================================================================
# Doc 2 (dev, .html): US-Canada trade by mode, month by month, 2019 (BTS TransBorder monthly).
print("=" * 30, "Doc 2: US-Canada trade by mode, monthly, 2019 (BTS)")
bm = pd.read_csv(D + "bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv")
ca = bm[(bm.Country == "Canada") & bm.Year.isin([2018, 2019])]
V = {}
for r in ca.itertuples():
    assert r.TradeValue == int(r.TradeValue)
    k = (r.Year, r.Month, r.TradeType, r.Mode)
    V[k] = V.get(k, 0) + int(r.TradeValue)
MODES = sorted({k[3] for k in V})


def v2(y, m, t, mode=None):
    """Sum over months m (int or list) and modes (None = all)."""
    ms = m if isinstance(m, list) else [m]
    return sum(val for (yy, mm, tt, md), val in V.items()
               if yy == y and mm in ms and tt == t and (mode is None or md == mode))  # fmt: skip


ALL = list(range(1, 13))
for y in (2018, 2019):
    ex, im = v2(y, ALL, "Export"), v2(y, ALL, "Import")
    print(f"--- {y}: X {mn(ex)} M {mn(im)} T {mn(ex + im)} B {mn(ex - im)} (US$ million)")
    for md in MODES:
        e, i = v2(y, ALL, "Export", md), v2(y, ALL, "Import", md)
        print(
            f"  {md:28s} X {mn(e):>10} ({share(e, ex)}%) M {mn(i):>10} ({share(i, im)}%) T {mn(e + i):>10} "
            f"({share(e + i, ex + im)}%) B {mn(e - i):>10}"
        )
    ranks = sorted(MODES, key=lambda md: -(v2(y, ALL, "Export", md) + v2(y, ALL, "Import", md)))
    print("  modes by two-way trade:", ranks)
    print("  modes by exports:", sorted(MODES, key=lambda md: -v2(y, ALL, "Export", md)))
    print("  modes by imports:", sorted(MODES, key=lambda md: -v2(y, ALL, "Import", md)))
print("annual change 2018->2019 by mode:")
for md in MODES + [None]:
    for t in ("Export", "Import"):
        a, b = v2(2018, ALL, t, md), v2(2019, ALL, t, md)
        if a:
            print(f"  {str(md):28s} {t} {pct(b, a)}% diff {mn(b - a)}")
    a = v2(2018, ALL, "Export", md) + v2(2018, ALL, "Import", md)
    b = v2(2019, ALL, "Export", md) + v2(2019, ALL, "Import", md)
    print(f"  {str(md):28s} two-way {pct(b, a)}% diff {mn(b - a)}")
COLS2 = [("Export", "Truck"), ("Import", "Truck"), ("Export", "Rail"), ("Import", "Rail"), ("Import", "Pipeline"),
         ("Export", "Pipeline"), ("Export", "Vessel"), ("Import", "Vessel"), ("Export", "Air"), ("Import", "Air"),
         ("Export", None), ("Import", None)]  # fmt: skip
for t, md in COLS2:
    s = {m: v2(2019, m, t, md) for m in ALL}
    p = {m: v2(2018, m, t, md) for m in ALL}
    lab = f"{t} {md or 'ALL'}"
    print(f"-- 2019 {lab}: year {mn(sum(s.values()))}")
    print("   by month", {MON[m - 1]: mn(s[m]) for m in ALL})
    print("   order (largest first)", [MON[m - 1] for m in sorted(ALL, key=lambda m: -s[m])])
    print("   vs same month 2018 (%)", {MON[m - 1]: pct(s[m], p[m]) for m in ALL})
    print("   vs previous month (%)", {MON[m - 1]: pct(s[m], s[m - 1]) for m in ALL[1:]})
    q = [sum(s[3 * j + k] for k in (1, 2, 3)) for j in range(4)]
    qp = [sum(p[3 * j + k] for k in (1, 2, 3)) for j in range(4)]
    print(
        "   quarters",
        [mn(x) for x in q],
        "vs 2018",
        [pct(a, b) for a, b in zip(q, qp, strict=True)],
        "H1",
        mn(sum(s[m] for m in range(1, 7))),
        "H2",
        mn(sum(s[m] for m in range(7, 13))),
        "avg/month",
        mn(sum(s.values()) / 12),
    )
print("-- 2019 monthly totals and balances (US$ million):")
for m in ALL:
    e, i = v2(2019, m, "Export"), v2(2019, m, "Import")
    tr_e, tr_i = v2(2019, m, "Export", "Truck"), v2(2019, m, "Import", "Truck")
    print(
        f"   {MON[m - 1]} X {mn(e)} M {mn(i)} T {mn(e + i)} B {mn(e - i)} | truck share of T {share(tr_e + tr_i, e + i)}% "
        f"| truck two-way {mn(tr_e + tr_i)} | truck B {mn(tr_e - tr_i)} | rail two-way "
        f"{mn(v2(2019, m, 'Export', 'Rail') + v2(2019, m, 'Import', 'Rail'))} | pipeline M minus rail M "
        f"{mn(v2(2019, m, 'Import', 'Pipeline') - v2(2019, m, 'Import', 'Rail'))}"
    )
bal = {m: v2(2019, m, "Export") - v2(2019, m, "Import") for m in ALL}
print("   balance order (most positive first)", [MON[m - 1] for m in sorted(ALL, key=lambda m: -bal[m])])
two = {m: v2(2019, m, "Export") + v2(2019, m, "Import") for m in ALL}
print("   two-way order", [MON[m - 1] for m in sorted(ALL, key=lambda m: -two[m])])
pm = {m: v2(2019, m, "Import", "Pipeline") for m in ALL}
rm = {m: v2(2019, m, "Import", "Rail") for m in ALL}
print("   months with pipeline imports above rail imports:", [MON[m - 1] for m in ALL if pm[m] > rm[m]])
print("   pipeline+rail imports 2019", mn(sum(pm.values()) + sum(rm.values())),
      "share of all imports", share(sum(pm.values()) + sum(rm.values()), v2(2019, ALL, "Import")))  # fmt: skip
print("   truck two-way 2019", mn(v2(2019, ALL, "Export", "Truck") + v2(2019, ALL, "Import", "Truck")))

# =============================================================================================
# Doc 3 (test, .txt): northbound trucks, railcars and buses at the El Paso field office ports, 2022.
print("=" * 30, "Doc 3: El Paso field office trucks, railcars, buses, monthly 2022 (CBP)")
cm = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_monthly_2008_2025.csv")
cy = pd.read_csv(D + "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv")
COL = "Northbound Crossing"
EP = cm[cm.Region == "El Paso"]


def c3(y, mode, poe=None, crossing=None, month=None, region="El Paso"):
    s = cm[(cm.Year == y) & (cm.Modes == mode)]
    if region:
        s = s[s.Region == region]
    if poe:
        s = s[s.POE == poe]
    if crossing:
        s = s[s.Crossing == crossing]
    if month:
        s = s[s.Month.isin(month if isinstance(month, list) else [month])]
    return int(s[COL].sum())


# yearly file agrees with the monthly sums
for y in (2021, 2022):
    for mode in ("Commercial Trucks", "Railcars", "Buses"):
        yy = int(cy[(cy.Year == y) & (cy.Modes == mode) & (cy.Region == "El Paso")][COL].sum())
        assert yy == c3(y, mode), (y, mode)
SERIES3 = [("Commercial Trucks", "Ysleta", None), ("Commercial Trucks", "El Paso", None),
           ("Commercial Trucks", "Presidio", None), ("Commercial Trucks", None, None),
           ("Railcars", "El Paso", None), ("Buses", "El Paso", "Bridge of the Americas"),
           ("Buses", "El Paso", "Paso del Norte Bridge"), ("Buses", "El Paso", None), ("Buses", "Presidio", None),
           ("Buses", None, None)]  # fmt: skip
for mode, poe, crossing in SERIES3:
    lab = f"{mode} / {poe or 'EL PASO FIELD OFFICE'} / {crossing or 'all bridges'}"
    s = {m: c3(2022, mode, poe, crossing, m) for m in ALL}
    p = {m: c3(2021, mode, poe, crossing, m) for m in ALL}
    ys, yp = sum(s.values()), sum(p.values())
    print(f"-- {lab}: 2022 {n(ys)} | 2021 {n(yp)} | change {pct(ys, yp)}% diff {n(ys - yp)}")
    print("   by month", {MON[m - 1]: n(s[m]) for m in ALL})
    print("   order (largest first)", [MON[m - 1] for m in sorted(ALL, key=lambda m: -s[m])])
    print("   vs same month 2021 (%)", {MON[m - 1]: pct(s[m], p[m]) if p[m] else "n/a" for m in ALL})
    print("   2021 by month", {MON[m - 1]: n(p[m]) for m in ALL})
    print("   months below 2021:", [MON[m - 1] for m in ALL if s[m] < p[m]])
    print("   vs previous month (%)", {MON[m - 1]: pct(s[m], s[m - 1]) if s[m - 1] else "n/a" for m in ALL[1:]})
    q = [sum(s[3 * j + k] for k in (1, 2, 3)) for j in range(4)]
    print("   quarters", [n(x) for x in q], "H1", n(sum(s[m] for m in range(1, 7))), "H2",
          n(sum(s[m] for m in range(7, 13))), "avg/month", r1(Decimal(ys) / 12))  # fmt: skip
for y in (2021, 2022):
    print(f"--- Texas totals and ranks {y}")
    for mode in ("Commercial Trucks", "Railcars", "Buses"):
        t = cy[(cy.Year == y) & (cy.Modes == mode)].groupby("POE")[COL].sum().sort_values(ascending=False)
        tx = int(t.sum())
        ep = c3(y, mode)
        print(f"  {mode}: Texas {n(tx)}; El Paso field office {n(ep)} = {share(ep, tx)}% of Texas")
        print("   ports:", {k: (n(v), rank_of(t.to_dict(), k), share(v, tx)) for k, v in t.items() if v > 0})
        byr = cy[(cy.Year == y) & (cy.Modes == mode)].groupby("Region")[COL].sum()
        print("   field offices:", {k: n(v) for k, v in byr.items()})
tx21 = int(cy[(cy.Year == 2021) & (cy.Modes == "Commercial Trucks")][COL].sum())
tx22 = int(cy[(cy.Year == 2022) & (cy.Modes == "Commercial Trucks")][COL].sum())
print("Texas trucks change 2021->2022", pct(tx22, tx21), "%")
rl21 = int(cy[(cy.Year == 2021) & (cy.Modes == "Railcars")][COL].sum())
rl22 = int(cy[(cy.Year == 2022) & (cy.Modes == "Railcars")][COL].sum())
print("Texas railcars change 2021->2022", pct(rl22, rl21), "%")
bs21 = int(cy[(cy.Year == 2021) & (cy.Modes == "Buses")][COL].sum())
bs22 = int(cy[(cy.Year == 2022) & (cy.Modes == "Buses")][COL].sum())
print("Texas buses change 2021->2022", pct(bs22, bs21), "%")
ys22 = c3(2022, "Commercial Trucks", "Ysleta")
ep22 = c3(2022, "Commercial Trucks", "El Paso")
print("Ysleta share of field-office trucks 2022", share(ys22, c3(2022, "Commercial Trucks")), "% ; 2021",
      share(c3(2021, "Commercial Trucks", "Ysleta"), c3(2021, "Commercial Trucks")), "%")  # fmt: skip
print("Ysleta trucks per BOTA truck 2022", r1(Decimal(ys22) / ep22))
for m in ALL:
    t = c3(2022, "Commercial Trucks", month=m)
    print(
        f"  field office trucks {MON[m - 1]} 2022: {n(t)}; Ysleta share {share(c3(2022, 'Commercial Trucks', 'Ysleta', month=m), t)}%"
    )
print("December 2022 BOTA trucks vs November 2022", pct(c3(2022, "Commercial Trucks", "El Paso", month=12),
      c3(2022, "Commercial Trucks", "El Paso", month=11)), "%")  # fmt: skip
print("BOTA bus share of El Paso port buses 2022",
      share(c3(2022, "Buses", "El Paso", "Bridge of the Americas"), c3(2022, "Buses", "El Paso")), "%")  # fmt: skip

# =============================================================================================
# Doc 4 (test, .docx): US exports of toys, games and sports equipment (HS 95), six markets, 2020-2024.
print("=" * 30, "Doc 4: HS 95 toys, games and sports equipment exports, 2020-2024 (USITC)")
u = pd.read_csv(D + "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv")
Y4 = [2020, 2021, 2022, 2023, 2024]
C4 = {y: f"fas_usd_{y}" for y in Y4}
h = u[u.hs2 == 95]
print("description:", h.hs2_description.iloc[0], "| countries with rows:", len(h))
P4 = ["Canada", "Mexico", "United Kingdom", "Australia", "Japan", "Netherlands"]
E4 = {y: {r.country: int(getattr(r, C4[y])) for r in h.itertuples()} for y in Y4}
ALLX = {y: int(u[C4[y]].sum()) for y in Y4}
CH = {y: u.groupby("hs2")[C4[y]].sum().to_dict() for y in Y4}
TOT4 = {y: sum(E4[y].values()) for y in Y4}
for y in Y4:
    six = sum(E4[y][p] for p in P4)
    print(
        f"--- {y}: HS95 all partners {mn(TOT4[y])} | all US exports {mn(ALLX[y])} | HS95 share {share(TOT4[y], ALLX[y])}% "
        f"| chapter rank {rank_of(CH[y], 95)} of {len(CH[y])} | six {mn(six)} ({share(six, TOT4[y])}%) | "
        f"Canada+Mexico {mn(E4[y]['Canada'] + E4[y]['Mexico'])} ({share(E4[y]['Canada'] + E4[y]['Mexico'], TOT4[y])}%)"
    )
    top = sorted(E4[y], key=lambda c: -E4[y][c])[:10]
    print("   top ten partners:", [(c, mn(E4[y][c])) for c in top])
    for p in P4:
        tot_p = int(u[u.country == p][C4[y]].sum())
        print(
            f"   {p:15s} {mn(E4[y][p]):>9} | share of HS95 {share(E4[y][p], TOT4[y])}% | rank {rank_of(E4[y], p)} "
            f"| HS95 share of all US exports to {p} {share(E4[y][p], tot_p)}% | among six {sorted(P4, key=lambda c: -E4[y][c]).index(p) + 1}"
        )
print("changes:")
for p in P4 + ["ALL", "SIX"]:
    if p == "ALL":
        v = TOT4
    elif p == "SIX":
        v = {y: sum(E4[y][c] for c in P4) for y in Y4}
    else:
        v = {y: E4[y][p] for y in Y4}
    print(
        f"  {p:15s} "
        + " ".join(f"{y - 1}->{y} {pct(v[y], v[y - 1])}%" for y in Y4[1:])
        + f" | 20->24 {pct(v[2024], v[2020])}% diff {mn(v[2024] - v[2020])} | 21->23 {pct(v[2023], v[2021])}% "
        f"| peak {max(Y4, key=lambda y: v[y])} | five-year sum {mn(sum(v.values()))} | diff23->24 {mn(v[2024] - v[2023])}"
    )
print("Canada minus Mexico:", {y: mn(E4[y]["Canada"] - E4[y]["Mexico"]) for y in Y4})
print("Canada / Mexico ratio:", {y: r1(Decimal(E4[y]["Canada"]) / E4[y]["Mexico"]) for y in Y4})
print("UK minus Australia:", {y: mn(E4[y]["United Kingdom"] - E4[y]["Australia"]) for y in Y4})
print("Japan minus Netherlands:", {y: mn(E4[y]["Japan"] - E4[y]["Netherlands"]) for y in Y4})
print("Canada share of HS95 by year:", {y: share(E4[y]["Canada"], TOT4[y]) for y in Y4})
print("Mexico share of HS95 by year:", {y: share(E4[y]["Mexico"], TOT4[y]) for y in Y4})
