"""Column-name signals: which categories a column's name points at, and how strongly.

A name matches a category's listed name exactly (``email``), through one of its parts
(``delivery_address`` has ``address``), or as the end of a Nordic or German compound
(``leveringsadresse`` ends in ``adresse``). Names are compared lower-cased, split on
underscores, dashes, spaces, camelCase and between letters and digits (``addr_line1``),
with letters folded as a keyboard without them writes them (``fødselsdato``, ``förnamn``,
``straße``, ``código_postal``, ``ulica``), and the abbreviations of database naming
conventions written out (``cust_ph`` is ``customer_phone``, ``fname`` is ``first_name``,
``CUSTNM`` is ``customer_name``), so that one listed name covers its spellings. Hungarian
type prefixes (``strPostCode``, ``dtmBirth``, ``tblMember``) are dropped, a key written
first (``idKlienta``, ``fk_customer``) is written as a key written last, and names in
scripts without letter case (``顧客氏名``) are words of their own.

A key is not the thing it points at: a name ending in ``id`` or ``key`` (``address_id``,
``city_id``) matches only listed names that are keys themselves (``customer_id``), and a
key of another word for it the same (a warehouse's ``CustomerKey``, ``CustomerAlternateKey``,
``customer_sk``: the customer's surrogate or business key is its customer number). A name
ending in ``type``, ``status``, ``count`` ... (``addr_type``) says something about the thing,
and matches only a listed name whole (``device_type``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from include.governance.policy import Policy, Sensitivity

EXACT, PART, SUFFIX = 0.6, 0.5, 0.45
MIN_SUFFIX = 4  # shorter names (os, ip, ua) must match exactly or as a part
MIN_SUFFIX_OTHER_SCRIPT = 2
SHORT_OTHER_SCRIPT = 1  # ``姓``, ``名``: whole or the last part only
SHORT = 2  # listed names this short (ip, by) match only whole or as the name's last part

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_DIGITS = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_SPLIT = re.compile(r"[\W_]+")
# Between a letter of the Latin alphabet or a digit and a letter of another script.
_SCRIPT = re.compile(r"(?<=[a-z0-9])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[a-z0-9])")
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "œ": "oe", "ı": "i"})
_ACCENT = re.compile("[\u0300-\u036f]")  # combining accents (not the kana's voicing marks)
# Type prefixes of Hungarian notation before a capital (``strPostCode``, ``intMemberID``,
# ``dtmBirth``, ``tblMember``) or a word in capitals (``strNINO``), and table prefixes
# before a separator (``tbl_member``).
_HUNGARIAN = re.compile(
    r"^(?:str|int|dtm|dt|bln|bit|lng|dbl|dec|cur|txt|chr|vch|sz|tbl|fld|obj|byt|sng|mny)"
    r"(?=[A-Z][a-z]|[A-Z]{2,}(?![a-z]))|^(?i:tbl|tb|vw)_(?=[A-Za-z])"
)
# ``id_cliente``, ``idKlienta``, ``cle_client`` (French clé): a key written first (not ``ref``:
# ``ref.cities``, ``ref_country`` are reference data)
KEY_FIRST = frozenset({"id", "fk", "pk", "cle"})
# Abbreviations database schemas use for the words the policy lists, by convention rather
# than by any one schema (``cust``, ``addr``, ``ph``, ``no``/``nr``/``nummer``, ``nm``).
ABBREVIATIONS = {
    "acct": "account",
    "addr": "address",
    "adr": "address",
    "bdate": "birth_date",
    "bday": "birthday",
    "brth": "birth",
    "clnt": "client",
    "cp": "code_postal",
    "cntry": "country",
    "ctry": "country",
    "cty": "city",
    "cust": "customer",
    "dob": "date_of_birth",
    "eml": "email",
    "fname": "first_name",
    "fnm": "first_name",
    "gndr": "gender",
    "lname": "last_name",
    "lnm": "last_name",
    "mname": "middle_name",
    "mob": "mobile",
    "nac": "nacimiento",
    "nais": "naissance",
    "naiss": "naissance",
    "nasc": "nascimento",
    "nbr": "number",
    "nm": "name",
    "no": "number",
    "nr": "number",
    "num": "number",
    "numero": "number",  # French, Spanish, Italian, Portuguese
    "nummer": "number",
    "ph": "phone",
    "phn": "phone",
    "prov": "province",
    "st": "state",
    "strt": "street",
    "usr": "user",
    # IBM i (RPG) and JD Edwards fields, written out once their table's prefix is gone
    # (``CMNAM1``, ``EMFNAM``, ``CMBDAT``, ``ALADD1``), and RPG-style files' names
    # (``CUSMST``, ``EMPMST``, ``WHSMST``: a master file of customers, employees, warehouses)
    "brdt": "birth_date",
    "bdat": "birth_date",
    "cnty": "county",
    "cus": "customer",
    "emp": "employee",
    "fnam": "first_name",
    "lnam": "last_name",
    "mst": "master",
    "nam": "name",
    "phon": "phone",
    "whs": "warehouse",
    # legacy ERPs' German, Dutch and Nordic abbreviations (``vorn``, ``geb_dat``, ``wpl``)
    "anaam": "achternaam",
    "dat": "date",
    "enamn": "efternamn",
    "enavn": "efternavn",
    "fdato": "birth_date",
    "fnamn": "fornamn",
    "fnavn": "fornavn",
    "geb": "birth",
    "gsm": "mobile",
    "hnr": "hausnummer",
    "huisnr": "huisnummer",
    "kd": "kunde",
    "pc": "postcode",
    "str": "strasse",
    "tfn": "telefon",
    "vnaam": "voornaam",
    "vorn": "vorname",
    "wpl": "woonplaats",
    # SAP's data dictionary (the same fields in every SAP system: ``KNA1`` customers,
    # ``PA0002`` personal data, ``USR02`` logons): German words cut to five characters
    "aenam": "user_name",  # who changed the record: a user's logon name
    "anred": "anrede",
    "bankn": "bank_account",
    "bname": "benutzername",
    "ernam": "user_name",  # who created the record
    "gbdat": "geburtsdatum",
    "gesch": "geschlecht",
    "hsnmr": "hausnummer",
    "koinh": "kontoinhaber",
    "kunnr": "kundennummer",
    "nachn": "nachname",
    "pernr": "personnel_number",
    "pstlz": "postleitzahl",
    "regio": "region",
    "smtp": "email",
    "stras": "strasse",
    "telf": "telefon",
    "telfx": "telefax",
    "telnr": "telefonnummer",
    "vorna": "vorname",
}
# Abbreviations only before a number: an address's lines in RPG and JD Edwards fields
# (``ADD1``, ``ALADD2``), where elsewhere ``add`` is what was added (``add_date``, ``ADDUSER``).
NUMBERED = {"add": "address"}
# Words a name run together without separators is split into, two at a time (``CUSTNM``,
# ``EMAILADDR``, ``phonenumber``): the abbreviations and the words they stand for.
_RUN_TOGETHER = frozenset(ABBREVIATIONS) | frozenset({
    "address", "alternate", "birth", "city", "code", "contact", "customer", "date", "day",
    "email", "employee", "family", "first", "full", "gender", "given", "home", "last", "mail",
    "middle", "mobile", "name", "note", "number", "phone", "phonetic", "post", "postal", "ship",
    "street", "text", "user", "work", "zip",
})  # fmt: skip
MIN_RUN_TOGETHER = 4
MAX_RUN_TOGETHER = 3  # words a part is split into at most (``lastnamephonetic``)
# A name of a thing (``company_name``, ``nom_produit``, ``city_name``) is that thing's: it
# matches only listed names that name the thing themselves (``street_name``: ``street``).
NAME_PARTS = frozenset(
    {"name", "nom", "nombre", "nome", "naam", "nazwa", "navn", "namn", "nimi", "名前", "名称"}
)
THING_PARTS = frozenset({
    "company", "companies", "business", "firm", "firma", "organisation", "organization", "org",
    "societe", "entreprise", "empresa", "azienda", "bedrijf", "bedrijfs", "unternehmen",
    "firmen", "yritys", "foretag", "selskap", "product", "produit", "producto", "prodotto",
    "produto", "produkt", "tuote", "item", "article", "articulo", "articolo", "artikel",
    "brand", "marque", "marca", "merk", "model", "modele", "modelo", "modello", "category",
    "categorie", "categoria", "kategorie", "department", "departement", "dept", "store", "shop",
    "magasin", "tienda", "loja", "negozio", "winkel", "laden", "butik", "kauppa", "supplier",
    "vendor", "reseller", "dealer", "distributor", "retailer", "wholesaler", "fournisseur",
    "proveedor", "fornecedor", "fornitore", "leverancier", "lieferant", "city", "ville",
    "ciudad", "cidade", "citta", "stad", "stadt", "town", "country", "pays", "pais", "paese",
    "land", "street", "rue", "calle", "rua", "straat", "strasse", "ulica", "region", "file",
    "fichier", "host", "server", "project", "team", "group", "role", "event", "campaign",
    "plan", "course",
})  # fmt: skip
KEY_PARTS = frozenset({"id", "key", "fk", "pk", "sk", "bk", "uuid", "guid", "ref", "cle"})
# An address's number is its record's (``ADRNR``, ``ADDRNUMBER``); a house's is written so
RECORD_NUMBERS = ("address_number",)
# A data warehouse's words for which key of a thing a column holds (``CustomerAlternateKey``,
# ``client_business_key``): the surrogate and the business key both stand for the thing.
KEY_QUALIFIERS = frozenset({"alternate", "business", "natural", "surrogate", "durable"})
# Last words that make a name say something about a value rather than be it: the kind of
# an address, a phone's status, how many emails (``addr_type``, ``phone_status``).
ABOUT_PARTS = frozenset(
    {"type", "kind", "status", "count", "flag", "format", "verified", "estimated"}
)
# A place of birth (``place_of_birth``, ``birth_country``, ``lieu_naissance``) is neither a
# date of birth nor an address: it matches no listed name.
BIRTH_PARTS = frozenset(
    {"birth", "naissance", "nacimiento", "nascimento", "nascita", "geboorte", "geburt",
     "geburts", "fodsel", "fodsels", "urodzenia", "syntyma"}
)  # fmt: skip
PLACE_PARTS = frozenset(
    {"place", "city", "town", "country", "ort", "lieu", "lugar", "luogo", "local", "plaats",
     "land", "sted", "miejsce", "paikka", "pays", "pais", "paese", "ville", "ciudad", "cidade"}
)  # fmt: skip
OPTION_CODE = "code"  # an option set's value (``gendercode``: the gender, coded)
# RPG and JD Edwards fields: a table's prefix, then two to eight characters (``CMSSN#``)
TABLE_PREFIX, MIN_PREFIXED_FIELDS = 2, 3
_PREFIXED_FIELD = re.compile(r"[A-Za-z][A-Za-z0-9][A-Za-z0-9#@$]{2,8}")


@dataclass(frozen=True)
class NameSignal:
    category: str
    strength: float
    how: str  # exact, part or suffix
    matched: str
    needs_values: bool  # a confirm_names match: counts only if the values agree


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lower case, words separated by ``_``, letters folded, abbreviations written out.
    Cached: every column's name is compared with every listed name of the policy."""
    camel = _CAMEL.sub("_", _HUNGARIAN.sub("", name)).lower().translate(_FOLD)
    folded = _ACCENT.sub("", unicodedata.normalize("NFKD", camel))
    spaced = _SCRIPT.sub("_", _DIGITS.sub("_", folded))
    words = [w for p in _SPLIT.split(spaced) if p for w in _run_together(p)]
    if len(words) > 1 and words[0] in KEY_FIRST:
        words = [*words[1:], words[0]]
    following = [*words[1:], ""][: len(words)]
    return "_".join(_written_out(w, after) for w, after in zip(words, following, strict=True))


