#!/usr/bin/env python3
"""Build benchmarks/corpora/field_notes.jsonl from the hand-written notes in field_notes/*.txt.

Written blind (session 13): without reading the detector, its word lists or its tests, and
without running the redaction on a note before the labels were committed.

Each note is one line ``lang|text`` of a genre's file (``\\n`` inside a line is a line break;
``#`` starts a comment line); the notes are shuffled (seeded) before they are numbered. Markup:

  [[n|Kari Nordmann]]      a literal span: n person_name, a address, h health, e email,
                           d date_of_birth, t phone (also b, ib, c, ip, id)
  {fnr} {fnr:f:sp} {dnr:m} Norwegian fødselsnummer / D-number (sex; sp "ddmmyy nnnnn",
                           stt "dd mm yy nnn nn")
  {pnr} {pnr:c} {pnr12}    Swedish personnummer (yymmdd-nnnn, compact, yyyymmdd-nnnn)
  {cpr} {cpr:c}            Danish CPR (ddmmyy-nnnn, compact)
  {hetu}                   Finnish HETU (ddmmyy-nnnC; A for the 2000s)
  {dob:dot} {dob:en} ...   the note's birth date in a written form (see DOB_FORMS)
  {tel:NO:9## ## ###}      a phone valid in the region; each # a random digit
  {acct} {acct:sp} {iban:SE} {iban:DK:sp} {card:visa} {ip}
  {x:NO:4#######}          a phone-valid number that is NOT labelled (an order number trap)
  {xid}                    an 11-digit number shaped like ddmmyy+5 that is no valid fnr
                           or account number (an invoice number trap)

Within one note every ID and the date of birth share one birth date (``{young}`` anywhere in
the note: born 2000-2008). Values come from a random generator seeded per note, so the run
is deterministic; none is taken from a real person.

  python make_field_notes.py            write field_notes.jsonl beside this file, then check it
  python make_field_notes.py --check F  only check F
  python make_field_notes.py --stats F  print the counts
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import random
import re
import string
import sys
from collections import Counter
from pathlib import Path

import phonenumbers
from stdnum import iban as iban_check
from stdnum import luhn
from stdnum.dk import cpr
from stdnum.fi import hetu
from stdnum.no import fodselsnummer, kontonr
from stdnum.se import personnummer

HERE = Path(__file__).parent
OUT = HERE / "field_notes.jsonl"
PREFIX = "f"
SEED = 1313
LANGS = {"no", "nn", "sv", "da", "fi", "en", "de", "pl", "lt", "mixed"}
KINDS = {
    "n": "person_name",
    "a": "address",
    "d": "date_of_birth",
    "id": "national_id",
    "b": "bank_account",
    "ib": "iban",
    "e": "email",
    "t": "phone",
    "h": "health",
    "c": "payment_card",
    "ip": "ip_address",
}
PHONE_REGIONS = ("NO", "SE", "DK", "FI", "DE", "GB", "PL", "LT", "SO", "IQ", "SY", "US")
TOKEN = re.compile(r"\[\[(\w+)\|(.+?)\]\]|\{(\w+)((?::[^:{}]+)*)\}")
MONTHS = {
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta "
    "elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
}
MONTHS = {lang: words.split() for lang, words in MONTHS.items()}


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _sex_ok(digit: int, sex: str | None) -> bool:
    """Even digits are women's, odd men's, in all four Nordic numbers."""
    return sex is None or (digit % 2 == 0) == (sex == "f")


def make_fnr(rng: random.Random, born: datetime.date, sex: str | None, dnum: bool) -> str:
    while True:
        if born.year >= 2000:
            individual = rng.randint(500, 999)
        else:
            individual = rng.choice([rng.randint(0, 499), rng.randint(900, 999)])
            if born.year < 1940 and individual >= 900:
                continue
        if not _sex_ok(individual, sex):
            continue
        day = born.day + (40 if dnum else 0)
        base = f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"
        base += fodselsnummer.calc_check_digit1(base)
        number = base + fodselsnummer.calc_check_digit2(base)
        if fodselsnummer.is_valid(number):
            return number


def make_pnr(rng: random.Random, born: datetime.date, sex: str | None) -> str:
    while True:
        serial = rng.randint(0, 999)
        if _sex_ok(serial, sex):
            nine = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{serial:03d}"
            number = nine + luhn.calc_check_digit(nine)
            if personnummer.is_valid(number[:6] + "-" + number[6:]):
                return number


def make_cpr(rng: random.Random, born: datetime.date, sex: str | None) -> str:
    while True:
        serial = f"{rng.randint(0, 3) if born.year < 2000 else 4}{_digits(rng, 3)}"
        number = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}{serial}"
        if _sex_ok(int(serial[-1]), sex) and cpr.is_valid(number):
            return number


def make_hetu(rng: random.Random, born: datetime.date, sex: str | None) -> str:
    while True:
        serial = rng.randint(2, 899)
        if _sex_ok(serial, sex):
            head = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}"
            check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(f"{head}{serial:03d}") % 31]
            number = f"{head}{'-' if born.year < 2000 else 'A'}{serial:03d}{check}"
            if hetu.is_valid(number):
                return number


def make_acct(rng: random.Random) -> str:
    while True:
        number = rng.choice(["1503", "1207", "3000", "9710", "1822", "4212", "6011"])
        number += _digits(rng, 6)
        number += str(
            (
                11
                - sum(
                    w * int(d) for w, d in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), number, strict=True)
                )
                % 11
            )
            % 11
        )
        if kontonr.is_valid(number):
            return number


IBAN_LENGTHS = {"SE": 20, "DK": 14, "FI": 14, "DE": 18, "PL": 24, "LT": 16, "SO": 19}


def make_iban(rng: random.Random, country: str) -> str:
    while True:
        bban = make_acct(rng) if country == "NO" else _digits(rng, IBAN_LENGTHS[country])
        number = country + iban_check.calc_check_digits(country + "00" + bban) + bban
        if iban_check.is_valid(number):
            return number


def make_card(rng: random.Random, brand: str) -> str:
    prefix = {"visa": "4", "mc": str(rng.randint(51, 55)), "mc2": str(rng.randint(2221, 2720))}
    body = prefix[brand]
    body += _digits(rng, 15 - len(body))
    return body + luhn.calc_check_digit(body)


def make_phone(rng: random.Random, region: str, pattern: str) -> str:
    for _ in range(10000):
        text = "".join(rng.choice(string.digits) if ch == "#" else ch for ch in pattern)
        if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
            return text
    raise ValueError(f"no valid {region} phone for {pattern!r}")


def make_ip(rng: random.Random) -> str:
    while True:
        address = ipaddress.IPv4Address(rng.randint(0x0B000000, 0xDF000000))
        if address.is_global:
            return str(address)


def make_fake_id(rng: random.Random, born: datetime.date) -> str:
    """ddmmyy + five digits, valid as neither a fødselsnummer nor an account number."""
    while True:
        number = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}{_digits(rng, 5)}"
        if not fodselsnummer.is_valid(number) and not kontonr.is_valid(number):
            return number


def written_dob(born: datetime.date, form: str) -> str:
    """The birth date as people write it: numeric forms, then months by language."""
    d, m, y = born.day, born.month, born.year
    numeric = {
        "dot": f"{d:02d}.{m:02d}.{y}",
        "dot2": f"{d:02d}.{m:02d}.{y % 100:02d}",
        "dotn": f"{d}.{m}.{y}",
        "slash": f"{d:02d}/{m:02d}/{y}",
        "slashdash": f"{d}/{m}-{y % 100:02d}",
        "dash": f"{d:02d}-{m:02d}-{y}",
        "iso": born.isoformat(),
        "ddmmyy": f"{d:02d}{m:02d}{y % 100:02d}",
        "us": f"{MONTHS['en'][m - 1]} {d}, {y}",
        "usnum": f"{m}/{d}/{y}",
        "sv8": f"{y}{m:02d}{d:02d}",
    }
    if form in numeric:
        return numeric[form]
    if form in ("no", "da", "de", "fi"):
        return f"{d}. {MONTHS[form][m - 1]} {y}"
    if form == "no3":
        return f"{d}. {MONTHS['no'][m - 1][:3]} {y}"
    if form in ("sv", "en", "pl"):
        return f"{d} {MONTHS[form][m - 1]} {y}"
    raise ValueError(form)


def render(source: str, rng: random.Random) -> tuple[str, list[dict], list[int]]:
    """A note's text, its spans in the order the markup gives them, and where each starts."""
    born = datetime.date(1926, 1, 1) + datetime.timedelta(days=rng.randint(0, 27000))
    if "{young}" in source:
        born = born.replace(year=rng.randint(2000, 2008))
    elif born.year > 2003:
        born = born.replace(year=rng.randint(1930, 2003))
    source = source.replace("{young}", "").replace("\\n", "\n")
    out: list[str] = []
    spans: list[dict] = []
    starts: list[int] = []
    position = 0
    for match in TOKEN.finditer(source):
        out.append(source[position : match.start()])
        position = match.end()
        if match.group(1):
            kind, value = KINDS[match.group(1)], match.group(2)
        else:
            kind, value = generated(match.group(3), match.group(4).split(":")[1:], rng, born)
        if kind:
            spans.append({"kind": kind, "text": value})
            starts.append(sum(map(len, out)))
        out.append(value)
    out.append(source[position:])
    return "".join(out), spans, starts


