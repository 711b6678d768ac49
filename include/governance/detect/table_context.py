"""A column's finding in the light of its table: whose data a row holds decides what counts.

A column alone says what kind of value it holds; the table says whether it is a person's.
Two kinds of finding are judged by their table:

* a **weak name** (a column called ``name`` or ``title``, or none, whose values look like
  names): a product, a song, a company and a band have names too, so it counts only in a
  table that holds people, or when most values are people's names (their first word a
  known given name: ``name_lists``);
* a column **called a name** (``nom``, ``nombre``, ``naam``) whose values are lone
  capitalised words that are no everyday words (surnames alone: ``Dupont``, ``van Dijk``)
  is a person's name in a table that holds people, though no value is a full name;
* **contact details** (a postal address, a phone or fax number), **IP addresses** and
  **bank accounts**: a shop, an office, a supplier, a server and a lookup table of cities
  (an IP standing for a place) have them too, so in a table
  that shows it is about a thing (it is named for places or organisations, or its names
  are names of things, or a name column
  names no people) they count only if it holds people too, or is a table of addresses
  (which people's rows point at). Where nothing says whose they are, they count: the
  inventory errs towards personal data. Card numbers, validated, count wherever they are.

A table holds people when another column is personal data of another kind (an email, a
birth date, a customer number, a person's name...), or when it or one of its keys is named
for people (``customers``, ``employee_id``, ``kunde_nr``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from include.governance.detect.classify import (
    VALUE_WEIGHT,
    Finding,
    attribute_finding,
    classify_column,
    is_long_text,
)
from include.governance.detect.name_lists import (
    COMMON_ZIPF,
    NAME_PARTICLE,
    NAME_WORD,
    is_given_name,
    surnames,
    without_accents,
    zipf,
)
from include.governance.detect.names import (
    is_key_name,
    name_signals,
    names_a_thing,
    normalise,
    without_table_prefix,
)
from include.governance.detect.national_formats import attribute_phones, national_formats
from include.governance.detect.phones import country_regions, number_regions
from include.governance.detect.script_names import CASELESS_WORD
from include.governance.detect.structured import (
    is_attribute_key,
    is_attribute_value,
    is_value_column,
    key_column_category,
)
from include.governance.policy import Policy
from include.governance.sampling import TableSample

NAME, PERSON_NAME, EMAIL, CUSTOMER_ID = "name", "person_name", "email", "customer_id"
# A table of customers (``customers``, ``customer_entity``, ``clientes``, ``kunder``): its
# own key, however named, is the customer number.
# (a business partner: Odoo's ``res_partner``, SAP's, a CRM's, holding customers)
CUSTOMER_WORDS = (
    "customer", "client", "kunde", "kund", "asiakas", "klant", "klient", "partner", "member",
)  # fmt: skip
OWN_KEYS, OWN_KEY = frozenset({"id", "entity_id"}), 0.6
# Mailboxes of a role rather than a person (RFC 2142's and their like, in the policy's
# languages): most e-mails of a column being these, they are an organisation's.
MAILBOXES = frozenset({
    "info", "sales", "contact", "office", "support", "admin", "accounts", "billing", "hello",
    "post", "kontakt", "mail", "service", "orders", "order", "enquiries", "team", "hr", "jobs",
    "noreply", "no-reply", "webmaster", "marketing", "press", "finance", "invoice", "invoices",
    "faktura", "kundeservice", "kundservice", "contato", "contacto", "ventas", "vendas",
    "verkauf", "vertrieb", "bestellung", "accueil", "commercial", "ventes", "postmaster",
})  # fmt: skip
ROLE_SHARE = 0.5
ROLE_MAILBOXES = "role_mailboxes"  # the evidence's mark
CONTACT = frozenset({"postal_address", "phone"})
IP_ADDRESS = "ip_address"  # a visitor's, or a server's, or a place's (a geography's locator)
PAYMENT, CARD = "payment", "payment_card"
STRONG_NAME_SHARE = 0.5  # most values are people's names: a person's even alone in its table
LONE_NAME_SHARE = 0.8  # of a column called a name, values that are lone names: surnames
_LONE_NAME = re.compile(
    rf"(?:{NAME_PARTICLE} )*({NAME_WORD})(?: (?:{NAME_PARTICLE} )*{NAME_WORD})?"
)
# Single words the name lists know, by distinct values: given names (most of them) or
# surnames (half of them: surnames are more varied than the lists); with a column of the
# other kind beside it, as sure as a name's part.
GIVEN, SURNAME = "given_names", "surnames"
GIVEN_SHARE, SURNAME_SHARE, MIN_LISTED_WORDS, LISTED_BESIDE = 0.7, 0.5, 10, 0.5
MAX_LISTED_WORDS = 200  # distinct words read: the share is known well enough by then
TEXT_FIRST = 20  # a column's first values, read for free text with numbers
_ONE_NAME = re.compile(f"{NAME_WORD}|{CASELESS_WORD}")  # "Denise", "ნესტან", "민준"
# A column called the firm whose row it is (``firma``, ``company``, ``societe``).
FIRM_WORDS = (
    "firma", "firm", "compan", "societe", "entreprise", "empresa", "azienda", "bedrijf",
    "unternehm", "yritys", "foretag", "selskap",
)  # fmt: skip
# Words naming people in tables and keys, in the languages of the policy's names; a word
# counts as the start of a table's last word or a key's stem ("customers", "kunder").
PERSON_WORDS = (
    "customer", "client", "user", "employee", "staff", "person", "people", "member",
    "patient", "student", "applicant", "candidate", "guest", "passenger", "subscriber",
    "contact", "lead", "prospect",
    "kunde", "kund", "ansatt", "anstalld", "medarbe", "bruker", "anvandare", "asiakas",
    "tyontekija", "kayttaja", "mitarbeiter", "benutzer",
)  # fmt: skip
ADDRESS_WORDS = ("address", "adress", "adresse", "osoite", "anschrift")
# Last words of tables that extend another's rows: EAV entities and their typed value
# tables, custom fields, meta, info and attribute rows (``customer_entity_varchar``,
# ``contacts_cstm``, ``user_attribute``): such a table is of what it extends; and of a
# master file (``CUSMST``, ``kd_stamm``): it is of what it is the master of.
EXTENSION_WORDS = frozenset({
    "entity", "varchar", "int", "text", "datetime", "decimal", "cstm", "custom", "meta",
    "info", "data", "attribute", "attributes", "ext", "extra", "detail", "details", "master",
    "stamm",
})  # fmt: skip
# Tables of places (lookups of cities, regions, a warehouse's geography and sales
# territories) and of organisations (trading partners too), and their premises, in the
# languages of names.py.
PLACE_WORDS = (
    "city", "cities", "town", "countr", "state", "region", "county", "district", "provinc",
    "location", "place", "municipal", "kommun", "fylke", "lan", "kunta", "kaupunki", "stad",
    "ort", "postcode", "postal_code", "zip", "geograph", "territor",
    "ville", "commune", "departement", "ciudad", "cidade", "citta", "comune", "plaats", "miast",
    "gmin", "powiat", "wojewod",
)  # fmt: skip
ORGANISATION_WORDS = (
    "supplier", "vendor", "shipper", "carrier", "compan", "store", "shop", "office",
    "warehouse", "branch", "bank", "manufacturer", "leverand", "leverant", "lieferant",
    "toimittaja", "firma", "firm", "unternehm", "geschaft", "filial",
    "magasin", "boutique", "agence", "succursal", "entrepot", "etablissement", "usine",
    "fournisseur", "societe", "entreprise", "tienda", "sucursal", "almacen", "proveedor",
    "loja", "fornecedor", "negozi", "fornitore", "azienda", "winkel", "filiaal",
    "leveranc", "bedrijf", "sklep", "dostawc", "magazyn",
    "reseller", "dealer", "distribut", "retailer", "wholesaler", "revendeur", "grossiste",
    "concessionnaire", "distribuidor", "mayorista", "revendedor", "rivenditor", "groothandel",
)  # fmt: skip


def classify_table(table: str, sample: TableSample, policy: Policy) -> dict[str, Finding | None]:
    """Each sampled column's finding (``classify_column``), kept only where its table
    agrees; a column that could not be sampled has none. Fields sharing their table's
    prefix (``CMNAM1``) are judged by their names without it (``NAM1``)."""
    short = without_table_prefix([c.name for c in sample.columns], policy)
    if short is None:
        return _classify_table(table, sample, policy)
    renamed = replace(sample, columns=[replace(c, name=short[c.name]) for c in sample.columns])
    full = {name: column for column, name in short.items()}
    return {full[c]: f for c, f in _classify_table(table, renamed, policy).items()}


def _classify_table(table: str, sample: TableSample, policy: Policy) -> dict[str, Finding | None]:
    regions = _text_regions(sample)
    found = {
        c.name: classify_column(c, policy, regions=regions)
        for c in sample.columns
        if not c.not_sampled
    }
    found |= national_formats(sample, found, policy)
    _with_role_mailboxes(sample, found)
    things_names = [c for c, f in found.items() if f and f.category == NAME and names_a_thing(c)]
    found |= dict.fromkeys(things_names)
    found |= _key_value_findings(sample, found, policy)
    found |= _own_customer_keys(table, sample, found)
    found |= _attribute_rows(table, sample, found, policy)
    weak = {c for c, f in found.items() if f and f.category == NAME and _weak_name(c, policy)}
    anchors = {c for c, f in found.items() if f and not _whose(f) and c not in weak}
    people = _named_for_people(table, [c.name for c in sample.columns])
    listed = _listed_names(sample, found, people=people or bool(anchors))
    found |= listed
    anchors |= set(listed)
    things = {c for c in weak if not (people or anchors - {c} or _mostly_names(found[c]))}
    found |= dict.fromkeys(things)
    anchors |= weak - things
    if people or anchors:
        found |= _lone_names(sample, found, policy)
    unnamed = {c for c, f in found.items() if f is None and _called_name(c, policy)}
    of_a_thing = (
        things
        or unnamed
        or _named(table, PLACE_WORDS + ORGANISATION_WORDS)
        or any(_names_a_firm(c.name) for c in sample.columns)
    )
    if of_a_thing and not (people or anchors or named_for_addresses(table)):
        found = {c: None if f and _whose(f) else f for c, f in found.items()}
    return found


def _text_regions(sample: TableSample) -> tuple[str, ...]:
    """The countries a table's rows say they are from (a country column, the country codes
    of its phone numbers), whose national phones its free text may hold; read only where it
    has free text with digits."""
    texts = [c for c in sample.columns if c.kind == "text" and not c.not_sampled and c.values]
    if not any(_has_numbered_text(c.values) for c in texts):
        return ()
    columns = [c.values for c in texts]
    return tuple(dict.fromkeys([*country_regions(columns), *number_regions(columns)]))


def _has_numbered_text(values: list[object]) -> bool:
    return any(is_long_text(v) and any(ch.isdigit() for ch in v) for v in values[:TEXT_FIRST])


def _lone_names(
    sample: TableSample, found: dict[str, Finding | None], policy: Policy
) -> dict[str, Finding]:
    """Columns called a name, with no finding, whose values are mostly lone names."""
    lone = {}
    for column in sample.columns:
        if found.get(column.name, False) is not None or not _called_name(column.name, policy):
            continue
        if names_a_thing(column.name) or not (
            texts := [v for v in column.values if isinstance(v, str)]
        ):
            continue
        share = sum(map(_is_lone_name, texts)) / len(texts)
        if share >= LONE_NAME_SHARE:
            evidence = {"sampled": len(column.values), "lone_names": {"share": round(share, 3)}}
            lone[column.name] = Finding(NAME, round(VALUE_WEIGHT * share, 3), evidence)
    return lone


def _listed_names(
    sample: TableSample, found: dict[str, Finding | None], *, people: bool
) -> dict[str, Finding]:
    """Columns no name explains whose values are single words the lists know as given
    names (``Denise``) or surnames (``Hill``), as legacy systems write them (``DENISE``):
    a table of people read from its values where its names say nothing (``WWGNNM``,
    ``WWSRNM``), when it holds people anyway or given names stand beside surnames."""
    listed: dict[str, tuple[str, float, int]] = {}
    for column in sample.columns:
        if column.kind != "text" or found.get(column.name, False) is not None:
            continue
        words = {v.strip() for v in column.values if isinstance(v, str) and v.strip()}
        if len(words) > MAX_LISTED_WORDS:  # the same words every run, whatever the hash seed
            words = set(sorted(words)[:MAX_LISTED_WORDS])
        if len(words) >= MIN_LISTED_WORDS and (kind := _listed_kind(words)):
            listed[column.name] = (*kind, len(column.values))
    if not (people or {GIVEN, SURNAME} <= {kind for kind, _, _ in listed.values()}):
        return {}
    return {
        name: Finding(
            NAME,
            round(1 - (1 - LISTED_BESIDE) * (1 - VALUE_WEIGHT * share), 3),
            {"sampled": sampled, "listed_names": {"kind": kind, "share": round(share, 3)}},
        )
        for name, (kind, share, sampled) in listed.items()
    }


def _listed_kind(words: set[str]) -> tuple[str, float] | None:
    """Given names or surnames, and their share of the distinct words; None if neither."""
    given = surname = 0
    for word in words:
        word = word.title() if word.isupper() else word
        if _ONE_NAME.fullmatch(word):
            plain = without_accents(word)
            given += is_given_name(word) or is_given_name(plain)
            surname += word in surnames() or plain in surnames()
    if given >= GIVEN_SHARE * len(words):
        return GIVEN, given / len(words)
    if surname >= SURNAME_SHARE * len(words):
        return SURNAME, surname / len(words)
    return None


def _names_a_firm(column: str) -> bool:
    """A column called the firm (``firma``, ``company``): the row is an organisation's."""
    name = normalise(column)
    return "_" not in name and name.startswith(FIRM_WORDS)