def _written_out(word: str, after: str) -> str:
    """An abbreviation written out; one that means something else but before a number
    (``add1``: an address line; ``add_date``: when it was added) only there."""
    if after.isdigit() and word in NUMBERED:
        return NUMBERED[word]
    return ABBREVIATIONS.get(word, word)


def _run_together(part: str) -> list[str]:
    """``custnm`` as ``cust``, ``nm``: a part that is two or three known words run together
    (``lastnamephonetic``)."""
    if len(part) >= MIN_RUN_TOGETHER and part not in _RUN_TOGETHER:
        return _known_words(part, MAX_RUN_TOGETHER) or [part]
    return [part]


def _known_words(part: str, most: int) -> list[str] | None:
    """``part`` as at most ``most`` known words, the first as short as it can be."""
    if part in _RUN_TOGETHER:
        return [part]
    if most > 1:
        for cut in range(1, len(part)):
            if part[:cut] in _RUN_TOGETHER and (rest := _known_words(part[cut:], most - 1)):
                return [part[:cut], *rest]
    return None


def without_table_prefix(columns: list[str], policy: Policy) -> dict[str, str] | None:
    """IBM i (RPG) and JD Edwards fields (``CMCUST``, ``CMNAM1``, ``CMCITY``: at most ten
    characters, no separator, one case, the table's two-character prefix first), each
    without the prefix (``NAM1``, ``CITY``), where that explains more of them; a start the
    words themselves share (``postcode``, ``poststed``) stays. None when not such fields."""
    if len(columns) < MIN_PREFIXED_FIELDS or not all(map(_prefixed_field, columns)):
        return None
    if len({c[:TABLE_PREFIX].upper() for c in columns}) != 1:
        return None
    short = {c: c[TABLE_PREFIX:] for c in columns}
    return short if _with_signals(short.values(), policy) > _with_signals(columns, policy) else None


