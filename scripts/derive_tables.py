#!/usr/bin/env python3
"""Derive the compact data tables shipped in corpus/tables/ from the official trade data.

The inputs live outside the repository (default: ../shared/data/trade relative to the repo
root); see SOURCES.md there for provenance, units and caveats. The project never reads those
inputs at run time: the CSV + .meta.yaml files this script writes are committed, and this script
exists so the derivation is reproducible.

Usage:
    python scripts/derive_tables.py [--shared PATH] [--out PATH]

Every table is written as <name>.csv plus a sidecar <name>.meta.yaml with the keys
title, source, url, units, period, published, notes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from nearshore_qa.text import MONTHS

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared" / "data" / "trade"
DEFAULT_OUT = REPO / "corpus" / "tables"

MON3 = [m[:3].upper() for m in MONTHS]  # the column names of the Census monthly table

WRITTEN = "2026-11-26"  # when this project derived the tables (the starter corpus)

# --- provenance constants (from SOURCES.md) ---------------------------------------------------
CENSUS = {
    "source": "U.S. Census Bureau, Foreign Trade Division",
    "url": "https://www.census.gov/foreign-trade/balance/country.xlsx",
    # SOURCES.md: copy of country.xlsx last changed 2024-11-01, after the June 2024 annual revision.
    "published": "2024-11-01",
    "vintage": "country.xlsx of 2024-11-01, after the June 2024 annual revision",
}
BTS = {
    "source": "U.S. Department of Transportation, Bureau of Transportation Statistics (BTS), "
    "North American TransBorder Freight Data",
    "url": "https://www.bts.gov/topics/transborder-raw-data",
    # SOURCES.md: raw TransBorder data downloaded 2026-03-21.
    "published": "2026-03-21",
    "vintage": "raw data downloaded 2026-03-21",
}
CBP = {
    "source": "U.S. Customs and Border Protection (CBP), El Paso, Laredo and Rio Grande Valley "
    "field offices (compiled by UNT for TxDOT)",
    # SOURCES.md names no CBP web page; the agency home page is given.
    "url": "https://www.cbp.gov/",
    # SOURCES.md gives no vintage; the upstream pipeline documentation at the copied commit
    # (234c3e9) is dated 2026-04-19.
    "published": "2026-04-19",
    "vintage": "compilation documented 2026-04-19",
}
USITC = {
    "source": "U.S. International Trade Commission (USITC), DataWeb; underlying data U.S. Census Bureau",
    "url": "https://dataweb.usitc.gov",
    # SOURCES.md: downloaded 2025-08-07.
    "published": "2025-08-07",
    "vintage": "downloaded 2025-08-07",
}
FRED = {
    "source": "U.S. Census Bureau via FRED (Federal Reserve Bank of St. Louis), series IMPCH",
    "url": "https://fred.stlouisfed.org/series/IMPCH",
    # SOURCES.md gives no download date for this copy (data run through December 2025);
    # the date is the one on which the shared snapshot was assembled.
    "published": "2026-11-26",
    "vintage": "data through December 2025",
}
SE = {
    "source": "Secretaría de Economía (Mexico), Dirección General de Inversión Extranjera (DGIE)",
    "url": "https://datos.gob.mx/busca/dataset/inversion-extranjera-directa/resource/"
    "caca107b-ad92-4e2e-b862-3d9b3e4050eb",
    # SOURCES.md: "Vintage: May 2018" (day not stated).
    "published": "2018-05-01",
    "vintage": "May 2018",
}


# --- helpers ------------------------------------------------------------------------------------
def yaml_scalar(value) -> str:
    """A double-quoted YAML scalar (JSON string syntax is valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


def sidecar_text(meta: dict) -> str:
    """The sidecar: this project wrote the table (publisher, date written); the agency's data
    it reports, with URL and vintage, goes under data_sources (see README, "Provenance fields")."""
    source = (
        f"  - name: {yaml_scalar(meta['source'])}\n    url: {yaml_scalar(meta['url'])}\n"
        f"    vintage: {yaml_scalar(meta['vintage'])}\n"
    )
    return (
        f'title: {yaml_scalar(meta["title"])}\nsource: "nearshore-qa corpus"\nwritten: "{WRITTEN}"\n'
        f"data_sources:\n{source}units: {yaml_scalar(meta['units'])}\nperiod: {yaml_scalar(meta['period'])}\n"
        f"notes: {yaml_scalar(meta['notes'])}\n"
    )


def write_table(
    out: Path, name: str, df: pd.DataFrame, meta: dict, label_cols: list[str], float_format: str | None = None
) -> None:
    for col in label_cols:
        if df[col].isna().any():
            raise ValueError(f"{name}: NaN in label column {col!r}")
    if len(df) > 150:
        raise ValueError(f"{name}: {len(df)} rows, more than the 150-row budget")
    df.to_csv(out / f"{name}.csv", index=False, float_format=float_format)
    keys = ["title", "source", "url", "units", "period", "published", "vintage", "notes"]
    missing = [k for k in keys if not meta.get(k)]
    if missing:
        raise ValueError(f"{name}: meta missing {missing}")
    text = sidecar_text(meta)
    side = out / f"{name}.meta.yaml"
    if side.exists() and "\n# How people read each column" in side.read_text(encoding="utf-8"):
        # The hand-written column labels and units (the app's display) survive a rebuild.
        text += (
            "# How people read each column"
            + side.read_text(encoding="utf-8").split("\n# How people read each column", 1)[1]
        )
    side.write_text(text, encoding="utf-8")
    print(f"  {name}: {len(df)} rows, {meta['period']}")


def billions(x) -> pd.Series:
    return (x / 1e9).round(2)


# --- 1. Census annual, top partners ---------------------------------------------------------
def t_top_partners_annual(shared: Path, out: Path) -> None:
    a = pd.read_csv(shared / "census_us_goods_trade_by_country_annual_1985_2024h1.csv")
    a = a[(~a["is_aggregate"]) & (a["period"] == "full year")]
    a = a.copy()
    a["rank_by_total_trade"] = a.groupby("year")["total_trade_musd"].rank(ascending=False, method="min").astype(int)
    partners = ["Mexico", "Canada", "China", "Japan", "Germany"]
    top5_2023 = a[a["year"] == 2023].nsmallest(5, "rank_by_total_trade")["country"].tolist()
    partners += [c for c in top5_2023 if c not in partners]
    t = a[a["year"].between(2015, 2023) & a["country"].isin(partners)]
    t = t.rename(
        columns={
            "country": "partner",
            "exports_musd": "exports_usd_millions",
            "imports_musd": "imports_usd_millions",
            "total_trade_musd": "total_trade_usd_millions",
            "balance_musd": "balance_usd_millions",
        }
    )
    t["partner"] = pd.Categorical(t["partner"], partners, ordered=True)
    t = t.sort_values(["year", "partner"])
    t["partner"] = t["partner"].astype(str)
    t = t[
        [
            "year",
            "partner",
            "exports_usd_millions",
            "imports_usd_millions",
            "total_trade_usd_millions",
            "balance_usd_millions",
            "rank_by_total_trade",
        ]
    ]
    write_table(
        out,
        "us_goods_trade_top_partners_annual",
        t,
        {
            **CENSUS,
            "title": "U.S. goods trade with top partners (Mexico, Canada, China, Germany, Japan), annual 2015-2023",
            "units": "Millions of U.S. dollars, nominal, not seasonally adjusted (Census basis: exports "
            "F.A.S., general imports customs value). rank_by_total_trade = rank among all "
            "individual countries that year (1 = largest).",
            "period": "2015-2023 (calendar years)",
            "notes": "Goods only, Census basis; balance = exports minus imports (negative = U.S. deficit). "
            "Revised data from the vintage after the June 2024 annual revision; aggregates "
            "(EU, regions, USMCA) excluded from the ranking. Derived by nearshore-qa from the "
            "Census country.xlsx file (annual sums EYR/IYR).",
        },
        ["year", "partner"],
        "%.1f",
    )


# --- 2. Census monthly, Mexico/Canada/China -------------------------------------------------
def t_monthly_mx_ca_cn(shared: Path, out: Path) -> None:
    m = pd.read_csv(shared / "census_us_goods_trade_by_country_monthly_1985_2024jun.csv")
    codes = {2010: "Mexico", 1220: "Canada", 5700: "China"}
    m = m[m["CTY_CODE"].isin(codes) & m["year"].between(2022, 2024)]
    rows = []
    for _, r in m.iterrows():
        for i, mon in enumerate(MON3):
            if r["year"] == 2024 and i >= 6:  # Jul-Dec 2024 zero-filled (not yet published)
                continue
            exp, imp = round(r["E" + mon], 1), round(r["I" + mon], 1)
            rows.append(
                {
                    "year": int(r["year"]),
                    "month": MONTHS[i],
                    "_m": i + 1,
                    "partner": codes[r["CTY_CODE"]],
                    "exports_usd_millions": exp,
                    "imports_usd_millions": imp,
                    "total_trade_usd_millions": round(exp + imp, 1),
                    "balance_usd_millions": round(exp - imp, 1),
                }
            )
    t = pd.DataFrame(rows)
    if (t[["exports_usd_millions", "imports_usd_millions"]] <= 0).any().any():
        raise ValueError("zero month in Jan 2022-Jun 2024 monthly data")
    t["partner"] = pd.Categorical(t["partner"], ["Mexico", "Canada", "China"], ordered=True)
    t = t.sort_values(["year", "_m", "partner"]).drop(columns="_m")
    t["partner"] = t["partner"].astype(str)
    write_table(
        out,
        "us_trade_mexico_canada_china_monthly_2022_2024",
        t,
        {
            **CENSUS,
            "title": "U.S. monthly goods trade with Mexico, Canada and China, January 2022 - June 2024",
            "units": "Millions of U.S. dollars, nominal, NOT seasonally adjusted (exports F.A.S., "
            "general imports customs value).",
            "period": "January 2022 - June 2024 (monthly)",
            "notes": "Goods only, Census basis; not seasonally adjusted, so compare a month with the same "
            "month of another year. The source stops at June 2024 (later months are zero-filled "
            "and dropped here). Derived by nearshore-qa from the Census country.xlsx monthly "
            "columns.",
        },
        ["year", "month", "partner"],
        "%.1f",
    )


# --- BTS helpers --------------------------------------------------------------------------
def _exp_imp(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    p = df.pivot_table(
        index=keys, columns="TradeType", values="TradeValue", aggfunc="sum", fill_value=0.0
    ).reset_index()
    for c in ("Export", "Import"):
        if c not in p:
            p[c] = 0.0
    p["total"] = p["Export"] + p["Import"]
    return p


# --- 3. BTS US-Mexico by mode -------------------------------------------------------------
def t_mexico_by_mode(shared: Path, out: Path) -> None:
    b = pd.read_csv(shared / "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv")
    b = b[(b["Country"] == "Mexico") & b["Year"].between(2019, 2025)].copy()
    # Mail is a few million dollars a year (0.00 at this rounding): fold it into Other/unknown.
    other = "Other/unknown (incl. mail)"
    b["Mode"] = b["Mode"].replace({"Mail (U.S. Postal Service)": other, "Other/Unknown": other})
    p = _exp_imp(b, ["Year", "Mode"])
    p["share"] = (100 * p["total"] / p.groupby("Year")["total"].transform("sum")).round(2)
    order = ["Truck", "Rail", "Vessel", "Air", "Pipeline", "Foreign Trade Zones (FTZs)", other]
    assert set(p["Mode"]) <= set(order), set(p["Mode"]) - set(order)
    p["Mode"] = pd.Categorical(p["Mode"], order, ordered=True)
    p = p.sort_values(["Year", "Mode"])
    t = pd.DataFrame(
        {
            "year": p["Year"].astype(int),
            "mode": p["Mode"].astype(str),
            "exports_usd_billions": billions(p["Export"]),
            "imports_usd_billions": billions(p["Import"]),
            "total_trade_usd_billions": billions(p["total"]),
            "share_of_year_total_pct": p["share"],
        }
    )
    write_table(
        out,
        "us_mexico_trade_by_mode_annual",
        t,
        {
            **BTS,
            "title": "U.S.-Mexico freight trade by transportation mode, annual 2019-2025",
            "units": "Billions of U.S. dollars (source values in whole dollars, rounded to 0.01 B); "
            "share_of_year_total_pct = percent of that year's U.S.-Mexico total across all modes.",
            "period": "2019-2025 (calendar years)",
            "notes": "Exports are U.S. exports to Mexico, imports are U.S. imports from Mexico; FTZ "
            "(foreign trade zone) rows are imports only, and 0.00 means none or under $5 million. October "
            "2020 was derived by subtraction because BTS has no raw file for it. Derived by "
            "nearshore-qa from BTS TransBorder Freight Data (annual aggregation by UNT/TxDOT).",
        },
        ["year", "mode"],
        "%.2f",
    )


# --- 4. BTS Texas-Mexico ports ------------------------------------------------------------
def t_texas_ports(shared: Path, out: Path) -> None:
    b = pd.read_csv(shared / "bts_transborder_texas_mexico_ports_annual_1993_2025.csv")
    b = b[b["Year"].between(2020, 2025)]
    p = _exp_imp(b, ["Year", "Port"])
    p["rank"] = p.groupby("Year")["total"].rank(ascending=False, method="min").astype(int)
    p = p.sort_values(["Year", "rank"])
    t = pd.DataFrame(
        {
            "year": p["Year"].astype(int),
            "port": p["Port"],
            "exports_usd_billions": billions(p["Export"]),
            "imports_usd_billions": billions(p["Import"]),
            "total_trade_usd_billions": billions(p["total"]),
            "rank_among_texas_ports": p["rank"],
        }
    )
    write_table(
        out,
        "texas_mexico_ports_trade_annual",
        t,
        {
            **BTS,
            "title": "U.S.-Mexico trade through Texas ports of entry, all modes, annual 2020-2025",
            "units": "Billions of U.S. dollars (source values in whole dollars, rounded to 0.01 B); "
            "rank_among_texas_ports: 1 = largest total trade that year.",
            "period": "2020-2025 (calendar years)",
            "notes": "All 12 Texas-Mexico ports, all modes (truck, rail, pipeline, air, other); exports = "
            "U.S. exports to Mexico through the port. CBP split Ysleta from El Paso in March 2020, "
            "so El Paso's 2020 value includes Ysleta for January-February. Derived by nearshore-qa "
            "from BTS TransBorder Freight Data (port aggregation by UNT/TxDOT).",
        },
        ["year", "port"],
        "%.2f",
    )


# --- 5. CBP commercial trucks by port -----------------------------------------------------
def t_trucks(shared: Path, out: Path) -> None:
    c = pd.read_csv(shared / "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv")
    c = c[(c["Modes"] == "Commercial Trucks") & c["Year"].between(2019, 2025)]
    g = c.groupby(["Year", "POE", "Region"], as_index=False)["Northbound Crossing"].sum()
    nz = c[c["Northbound Crossing"] > 0].sort_values("Northbound Crossing", ascending=False)
    bridges = nz.groupby(["Year", "POE"])["Crossing"].agg("; ".join)
    g["bridges"] = [bridges.get((y, p), "none reported") for y, p in zip(g["Year"], g["POE"], strict=False)]
    g["rank"] = g.groupby("Year")["Northbound Crossing"].rank(ascending=False, method="min").astype(int)
    g = g.sort_values(["Year", "rank", "POE"])
    t = pd.DataFrame(
        {
            "year": g["Year"].astype(int),
            "port_of_entry": g["POE"],
            "cbp_field_office": g["Region"],
            "commercial_trucks_northbound": g["Northbound Crossing"].astype(int),
            "rank_among_texas_ports": g["rank"],
            "bridges_with_truck_traffic": g["bridges"],
        }
    )
    write_table(
        out,
        "texas_northbound_commercial_trucks_by_port",
        t,
        {
            **CBP,
            "title": "Northbound commercial truck crossings at Texas-Mexico ports of entry, annual 2019-2025",
            "units": "Count of commercial trucks entering the U.S. (northbound), summed over all bridges of "
            "each port of entry; rank_among_texas_ports: 1 = most trucks that year; "
            "bridges_with_truck_traffic lists the port's bridges with trucks, largest first.",
            "period": "2019-2025 (calendar years)",
            "notes": "Texas ports only (no Arizona, California or New Mexico); 0 means no commercial trucks "
            "reported at that port. 2025 was parsed from CBP field-office workbooks and El Paso PDF "
            "traffic reports, a different source than 2008-2024. Derived by nearshore-qa from CBP "
            "northbound crossing counts compiled by UNT/TxDOT.",
        },
        ["year", "port_of_entry"],
    )


# --- 6. USITC top HS-2 exports to Mexico --------------------------------------------------
def _usitc(shared: Path) -> pd.DataFrame:
    u = pd.read_csv(shared / "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv", dtype={"hs2": str})
    return u.dropna(subset=["hs2", "country"])  # drop the grand-total row


def t_hs2_mexico(shared: Path, out: Path) -> None:
    u = _usitc(shared)
    mx = u[u["country"] == "Mexico"]
    years = range(2020, 2025)
    long = mx.melt(
        id_vars=["hs2", "hs2_description"], value_vars=[f"fas_usd_{y}" for y in years], var_name="y", value_name="usd"
    )
    long["year"] = long["y"].str[-4:].astype(int)
    long["rank"] = long.groupby("year")["usd"].rank(ascending=False, method="min").astype(int)
    top = mx.nlargest(15, "fas_usd_2024")["hs2"].tolist()
    t = long[long["hs2"].isin(top)].sort_values(["year", "rank"])
    t = pd.DataFrame(
        {
            "year": t["year"],
            "hs2_chapter": "HS " + t["hs2"],
            "product": t["hs2_description"].str.strip(),
            "us_exports_to_mexico_usd_billions": billions(t["usd"]),
            "rank_among_hs2_chapters": t["rank"],
        }
    )
    write_table(
        out,
        "us_exports_to_mexico_top_hs2",
        t,
        {
            **USITC,
            "title": "Top 15 U.S. export products (HS 2-digit chapters) to Mexico, annual 2020-2024",
            "units": "Billions of U.S. dollars, total exports F.A.S. value (source in whole dollars, rounded "
            "to 0.01 B); rank_among_hs2_chapters = rank among all 97 chapters that year (1 = largest).",
            "period": "2020-2024 (calendar years)",
            "notes": "The 15 chapters are the largest in 2024; a chapter's rank in earlier years is among all "
            "chapters. The summed chapters give U.S. exports to Mexico of $334.0 B in 2024, matching "
            "Census. Derived by nearshore-qa from a USITC DataWeb query (Total Exports, FAS value, "
            "HTS 2-digit).",
        },
        ["year", "hs2_chapter", "product"],
        "%.2f",
    )


# --- 7. FRED IMPCH annual sums ------------------------------------------------------------
def t_imports_china(shared: Path, out: Path) -> None:
    f = pd.read_csv(shared / "fred_IMPCH_us_imports_from_china_monthly_1985_2025.csv", parse_dates=["observation_date"])
    f["year"] = f["observation_date"].dt.year
    g = f.groupby("year")["IMPCH"].agg(["sum", "count"]).reset_index()
    g = g[g["count"] == 12]
    g["chg"] = (100 * g["sum"].pct_change()).round(1)
    g = g[g["year"].between(2015, 2025)]
    t = pd.DataFrame(
        {
            "year": g["year"].astype(int),
            "us_imports_from_china_usd_millions": g["sum"].round(1),
            "us_imports_from_china_usd_billions": (g["sum"] / 1000).round(1),
            "change_from_prior_year_pct": g["chg"],
        }
    )
    write_table(
        out,
        "us_imports_from_china_annual",
        t,
        {
            **FRED,
            "title": "U.S. imports of goods from China (customs basis), annual 2015-2025",
            "units": "Millions of U.S. dollars (also shown in billions, 0.1 B), nominal; annual sums of 12 "
            "monthly not-seasonally-adjusted values; change_from_prior_year_pct in percent.",
            "period": "2015-2025 (calendar years)",
            "notes": "Goods imports only; this FRED vintage differs slightly from the Census country file "
            "(e.g. 2023: 427,246.6 here vs 426,885.0). Derived by nearshore-qa by summing the "
            "monthly FRED series IMPCH by calendar year.",
        },
        ["year"],
        "%.1f",
    )


# --- 8. SE FDI by state -------------------------------------------------------------------
def t_fdi_states(shared: Path, out: Path) -> None:
    f = pd.read_csv(shared / "se_mexico_fdi_by_state_quarterly_1999_2017.csv")
    f = f[f["year"].between(2013, 2017)]
    q = f.groupby(["year"])["quarter"].nunique()
    assert (q == 4).all(), q
    y = f.groupby(["entidad", "year"], as_index=False)["fdi_musd"].sum()
    top = y[y["year"] == 2017].nlargest(15, "fdi_musd")["entidad"].tolist()
    nat = y.groupby("year", as_index=False)["fdi_musd"].sum()
    nat["entidad"] = "Mexico (national total of 32 states)"
    t = pd.concat([y[y["entidad"].isin(top)], nat])
    order = top + ["Mexico (national total of 32 states)"]
    t["entidad"] = pd.Categorical(t["entidad"], order, ordered=True)
    t = t.sort_values(["entidad", "year"])
    t = pd.DataFrame(
        {
            "state": t["entidad"].astype(str),
            "year": t["year"].astype(int),
            "fdi_usd_millions": t["fdi_musd"].round(1),
            "preliminary": t["year"].map(lambda v: "yes" if v >= 2016 else "no"),
        }
    )
    write_table(
        out,
        "mexico_fdi_by_state",
        t,
        {
            **SE,
            "title": "Foreign direct investment into Mexico by state (top 15 states of 2017 + national total), "
            "annual 2013-2017",
            "units": "Millions of U.S. dollars, FDI flows (sum of four quarters).",
            "period": "2013-2017 (calendar years)",
            "notes": "May 2018 vintage: 2016-2017 figures are preliminary and the Secretaría later revised 2017 "
            "upward, so use for history only. Derived by nearshore-qa by summing the quarterly "
            "state series of the Secretaría de Economía (datos.gob.mx).",
        },
        ["state", "year"],
        "%.1f",
    )


# --- 9. BTS US exports by Mexican destination state ---------------------------------------
STATE_LABEL = {"Distrito Federal": "Ciudad de México (Distrito Federal)"}


def t_mx_states(shared: Path, out: Path) -> None:
    s = pd.read_csv(shared / "bts_transborder_us_exports_to_mexico_by_mexican_state_1993_2025.csv")
    s = s[(s["TradeType"] == "Export") & s["Year"].between(2022, 2025)]
    g = s.groupby(["Year", "MexState"], as_index=False)["TradeValue"].sum()
    g["rank"] = g.groupby("Year")["TradeValue"].rank(ascending=False, method="min").astype(int)
    top = g[g["Year"] == 2024].nlargest(15, "TradeValue")["MexState"].tolist()
    g = g[g["MexState"].isin(top)].sort_values(["Year", "rank"])
    t = pd.DataFrame(
        {
            "year": g["Year"].astype(int),
            "mexican_state": g["MexState"].replace(STATE_LABEL),
            "us_exports_usd_billions": billions(g["TradeValue"]),
            "rank_among_mexican_states": g["rank"],
        }
    )
    write_table(
        out,
        "us_exports_to_mexican_states",
        t,
        {
            **BTS,
            "title": "U.S. exports to Mexico by Mexican destination state (surface modes), top 15 states, "
            "annual 2022-2025",
            "units": "Billions of U.S. dollars (source in whole dollars, rounded to 0.01 B); "
            "rank_among_mexican_states = rank among all 32 states that year (1 = largest).",
            "period": "2022-2025 (calendar years)",
            "notes": "Surface modes only (truck, rail, pipeline, mail, other), so air and vessel exports are "
            "not included and state totals sum to less than total U.S. exports to Mexico; the 15 "
            "states are the largest in 2024. Derived by nearshore-qa from BTS TransBorder Freight "
            "Data (state aggregation by UNT/TxDOT).",
        },
        ["year", "mexican_state"],
        "%.2f",
    )


# --- 10. BTS US-Mexico / US-Canada annual totals ------------------------------------------
def t_bts_totals(shared: Path, out: Path) -> None:
    b = pd.read_csv(shared / "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv")
    b = b[b["Year"].between(2004, 2025)]
    p = _exp_imp(b, ["Year", "Country"]).sort_values(["Year", "Country"], ascending=[True, False])
    t = pd.DataFrame(
        {
            "year": p["Year"].astype(int),
            "partner": p["Country"],
            "exports_usd_billions": billions(p["Export"]),
            "imports_usd_billions": billions(p["Import"]),
            "total_trade_usd_billions": billions(p["total"]),
            "balance_usd_billions": billions(p["Export"] - p["Import"]),
        }
    )
    write_table(
        out,
        "us_mexico_canada_trade_annual_bts",
        t,
        {
            **BTS,
            "title": "U.S. trade with Mexico and with Canada, all modes, annual 2004-2025 (BTS TransBorder)",
            "units": "Billions of U.S. dollars (source in whole dollars, rounded to 0.01 B); balance = "
            "exports minus imports (negative = U.S. deficit).",
            "period": "2004-2025 (calendar years)",
            "notes": "From 2004 on these totals match Census within about 1% (vintages differ); years before "
            "2004 are excluded because air and vessel freight only enter the data in November 2003. "
            "Derived by nearshore-qa by summing BTS TransBorder Freight Data over all modes.",
        },
        ["year", "partner"],
        "%.2f",
    )


# --- 11. USITC US total exports by partner ------------------------------------------------
def t_usitc_partners(shared: Path, out: Path) -> None:
    u = _usitc(shared)
    years = range(2020, 2025)
    tot = u.groupby("country")[[f"fas_usd_{y}" for y in years]].sum()
    long = tot.reset_index().melt(id_vars="country", var_name="y", value_name="usd")
    long["year"] = long["y"].str[-4:].astype(int)
    long["rank"] = long.groupby("year")["usd"].rank(ascending=False, method="min").astype(int)
    top = tot["fas_usd_2024"].nlargest(15).index.tolist()
    t = long[long["country"].isin(top)].sort_values(["year", "rank"])
    t = pd.DataFrame(
        {
            "year": t["year"],
            "partner": t["country"],
            "us_total_exports_usd_billions": billions(t["usd"]),
            "rank_among_export_markets": t["rank"],
        }
    )
    write_table(
        out,
        "us_exports_top_markets_usitc",
        t,
        {
            **USITC,
            "title": "U.S. total goods exports to the top 15 export markets, annual 2020-2024",
            "units": "Billions of U.S. dollars, total exports F.A.S. value (source in whole dollars, rounded "
            "to 0.01 B); rank_among_export_markets = rank among all countries that year.",
            "period": "2020-2024 (calendar years)",
            "notes": "Sums of all HS-2 chapters per country; the 15 markets are the largest in 2024. This is "
            "the only copied source for U.S. exports to China in 2024 ($143.2 B). Derived by "
            "nearshore-qa from a USITC DataWeb query (Total Exports, FAS value, HTS 2-digit).",
        },
        ["year", "partner"],
        "%.2f",
    )


TABLES = [
    t_top_partners_annual,
    t_monthly_mx_ca_cn,
    t_mexico_by_mode,
    t_texas_ports,
    t_trucks,
    t_hs2_mexico,
    t_imports_china,
    t_fdi_states,
    t_mx_states,
    t_bts_totals,
    t_usitc_partners,
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="directory with the official trade data and SOURCES.md "
        "(default: ../shared/data/trade relative to the repo)",
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output dir (default corpus/tables)")
    args = ap.parse_args(argv)
    if not (args.shared / "SOURCES.md").exists():
        print(f"error: {args.shared}/SOURCES.md not found; pass --shared", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"reading {args.shared}, writing {args.out}")
    for fn in TABLES:
        fn(args.shared, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
