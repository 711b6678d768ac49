"""Fixed reference data of the demo warehouse: places, products, devices, texts.

Kept apart from the generators so the realism can be reviewed (and extended) in one place.
Postcodes are real ones with their real post town, so a postcode-to-region rule or a
scanner that checks postcodes against cities sees plausible data.
"""

from __future__ import annotations

from typing import NamedTuple

# post town | weight ~ population share | postcodes (ranges inclusive)
_POST_TOWNS = """
OSLO|17|0150-0159 0250-0259 0350-0359 0450-0459 0550-0559 0650-0659 0750-0760 0850-0860
OSLO|7|0950-0959 1150-1160 1250-1259
BERGEN|10|5003-5020 5031-5033
TRONDHEIM|7.5|7010-7030
STAVANGER|5|4005-4024
KRISTIANSAND S|4|4610-4626
DRAMMEN|3.5|3015-3024
FREDRIKSTAD|3|1606-1614
TROMSØ|2.8|9008-9016
SANDNES|2.5|4306-4313
SARPSBORG|1.8|1706-1713
SKIEN|1.7|3711-3718
ÅLESUND|1.8|6002-6009
BODØ|1.7|8006-8014
SANDEFJORD|1.6|3210-3216
LARVIK|1.4|3256-3263
TØNSBERG|1.4|3110-3116
ARENDAL|1.4|4836-4843
HAUGESUND|1.3|5521-5529
PORSGRUNN|1.1|3910-3915
MOSS|1.1|1530-1534
HAMAR|1.1|2315-2319
GJØVIK|1|2815-2821
LILLEHAMMER|0.9|2609-2619
HALDEN|0.9|1767-1772
SANDVIKA|1.3|1337-1339
ASKER|1.2|1383-1386
LILLESTRØM|1.2|2000 2004 2007
MOLDE|0.8|6413-6416
KRISTIANSUND N|0.7|6509-6512
HARSTAD|0.7|9405-9407
KONGSBERG|0.8|3611-3615
HØNEFOSS|0.7|3510-3514
ELVERUM|0.6|2406-2408
STEINKJER|0.6|7713-7715
NARVIK|0.5|8514-8516
ALTA|0.6|9510-9514
MO I RANA|0.6|8610-8615
RAUFOSS|0.4|2830
LEVANGER|0.5|7600-7601
FØRDE|0.4|6800
VOSS|0.4|5700
KIRKENES|0.3|9900
"""


class PostTown(NamedTuple):
    postcode: str
    city: str
    weight: float


def _expand(codes: str) -> list[str]:
    """``"0150-0153 0160"`` -> the postcodes it names, four digits each."""
    found = []
    for part in codes.split():
        first, _, last = part.partition("-")
        found += [f"{code:04d}" for code in range(int(first), int(last or first) + 1)]
    return found


def _post_towns() -> tuple[PostTown, ...]:
    """One entry per postcode; a line's weight is shared among the postcodes it names."""
    towns = []
    for line in _POST_TOWNS.strip().splitlines():
        town, weight, codes = line.split("|")
        expanded = _expand(codes)
        towns += [PostTown(code, town, float(weight) / len(expanded)) for code in expanded]
    return tuple(towns)


POSTCODES = _post_towns()


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    """Compact tables of names: ``"a b c"`` -> ``("a", "b", "c")``."""
    return tuple(text.split(sep))


def _weighted(spec: str) -> tuple[tuple[str, float], ...]:
    """``"a:3 b:1"`` -> ``(("a", 3.0), ("b", 1.0))``: compact tables of weighted choices."""
    return tuple((name, float(weight)) for name, weight in (p.rsplit(":", 1) for p in spec.split()))


# What Norwegians over fifty use, so online.no and hotmail.com still show.
EMAIL_DOMAINS = _weighted(
    "gmail.com:30 online.no:16 hotmail.com:14 outlook.com:8 yahoo.no:6 icloud.com:6 live.no:5 "
    "altibox.no:5 telia.no:4 getmail.no:3 broadpark.no:2 frisurf.no:1"
)


class Product(NamedTuple):
    name: str
    category: str
    price_nok: int
    blue_prescription: bool  # may be reimbursed under a blue prescription


def _sized(model: str, kind: str, sizes: str, price: int, blue: bool = True) -> list[Product]:
    """One product per size (S, M, L), or one unsized product when ``sizes`` is empty."""
    suffixes = [f" {size}" for size in sizes] or [""]
    return [Product(f"Topro {model} {kind}{s}", kind, price, blue) for s in suffixes]