def _prefixed_field(name: str) -> bool:
    return _PREFIXED_FIELD.fullmatch(name) is not None and (name.isupper() or name.islower())


def _with_signals(columns: Iterable[str], policy: Policy) -> int:
    return sum(bool(name_signals(c, policy)) for c in columns)


def names_a_thing(column_name: str) -> bool:
    """``company_name``, ``nom_produit``: the name of a thing, not of a person."""
    return bool(_things_named(normalise(column_name).split("_")))


def _things_named(parts: list[str]) -> set[str]:
    return THING_PARTS.intersection(parts) if NAME_PARTS.intersection(parts) else set()


def is_key_name(normalised: str) -> bool:
    """Named as a key (``address_id``, ``cityKey``; an address's record number, SAP's
    ``ADRNR``), not as the thing it points at."""
    return normalised.rsplit("_", 1)[-1] in KEY_PARTS or normalised.endswith(RECORD_NUMBERS)


def name_signals(column_name: str, policy: Policy) -> list[NameSignal]:
    """Every category the column's name points at, strongest first (one signal each)."""
    return list(_signals(column_name, _listed(policy)))


@dataclass(frozen=True, eq=False)  # hashed by identity: one per policy object
class _Listed:
    names: tuple[tuple[str, str, str, bool], ...]  # category, as listed, normalised, confirm
    special: frozenset[str]  # categories of special data: what a name says about it is it