def _is_lone_name(value: str) -> bool:
    match = _LONE_NAME.fullmatch(value.strip())
    return match is not None and zipf(match[1]) < COMMON_ZIPF


def _key_value_findings(
    sample: TableSample, found: dict[str, Finding | None], policy: Policy
) -> dict[str, Finding]:
    """A key/value table's value columns (``value``, ``valor``) without a finding of their
    own take the category its key column's values name (``email``, ``telefono``)."""
    values = [c for c in sample.columns if c.name in found and found[c.name] is None]
    targets = [c for c in values if c.kind in {"text", "other"} and is_value_column(c.name)]
    if not targets:
        return {}
    for key in sample.columns:
        if key.kind != "text" or is_value_column(key.name):
            continue
        category, share = key_column_category(key.values, policy)
        if category:
            evidence = {
                "sampled": len(key.values),
                "key_column": {"column": key.name, "share": round(share, 3)},
            }
            finding = Finding(category, round(VALUE_WEIGHT * share, 3), evidence)
            return {c.name: finding for c in targets if c.values}
    return {}


def _attribute_rows(
    table: str, sample: TableSample, found: dict[str, Finding | None], policy: Policy
) -> dict[str, Finding]:
    """A person's attribute rows (a key to people or a table of them, a key to the
    attribute, a value): the value column holds what a few of its values validate as."""
    columns = [c.name for c in sample.columns]
    if not (_named_for_people(table, columns) and any(map(is_attribute_key, columns))):
        return {}
    values = [
        c
        for c in sample.columns
        if c.name in found and found[c.name] is None and is_attribute_value(c.name)
    ]
    return {
        c.name: f
        for c in values
        if (f := attribute_finding(c, policy) or attribute_phones(c, policy))
    }