def _plain(category: str, price: int, *names: str) -> list[Product]:
    return [Product(name, category, price, False) for name in names]


# 60 mobility aids. The column `name` of a product is a trap for a name-based scanner.
PRODUCTS: tuple[Product, ...] = (
    *_sized("Troja 5G", "rollator", "SML", 4990),
    *_sized("Troja 5G Premium", "rollator", "ML", 6490),
    *_sized("Troja Classic", "rollator", "SML", 3990),
    *_sized("Troja Neuro", "rollator", "M", 7990),
    *_sized("Olympos", "rollator", "SML", 5490),
    *_sized("Olympos ATR", "rollator", "ML", 7490),
    *_sized("Pegasus", "rollator", "ML", 4490),
    *_sized("Hestia", "rollator", "", 3490),
    *_sized("Taurus", "gåbord", "ML", 9990),
    *_sized("Taurus H", "gåbord", "M", 11990),
    *_sized("Troja 2G", "rollator", "SML", 2990),
    *_sized("Fjord", "rullestol", "SML", 12990),
    *_sized("Aktiv", "rullestol", "SML", 18990),
    *_sized("Nordkapp komfort", "rullestol", "ML", 24990),
    Product("Topro Lett transportrullestol", "rullestol", 6990, True),
    *_plain("stokk", 349, "Sammenleggbar stokk", "Stokk med T-håndtak", "Stokk med lys"),
    *_plain("stokk", 599, "Albuekrykker (par)", "Firpunktsstokk"),
    *_plain("dusj og toalett", 1490, "Dusjstol med rygg", "Dusjkrakk", "Badekarbrett"),
    *_plain("dusj og toalett", 890, "Toalettforhøyer 10 cm", "Toalettarmlene", "Støttehåndtak"),
    *_plain("rampe", 790, "Terskelrampe 2 cm", "Terskelrampe 4 cm"),
    *_plain("rampe", 3990, "Teleskoprampe 150 cm", "Sammenleggbar rampe 90 cm"),
    *_plain(
        "tilbehør",
        299,
        "Topro kurv til Troja",
        "Topro brett til Troja",
        "Stokkholder",
        "Koppholder",
        "Lys for rollator",
        "Refleksett for rollator",
        "Ryggbelte",
    ),
    *_plain(
        "tilbehør",
        499,
        "Topro veske til Olympos",
        "Isbrodd for stokk",
        "Vinterhjul til rollator",
        "Setepute med trekk",
        "Regnslag til rullestol",
        "Sittepute gel",
    ),
)

# Relative popularity per order line: accessories and sticks sell more often than chairs.
CATEGORY_WEIGHTS: dict[str, float] = {
    "rollator": 3.0,
    "gåbord": 0.6,
    "rullestol": 0.8,
    "stokk": 2.5,
    "dusj og toalett": 1.6,
    "rampe": 0.7,
    "tilbehør": 3.5,
}
CATEGORY_CODES: dict[str, str] = {
    "rollator": "ROL",
    "gåbord": "GAB",
    "rullestol": "RST",
    "stokk": "STK",
    "dusj og toalett": "DOT",
    "rampe": "RMP",
    "tilbehør": "TLB",
}

WAREHOUSE_LOCATIONS = _words(
    "Gjøvik sentrallager|Oslo Alnabru|Bergen Kokstad|Trondheim Tiller|Tromsø Breivika", "|"
)

# Norwegian bank registration numbers (the first four digits of an account number).
BANK_CODES = _words("1503 1506 1607 1644 2050 3000 4200 6011 8601 9710")
SUPPLIER_COUNTRIES = _weighted("NO:80 SE:8 DK:6 DE:6")

# Public address ranges of Norwegian internet providers (first two octets or groups).
IPV4_PREFIXES = _words(
    "84.208 84.209 84.210 84.211 84.212 85.164 85.165 85.166 46.9 46.15 77.16 77.18 78.91 "
    "79.160 81.166 81.167 88.88 88.89 89.10 92.220 95.34 109.247 129.240 158.36 193.69 "
    "212.251"
)
IPV6_PREFIXES = _words("2001:4600 2a01:79c 2a02:fe0 2001:2020 2a01:798 2a02:2121")

