"""Places written two ways: a country's name and its adjective ("Norway" / "Norwegian goods").

A question asks about "Norwegian goods" or "Swiss buyers" where the documents write "Norway" and
"Switzerland" (and the other way round), so retrieval, the answerer's name checks and the table
cells read an adjective as the place it stands for. The table is a general one — the countries'
and a few regions' adjectives as English writes them — not a list grown from questions. Each
adjective is one word, folded (lower case, no accents), and maps to the word of the place's name
that carries it: "african" -> "africa" ("South African" is "South Africa" word by word), "rican"
-> "rica", "salvadoran" -> "salvador". Adjectives that are also the place's own word ("Saudi",
"Dominican", "New Zealand") need no entry.
"""

from __future__ import annotations

import re

_BY_PLACE = {
    # the Americas
    "mexico": "mexican",
    "canada": "canadian",
    "guatemala": "guatemalan",
    "honduras": "honduran",
    "salvador": "salvadoran",
    "nicaragua": "nicaraguan",
    "rica": "rican",
    "panama": "panamanian",
    "cuba": "cuban",
    "jamaica": "jamaican",
    "haiti": "haitian",
    "bahamas": "bahamian",
    "colombia": "colombian",
    "venezuela": "venezuelan",
    "ecuador": "ecuadorian",
    "peru": "peruvian",
    "bolivia": "bolivian",
    "chile": "chilean",
    "argentina": "argentine argentinian",
    "uruguay": "uruguayan",
    "paraguay": "paraguayan",
    "brazil": "brazilian",
    # Europe
    "europe": "european",
    "uk": "british",
    "ireland": "irish",
    "france": "french",
    "germany": "german",
    "netherlands": "dutch",
    "belgium": "belgian",
    "luxembourg": "luxembourgish",
    "switzerland": "swiss",
    "austria": "austrian",
    "italy": "italian",
    "spain": "spanish",
    "portugal": "portuguese",
    "greece": "greek",
    "sweden": "swedish",
    "norway": "norwegian",
    "denmark": "danish",
    "finland": "finnish",
    "iceland": "icelandic",
    "poland": "polish",
    "czechia": "czech",
    "slovakia": "slovak",
    "hungary": "hungarian",
    "romania": "romanian",
    "bulgaria": "bulgarian",
    "croatia": "croatian",
    "serbia": "serbian",
    "slovenia": "slovenian",
    "estonia": "estonian",
    "latvia": "latvian",
    "lithuania": "lithuanian",
    "ukraine": "ukrainian",
    "russia": "russian",
    "turkey": "turkish",
    # Asia and Oceania
    "asia": "asian",
    "china": "chinese",
    "japan": "japanese",
    "korea": "korean",
    "taiwan": "taiwanese",
    "vietnam": "vietnamese",
    "thailand": "thai",
    "malaysia": "malaysian",
    "singapore": "singaporean",
    "indonesia": "indonesian",
    "philippines": "philippine filipino",
    "cambodia": "cambodian",
    "india": "indian",
    "pakistan": "pakistani",
    "bangladesh": "bangladeshi",
    "lanka": "lankan",
    "nepal": "nepalese nepali",
    "israel": "israeli",
    "emirates": "emirati",
    "qatar": "qatari",
    "kuwait": "kuwaiti",
    "iraq": "iraqi",
    "iran": "iranian",
    "australia": "australian",
    "zealand": "zealander",
    # Africa
    "africa": "african",
    "nigeria": "nigerian",
    "egypt": "egyptian",
    "morocco": "moroccan",
    "algeria": "algerian",
    "kenya": "kenyan",
    "ghana": "ghanaian",
    "ethiopia": "ethiopian",
    "angola": "angolan",
    # US states a trade question names by adjective
    "texas": "texan",
    "california": "californian",
}

# The reporter: every trade figure here is the United States' own (its exports, its imports), so a
# question may name it in any of these words ("the United States", "America", "American goods")
# where a table or a passage never does.
REPORTER_WORDS = frozenset({"us", "u.s", "u.s.", "usa", "united", "states", "america", "american", "americans"})

# adjective -> the place's word ("norwegian" -> "norway")
DEMONYMS: dict[str, str] = {adj: place for place, adjs in _BY_PLACE.items() for adj in adjs.split()}
# place's word -> its (first) adjective ("norway" -> "norwegian")
ADJECTIVE_OF: dict[str, str] = {place: adjs.split()[0] for place, adjs in _BY_PLACE.items()}
# every place word and adjective above: names, whoever types them in lower case ("china", "norwegian")
PLACE_WORDS = frozenset(_BY_PLACE) | frozenset(DEMONYMS)

# A capital stands for its government ("Washington lifted its sanctions", "Ottawa's retaliatory
# tariffs"): the country's names, folded, that a passage writes instead (its name, its adjective).
GOVERNMENT_OF: dict[str, tuple[str, ...]] = {
    "washington": ("united states", "us", "u s", "american"),
    **{
        capital: (country, ADJECTIVE_OF.get(country.split()[-1], country))
        for capital, country in {
            "ottawa": "canada",
            "beijing": "china",
            "tokyo": "japan",
            "seoul": "korea",
            "brussels": "european union",
            "london": "united kingdom",
            "berlin": "germany",
            "paris": "france",
            "moscow": "russia",
            "kyiv": "ukraine",
            "delhi": "india",
            "brasilia": "brazil",
        }.items()
    },
}


def named_in(name: str, folded: str) -> bool:
    """Does ``folded`` text write ``name`` (a folded word of a name the question asks about) in
    one of its forms: itself or its plural's singular, the place its adjective stands for ("chinese"
    -> "china") or the adjective of the place ("mexico" -> "mexican"), or, for a capital, the
    country it stands for ("washington" -> "united states")?"""
    if name in folded or name.rstrip("s") in folded:
        return True
    if DEMONYMS.get(name, name) in folded or ADJECTIVE_OF.get(name, name) in folded:
        return True
    return any(re.search(rf"\b{re.escape(f)}\b", folded) for f in GOVERNMENT_OF.get(name, ()))
