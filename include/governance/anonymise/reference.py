"""Fixed reference data of the generalising rules, read by the Python and the SQL forms alike.

Keeping one table per rule here is what makes the streaming path (Python) and the pushdown
path (SQL on PostgreSQL) give the same output: both are rendered from these tables, never
written twice by hand. Changing a table changes every output built after it.
"""

from __future__ import annotations

# Counties (fylker, 2024) by Norwegian postcode range, inclusive, four digits each. Postcodes
# follow post districts, not county borders, so a few places near a border land in the
# neighbouring county: good enough for a region, never a way back to an address.
COUNTY_RANGES: tuple[tuple[str, str, str], ...] = (
    ("0001", "1299", "Oslo"),
    ("1300", "1499", "Akershus"),
    ("1500", "1899", "Østfold"),
    ("1900", "2199", "Akershus"),
    ("2200", "2999", "Innlandet"),
    ("3000", "3099", "Buskerud"),
    ("3100", "3299", "Vestfold"),
    ("3300", "3699", "Buskerud"),
    ("3700", "3999", "Telemark"),
    ("4000", "4399", "Rogaland"),
    ("4400", "4999", "Agder"),
    ("5000", "5499", "Vestland"),
    ("5500", "5599", "Rogaland"),
    ("5600", "5999", "Vestland"),
    ("6000", "6699", "Møre og Romsdal"),
    ("6700", "6999", "Vestland"),
    ("7000", "7999", "Trøndelag"),
    ("8000", "8999", "Nordland"),
    ("9000", "9499", "Troms"),
    ("9500", "9999", "Finnmark"),
)
POSTCODE_PATTERN = "^[0-9]{4}$"

# Parts of the country (landsdeler): the next level up from a county in the segments.
PART_OF_COUNTRY: dict[str, str] = {
    **dict.fromkeys(
        ("Oslo", "Akershus", "Østfold", "Buskerud", "Vestfold", "Telemark", "Innlandet"),
        "Østlandet",
    ),
    "Agder": "Sørlandet",
    **dict.fromkeys(("Rogaland", "Vestland", "Møre og Romsdal"), "Vestlandet"),
    "Trøndelag": "Trøndelag",
    **dict.fromkeys(("Nordland", "Troms", "Finnmark"), "Nord-Norge"),
}

AGE_BAND_YEARS = 10
OLDEST_AGE_BAND = 90  # 90 and over share one band: few people, easy to single out

# User agents: (pattern, family), first match wins. The patterns use only what Python's
# ``re`` and PostgreSQL's regular expressions read alike (no \d, \b or flags).
BROWSER_FAMILIES: tuple[tuple[str, str], ...] = (
    ("Edg(e|A|iOS)?/", "Edge"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("OPR/|Opera", "Opera"),
    ("Firefox/|FxiOS/", "Firefox"),
    ("CriOS/|Chrome/|Chromium/", "Chrome"),
    ("MSIE |Trident/", "Internet Explorer"),
    ("Safari/", "Safari"),
)
OS_FAMILIES: tuple[tuple[str, str], ...] = (
    ("iPhone|iPad|iPod", "iOS"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Macintosh|Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux|X11", "Linux"),
)
DEVICE_TYPES: tuple[tuple[str, str], ...] = (
    ("iPad|Tablet|Android(?!.*Mobile)", "tablet"),
    ("Mobi|iPhone|iPod", "mobile"),
    ("Windows|Macintosh|X11|CrOS|Linux", "desktop"),
)
USER_AGENT_PARTS: dict[str, tuple[tuple[str, str], ...]] = {
    "browser": BROWSER_FAMILIES,
    "os": OS_FAMILIES,
    "device": DEVICE_TYPES,
}
OTHER = "Other"

# IP addresses as written (no zone, no embedded IPv4): what both Python and PostgreSQL parse.
_OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
IPV4_PATTERN = rf"^({_OCTET}\.){{3}}{_OCTET}$"
_H = "[0-9A-Fa-f]{1,4}"
# The written forms of an IPv6 address (no embedded IPv4): eight groups, or fewer around "::".
IPV6_FORMS = (
    f"({_H}:){{7}}{_H}",
    f"({_H}:){{1,7}}:",
    f"({_H}:){{1,6}}:{_H}",
    f"({_H}:){{1,5}}(:{_H}){{1,2}}",
    f"({_H}:){{1,4}}(:{_H}){{1,3}}",
    f"({_H}:){{1,3}}(:{_H}){{1,4}}",
    f"({_H}:){{1,2}}(:{_H}){{1,5}}",
    f"{_H}:(:{_H}){{1,6}}",
    f":((:{_H}){{1,7}}|:)",
)
IPV6_PATTERN = f"^({'|'.join(IPV6_FORMS)})$"
IPV4_PREFIX, IPV6_PREFIX = 24, 48