CARD_BRANDS = _weighted("Visa:62 Mastercard:38")
CARRIERS = _weighted("Posten:55 PostNord:25 Helthjem:20")

RETURN_REASONS = _words("wrong_size changed_mind not_as_described damaged_in_transit")
WARRANTY_REASONS = _words("brake_defect wheel_defect frame_crack seat_defect handle_defect")

# ICPC-2 and ICD-10 codes of conditions that lead to mobility aids.
DIAGNOSIS_CODES = _words(
    "L89 L90 L95 N86 N87 K90 K91 M16.1 M17.1 G35 G20 I63.9 M81.0 S72.0 G12.2 M05.9"
)


class UserAgent(NamedTuple):
    device_type: str
    os: str
    browser: str
    user_agent: str
    weight: float


# device | os | browser | share | versions | user-agent template (parts below, then versions)
_USER_AGENT_TABLE = """
desktop|Windows|Chrome|18|blink|Mozilla/5.0 ({win}) {blink} Chrome/{v}.0.0.0 {safari}
desktop|Windows|Edge|9|blink|Mozilla/5.0 ({win}) {blink} Chrome/{v}.0.0.0 {safari} Edg/{v}.0.0.0
desktop|Windows|Firefox|4|gecko|Mozilla/5.0 ({win}; rv:{v}.0) {gecko}
desktop|macOS|Safari|6|apple|Mozilla/5.0 ({mac}) {webkit} Version/{a}.{b} Safari/605.1.15
desktop|macOS|Chrome|4|blink|Mozilla/5.0 ({mac}) {blink} Chrome/{v}.0.0.0 {safari}
desktop|Linux|Firefox|1|gecko|Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) {gecko}
mobile|iOS|Safari|22|apple|Mozilla/5.0 ({iphone}) {webkit} Version/{a}.{b} {ios}
mobile|iOS|Chrome|3|apple_blink|Mozilla/5.0 ({iphone}) {webkit} CriOS/{v}.0.0.0 {ios}
mobile|Android|Chrome|14|android|Mozilla/5.0 ({reduced}) {blink} Chrome/{v}.0.0.0 Mobile {safari}
mobile|Android|Samsung Internet|6|android|Mozilla/5.0 ({android}; SM-S911B) {blink} {samsung}
tablet|iOS|Safari|8|apple|Mozilla/5.0 ({ipad}) {webkit} Version/{a}.{b} {ios}
tablet|Android|Chrome|3|android|Mozilla/5.0 ({android}; SM-X710) {blink} Chrome/{v}.0.0.0 {safari}
"""
_USER_AGENT_PARTS = {
    "{win}": "Windows NT 10.0; Win64; x64",
    "{mac}": "Macintosh; Intel Mac OS X 10_15_7",
    "{android}": "Linux; Android {a}",
    "{reduced}": "Linux; Android 10; K",  # what Chrome on Android reports, whatever the version
    "{iphone}": "iPhone; CPU iPhone OS {a}_{b} like Mac OS X",
    "{ipad}": "iPad; CPU OS {a}_{b} like Mac OS X",
    "{blink}": "AppleWebKit/537.36 (KHTML, like Gecko)",
    "{webkit}": "AppleWebKit/605.1.15 (KHTML, like Gecko)",
    "{safari}": "Safari/537.36",
    "{gecko}": "Gecko/20100101 Firefox/{v}.0",
    "{ios}": "Mobile/15E148 Safari/604.1",
    "{samsung}": "SamsungBrowser/26.0 Chrome/{v}.0.0.0 Mobile Safari/537.36",
}
# Versions seen in late-2026 logs: browser major {v}, OS major {a} and minor {b}.
_USER_AGENT_VERSIONS = {
    "blink": "v=126 v=128 v=129 v=130 v=131",
    "gecko": "v=115 v=128 v=131 v=132",
    "apple": "a=16,b=6 a=17,b=5 a=17,b=6 a=18,b=1",
    "apple_blink": "a=17,b=6,v=130 a=18,b=1,v=131",
    "android": "a=12,v=127 a=13,v=129 a=14,v=130 a=15,v=131",
}