def generated(
    name: str, options: list[str], rng: random.Random, born: datetime.date
) -> tuple[str | None, str]:
    """(kind, value) for a ``{name:options}`` token; kind None for a trap left unlabelled."""
    sex = "f" if "f" in options else "m" if "m" in options else None
    if name in ("fnr", "dnr"):
        v = make_fnr(rng, born, sex, dnum=name == "dnr")
        forms = {"sp": f"{v[:6]} {v[6:]}", "stt": f"{v[:2]} {v[2:4]} {v[4:6]} {v[6:9]} {v[9:]}"}
        return "national_id", next((forms[o] for o in options if o in forms), v)
    if name in ("pnr", "pnr12"):
        v = make_pnr(rng, born, sex)
        century = str(born.year // 100) if name == "pnr12" else ""
        return "national_id", century + v[:6] + ("" if "c" in options else "-") + v[6:]
    if name == "cpr":
        v = make_cpr(rng, born, sex)
        return "national_id", v if "c" in options else f"{v[:6]}-{v[6:]}"
    if name == "hetu":
        return "national_id", make_hetu(rng, born, sex)
    if name == "dob":
        return "date_of_birth", written_dob(born, options[0])
    if name == "tel":
        return "phone", make_phone(rng, options[0], options[1])
    if name == "x":
        return None, make_phone(rng, options[0], options[1])
    if name == "xid":
        return None, make_fake_id(rng, born)
    if name == "acct":
        v = make_acct(rng)
        return "bank_account", (f"{v[:4]} {v[4:6]} {v[6:]}" if "sp" in options else v)
    if name == "iban":
        v = make_iban(rng, options[0])
        spaced = " ".join(v[i : i + 4] for i in range(0, len(v), 4))
        return "iban", spaced if "sp" in options else v
    if name == "card":
        v = make_card(rng, options[0])
        return "payment_card", " ".join(v[i : i + 4] for i in range(0, 16, 4))
    if name == "ip":
        return "ip_address", make_ip(rng)
    raise ValueError(name)


def sources() -> list[str]:
    """Every hand-written line, genre by genre, then shuffled so both halves mix them."""
    lines = [
        line
        for part in sorted((HERE / "field_notes").glob("*.txt"))
        for line in part.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    random.Random(SEED).shuffle(lines)
    return lines


def build() -> list[dict]:
    notes = []
    for number, line in enumerate(sources(), 1):
        lang, source = line.split("|", 1)
        text, spans, starts = render(source, random.Random(f"{SEED}-{number}"))
        note = {"id": f"{PREFIX}{number:04d}", "lang": lang, "text": text, "spans": spans}
        marked = sorted(
            (s["kind"], a, a + len(s["text"])) for s, a in zip(spans, starts, strict=True)
        )
        if sorted(placed(note) or []) != marked:
            raise ValueError(f"{note['id']}: the scorer would place a span elsewhere: {source}")
        notes.append(note)
    return notes


# --- checks -----------------------------------------------------------------------------

WORD = re.compile(r"\w+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# "@" written out, as the notes' obfuscated e-mails do
AT_WORD = re.compile(r"@|\W(?:at|ät|krøllalfa|snabel-a)\W", re.IGNORECASE)


def placed(note: dict) -> list[tuple[str, int, int]] | None:
    """The scorer's placement (longest first, first free occurrence); None if one fails."""
    taken: list[tuple[int, int]] = []
    out = []
    for span in sorted(note["spans"], key=lambda s: -len(s["text"])):
        start = note["text"].find(span["text"])
        end = start + len(span["text"])
        while start >= 0 and any(a < end and start < b for a, b in taken):
            start = note["text"].find(span["text"], start + 1)
            end = start + len(span["text"])
        if start < 0:
            return None
        taken.append((start, end))
        out.append((span["kind"], start, end))
    return out


def valid_national_id(value: str) -> bool:
    return any(module.is_valid(value) for module in (fodselsnummer, personnummer, cpr, hetu))


def valid_phone(value: str) -> bool:
    for region in PHONE_REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def valid_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


VALID = {
    "national_id": valid_national_id,
    "bank_account": kontonr.is_valid,
    "iban": iban_check.is_valid,
    "payment_card": lambda v: luhn.is_valid(v.replace(" ", "")),
    "phone": valid_phone,
    "ip_address": valid_ip,
    "email": lambda v: bool(AT_WORD.search(v)),
}


def problems(notes: list[dict]) -> list[str]:
    """Every way the file breaks its own rules (README: field_notes.jsonl)."""
    found = []
    for number, note in enumerate(notes, 1):
        where = note.get("id", f"line {number}")
        if note["id"] != f"{PREFIX}{number:04d}":
            found.append(f"{where}: id out of order")
        if note["lang"] not in LANGS:
            found.append(f"{where}: lang {note['lang']!r}")
        text = note["text"]
        if "[[" in text or "{" in text:
            found.append(f"{where}: markup left")
        if not 5 <= len(text.split()) <= 90:
            found.append(f"{where}: {len(text.split())} words")
        for span in note["spans"]:
            if span["kind"] not in KINDS.values():
                found.append(f"{where}: kind {span['kind']!r}")
            check = VALID.get(span["kind"])
            if check and not check(span["text"]):
                found.append(f"{where}: invalid {span['kind']}")
        spots = placed(note)
        if spots is None:
            found.append(f"{where}: a span is not verbatim, or there are more than occurrences")
            continue
        found += [f"{where}: {p}" for p in outside_problems(text, spots)]
        found += [f"{where}: a {kind} cut inside a word" for kind in cut_words(text, spots)]
    return found


def cut_words(text: str, spots: list[tuple[str, int, int]]) -> list[str]:
    """Kinds of the spans that begin or end inside a word: a name or number cut short.
    Health may end inside a compound (``diabetes`` in ``diabetesutstyr``)."""
    cut = []
    for kind, start, end in spots:
        before = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
        after = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
        if before or (after and kind != "health"):
            cut.append(kind)
    return cut


def outside_problems(text: str, spots: list[tuple[str, int, int]]) -> list[str]:
    """What the text outside its spans holds that it should not."""
    inside = [False] * len(text)
    for _, start, end in spots:
        inside[start:end] = [True] * (end - start)
    outside = "".join(" " if inside[i] else ch for i, ch in enumerate(text))
    found = []
    for number in re.findall(r"(?<![\d.])\d{6}[ .-]?\d{5}(?![\d.])", outside):
        number = re.sub(r"\D", "", number)
        if fodselsnummer.is_valid(number) or kontonr.is_valid(number):
            found.append("an 11-digit fnr or account number outside the spans")
    for number in re.findall(r"(?<!\d)(?:\d[ -]?){13,19}(?!\d)", outside):
        if luhn.is_valid(re.sub(r"\D", "", number)) and len(re.sub(r"\D", "", number)) >= 15:
            found.append("a Luhn-valid card-like number outside the spans")
    if EMAIL.search(outside):
        found.append("an e-mail outside the spans")
    words = {w.lower() for w in WORD.findall(outside)}
    for kind, start, end in spots:
        if kind in ("person_name", "health", "address"):
            labelled = text[start:end]
            if re.search(rf"(?<!\w){re.escape(labelled)}(?!\w)", outside):
                found.append(f"a {kind} occurs outside the spans too")
            elif kind == "person_name" and any(
                len(w) > 2 and w.lower() in words for w in WORD.findall(labelled)
            ):
                found.append("a word of a name occurs outside the spans")
    return found


def stats(notes: list[dict]) -> str:
    kinds = Counter(s["kind"] for n in notes for s in n["spans"])
    langs = Counter(n["lang"] for n in notes)
    clean_langs = Counter(n["lang"] for n in notes if not n["spans"])
    halves = [Counter(s["kind"] for n in notes[h::2] for s in n["spans"]) for h in (0, 1)]
    lines = [
        f"notes {len(notes)} (clean {sum(not n['spans'] for n in notes)})",
        "lang " + ", ".join(f"{k} {v}" for k, v in langs.most_common()),
        "clean lang " + ", ".join(f"{k} {v}" for k, v in clean_langs.most_common()),
        "multi-line " + str(sum("\n" in n["text"] for n in notes)),
    ]
    for kind, count in kinds.most_common():
        lines.append(f"{kind:<14} {count:>4}  odd {halves[0][kind]:>4}  even {halves[1][kind]:>4}")
    return "\n".join(lines)


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def write(notes: list[dict], path: Path) -> None:
    path.write_text(
        "".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notes), encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--stats":
        print(stats(read(Path(argv[1]))))
        return 0
    if len(argv) == 2 and argv[0] == "--check":
        notes = read(Path(argv[1]))
    else:
        notes = build()
        write(notes, OUT)
    found = problems(notes)
    print("\n".join(found) or f"{len(notes)} notes, no problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