def _whose(finding: Finding) -> bool:
    """Data that anyone's row may hold, a company's or a place's as well as a person's."""
    detector = finding.evidence.get("values", {}).get("detector")
    return (
        finding.category in CONTACT
        or finding.category == IP_ADDRESS
        or (finding.category == PAYMENT and detector != CARD)
        or finding.evidence.get(ROLE_MAILBOXES, False)
    )


def _with_role_mailboxes(sample: TableSample, found: dict[str, Finding | None]) -> None:
    """E-mails most of which are an organisation's mailboxes (``info@``, ``sales@``) are
    whoever's the row is, as its phone is: marked, so that the table decides."""
    for column in sample.columns:
        finding = found.get(column.name)
        if finding is None or finding.category != EMAIL:
            continue
        local = [
            v.split("@", 1)[0].lower() for v in column.values if isinstance(v, str) and "@" in v
        ]
        if local and sum(part in MAILBOXES for part in local) >= ROLE_SHARE * len(local):
            found[column.name] = replace(
                finding, evidence={**finding.evidence, ROLE_MAILBOXES: True}
            )


def _weak_name(column: str, policy: Policy) -> bool:
    """Not named as a person's name (``first_name``): it needs its values and its table."""
    return not any(s.category == NAME and not s.needs_values for s in name_signals(column, policy))


