"""Computed eval questions (eval/parts/computed.jsonl).

Expected values are computed here from corpus/ (table cells, and figures of article sentences that
``said`` checks are in the article), rounded as docs/computed-answers.md says. Run from the
repository root, then ``python scripts/build_eval.py``.
"""

import csv
import json

T = "corpus/tables/"


def rows(name):
    return list(csv.DictReader(open(T + name + ".csv", encoding="utf-8")))


def cell(name, col, **kw):
    r = [x for x in rows(name) if all(x[k] == v for k, v in kw.items())]
    assert len(r) == 1, (name, kw, len(r))
    return float(r[0][col])


def pct(a, b):
    return round((b - a) / a * 100, 1)


def cagr(a, b, y):
    return round(((b / a) ** (1 / y) - 1) * 100, 1)


def f(x, d):
    s = f"{abs(x):,.{d}f}"
    return ("−" if x < 0 else "") + s


BTS, CEN, TRK, MODE, PORTS, ST, HS, MKT, CHN, FDI = (
    "us_mexico_canada_trade_annual_bts",
    "us_goods_trade_top_partners_annual",
    "texas_northbound_commercial_trucks_by_port",
    "us_mexico_trade_by_mode_annual",
    "texas_mexico_ports_trade_annual",
    "us_exports_to_mexican_states",
    "us_exports_to_mexico_top_hs2",
    "us_exports_top_markets_usitc",
    "us_imports_from_china_annual",
    "mexico_fdi_by_state",
)


def src(*names):
    return [("tables/" + x + ".csv") if not x.endswith(".md") else "articles/" + x for x in names]


Q = []


def add(q, expected, sources, split="test", **extra):
    Q.append({"question": q, "expected": expected, "sources": sources, "split": split, **extra})