_LISTED_BY_POLICY: dict[int, tuple[Policy, _Listed]] = {}
MAX_POLICIES = 8  # a process sees one policy, tests a few variants


def _listed(policy: Policy) -> _Listed:
    """The policy's listed names, normalised once per policy object rather than per column."""
    entry = _LISTED_BY_POLICY.get(id(policy))
    if entry is None or entry[0] is not policy:
        names = tuple(
            (category_id, raw, normalise(raw), needs_values)
            for category_id, category in policy.categories.items()
            for raw, needs_values in [
                *((n, False) for n in category.detect.column_names),
                *((n, True) for n in category.detect.confirm_names),
            ]
        )
        if len(_LISTED_BY_POLICY) >= MAX_POLICIES:
            _LISTED_BY_POLICY.pop(next(iter(_LISTED_BY_POLICY)))
        special = frozenset(
            c
            for c, category in policy.categories.items()
            if category.sensitivity is Sensitivity.SPECIAL
        )
        entry = _LISTED_BY_POLICY[id(policy)] = (policy, _Listed(names, special))
    return entry[1]


@lru_cache(maxsize=65536)
def _signals(column_name: str, listed: _Listed) -> tuple[NameSignal, ...]:
    name = normalise(column_name)
    parts = name.split("_")
    if BIRTH_PARTS.intersection(parts) and PLACE_PARTS.intersection(parts):
        return ()
    key = is_key_name(name)
    about = _about(parts)
    things = _things_named(parts)
    best: dict[str, NameSignal] = {}
    for category_id, raw, listed_name, needs_values in listed.names:
        said_about = about and category_id not in listed.special  # an allergy's status
        if name != listed_name and (said_about or (key and not is_key_name(listed_name))):
            continue
        if things and things.isdisjoint(listed_name.split("_")):
            continue
        signal = _match(name, parts, listed_name)
        if signal is None:
            continue
        strength, how = signal
        candidate = NameSignal(category_id, strength, how, raw, needs_values)
        current = best.get(category_id)
        if current is None or _rank(candidate) > _rank(current):
            best[category_id] = candidate
    return tuple(sorted(best.values(), key=_rank, reverse=True))