def _called_name(column: str, policy: Policy) -> bool:
    """Called a name (``avd_namn``, ``vendor_nm``) though its values named no person; a
    word ending in one (``eventname``, ``hostname``) names what it says, not the row."""
    return any(
        s.category == NAME and s.needs_values and s.how != "suffix"
        for s in name_signals(column, policy)
    )


def _mostly_names(finding: Finding) -> bool:
    evidence = finding.evidence
    values = evidence.get("values", {})
    share = values.get("match_rate", 0.0) if values.get("detector") == PERSON_NAME else 0.0
    share = max(share, evidence.get("free_text", {}).get("share", 0.0))
    return share >= STRONG_NAME_SHARE


def named_for_people(table: str) -> bool:
    """``customers``, ``hr.anstallda``, ``Employee``: a table named for people."""
    return _named(table, PERSON_WORDS)


def named_for_addresses(table: str) -> bool:
    """``address``, ``cust_addr``: a table named for addresses."""
    return _named(table, ADDRESS_WORDS)


def _named_for_people(table: str, columns: list[str]) -> bool:
    """Named for people, or holding a key to a person; not a key to whoever did something
    to the record (``assigned_user_id``, ``modified_user_id``): any record has those."""
    if named_for_people(table):
        return True
    keys = [normalise(c) for c in columns]
    stems = [k.rsplit("_", 1)[0] for k in keys if is_key_name(k) or k.endswith("_number")]
    return any(_named(stem, PERSON_WORDS) and not _of_a_doer(stem) for stem in stems)