a, b = (
    cell(BTS, "total_trade_usd_billions", year="2019", partner="Mexico"),
    cell(BTS, "total_trade_usd_billions", year="2024", partner="Mexico"),
)
add(
    "By what percentage did US trade with Mexico grow from 2019 to 2024?",
    [f"{pct(a, b)}%"],
    src(BTS, "us-mexico-trade-2024-2025-transborder.md"),
)
a, b = (
    cell(BTS, "total_trade_usd_billions", year="2019", partner="Canada"),
    cell(BTS, "total_trade_usd_billions", year="2024", partner="Canada"),
)
add("What was the percentage change in US trade with Canada from 2019 to 2024?", [f"{pct(a, b)}%"], src(BTS))
a, b = (
    cell(BTS, "imports_usd_billions", year="2023", partner="Mexico"),
    cell(BTS, "imports_usd_billions", year="2024", partner="Mexico"),
)
add(
    "By how much did US imports from Mexico rise from 2023 to 2024?",
    [f"US${b - a:.2f} billion"],
    src(BTS, "us-imports-from-mexico.md"),  # the article states both BTS figures in one sentence
)
a, b = (
    cell(BTS, "total_trade_usd_billions", year="2019", partner="Mexico"),
    cell(BTS, "total_trade_usd_billions", year="2024", partner="Mexico"),
)
add(
    "What was the compound annual growth rate of US trade with Mexico from 2019 to 2024?",
    [f"{cagr(a, b, 5)}%"],
    src(BTS),
)
a, b = (
    cell(CHN, "us_imports_from_china_usd_millions", year="2018"),
    cell(CHN, "us_imports_from_china_usd_millions", year="2023"),
)
add(
    "What was the compound annual growth rate of US imports from China from 2018 to 2023?",
    [f"{f(cagr(a, b, 5), 1)}%"],
    src(CHN),
)
a, b = (
    cell(CHN, "us_imports_from_china_usd_millions", year="2024"),
    cell(CHN, "us_imports_from_china_usd_millions", year="2025"),
)
add(
    "What was the percentage change in US imports from China from 2024 to 2025?",
    [f"{f(abs(pct(a, b)), 1)}%"],
    src(CHN),
    split="dev",
)
a, b = (
    cell(BTS, "imports_usd_billions", year="2024", partner="Mexico"),
    cell(BTS, "imports_usd_billions", year="2024", partner="Canada"),
)
add(
    "How much more did the US import from Mexico than from Canada in 2024?",
    [f"US${a - b:.2f} billion"],
    src(BTS, "us-mexico-trade-2024-2025-transborder.md"),
)
a, b = (
    cell(BTS, "total_trade_usd_billions", year="2024", partner="Mexico"),
    cell(BTS, "total_trade_usd_billions", year="2024", partner="Canada"),
)
add(
    "What was combined US trade with Mexico and Canada in 2024?",
    [f"US${f(a + b, 2)} billion"],
    src(BTS, "us-mexico-trade-2024-2025-transborder.md", "us-canada-goods-trade-relationship.md"),
)
a, b = (
    cell(TRK, "commercial_trucks_northbound", year="2023", port_of_entry="Laredo"),
    cell(TRK, "commercial_trucks_northbound", year="2024", port_of_entry="Laredo"),
)
add("What was the average number of northbound trucks at Laredo in 2023 and 2024?", [f((a + b) / 2, 1)], src(TRK))
t24 = [r for r in rows(TRK) if r["year"] == "2024"]
mx = max(t24, key=lambda r: float(r["commercial_trucks_northbound"]))
mn = min(t24, key=lambda r: float(r["commercial_trucks_northbound"]))
add(
    "Which Texas port had the most northbound trucks in 2024?",
    [f(float(mx["commercial_trucks_northbound"]), 0)],
    src(TRK),
)
add(
    "Which Texas port had the fewest northbound trucks in 2024?",
    [f(float(mn["commercial_trucks_northbound"]), 0)],
    src(TRK),
)
n = sum(float(r["commercial_trucks_northbound"]) > 500000 for r in t24)
add("How many Texas ports had more than 500,000 northbound trucks in 2024?", [f"= {n}"], src(TRK))
m24 = [r for r in rows(MODE) if r["year"] == "2024"]
truck = cell(MODE, "total_trade_usd_billions", year="2024", mode="Truck")
add(
    "What share of US–Mexico trade in 2024 was carried by truck?",
    [f"{round(truck / sum(float(r['total_trade_usd_billions']) for r in m24) * 100, 1)}%"],
    src(MODE, "us-mexico-trade-by-transport-mode-2024.md"),
)
top = sorted(m24, key=lambda r: -float(r["total_trade_usd_billions"]))[:3]
add(
    "What were the top 3 transport modes of US–Mexico trade in 2024 by value?",
    [f"1. {top[0]['mode']} US${top[0]['total_trade_usd_billions']} billion"],
    src(MODE),
    split="dev",
)
c23 = [r for r in rows(CEN) if r["year"] == "2023"]
d = min(c23, key=lambda r: float(r["balance_usd_millions"]))
add(
    "Which partner had the largest US goods trade deficit in 2023?",
    [f"US${f(float(d['balance_usd_millions']), 1)} million", f"{f(float(d['balance_usd_millions']), 1)}"],
    src(CEN),
)
mex = [r for r in rows(BTS) if r["partner"] == "Mexico"]
d = min(mex, key=lambda r: float(r["balance_usd_billions"]))
add(
    "In which year was the US trade deficit with Mexico largest?",
    [f"US${f(float(d['balance_usd_billions']), 2)} billion", d["balance_usd_billions"]],
    src(BTS),
    split="dev",
)
a, b = (
    cell(ST, "us_exports_usd_billions", year="2022", mexican_state="Chihuahua"),
    cell(ST, "us_exports_usd_billions", year="2024", mexican_state="Chihuahua"),
)
add("What was the percentage change in US exports to Chihuahua from 2022 to 2024?", [f"{pct(a, b)}%"], src(ST))
nl = [cell(FDI, "fdi_usd_millions", state="Nuevo León", year=str(y)) for y in range(2013, 2018)]
add(
    "What was the total FDI into Nuevo León from 2013 to 2017 combined?",
    [f"US${f(sum(nl), 1)} million", f(sum(nl), 1)],
    src(FDI),
)
ja = [cell(FDI, "fdi_usd_millions", state="Jalisco", year=str(y)) for y in range(2015, 2018)]
add(
    "What was the average annual FDI into Jalisco from 2015 to 2017?",
    [f"US${f(sum(ja) / 3, 2)} million", f(sum(ja) / 3, 2)],
    src(FDI),
)
a, b = (
    cell(HS, "us_exports_to_mexico_usd_billions", year="2020", hs2_chapter="HS 85"),
    cell(HS, "us_exports_to_mexico_usd_billions", year="2024", hs2_chapter="HS 85"),
)
add(
    "By what percentage did US exports of electrical machinery (HS 85) to Mexico grow from 2020 to 2024?",
    [f"{pct(a, b)}%"],
    src(HS, "top-us-exports-to-mexico-by-hs-chapter.md"),
)
a, b = (
    cell(HS, "us_exports_to_mexico_usd_billions", year="2020", hs2_chapter="HS 87"),
    cell(HS, "us_exports_to_mexico_usd_billions", year="2024", hs2_chapter="HS 87"),
)
add(
    "What was the compound annual growth rate of US exports of vehicles (HS 87) to Mexico from 2020 to 2024?",
    [f"{cagr(a, b, 4)}%"],
    src(HS, "top-us-exports-to-mexico-by-hs-chapter.md"),
)
a, b = (
    cell(HS, "us_exports_to_mexico_usd_billions", year="2024", hs2_chapter="HS 85"),
    cell(HS, "us_exports_to_mexico_usd_billions", year="2024", hs2_chapter="HS 84"),
)
add(
    "How much more did the US export to Mexico in HS 85 than in HS 84 in 2024?",
    [f"US${a - b:.2f} billion"],
    src(HS, "top-us-exports-to-mexico-by-hs-chapter.md"),
)
a, b = (
    cell(PORTS, "total_trade_usd_billions", year="2020", port="Laredo"),
    cell(PORTS, "total_trade_usd_billions", year="2024", port="Laredo"),
)
add(
    "What was the percentage change in total trade through the Laredo port from 2020 to 2024?",
    [f"{pct(a, b)}%"],
    src(PORTS, "laredo-busiest-us-mexico-port-of-entry.md"),
)
p24 = [r for r in rows(PORTS) if r["year"] == "2024"]
lar = cell(PORTS, "total_trade_usd_billions", year="2024", port="Laredo")
add(
    "What share of trade through Texas ports of entry in 2024 went through Laredo?",
    [f"{round(lar / sum(float(r['total_trade_usd_billions']) for r in p24) * 100, 1)}%"],
    src(PORTS, "laredo-busiest-us-mexico-port-of-entry.md"),
)
a, b = (
    cell(MKT, "us_total_exports_usd_billions", year="2024", partner="Canada"),
    cell(MKT, "us_total_exports_usd_billions", year="2024", partner="Mexico"),
)
add(
    "According to USITC, how much more did the US export to Canada than to Mexico in 2024?",
    [f"US${a - b:.2f} billion"],
    src(MKT),
)
k24 = sorted([r for r in rows(MKT) if r["year"] == "2024"], key=lambda r: -float(r["us_total_exports_usd_billions"]))
add(
    "What were the top 3 US export markets in 2024?",
    [f"1. {k24[0]['partner']} US${k24[0]['us_total_exports_usd_billions']} billion"],
    src(MKT),
    split="dev",
)
a, b = (
    cell(TRK, "commercial_trucks_northbound", year="2024", port_of_entry="Eagle Pass"),
    cell(TRK, "commercial_trucks_northbound", year="2025", port_of_entry="Eagle Pass"),
)
add("What was the percentage change in northbound trucks at Eagle Pass from 2024 to 2025?", [f"{pct(a, b)}%"], src(TRK))
a, b = (
    cell(TRK, "commercial_trucks_northbound", year="2019", port_of_entry="Ysleta"),
    cell(TRK, "commercial_trucks_northbound", year="2024", port_of_entry="Ysleta"),
)
add("By how much did northbound truck crossings at Ysleta change from 2019 to 2024?", [f(abs(b - a), 0)], src(TRK))
a, b = (
    cell(MODE, "total_trade_usd_billions", year="2019", mode="Rail"),
    cell(MODE, "total_trade_usd_billions", year="2024", mode="Rail"),
)
add(
    "By what percentage did US–Mexico trade by rail grow from 2019 to 2024?",
    [f"{pct(a, b)}%"],
    src(MODE, "us-mexico-trade-by-transport-mode-2024.md"),
)
a, b = (
    cell(TRK, "commercial_trucks_northbound", year="2024", port_of_entry="Laredo"),
    cell(TRK, "commercial_trucks_northbound", year="2024", port_of_entry="Hidalgo"),
)
add(
    "How many times more northbound trucks crossed at Laredo than at Hidalgo in 2024?", [f"{a / b:.2f} times"], src(TRK)
)
n = sum(float(r["us_exports_usd_billions"]) > 20 for r in rows(ST) if r["year"] == "2024")
add("How many Mexican states received more than US$20 billion of US exports in 2024?", [f"= {n}"], src(ST))
mn = min(m24, key=lambda r: float(r["total_trade_usd_billions"]))
add(
    "Which transport mode carried the least US–Mexico trade in 2024?",
    [f"US${mn['total_trade_usd_billions']} billion"],
    src(MODE),
    split="dev",
)
s25 = max([r for r in rows(ST) if r["year"] == "2025"], key=lambda r: float(r["us_exports_usd_billions"]))
add(
    "Which Mexican state received the most US exports in 2025?",
    [f"US${s25['us_exports_usd_billions']} billion"],
    src(ST),
)