def _user_agents() -> tuple[UserAgent, ...]:
    """Every (device, OS, browser) in a few versions; a row's share is split among them."""
    agents = []
    for line in _USER_AGENT_TABLE.strip().splitlines():
        device, os, browser, share, versions, template = line.split("|")
        for part, text in _USER_AGENT_PARTS.items():
            template = template.replace(part, text)
        spec = _words(_USER_AGENT_VERSIONS[versions])
        variants = [dict(kv.split("=") for kv in variant.split(",")) for variant in spec]
        agents += [
            UserAgent(device, os, browser, template.format(**v), float(share) / len(variants))
            for v in variants
        ]
    return tuple(agents)


USER_AGENTS = _user_agents()

SCREEN_RESOLUTIONS: dict[str, tuple[str, ...]] = {
    "desktop": _words("1920x1080 1366x768 1536x864 2560x1440 1440x900 1280x720 3840x2160"),
    "mobile": _words("390x844 393x873 414x896 375x667 360x800 412x915 430x932"),
    "tablet": _words("810x1080 820x1180 768x1024 800x1280 1024x1366"),
}

LANDING_PAGES = _weighted(
    "/:30 /rollatorer:12 /rollatorer/troja-5g:8 /rollatorer/olympos:5 /rullestoler:5 "
    "/dusj-og-toalett:4 /tilbehor:5 /kundeservice:6 /blaresept:4 /kampanje/vinter:4 "
    "/min-side/ordre:6 /sok?q=rollator:4 /en/rollators:3"
)
# A visitor who confirms the newsletter lands on a URL that carries their email address.
NEWSLETTER_CONFIRM_PAGE = "/nyhetsbrev/bekreft?epost="
UTM_SUFFIXES = (
    "?utm_source=facebook&utm_medium=cpc&utm_campaign=host",
    "?utm_source=google&utm_medium=cpc&utm_campaign=rollator",
    "?utm_source=nyhetsbrev&utm_medium=email",
)

SERVICE_TOPICS = _weighted(
    "delivery:25 invoice:12 product_question:20 warranty:12 return:10 blue_prescription:8 "
    "account:6 complaint:7"
)
# Notes as agents write them, in Norwegian and English; most carry no personal data.
PLAIN_NOTES = (
    "Kunden spurte om leveringstid for rollator.",
    "Customer asked about delivery time for the rollator.",
    "Kunden ønsket informasjon om blå resept og egenandel.",
    "Sjekket status på reklamasjon, venter på svar fra verksted.",
    "Faktura sendt på nytt.",
    "Customer wants to return the shower chair, return label sent.",
    "Bremsene på rollatoren må justeres, sendte bruksanvisning.",
    "Spørsmål om størrelse: anbefalte Troja 5G M.",
    "Endret leveringsadresse etter ønske fra kunden.",
    "Kunden klager på forsinket levering.",
    "Asked whether the wheelchair fits in a car boot.",
    "Ordre kansellert etter ønske fra kunden.",
    "Passord tilbakestilt, kunden logget inn igjen.",
    "Reservedeler til Olympos bestilt.",
)
# Notes that carry personal data: the {name}, {email}, {phone} or {fnr} of the customer.
PERSONAL_NOTES: dict[str, tuple[str, ...]] = {
    "email": (
        "Kunden ba om kopi av faktura til {email}.",
        "Customer asked us to send the order confirmation to {email}.",
        "Ny e-postadresse: {email}",
    ),
    "phone": (
        "Ring kunden tilbake på {phone} etter kl. 16.",
        "Customer can be reached on {phone}.",
        "Kunden oppga nytt mobilnummer {phone}.",
    ),
    "name": (
        "Snakket med {name} om bytte av hjul.",
        "{name} called about the brake cable.",
        "Datteren ringte på vegne av {name}, som ikke hører så godt.",
    ),
    "fnr": (
        "Kunden oppga fødselsnummer {fnr} for blå resept.",
        "Fnr {fnr} registrert ved søknad om hjelpemiddel.",
    ),
}
PERSONAL_NOTE_KINDS = _weighted("email:30 phone:30 name:30 fnr:10")

JOB_TITLES = _words(
    "Lagermedarbeider Kundebehandler Salgskonsulent Servicetekniker Regnskapsmedarbeider "
    "Produktutvikler Ergoterapeut Fysioterapeut Sjåfør Innkjøper Systemutvikler "
    "Markedskoordinator"
)
EDUCATION = (
    "Fagbrev i logistikk",
    "Bachelor i ergoterapi",
    "Master i industriell design",
    "Bachelor i økonomi og administrasjon",
    "Fagbrev i salg og service",
    "Bachelor i informatikk",
    "Videregående skole, studiespesialisering",
)