def _about(parts: list[str]) -> bool:
    """Says something about a value (``addr_type``), also as an option set's code
    (``address_type_code``, ``addresstypecode``, ``familystatuscode``)."""
    last = parts[-1]
    if last == OPTION_CODE and len(parts) > 2:
        return parts[-2] in ABOUT_PARTS
    if last.endswith(OPTION_CODE):
        last = last.removesuffix(OPTION_CODE)
        return any(last.endswith(word) for word in ABOUT_PARTS)
    return len(parts) > 1 and last in ABOUT_PARTS


def _key_stem(parts: list[str]) -> list[str]:
    """What a key is a key of: ``customer`` of ``customer_alternate_key``."""
    return [p for p in parts[:-1] if p not in KEY_QUALIFIERS]


def _min_suffix(listed: str) -> int:
    """A word of a script without spaces between words (``氏名`` in ``顧客氏名``) is a suffix
    at two characters; Latin words at four."""
    return MIN_SUFFIX if listed.isascii() else MIN_SUFFIX_OTHER_SCRIPT


def _rank(signal: NameSignal) -> tuple[bool, float, int]:
    """Names that need no values first, then the strongest, then the longest listed name
    (``internalemailaddress``: ``email_address`` over ``address``)."""
    return (not signal.needs_values, signal.strength, len(signal.matched))


def _match(name: str, parts: list[str], listed: str) -> tuple[float, str] | None:
    if name == listed:
        return EXACT, "exact"
    listed_parts = listed.split("_")
    if is_key_name(name) and is_key_name(listed) and _key_stem(parts) == _key_stem(listed_parts):
        return EXACT, "exact"
    n = len(listed_parts)
    if len(listed) <= (SHORT if listed.isascii() else SHORT_OTHER_SCRIPT):
        # "client_ip", "cust_mi"; never "ip_range_start", nor who did it ("created_by")
        last = parts[-1] == listed and not parts[-2].endswith("ed")
        return (PART, "part") if last else None
    if any(parts[i : i + n] == listed_parts for i in range(len(parts) - n + 1)):
        return PART, "part"
    if len(listed) >= _min_suffix(listed) and any(p.endswith(listed) for p in parts):
        return SUFFIX, "suffix"
    joined = listed.replace("_", "")  # words run together (``internalemailaddress``)
    if n > 1 and any(p.endswith(joined) for p in parts):
        return SUFFIX, "suffix"
    return None