# --- figures in article sentences (values quoted from the sentences, checked against the files) ---
def art(name):
    return open("corpus/articles/" + name, encoding="utf-8").read()


def said(n, *figs):
    t = art(n)
    for x in figs:
        assert x in t, (n, x)


add(
    "By how much did trade through the Ysleta port of entry grow from 2024 to 2025?",
    [f"US${112.40 - 83.39:.2f} billion"],
    src(PORTS, "el-paso-and-ysleta-border-crossings.md"),
)
said("el-paso-and-ysleta-border-crossings.md", "US$83.39 billion in 2024", "US$112.40 billion in 2025")
add(
    "By what percentage did foreign trade zone trade at the El Paso port rise from 2024 to 2025?",
    [f"{pct(1.23, 5.84)}%"],
    src("el-paso-and-ysleta-border-crossings.md"),
)
said("el-paso-and-ysleta-border-crossings.md", "US$1.23 billion in 2024 to US$5.84 billion in 2025")
add(
    "What was the percentage change in FDI into Mexico from 2012 to 2014?",
    [f"{pct(21.73, 28.67)}%"],
    src("mexico-fdi-by-state-secretaria-de-economia-1999-2017.md"),
)
said("mexico-fdi-by-state-secretaria-de-economia-1999-2017.md", "US$21.73 billion in 2012", "US$28.67 billion in 2014")
add(
    "By how much did US exports to Coahuila change from 2019 to 2025?",
    [f"US${11.84 - 10.01:.2f} billion"],
    src("saltillo-coahuila-auto-cluster.md", ST),
)
said("saltillo-coahuila-auto-cluster.md", "US$10.01 billion in 2025, down from US$11.84 billion in 2019")
add(
    "By how much did trade through the Eagle Pass port of entry change from 2024 to 2025?",
    [f"US${43.57 - 43.25:.2f} billion"],
    src(PORTS, "saltillo-coahuila-auto-cluster.md"),
    split="dev",
)
said("saltillo-coahuila-auto-cluster.md", "US$43.57 billion in 2024 and US$43.25 billion in 2025")
add(
    "By what percentage did US exports to Chihuahua grow from 2019 to 2023?",
    [f"{pct(39.31, 40.53)}%"],
    src("ciudad-juarez-chihuahua-manufacturing.md", ST),
)
said("ciudad-juarez-chihuahua-manufacturing.md", "US$39.31 billion in 2019 and US$40.53 billion in 2023")
bc = [cell(FDI, "fdi_usd_millions", state="Baja California", year=y) for y in ("2016", "2017")]
add(
    "How did Baja California's foreign direct investment change from 2016 to 2017?",
    [
        f"US${1.50 - 1.44:.2f} billion",
        f"US${bc[0] - bc[1]:.1f} million",
    ],
    src("tijuana-baja-california-manufacturing.md", FDI),
    split="dev",
)
said("tijuana-baja-california-manufacturing.md", "US$1.44 billion in 2017 and US$1.50 billion in 2016")
add(
    "What was the percentage change in US goods trade with Canada from 2022 to 2023?",
    [
        f"{abs(pct(796.67, 772.97))}%",
        f"{abs(pct(792.72, 773.94))}%",
        f"{abs(pct(cell(CEN, 'total_trade_usd_millions', year='2022', partner='Canada'), 772974.7))}%",
    ],
    src("us-canada-goods-trade-relationship.md", "mexico-top-us-goods-trading-partner-2023.md", BTS, CEN),
)
said("us-canada-goods-trade-relationship.md", "US$796.67 billion in 2022", "US$772.97 billion in 2023")
add(
    "By what percentage did US exports of machinery (HS 84) to Mexico rise from 2020 to 2024?",
    [f"{pct(34.83, 52.29)}%"],
    src("top-us-exports-to-mexico-by-hs-chapter.md", HS),
)
said("top-us-exports-to-mexico-by-hs-chapter.md", "US$34.83 billion in 2020 to US$52.29 billion in 2024")
# --- cross-document and conflicting sources ---
a = cell(CEN, "total_trade_usd_millions", year="2023", partner="China")
add(
    "What was combined US goods trade with Canada and China in 2023?",
    [f"US${f(772974.7 + a, 1)} million", f"US${f(772.97 + 574.66, 2)} billion"],
    src(CEN, "us-canada-goods-trade-relationship.md", "us-china-trade-decline-and-tariffs.md"),
)
bts = (
    cell(BTS, "total_trade_usd_billions", year="2019", partner="Mexico"),
    cell(BTS, "total_trade_usd_billions", year="2023", partner="Mexico"),
)
cen = (
    cell(CEN, "total_trade_usd_millions", year="2019", partner="Mexico"),
    cell(CEN, "total_trade_usd_millions", year="2023", partner="Mexico"),
)
add(
    "What was the percentage change in US trade with Mexico from 2019 to 2023?",
    [f"{pct(*bts)}%", f"{pct(*cen)}%"],
    src(BTS, CEN),
    conflict=True,
)
bts = (
    cell(BTS, "total_trade_usd_billions", year="2019", partner="Canada"),
    cell(BTS, "total_trade_usd_billions", year="2023", partner="Canada"),
)
cen = (
    cell(CEN, "total_trade_usd_millions", year="2019", partner="Canada"),
    cell(CEN, "total_trade_usd_millions", year="2023", partner="Canada"),
)
add(
    "How much did US goods trade with Canada change in percent between 2019 and 2023?",
    [f"{abs(pct(*bts))}%", f"{abs(pct(*cen))}%"],
    src(BTS, CEN),
    conflict=True,
)
a, b = (
    cell(CEN, "exports_usd_millions", year="2022", partner="Mexico"),
    cell(CEN, "exports_usd_millions", year="2023", partner="Mexico"),
)
add(
    "What was the percentage change in US exports to Mexico from 2022 to 2023 according to Census?",
    [f"{abs(pct(a, b))}%"],
    src(CEN, "us-goods-trade-deficit-mexico-china-2019-2023.md"),
    split="dev",
)
said("us-goods-trade-deficit-mexico-china-2019-2023.md", "from US$324.21 billion to US$322.74 billion")
a = [cell(CEN, "imports_usd_millions", year="2023", partner=p) for p in ("Germany", "Japan")]
add(
    "What were combined US imports from Germany and Japan in 2023?",
    [f"US${f(sum(a), 1)} million", f(sum(a), 1)],
    src(CEN),
)
a, b = (
    cell(ST, "us_exports_usd_billions", year="2024", mexican_state="Nuevo Leon"),
    cell(ST, "us_exports_usd_billions", year="2025", mexican_state="Nuevo Leon"),
)
add(
    "What was the percentage change in US exports to Nuevo Leon from 2024 to 2025?",
    [f"{abs(pct(a, b))}%"],
    src(ST, "monterrey-nuevo-leon-fdi-and-tesla.md"),
)
said("us-imports-from-mexico.md", "US$505.85 billion in 2024", "for 2023 (US$475.61 billion)")
# a fall is written without a sign ("fell 29.7%"), so the expected values are the magnitudes
with open("eval/parts/computed.jsonl", "w", encoding="utf-8") as fh:
    for i, q in enumerate(Q, 1):
        fh.write(
            json.dumps(
                {
                    "id": f"computed-{i:02d}",
                    "question": q["question"],
                    "expected": q["expected"],
                    "sources": q["sources"],
                    "kind": "computed",
                    "split": q["split"],
                    **({"conflict": True} if q.get("conflict") else {}),
                },
                ensure_ascii=False,
            )
            + "\n"
        )
print(len(Q), sum(q["split"] == "test" for q in Q))