def _of_a_doer(stem: str) -> bool:
    return stem.split("_", 1)[0].endswith("ed")


def _named(name: str, words: tuple[str, ...]) -> bool:
    return _subject(name).startswith(words)


def _subject(name: str) -> str:
    """What a table is of: its last word, less the words of tables that extend another
    (``customer_entity_varchar``, ``contacts_cstm``, ``mdl_user_info_data``)."""
    return table_stem(name).rsplit("_", 1)[-1]


def table_stem(name: str) -> str:
    """The table's name, normalised, less the words of an extension (``customer_address``
    of ``customer_address_entity``): what a key named for it is named."""
    words = normalise(name).split("_")
    while len(words) > 1 and words[-1] in EXTENSION_WORDS:
        words.pop()
    return "_".join(words)


def _own_customer_keys(
    table: str, sample: TableSample, found: dict[str, Finding | None]
) -> dict[str, Finding]:
    """A table of customers' own key (``id``, ``entity_id``, or named for the table's
    subject: ``CMCUST`` of ``CUSMST``) is the customer number; a table so named with no
    personal data is of something else (an OAuth ``client``)."""
    subject = _subject(table)
    if not subject.startswith(CUSTOMER_WORDS) or not any(found.values()):
        return {}
    evidence = {"sampled": 0, "table_key": {"of": subject}}
    keys = OWN_KEYS | {subject, f"{subject}_id"}
    return {
        c.name: Finding(CUSTOMER_ID, OWN_KEY, {**evidence, "sampled": len(c.values)})
        for c in sample.columns
        if c.name in found and found[c.name] is None and normalise(c.name) in keys
    }
