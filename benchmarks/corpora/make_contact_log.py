#!/usr/bin/env python3
"""Build (and check) benchmarks/corpora/contact_log.jsonl.

An outside evaluation set for the free-text redaction detector: made-up
customer-service, chat, e-mail, SMS, call-summary, driver and complaint-form
notes from a Norwegian retailer of mobility aids, home-care products and
pharmacy goods. It was written without reading the detector's code, its tests
or the first corpus (service_notes.jsonl).

The notes below are written by hand. Personal data in them is marked inline:

    [[k|text]]      a span of kind k with the literal text
                    (n person_name, a address, d date_of_birth, id national_id,
                     b bank_account, i iban, e email, p phone, h health,
                     c payment_card, ip ip_address)
    {placeholder}   a value made here with a seeded random generator and a
                    computed check digit, then wrapped as a span, e.g. {fnr},
                    {dob:dmy2}, {acct:dot}, {iban:SE_sp}, {card:visa_sp},
                    {tel:m323}, {ip}, {ip6}.  Within one note, {dob:...} and
                    {fnr}/{dnr}/{pnr_se}/{cpr} share one birth date.
                    A placeholder ending in #x returns the same value each
                    time it is used in that note.

Every identifier is random but valid (python-stdnum check digits,
phonenumbers validity); none was taken from a real person.

Usage:
    python make_contact_log.py            # write contact_log.jsonl and check it
    python make_contact_log.py --check F  # only check an existing file
    python make_contact_log.py --stats F  # print counts for an existing file
"""

# ruff: noqa: E501  (the notes are long lines on purpose)
from __future__ import annotations

import argparse
import collections
import datetime
import ipaddress
import json
import os
import random
import re
import sys
from typing import ClassVar

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.dk import cpr as dk_cpr
from stdnum.no import fodselsnummer, kontonr
from stdnum.se import personnummer as se_pnr

SEED = 20250612
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "contact_log.jsonl")

KINDS = {
    "n": "person_name",
    "a": "address",
    "d": "date_of_birth",
    "id": "national_id",
    "b": "bank_account",
    "i": "iban",
    "e": "email",
    "p": "phone",
    "h": "health",
    "c": "payment_card",
    "ip": "ip_address",
}
ALL_KINDS = set(KINDS.values())
LANGS = {"no", "nn", "sv", "da", "en", "mixed"}

MONTHS_NO = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]
MONTHS_NO_ABBR = [
    "jan.",
    "feb.",
    "mars",
    "apr.",
    "mai",
    "juni",
    "juli",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "des.",
]
MONTHS_SV = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _ordinal(d: int) -> str:
    if 11 <= d % 100 <= 13:
        return f"{d}th"
    return f"{d}" + {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


DOB_FORMATS = {
    "dmy2": lambda b: b.strftime("%d.%m.%y"),
    "dmy4": lambda b: b.strftime("%d.%m.%Y"),
    "d_m_y": lambda b: f"{b.day}.{b.month}.{b.year}",
    "no_long": lambda b: f"{b.day}. {MONTHS_NO[b.month - 1]} {b.year}",
    "no_abbr": lambda b: f"{b.day}. {MONTHS_NO_ABBR[b.month - 1]} {b.year}",
    "iso": lambda b: b.isoformat(),
    "ddmmyy": lambda b: b.strftime("%d%m%y"),
    "ddmmyyyy": lambda b: b.strftime("%d%m%Y"),
    "slash4": lambda b: b.strftime("%d/%m/%Y"),
    "dash_short": lambda b: f"{b.day}/{b.month}-{b.strftime('%y')}",
    "en_long": lambda b: f"{b.day} {MONTHS_EN[b.month - 1]} {b.year}",
    "en_us": lambda b: f"{MONTHS_EN[b.month - 1]} {b.day}, {b.year}",
    "en_ord": lambda b: f"{_ordinal(b.day)} {MONTHS_EN[b.month - 1]} {b.year}",
    "sv_long": lambda b: f"{b.day} {MONTHS_SV[b.month - 1]} {b.year}",
    "sv_compact": lambda b: b.strftime("%Y%m%d"),
    "da_dash": lambda b: b.strftime("%d-%m-%Y"),
}


class Gen:
    """Seeded generators for valid identifiers."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    # --- birth dates and national ids -----------------------------------
    def birthdate(self, y0: int = 1929, y1: int = 1966) -> datetime.date:
        start = datetime.date(y0, 1, 1).toordinal()
        end = datetime.date(y1, 12, 31).toordinal()
        return datetime.date.fromordinal(self.r.randint(start, end))

    def fnr(self, bd: datetime.date, sex: str | None = None, d_number: bool = False) -> str:
        while True:
            if 1900 <= bd.year <= 1999:
                ind = (
                    self.r.randint(0, 499)
                    if (bd.year < 1940 or self.r.random() < 0.8)
                    else self.r.randint(900, 999)
                )
            elif 2000 <= bd.year <= 2039:
                ind = self.r.randint(500, 999)
            else:
                raise ValueError(bd)
            if sex == "M" and ind % 2 == 0:
                ind += 1 if ind < 999 else -1
            if sex == "F" and ind % 2 == 1:
                ind -= 1
            if bd.year >= 2000 and ind < 500:
                continue
            day = bd.day + (40 if d_number else 0)
            base = f"{day:02d}{bd.month:02d}{bd.strftime('%y')}{ind:03d}"
            k1 = fodselsnummer.calc_check_digit1(base)
            if k1 == "10":
                continue
            k2 = fodselsnummer.calc_check_digit2(base + k1)
            if k2 == "10":
                continue
            num = base + k1 + k2
            assert fodselsnummer.is_valid(num), num
            assert fodselsnummer.get_birth_date(num) == bd
            return num

    def pnr_se(self, bd: datetime.date, sex: str | None = None) -> str:
        while True:
            base = bd.strftime("%y%m%d") + self.digits(3)
            if sex and (int(base[-1]) % 2 == 1) != (sex == "M"):
                continue
            num = base + luhn.calc_check_digit(base)
            out = f"{num[:6]}-{num[6:]}"
            if se_pnr.is_valid(out):
                return out

    def cpr(self, bd: datetime.date, sex: str | None = None) -> str:
        while True:
            first = self.r.choice("0123") if bd.year < 2000 else "4"
            num = bd.strftime("%d%m%y") + first + self.digits(3)
            if sex and (int(num[-1]) % 2 == 1) != (sex == "M"):
                continue
            if dk_cpr.is_valid(num) and dk_cpr.get_birth_date(num) == bd:
                return f"{num[:6]}-{num[6:]}"

    # --- bank -----------------------------------------------------------
    BANKS = (
        "1503",
        "1506",
        "1207",
        "1254",
        "1280",
        "1822",
        "3000",
        "3201",
        "4200",
        "4312",
        "6003",
        "6011",
        "6345",
        "9710",
        "9235",
        "1594",
        "2801",
        "3624",
        "8601",
        "1644",
    )

    def kontonr(self) -> str:
        while True:
            base = self.r.choice(self.BANKS) + self.digits(6)
            s = sum(w * int(n) for w, n in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), base, strict=True))
            k = (11 - s % 11) % 11
            if k == 10:
                continue
            num = base + str(k)
            assert kontonr.is_valid(num), num
            return num

    def acct(self, fmt: str) -> str:
        n = self.kontonr()
        return {"dot": f"{n[:4]}.{n[4:6]}.{n[6:]}", "sp": f"{n[:4]} {n[4:6]} {n[6:]}", "plain": n}[
            fmt
        ]

    IBAN_BBAN: ClassVar[dict] = {
        "SE": lambda g: g.r.choice(["500", "800", "300", "600", "950"]) + g.digits(17),
        "DK": lambda g: g.r.choice(["2000", "3000", "9570", "5301"]) + g.digits(10),
        "DE": lambda g: g.r.choice(["10070000", "20050550", "37040044", "50010517"]) + g.digits(10),
        "PL": lambda g: g.r.choice(["10201026", "10501445", "11402004", "12401037"]) + g.digits(16),
        "GB": lambda g: g.r.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + g.digits(14),
        "LT": lambda g: g.r.choice(["70440", "73000", "40100", "21400"]) + g.digits(11),
        "UA": lambda g: g.r.choice(["305299", "322001", "300528"]) + g.digits(19),
        "NL": lambda g: g.r.choice(["ABNA", "INGB", "RABO", "TRIO"]) + g.digits(10),
        "PK": lambda g: g.r.choice(["HABB", "MEZN", "UNIL", "SCBL"]) + g.digits(16),
        "FI": lambda g: g.r.choice(["123", "500", "800", "157"]) + g.digits(11),
        "SO": lambda g: g.r.choice(["1000", "1100"]) + g.digits(15),
    }

    def iban(self, spec: str) -> str:
        cc, _, style = spec.partition("_")
        bban = self.kontonr() if cc == "NO" else self.IBAN_BBAN[cc](self)
        num = cc + std_iban.calc_check_digits(cc + "00" + bban) + bban
        assert std_iban.is_valid(num), num
        return std_iban.format(num) if style == "sp" else num

    # --- cards ----------------------------------------------------------
    def card_number(self, brand: str) -> str:
        if brand == "visa":
            pre, n = self.r.choice(["4925", "4929", "4213", "4548", "4169", "4000"]), 16
        elif brand == "visa_dk":
            pre, n = "4571", 16
        elif brand == "mc":
            pre, n = "5" + self.r.choice("12345"), 16
        elif brand == "mc2":
            pre, n = str(self.r.randint(2221, 2720)), 16
        elif brand == "amex":
            pre, n = self.r.choice(["34", "37"]), 15
        else:
            raise ValueError(brand)
        body = pre + self.digits(n - len(pre) - 1)
        num = body + luhn.calc_check_digit(body)
        assert luhn.is_valid(num)
        return num

    def card(self, spec: str) -> str:
        if spec == "amex":
            return self.card_number("amex")
        if spec == "amex_sp":
            c = self.card_number("amex")
            return f"{c[:4]} {c[4:10]} {c[10:]}"
        brand = {
            "visa": "visa",
            "visa_sp": "visa",
            "plain": "visa",
            "dash": "mc",
            "visa_dk": "visa_dk",
            "mc": "mc",
            "mc_sp": "mc",
            "mc2": "mc2",
            "mask4": "visa_dk",
            "visa_mask": "visa",
            "mask6": "visa",
            "mask_x": "mc",
        }[spec]
        c = self.card_number(brand)
        groups = " ".join(c[i : i + 4] for i in range(0, 16, 4))
        if spec in ("visa", "mc", "plain"):
            return c
        if spec in ("visa_sp", "mc_sp", "visa_dk", "mc2"):
            return groups
        if spec == "dash":
            return groups.replace(" ", "-")
        if spec in ("mask4", "visa_mask"):
            return f"{c[:4]} **** **** {c[-4:]}"
        if spec == "mask6":
            return f"{c[:6]}******{c[-4:]}"
        if spec == "mask_x":
            return f"{c[:4]} XXXX XXXX {c[-4:]}"
        raise ValueError(spec)

    # --- phones ---------------------------------------------------------
    def _valid(self, e164: str) -> bool:
        return phonenumbers.is_valid_number(phonenumbers.parse(e164, None))

    def _no(self, land: bool = False) -> str:
        while True:
            first = self.r.choice("23567") if land else self.r.choice("4499")
            d = first + self.digits(7)
            if self._valid("+47" + d):
                return d

    def _intl(self, cc: str, prefixes: list[str], length: int) -> str:
        while True:
            p = self.r.choice(prefixes)
            d = p + self.digits(length - len(p))
            if self._valid("+" + cc + d):
                return d

    def tel(self, fmt: str) -> str:
        if fmt.startswith(("se_",)):
            d = self._intl("46", ["70", "72", "73", "76", "79"], 9)
            if fmt == "se_070":
                return f"0{d[:2]}-{d[2:5]} {d[5:7]} {d[7:]}"
            pre = "+46" if fmt == "se_plus" else "0046"
            return f"{pre} {d[:2]} {d[2:5]} {d[5:7]} {d[7:]}"
        if fmt.startswith("dk_"):
            d = self._intl("45", ["20", "22", "26", "28", "30", "40", "42", "51", "60", "61"], 8)
            g = f"{d[:2]} {d[2:4]} {d[4:6]} {d[6:]}"
            return ("+45 " + g) if fmt == "dk_plus" else g
        if fmt.startswith("uk_"):
            d = self._intl("44", ["74", "75", "77", "78", "79"], 10)
            return f"0{d[:4]} {d[4:]}" if fmt == "uk_mob" else f"+44 {d[:4]} {d[4:]}"
        if fmt == "pl_plus":
            d = self._intl(
                "48", ["50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"], 9
            )
            return f"+48 {d[:3]} {d[3:6]} {d[6:]}"
        if fmt == "ua_plus":
            d = self._intl(
                "380", ["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98"], 9
            )
            return f"+380 {d[:2]} {d[2:5]} {d[5:]}"
        if fmt == "lt_plus":
            d = self._intl("370", ["6"], 8)
            return f"+370 {d[:3]} {d[3:]}"
        land = fmt.startswith("land")
        d = self._no(land)
        g323 = f"{d[:3]} {d[3:5]} {d[5:]}"
        g2222 = f"{d[:2]} {d[2:4]} {d[4:6]} {d[6:]}"
        return {
            "m323": g323,
            "m2222": g2222,
            "plain": d,
            "p47_323": "+47 " + g323,
            "p47_2222": "+47 " + g2222,
            "p47_plain": "+47" + d,
            "0047_323": "0047 " + g323,
            "0047_plain": "0047 " + d,
            "dots": f"{d[:3]}.{d[3:5]}.{d[5:]}",
            "dash": f"{d[:3]}-{d[3:5]}-{d[5:]}",
            "land2222": g2222,
            "land_p47": "+47 " + g2222,
        }[fmt]

    # --- ip -------------------------------------------------------------
    V4 = (
        "84.208",
        "89.10",
        "46.9",
        "77.16",
        "193.69",
        "158.36",
        "81.166",
        "109.247",
        "88.91",
        "80.212",
        "213.236",
        "46.15",
        "92.220",
        "62.16",
        "185.21",
    )
    V6 = ("2a02:2121", "2001:4600", "2a01:79c", "2a02:fe0", "2001:700", "2a05:9cc4")

    def ip(self) -> str:
        while True:
            a = f"{self.r.choice(self.V4)}.{self.r.randint(0, 255)}.{self.r.randint(1, 254)}"
            if ipaddress.ip_address(a).is_global:
                return a

    def ip6(self) -> str:
        p = self.r.choice(self.V6)
        groups = [f"{self.r.randint(0, 0xFFFF):x}" for _ in range(2)]
        tail = f"{self.r.randint(1, 0xFFFF):x}"
        a = f"{p}:{groups[0]}:{groups[1]}::{tail}"
        ipaddress.ip_address(a)
        return a


PH = re.compile(r"\{([a-z0-9_]+)(?::([A-Za-z0-9_\-]+))?(#[a-z0-9]+)?\}")
MARK = re.compile(r"\[\[([a-z]+)\|(.+?)\]\]")


def expand(template: str, g: Gen) -> str:
    """Replace {placeholders} by [[kind|value]] markup."""
    state: dict = {"bd": None, "cache": {}}

    def bd() -> datetime.date:
        if state["bd"] is None:
            state["bd"] = g.birthdate()
        return state["bd"]

    def one(m: re.Match) -> str:
        name, arg, same = m.group(1), m.group(2), m.group(3)
        if same and m.group(0) in state["cache"]:
            return state["cache"][m.group(0)]
        if name == "bd":
            y0, y1 = (int(x) for x in arg.split("-"))
            state["bd"] = g.birthdate(y0, y1)
            out = ""
        elif name == "dob":
            out = f"[[d|{DOB_FORMATS[arg](bd())}]]"
        elif name in ("fnr", "fnr_sp", "dnr"):
            n = g.fnr(bd(), sex=arg, d_number=(name == "dnr"))
            out = f"[[id|{n[:6] + ' ' + n[6:] if name == 'fnr_sp' else n}]]"
        elif name == "pnr_se":
            out = f"[[id|{g.pnr_se(bd(), arg)}]]"
        elif name == "cpr":
            out = f"[[id|{g.cpr(bd(), arg)}]]"
        elif name == "acct":
            out = f"[[b|{g.acct(arg)}]]"
        elif name == "iban":
            out = f"[[i|{g.iban(arg)}]]"
        elif name == "card":
            out = f"[[c|{g.card(arg)}]]"
        elif name == "tel":
            out = f"[[p|{g.tel(arg)}]]"
        elif name == "ip":
            out = f"[[ip|{g.ip()}]]"
        elif name == "ip6":
            out = f"[[ip|{g.ip6()}]]"
        else:
            raise KeyError(m.group(0))
        if same:
            state["cache"][m.group(0)] = out
        return out

    return PH.sub(one, template)


def parse(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Turn [[kind|text]] markup into plain text + intended (start, end, kind)."""
    out, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        pre = marked[pos : m.start()]
        out.append(pre)
        length += len(pre)
        kind = KINDS[m.group(1)]
        val = m.group(2)
        spans.append((length, length + len(val), kind))
        out.append(val)
        length += len(val)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text or PH.search(text):
        raise ValueError("unparsed markup in: " + text)
    return text, spans


def place(text: str, spans: list[dict]) -> list[tuple[int, int, str]] | None:
    """The scorer's placement: longest first, each at the first occurrence
    that no already placed span overlaps. None if a span cannot be placed."""
    taken: list[tuple[int, int, str]] = []
    order = sorted(range(len(spans)), key=lambda i: -len(spans[i]["text"]))
    for i in order:
        s = spans[i]["text"]
        start = text.find(s)
        while start != -1:
            end = start + len(s)
            if all(end <= a or start >= b for a, b, _ in taken):
                break
            start = text.find(s, start + 1)
        if start == -1:
            return None
        taken.append((start, start + len(s), spans[i]["kind"]))
    return sorted(taken)


# ---------------------------------------------------------------------------
# Notes with personal data.  (lang, marked-up text)
# ---------------------------------------------------------------------------

CHATS = [
    (
        "no",
        "Kunde: hei, jeg venter på en rullator til mora mi\nAgent: Hei! Har du ordrenummer?\nKunde: 40012876, den skal til [[n|Ingrid Sæther]], [[a|Vestre Rosten 81, 7075 Tiller]]\nAgent: Takk. Den er hos Bring og kommer torsdag mellom 08 og 16.",
    ),
    (
        "no",
        "Kunde: Jeg har [[h|kols]] og blir fort andpusten, trenger rullator med sete\nAgent: Topro Olympos M har sete og ryggstøtte. Kan jeg få navn og nummer?\nKunde: [[n|Arne Bjørnstad]], {tel:m323}",
    ),
    (
        "no",
        "Agent: Hva gjelder det?\nKunde: får ikke logget inn på min side, fnr {fnr}\nAgent: Du bør ikke skrive fødselsnummer i chatten. Jeg ber om at meldingen slettes. Prøv BankID på nytt.",
    ),
    (
        "no",
        "Kunde: kan dere ringe meg på {tel:plain}? gjelder trappeheis\nAgent: Klart det. Hvem skal vi spørre etter?\nKunde: [[n|marit]]",
    ),
    (
        "no",
        "Kunde: mannen min [[n|Tor Egil]] er [[h|MS-pasient]] og har begynt å bruke rullestol\nAgent: Vil du at en av våre ergoterapeuter ringer dere for å se på en elektrisk modell?\nKunde: ja takk, helst etter kl 15",
    ),
    (
        "no",
        "Kunde: Jeg fikk [[h|lymfødem]] i venstre arm etter [[h|brystkreft]]. Har dere kompresjonsermer?\nAgent: Ja, fra Juzo og medi. Hvem snakker jeg med?\nKunde: [[n|Hanne Kristiansen]]",
    ),
    (
        "no",
        "Agent ([[n|Siv]]): God morgen, hva kan jeg hjelpe med?\nKunde: Dere har trukket meg to ganger for samme dusjkrakk. Pengene kan settes inn på {acct:dot}\nAgent ([[n|Siv]]): Beklager det! Du får dem tilbake innen fem virkedager.",
    ),
    (
        "no",
        "Kunde: bestilte sengebord til far, [[n|Ragnar Vik]], født {dob:dmy4}\nAgent: Jeg finner ordren. Skal den til [[a|Mølleveien 6, 3060 Svelvik]]?\nKunde: ja det stemmer",
    ),
    (
        "no",
        "Kunde: jeg er [[h|nyretransplantert]] og får ikke løfte tungt, kan sjåføren bære pakken inn?\nAgent: Ja, jeg legger på innbæring. Hvilket nummer skal sjåføren ringe?\nKunde: {tel:p47_323}",
    ),
    (
        "no",
        "Kunde: trenger nye sensorer til FreeStyle Libre 2, har [[h|diabetes type 1]]\nAgent: Har du blå resept på dette?\nKunde: ja. fødselsnummer {fnr_sp}",
    ),
    (
        "no",
        "Kunde: Kan kvitteringen sendes til [[e|tone.haugland@lyse.net]]?\nAgent: Den er sendt nå. Noe annet?\nKunde: nei, takk for hjelpen",
    ),
    (
        "no",
        "Kunde: [[n|Maxamed Cabdi Xasan]] her. Jeg bestilte dusjstol til mamma, hun har [[h|revmatoid artritt]] i hendene\nAgent: Hei [[n|Maxamed]], jeg ser ordren. Den kommer fra lageret i morgen.",
    ),
    (
        "no",
        "Kunde: Kona mi [[n|Nasreen]] hadde [[h|hjerneslag]] i mars og er [[h|lam i høyre side]]\nAgent: Da kan en Molift Smart 150 og en glidematte hjelpe. Skal jeg sende tilbud til [[e|imran.qureshi72@hotmail.com]]?\nKunde: ja. [[n|Imran]]",
    ),
    (
        "en",
        "Customer: hi, I ordered a walker for my dad, he [[h|had a stroke]] three weeks ago\nAgent: Sorry to hear that. Do you have the order number?\nCustomer: 40219983. His name is [[n|Gareth Pryce]]",
    ),
    (
        "en",
        "Customer: can u take payment now, card is {card:visa_sp} exp 11/27\nAgent: Please don't post card numbers in the chat. I've hidden the message and will text you a secure payment link instead.",
    ),
    (
        "mixed",
        "Kund: Hej! Jag bor i Strömstad men beställer till min pappa i Halden. Han har [[h|Parkinsons sjukdom]]\nAgent: Hei! Vi leverer gjerne til Halden. Hva heter mottakeren?\nKund: [[n|Bengt Åkesson]], mobil {tel:se_070}",
    ),
    (
        "en",
        "Customer: hello my mother is [[h|diabetic]] and need strips Contour Next, blue prescription\nAgent: Sure. What is her name and date of birth?\nCustomer: [[n|Tharshini Jeyakumar]] {dob:dmy4}",
    ),
    (
        "en",
        "Customer: Hi its [[n|Oksana]], we came from Kharkiv last year. my husband [[n|Serhii Kravchenko]] has his [[h|leg amputated below the knee]] and need wheelchair\nAgent: Hi [[n|Oksana]], NAV usually covers this through the hjelpemiddelsentral. What number can they call?\nCustomer: {tel:p47_plain}",
    ),
    (
        "nn",
        "Kunde: Hei, eg lurer på om de har toalettforhøgar utan armlene?\nAgent: Ja, Etac Hi-Loo finst med og utan armlene.\nKunde: fint, send til [[n|Sigrunn Flatebø]], [[a|Hovdevegen 4, 6150 Ørsta]]. Eg har nett fått [[h|ny hofte]]",
    ),
    (
        "no",
        "Agent: Jeg må bekrefte hvem du er. Fødselsdato?\nKunde: {dob:ddmmyy}\nAgent: Takk, [[n|Jorunn]]. Jeg ser at resepten på Accu-Chek-strimler er fornyet.",
    ),
    (
        "mixed",
        "Kunde: Hej, jeg skal bruge en kørestol til min far [[n|Bent Mikkelsen]] der kommer på besøg i juli. Han har [[h|hjertesvigt]]\nAgent: Hei! Vi leier ut manuelle rullestoler per uke. Skal den leveres i Kristiansand?\nKunde: ja, [[a|Dronningens gate 31, 4610 Kristiansand]]",
    ),
    (
        "en",
        "Customer: Good morning. I'm writing about my wife [[n|Pauline]]. She has [[h|COPD]] and is on [[h|home oxygen]], so the driver must not smoke near the door please\nAgent: Noted on the delivery. Could you confirm the address?\nCustomer: [[a|Skogveien 7C, 1406 Ski]]",
    ),
    (
        "no",
        "Kunde: Hei! Fikk feil størrelse på TENA Pants. Det er til svigermor [[n|Eldbjørg]], hun er [[h|inkontinent]] og har [[h|begynnende demens]]\nAgent: Jeg sender Medium i dag, og du kan beholde de store.",
    ),
    (
        "mixed",
        "Customer: hei, jeg snakker litt norsk. My son [[n|Yohannes]] has [[h|cerebral parese]] and the school say he need new stander\nAgent: Hei! Det søkes gjennom NAV Hjelpemiddelsentral, men vi kan gi dere info. Hvilket nummer kan vi ringe?\nCustomer: {tel:m2222}, ask for [[n|Mebrat]]",
    ),
    (
        "no",
        "Kunde: Hvorfor er IP-en min blokkert? {ip}\nAgent: Det skyldes mange feilede innlogginger. Jeg har åpnet den igjen.",
    ),
    (
        "en",
        "Agent: Can I take the email for the invoice?\nCustomer: its [[e|rowena.santos(at)yahoo.com]]\nAgent: Thanks [[n|Rowena]]. And the delivery is for Mr. [[n|Jonathan Villanueva]]?\nCustomer: yes my employer",
    ),
    (
        "no",
        "Kunde: Bekreftelsen på kjøpet kom ikke. Jeg betalte med {card:mc_sp}\nAgent: Jeg ser betalingen. Du skal aldri sende hele kortnummeret her, jeg maskerer det i loggen.",
    ),
    (
        "mixed",
        "Kund: Hej, min mamma [[n|Birgitta Sjöberg]] har [[h|benskörhet]] och har haft en [[h|höftfraktur]]. Hon behöver en rollator till lägenheten i Sälen\nAgent: Vi leverer dessverre bare i Norge.\nKund: Okej, då skickar ni den till min bror i Trysil: [[n|Per-Olof Sjöberg]], [[a|Storvegen 12, 2420 Trysil]]",
    ),
    (
        "en",
        "Customer: hello, i am [[n|Le Van Duc]]. my wife [[n|Hoa]] is [[h|pregnant]] 32 weeks and have [[h|pelvic girdle pain]], can we rent wheelchair 2 months?\nAgent: Yes, rental is 450 kr per month. Address for delivery?\nCustomer: [[a|Tvetenveien 152, 0671 Oslo]]",
    ),
    (
        "no",
        "Agent: Du er nå koblet til [[n|Håkon]] i kundeservice.\nKunde: hei [[n|håkon]]. [[n|Sunniva]] her, datteren til [[n|Reidun Lie]]. Mor har fått [[h|Alzheimer]] og vi vil bytte til seng med sengehest\nAgent: Forstår. Er det samme adresse som før?",
    ),
    (
        "no",
        "Kunde: hei, jeg må endre leveringsadresse på ordre 40301177 til [[a|Kirkegata 17, 4006 Stavanger]]\nAgent: Endret. Den står på [[n|Elin Tjelta]], stemmer det?\nKunde: ja",
    ),
    (
        "en",
        "Customer: i want refund to my bank in poland {iban:PL}\nAgent: We can do that, the bank may charge a fee. Which name is on the account?\nCustomer: [[n|Agnieszka Wójcik]]",
    ),
    (
        "en",
        "Customer: salam, my father [[n|Yousef Darwish]] has [[h|kidney failure]] and go to [[h|dialysis]] 3 times a week, he needs a lighter wheelchair for the car\nAgent: The Etac Cross 6 folds and weighs about 11 kg. Shall I reserve one?\nCustomer: yes please, call me {tel:p47_2222}",
    ),
    (
        "no",
        "Kunde: trenger hjelp med ny insulinpumpe, Omnipod\nAgent: Den får du via sykehuset. Har du [[h|type 1-diabetes]]?\nKunde: Ja, siden jeg var 9. [[n|Jonas Åberg]]",
    ),
    (
        "nn",
        "Kunde: Hei. Far min har [[h|Parkinson]] og skjelv mykje, har de bestikk med tjukke handtak?\nAgent: Ja, vi har Etac Light og Good Grips.\nKunde: Supert, send til [[n|Olav Haugland]], [[a|Skulevegen 12, 6770 Nordfjordeid]]",
    ),
    (
        "mixed",
        "Kunde: Hi, I am [[n|Analyn Bautista]], I work as caregiver for fru [[n|Ødegaard]]. She is [[h|sengeliggende]] after [[h|lårhalsbrudd]], we need trykkavlastende madrass\nAgent: Hei [[n|Analyn]]! Vi har Invacare Softform på lager.",
    ),
    (
        "en",
        "Customer: my account got locked, it says suspicious login from {ip6}, that wasnt me\nAgent: I've locked the account and sent a reset link to your email.",
    ),
    (
        "no",
        "Kunde: Jeg skal opereres for [[h|kneprotese]] 14. mai og trenger krykker og toalettforhøyer\nAgent: Vi kan levere 12. mai. Navn?\nKunde: [[n|Kjellaug Nordhagen]], tlf {tel:dots}",
    ),
    (
        "en",
        "Customer: my mum [[n|Dorothy]] fell and has a [[h|broken wrist]], we are visiting Bergen from Leeds. need a wheelchair for a week\nAgent: We can rent one out from the Bergen store. Phone?\nCustomer: {tel:uk_plus}",
    ),
    (
        "no",
        "Kunde: kan dere sende ny lader til scooteren? den gamle sluttet å virke\nAgent: Ja, hvilken modell?\nKunde: Handicare tror jeg. Den er til [[n|Torbjørn Rasmussen]], han har [[h|post-polio]] og er helt avhengig av den",
    ),
]

EMAILS = [
    (
        "no",
        "Hei,\nJeg vil klage på at rullatoren ble levert uten kurv. Ordre 40177620.\nMvh [[n|Kari]]",
    ),
    (
        "no",
        "Hei!\nFar, [[n|Odd Helge Amundsen]] (f. {dob:dmy2}), har fått blå resept på inkontinensprodukter etter [[h|prostatakreft]]. Kan dere sende til [[a|Postboks 88, 9161 Burfjord]]?\nVennlig hilsen\n[[n|Wenche Amundsen]]\n{tel:m2222}",
    ),
    (
        "en",
        "Good afternoon,\nI am writing on behalf of my mother, Mrs [[n|Margaret Whitfield]], who is staying with us in Sandnes. She has [[h|macular degeneration]] and needs a talking blood-pressure monitor.\nKind regards,\n[[n|Helen Whitfield-Ness]]\n[[e|helen.wness@btinternet.com]]",
    ),
    (
        "no",
        "Hei\nTilbakebetaling for toalettforhøyeren kan settes inn på {acct:sp}.\nMed vennlig hilsen [[n|Arvid Solheim]]",
    ),
    (
        "sv",
        "Hej,\nJag köpte en rollator hos er men den är för låg, jag är 192 cm lång. Kan jag byta? Mitt IBAN är {iban:SE_sp}.\nMed vänlig hälsning\n[[n|Lars-Göran Lindqvist]]",
    ),
    (
        "da",
        "Kære kundeservice\nJeg har fået den forkerte størrelse bleer (TENA Slip Maxi L i stedet for M). Min mand har [[h|demens]], og vi har brug for dem hurtigt.\nVenlig hilsen\n[[n|Jytte Damgaard]]\n{tel:dk_plus}",
    ),
    (
        "no",
        "Hei\nKan dere sende fakturaen på e-post til [[e|bjorn punktum eide krøllalfa online punktum no]]? Jeg klarer ikke å lese papirbrev etter [[h|netthinneløsningen]].\nHilsen [[n|Bjørn]]",
    ),
    (
        "en",
        "Dear Sir/Madam,\nPlease refund to {iban:GB_sp}. The shower chair arrived with a cracked seat.\nBest wishes, [[n|Siobhan O'Reilly]]",
    ),
    (
        "no",
        "Hei,\nVi har en bruker med [[h|ALS]] som trenger ny ståheis raskt. Kontakt ergoterapeut [[n|Marte Hovland]], Bærum kommune, {tel:land2222}.\nHilsen Tildelingskontoret",
    ),
    (
        "no",
        "Til kundeservice\nJeg har betalt to ganger for samme ordre (40288311). Vennligst tilbakefør til kontonr {acct:plain}.\n\n[[n|Gunnar Rønning]]\nSendt fra min iPad",
    ),
    (
        "en",
        "Hi team,\nJust checking the status of the Molift Mover 205 for Mr [[n|Khaled Abu-Zaid]] at [[a|Ragnhild Schibbyes vei 18, 0968 Oslo]]. He has [[h|tetraplegia]] after a car accident, so it has to be installed before he is discharged on Friday.\nCheers,\n[[n|Lena]] (district nurse)",
    ),
    (
        "no",
        "Hei igjen!\nSender bilde av kvitteringen. Kortet som ble belastet var {card:mask4}. Kan dere sjekke?\nmvh [[n|Trine Lise]]",
    ),
    (
        "nn",
        "Hei,\nMor mi, [[n|Gudrun Myklebust]], fødd {dob:no_long}, treng ny rullator. Ho har [[h|beinskjørheit]] og har falle to gonger i vinter.\nHelsing [[n|Atle]]",
    ),
    (
        "en",
        "Dear customer service,\nI am [[n|Vytautas Petrauskas]], I have [[h|diabetic neuropathy]] in both feet and ordered the special socks 3 weeks ago, nothing arrive. My email is [[e|v.petrauskas@gmail.com]]\nThanks",
    ),
    (
        "no",
        "Hei,\nJeg skriver på vegne av min mor [[n|Rukhsana Bibi]] som ikke snakker norsk. Hun har [[h|sukkersyke]] og har fått [[h|sår på foten]]. Kan dere sende sårbandasjer til [[a|Tungasletta 24B, 7047 Trondheim]]?\nMvh [[n|Zahid Iqbal]]",
    ),
    (
        "sv",
        "Hej!\nTack för snabb leverans. Min fru [[n|Agneta]], som har [[h|KOL]], är mycket nöjd med den nya rollatorn.\nHälsningar [[n|Sven-Erik Wikström]]\n{tel:se_plus}",
    ),
    (
        "en",
        "Hello,\nMy DOB is {dob:iso} and my personal number is {fnr:M}, I need a receipt for NAV. Email to [[e|tesfay.gebremedhin@outlook.com]]\nRegards [[n|Tesfay]]",
    ),
    (
        "no",
        "Fra: [[e|ragnhild.moe@bluezone.no]]\nEmne: Heis i trapp\nHei, heisen i [[a|Tårnveien 2 B, 1346 Gjettum]] stopper halvveis. Mannen min har [[h|hjertesvikt]] og kommer seg ikke opp uten.\n[[n|Ragnhild]]",
    ),
    (
        "en",
        "Hi,\nThis is [[n|Ngozi Okafor]]. I was diagnosed with [[h|lupus]] last year and my joints are bad in the mornings. Do you sell a jar opener and a perching stool? Pls deliver to [[a|Lyngveien 9, 5145 Fyllingsdalen]]",
    ),
    (
        "da",
        "Hej\nMin far [[n|Søren Bækgaard]] er flyttet til Norge og har [[h|KOL]]. Han skal bruge en vogn til iltflasken. Betaling sker fra {iban:DK}.\nMvh [[n|Lone]]",
    ),
    (
        "no",
        "Hei,\nvedlagt legeerklæring for [[n|Kåre Iversen]] ({fnr:M}). Diagnose [[h|G35]], [[h|multippel sklerose]]. Søknad om el-rullestol.\nHilsen fastlege dr. [[n|Hilde Brekke]]",
    ),
    (
        "en",
        "Dear Sirs\nI returned the bath lift as agreed. Please credit my Visa {card:visa_mask}.\nYours faithfully\n[[n|Graham Ellis]]\n[[a|14 Albert Road, Harrogate HG1 4HX]]",
    ),
    (
        "no",
        "Hei,\nfikk SMS om levering, men jeg er innlagt på Haukeland med [[h|nyresvikt]] til fredag. Kan dere utsette?\n[[n|Sølvi]]\n{tel:m323}",
    ),
    (
        "mixed",
        "Hei! Sorry my Norwegian is bad. I am [[n|Maricel Dela Cruz]], nurse for [[n|Oddvar]] in Bodø. He has [[h|Huntingtons sykdom]] and need new sengebord. Adresse [[a|Dronningens gate 22, 8006 Bodø]]. Takk!",
    ),
    (
        "en",
        "Hi, order 40301992. I am [[h|visually impaired]] so please call rather than email: {tel:0047_323}. [[n|Ahmad Zia Rahimi]]",
    ),
    (
        "no",
        "Hei\nSender reklamasjon på vegne av [[n|Ruth]] (94). Hun har [[h|glaukom]] og ser dårlig, og knappene på trygghetsalarmen er for små.\nMvh [[n|Kristin Aas]], barnebarn",
    ),
    (
        "en",
        "Hello,\nplease update my card on file to {card:mc} — the old one expired. Thanks, [[n|Chen Xiaoling]]",
    ),
    (
        "no",
        "Hei.\nFaktura 2024-11873 er betalt fra feil konto ({acct:dot}). Kan dere refundere, så betaler jeg på nytt?\n[[n|Per Arne Lunde]]",
    ),
    (
        "sv",
        "Hej! Jag heter [[n|Åsa Nyström]] och bor på [[a|Storgatan 12, 903 26 Umeå]]. Min son har [[h|Duchennes muskeldystrofi]] och vi letar efter en duschstol med tippfunktion. Skickar ni till Sverige?",
    ),
    (
        "no",
        "God dag\nHar fått brev om blå resept, men personnummeret til min mor er feil. Riktig er {fnr_sp:F}. Hun heter [[n|Astrid Holm]].\nVennlig hilsen [[n|Eirik Holm]]",
    ),
    (
        "en",
        "Hi, my email changed, the new one is [[e|ayaan.yusuf [at] hotmail [dot] com]]. Thanks, [[n|Ayaan]]",
    ),
    (
        "no",
        "Hei,\nJeg har nettopp hatt [[h|skulderoperasjon]] og klarer ikke å åpne pakkene. Kan sjåføren åpne esken ved levering?\nMed vennlig hilsen [[n|Linn Hagen]]\n[[a|Løkkeveien 9, 4008 Stavanger]]",
    ),
    (
        "en",
        "To whom it may concern\nMy husband [[n|Tariq Mehmood]], DOB {dob:slash4}, has [[h|Parkinson's disease]] and [[h|type 2 diabetes]]. We need delivery on Saturday if possible.\n[[n|Shazia]]",
    ),
    (
        "nn",
        "Hei\nDe sende feil pute til rullestolen åt [[n|Ingebjørg]]. Ho har [[h|trykksår]] på setet og må ha ROHO, ikkje skumpute.\nMvh heimesjukepleia i Volda",
    ),
    (
        "no",
        "Hei.\nTakk for god hjelp på telefon i går. Som avtalt: eposten min er [[e|ole.petter(at)online.no]], og tlf {tel:p47_2222}.\n[[n|Ole Petter Hansen]]",
    ),
]

SMS = [
    ("no", "hei er det mulig å få levert i morgen før 12. mvh [[n|trygve]]"),
    ("no", "ring [[n|Trygve]] på {tel:m323} når sjåføren er 10 min unna"),
    (
        "no",
        "hei dette er [[n|liv]] , mamma har [[h|hjernerystelse]] etter fallet så hun må ha rullator m/ bremser",
    ),
    ("no", "har ikke fått pakka enda!! ordre 40233401 [[n|ahmed]] {tel:plain}"),
    ("no", "hei kan dere sende [[n|kari]]s rullator til [[a|gamle kongevei 3, 7043 trondheim]]"),
    ("no", "sjåfør kommer ikke inn porten, kode 1947. ring [[n|ingrid]] {tel:m2222}"),
    (
        "en",
        "hi its [[n|tesfay]] pls call me back 4 my mother, she cant walk after [[h|knee surgery]]",
    ),
    (
        "no",
        "pappa har fått [[h|slag]] igjen. avbestiller leveringen, han er på sykehus. [[n|guro]]",
    ),
    ("sv", "hej jag har inte fått min rollator än!! [[n|lasse]] {tel:se_070}"),
    ("no", "kontonr til refusjon {acct:plain} takk"),
    (
        "no",
        "hei jeg er [[h|gravid]] i uke 34 og har [[h|bekkenløsning]] trenger krykker asap. [[n|mari]]",
    ),
    (
        "en",
        "my mum [[n|fatima]] have [[h|high blood pressure]] and [[h|asthma]] she need the new machine pls call {tel:m323}",
    ),
    (
        "no",
        "hei [[n|stine]] her, kan dere hente sengen til bestefar på fredag? han gikk bort forrige uke",
    ),
    ("no", "bor i [[a|sandgata 13]], 2 etg. ringeklokka virker ikke, ring {tel:m2222}"),
    ("no", "hei, bytte til str L på buksene til [[n|gerd]] takk. ordre 40199014"),
    (
        "en",
        "hi this is [[n|rodelio]] from the night shift, mr [[n|karlsen]] lift battery dead again he is [[h|paraplegic]] so urgent",
    ),
    ("no", "takk for rask levering! [[n|Bjørg]] 😊"),
    ("no", "epost er [[e|siri.bakke86 at gmail dot com]] send faktura dit"),
    ("no", "ring meg heller på jobb {tel:land2222} [[n|Heidi]]"),
    (
        "nn",
        "hei, eg har [[h|ME]] og orkar ikkje vente heime heile dagen. kan sjåføren ringe 30 min før? {tel:m323}",
    ),
    ("no", "hei,,, har dere fått mailen min? sendte fra [[e|kjell.ivar.berg@gmail.com]]"),
    (
        "no",
        "hva koster el-scooter? mamma har [[h|artrose]] i begge knærne og kommer seg ikke til butikken. [[n|Ida]]",
    ),
    ("mixed", "hei pls levering etter 16 I work. [[n|Jasmin Reyes]] {tel:p47_323}"),
    ("no", "fnr {fnr} til blå resept, glemte å skrive det i skjemaet"),
    ("no", "hei hva er status på tilbakebetaling. kort {card:mask_x}"),
    ("da", "hej vi er ikke hjemme torsdag, kan I stille pakken ved døren? [[n|Mette]]"),
    ("no", "pakken står hos naboen i [[a|Fjellgata 3 A]]. ring [[n|Åse]] hvis problemer"),
    (
        "en",
        "pls deliver to my brother [[n|Dariush]], i am at hospital with [[h|blood clot in the lung]]",
    ),
    (
        "no",
        "send til jobben hennes: c/o [[n|Kristin Sande]], [[a|Madlaveien 210, 4044 Hafrsfjord]]",
    ),
    ("no", "jeg er [[h|døv]] så ikke ring, send sms til {tel:m2222}. [[n|Rune]]"),
    (
        "no",
        "æ har [[h|kols]] og e tung i pusten, kan dokker sætt rullatorn på døra? [[n|Oddvar]] på Byåsen",
    ),
    (
        "no",
        "æ e [[h|nyoperert i kneet]] og treng krykka og dusjkrakk. send te [[n|Ánde Somby]], [[a|Sandgata 7, 9730 Karasjok]]",
    ),
]

CALLS = [
    (
        "no",
        "Samtale 09:42. [[n|Eva Marie Strand]] ringte om mannen, som har [[h|spinal stenose]] og smerter når han går. Anbefalt Topro Troja 2G. Sendt tilbud til [[e|evamarie.strand@gmail.com]].",
    ),
    (
        "no",
        "Innringer: datter. Bruker: [[n|Harald Sunde]], f. {dob:dmy2}. [[h|Hjerneblødning]] i 2021, [[h|afasi]], rullestolbruker. Ønsker ny sittepute. Avtalt levering uke 14.",
    ),
    (
        "no",
        "Oppsummering: kunden ([[n|Randi Eliassen]]) bruker [[h|Marevan]] og får blåmerker av den gamle dusjstolen med skarpe kanter. Bytter til Etac Swift Mobil. Kreditert 1 290 kr.",
    ),
    (
        "en",
        "Call summary: Mrs [[n|Jean Fraser]] phoned from Aberdeen about her son [[n|Callum]], who works offshore out of Stavanger and has a [[h|back injury]]. Wants a back-support cushion sent to [[a|Postboks 4010, 4092 Stavanger]].",
    ),
    (
        "no",
        "Ringte [[n|Sivert]] tilbake. Han har [[h|Bekhterevs sykdom]] og trenger gripetang og sokkepåtrekker. Betalt med kort {card:visa_mask}.",
    ),
    (
        "no",
        "Kunde ringte, fødselsdato {dob:d_m_y} ble bekreftet. Ny adresse: [[a|Skogsvingen 2, 1388 Borgen]]. Gammel adresse slettet.",
    ),
    (
        "no",
        "Samtale med [[n|Hamza Butt]] om farens [[h|diabetesfotsår]]. Ønsker avlastningssko str 44. Sjekker lager i Drammen og ringer tilbake på {tel:m323}.",
    ),
    (
        "no",
        "Henvendelse fra hjemmetjenesten Sagene om [[n|Solveig Tangen]] (f. {dob:no_abbr}). Hun er [[h|blind]] og trenger snakkende vekt. Fakturaadresse kommunen.",
    ),
    (
        "mixed",
        "Call w/ [[n|Sivakumar Rajaratnam]] – kunden snakker engelsk og tamil. Datter [[n|Kavitha]] tolket. Mor har [[h|vaskulær demens]]. Bestilt sengealarm og GPS-klokke. Tlf {tel:m2222}.",
    ),
    (
        "no",
        "Ringt av [[n|Karin Solberg]], som har [[h|fibromyalgi]] og vil ha en lettere rullator. Topro Pegasus anbefalt. Hun betaler med Vipps ved levering.",
    ),
    (
        "no",
        "Kunden oppgir fnr {fnr:M} for oppslag i reseptregisteret. Resept på teststrimler gyldig til 03.2026. Navn [[n|Geir Olav Nilsen]].",
    ),
    (
        "no",
        "Samtale 14:10 – [[n|Marianne]] fra Lørenskog. Sønnen har [[h|autisme]] og [[h|epilepsi]] og trenger vernehjelm. Hun vil ha faktura til [[e|marianne.dahl@getmail.no]].",
    ),
    (
        "en",
        "Spoke to Mr. [[n|Ali Hassan]], who has [[h|sickle cell disease]] and wants a heated mattress pad. Sent a payment link; the card {card:mask6} was declined.",
    ),
    (
        "no",
        "Oppfølging: bruker [[n|Øyvind Haugen]] er [[h|tetraplegiker]] (C5), ny takheis fungerer. Ingen feil. Neste service 11.11.2025.",
    ),
    (
        "no",
        "Kunden i telefonen var sint. Betaler for [[n|Leif Arne Bråthen]], som har [[h|kreft i bukspyttkjertelen]] og får [[h|palliativ behandling]] hjemme. Ønsker rask levering av sykeseng.",
    ),
    (
        "sv",
        "Samtal med [[n|Ingrid Holmgren]] från Charlottenberg. Hon har [[h|reumatism]] och vill beställa griptång och strumppådragare. Leverans till [[a|Industrigatan 4, 673 31 Charlottenberg]].",
    ),
    (
        "no",
        "Kunden ringte om ordre 40022817. Hun er [[h|ryggoperert]] og kan ikke bære. Endret til levering med innbæring. Ny kontakt: {tel:p47_2222} ([[n|Bente]])",
    ),
    (
        "en",
        "Phoned [[n|Bilal]] back re his father's wheelchair. Father had a [[h|below-knee amputation]] in 2023 and now has [[h|phantom pain]]. Quoted 12 400 NOK for the Küschall.",
    ),
    (
        "no",
        "Telefon fra Lovisenberg: [[n|Mona Andreassen]] skrives ut etter [[h|hofteprotese]] og trenger gåbord og dusjkrakk til [[a|Trondheimsveien 88B, 0565 Oslo]] innen mandag.",
    ),
    (
        "no",
        "Oppringt av [[n|Jan Erik Solbakken]]; kona har [[h|depresjon]] og [[h|angst]] og tåler ikke at fremmede ringer på. Leveres i postkassen.",
    ),
    (
        "nn",
        "Samtale med [[n|Ragnvald Hjelle]] i Stryn. Han har [[h|diabetes]] og vil ha nye lansettar. Sender til [[a|Tonningsgata 9, 6783 Stryn]].",
    ),
    (
        "en",
        "Chat moved to phone. {bd:1968-1990}[[n|Iryna Melnyk]] confirmed DOB {dob:en_long}. Her daughter has [[h|Down syndrome]] and a [[h|heart defect]]. Order 40198833 cancelled at her request.",
    ),
    (
        "no",
        "Samtale: [[n|Turid]] lurte på hvorfor kortet {card:mc_sp} ble avvist. Kortet var utløpt. Ny betaling ok.",
    ),
    (
        "no",
        "Notat etter samtale med fastlege [[n|Nils Haga]]: pasient [[n|Bodil Eng]] har [[h|venøst leggsår]] og skal ha kompresjonsstrømper klasse 2.",
    ),
    (
        "da",
        "Opkald fra [[n|Bent Østergaard]] i Frederikshavn. Han har [[h|sukkersyge]] og vil bestille strimler til sin ferie i Norge. Telefon {tel:dk_plain}.",
    ),
    (
        "no",
        "Innkommende samtale 16:55. [[n|Anne-Lise Fjeld]] vil avslutte kundeforholdet og få slettet sine data. Bekreftet med fødselsdato {dob:ddmmyyyy}. Sendt til personvernombudet.",
    ),
    (
        "en",
        "Call summary: daughter-in-law [[n|Samira]] rang for [[n|Layla Mansour]]. [[n|Layla]] had a [[h|mastectomy]] and needs a post-surgery bra and a wedge pillow. Address [[a|Nordre gate 11, 7011 Trondheim]].",
    ),
    (
        "no",
        "Telefon: [[n|Torill Brekke]], [[h|hørselshemmet]], bruker teksttelefon. Ønsker at vi sender e-post: [[e|torill.brekke@hotmail.no]]",
    ),
    (
        "no",
        "Ringte [[n|Johannes]] (sønn) om morens [[h|urinsyregikt]] – hun trenger sko med borrelås. Kjøpt Cosyfeet str 39. Betalt med {card:visa}.",
    ),
    (
        "mixed",
        "Samtale med [[n|Mirsad Hodžić]] – snakker bosnisk og litt norsk. Har [[h|PTSD]] og [[h|kroniske ryggsmerter]]. Vil ha ergonomisk stol. Tolk bestilt til neste gang.",
    ),
    (
        "no",
        "Kunde [[n|Helga Rønneberg]] ({fnr_sp:F}) vil ha kopi av alle bestillinger de siste 3 år. Sendt sikkert via Digipost.",
    ),
    (
        "no",
        "Oppsummering: [[n|Arnfinn]] i Alta bestiller to pakker Abena bleier til moren. Hun har [[h|urininkontinens]] etter [[h|hjerneslag]]. Leveres [[a|Markveien 15, 9510 Alta]].",
    ),
    (
        "en",
        "Spoke w/ [[n|Pablo Contreras]] (from Chile, lives in Asker). He has an [[h|ankle fracture]] and needs a knee scooter for 6 weeks. Deposit paid by card {card:amex_sp}.",
    ),
    (
        "no",
        "Telefon 11:20 — [[n|Sara]] fra Apotek 1 Storo ringte om en kunde, [[n|Einar Lund]], som har [[h|KOLS]] og ikke har fått levert oksygenvogn. Hjelp gitt.",
    ),
    (
        "no",
        "Etter samtalen: kunden bekrefter at e-post [[e|h.aasland@icloud.com]] og mobil {tel:m323} er riktig. [[n|Hege Aasland]]",
    ),
]

DRIVER = [
    ("no", "Sjåfør: levert til nabo i [[a|Fjellveien 22]] da ingen åpnet. Lapp i postkassen."),
    ("no", "Levert. Kunden [[n|Kåre]] satt i rullestol og ba oss bære inn i stua. Ok."),
    (
        "no",
        "Sjåførkommentar: kunde ikke hjemme, ringt {tel:m2222} 3 ganger. Returnert til terminal.",
    ),
    (
        "no",
        "Ikke levert – adressen [[a|Bjørkelia 5, 2816 Gjøvik]] finnes ikke på GPS, kunde [[n|Oddny]] må kontaktes.",
    ),
    (
        "nn",
        "Levert på tunet på [[a|Nordre Lien, 2665 Lesja]] ([[a|gnr. 45/bnr. 12]]). Kona sa mannen hennar er [[h|sengeliggande]] etter fallet.",
    ),
    (
        "no",
        "Kunden ([[n|Bjarne Moen]]) bruker [[h|hjemmeoksygen]] og ba oss ikke ha døra åpen lenge pga kulda.",
    ),
    ("no", "Levert til [[a|Storgata 112, 9008 Tromsø]], oppgang B, 3. etasje. Heis ute av drift."),
    (
        "en",
        "Driver note: customer Mr [[n|Whitehead]] not at home, left with concierge at [[a|Strandkaien 2, 5013 Bergen]]",
    ),
    ("no", "Sjåfør: hund i hagen, ring [[n|Vidar]] på {tel:dots} før levering!!"),
    (
        "no",
        "Levert heis-stol. Montør [[n|Kim]] bemerket at kunden har hatt [[h|lårhalsbrudd]] og ikke bør gå i trappa før heisen er godkjent.",
    ),
    ("no", "kunden bor i kjelleren, inngang bak huset, [[a|Åsveien 31, 1369 Stabekk]]"),
    (
        "no",
        "Sjåførkommentar: Mottaker [[n|Liv Berit Holte]] signerte. Har [[h|Parkinson]] og skjelver mye, derfor uleselig signatur.",
    ),
    (
        "sv",
        "Förare: lämnat vid dörren enligt överenskommelse. Kund [[n|Göran Lundqvist]] ringde från {tel:se_plus}.",
    ),
    (
        "no",
        "Levering avbrutt. Kunden sa hun har [[h|covid]] og ba oss komme neste uke. Ny dato 14.03.",
    ),
    ("no", "Pakke lagt i boks, [[a|Postboks 12, 8390 Reine]], kunden henter selv."),
    (
        "en",
        "Driver: delivered wheelchair. Customer's son [[n|Omar]] said his mum has [[h|MS]] and can't come to the door. Signed by [[n|Omar]].",
    ),
    (
        "no",
        "Kunde [[n|Gunn]] ringte sjåfør direkte fra {tel:p47_323} og ville ha levering på hytta i stedet. Avslått, må gå via kundeservice.",
    ),
    (
        "no",
        "Sjåfør: inngang fra baksiden. Nøkkelboks kode 4471. Kunden ([[n|Arne]]) er [[h|svaksynt]].",
    ),
    (
        "no",
        "levert kl 13:40, fru [[n|Eriksen]] tok imot. hun har [[h|brukket armen]] så vi bar inn",
    ),
    (
        "no",
        "Adressen er feil i systemet. Riktig er [[a|Kongens gate 45, 7012 Trondheim]]. Sjåfør rettet opp.",
    ),
    (
        "en",
        "Drop-off at [[a|Hammerfestveien 24, 9600 Hammerfest]]. Recipient [[n|Piera Balto]] confirmed by SMS.",
    ),
    (
        "no",
        "Sjåfør [[n|Tomasz]]: kunden var ikke hjemme, ringte dattera [[n|Ellen]] på {tel:m323}, hun kommer 16:00.",
    ),
    (
        "no",
        "Levert til [[n|Biret Risten Gaup]], [[a|Prestegårdsveien 6, 9520 Kautokeino]]. Naboen tok imot og fikk beskjed på samisk.",
    ),
    (
        "no",
        "Kunden klaget på at vi kom for sent. Hun er [[h|dialysepasient]] og må være på sykehuset kl 12 mandag, onsdag og fredag. [[n|Marit Sandnes]].",
    ),
    (
        "en",
        "delivery ok. note: customer [[n|Amina Diallo]] uses a wheelchair, ramp needed at entrance",
    ),
    (
        "no",
        "Sjåfør: mottaker heter [[n|Nguyễn Thị Lan]], snakker lite norsk, barnebarnet oversatte.",
    ),
    (
        "no",
        "retur hentet hos [[n|Lars Erik]], [[a|Elvegata 4, 3610 Kongsberg]]. Rullator skadet i hjulet.",
    ),
    ("no", "Pakken ble levert i postkassestativet. Bilde tatt. Signatur: [[n|V. Tkachenko]]"),
    (
        "nn",
        "Levert på døra. Mannen i huset seier kona har [[h|kreft]] og ligg på sjukehuset i Førde.",
    ),
    (
        "no",
        "Sjåfør melder: kunde [[n|Jon Magne Bakken]] har [[h|amputert høyre fot]] og trenger hjelp opp trappa. Husk to personer neste gang.",
    ),
]

FORMS = [
    (
        "no",
        "REKLAMASJONSSKJEMA\nNavn: [[n|Torunn Fossum]]\nAdresse: [[a|Furuveien 14, 3440 Røyken]]\nOrdrenr: 40287760\nProdukt: Topro Olympos M, sort\nFeil: bremsen slipper ikke\nØnsket løsning: nytt produkt",
    ),
    (
        "no",
        "Reklamasjon\nKunde: [[n|Leif Johansen]]\nTlf: {tel:p47_2222}\nE-post: [[e|leif.j@online.no]]\nBeskrivelse: madrassen lukter kjemisk, kunden har [[h|astma]] og får ikke sove",
    ),
    (
        "en",
        "COMPLAINT FORM\n{bd:1984-2001}Name: [[n|Zeynep Yılmaz]]\nDate of birth: {dob:slash4}\nItem: Invacare Action 3\nProblem: footrest broke after 2 weeks. I have [[h|cerebral palsy]] and use it every day.\nRefund to: {iban:NO_sp}",
    ),
    (
        "no",
        "Skjema: Avvik levering\nMottaker: [[n|Ola Kvamme]]\nAdresse: [[a|Nedre Slottsgate 8, 0157 Oslo]]\nAvvik: pakken var åpnet, batteriladeren manglet\nKontakt: {tel:m323}",
    ),
    (
        "no",
        "Klage\nFra: [[n|Ellinor Hatlem]]\nGjelder: sjåføren var uhøflig og kastet pakken. Jeg har [[h|angstlidelse]] og ble veldig redd.\nØnsker: tilbakemelding",
    ),
    (
        "sv",
        "Reklamation\nNamn: [[n|Ulla Bergström]]\nPersonnummer: {pnr_se:F}\nVara: Etac Swift duschpall\nFel: ett ben saknas\nKontakt: [[e|ulla.bergstrom snabel-a telia punkt com]]",
    ),
    (
        "da",
        "Reklamation\nNavn: [[n|Mette Kjærgaard]]\nCPR: {cpr:F}\nProdukt: blodsukkerapparat Contour Next One\nFejl: viser forkerte værdier. Jeg har [[h|type 1 diabetes]] og skal bruge et nyt hurtigt.",
    ),
    (
        "no",
        "Returskjema\nNavn: [[n|Kjell Arne Fosse]]\nKontonummer for refusjon: {acct:dot}\nÅrsak: passet ikke, for bred for døra",
    ),
    (
        "en",
        "Feedback form\nName: [[n|Faadumo Cali Warsame]]\nPhone: {tel:p47_323}\nComment: good service but the driver did not understand that my mother is [[h|paralysed]] and cannot open the door",
    ),
    (
        "no",
        "REKLAMASJON\nKunde-ID: 880112\nNavn: [[n|Sigmund Aarseth]]\nFødselsnr: {fnr:M}\nProdukt: Molift Smart 150\nFeil: løftet stopper med last. Kunden har [[h|muskelsvinn]] og kan ikke reise seg selv.",
    ),
    (
        "no",
        "Klageskjema\nInnsender: [[n|Hilde Sørlie]] (datter)\nBruker: [[n|Klara Sørlie]], {dob:dmy4}\nDiagnose: [[h|M16.1]] ([[h|hofteartrose]])\nKlage: feil høyde på toalettforhøyer",
    ),
    (
        "en",
        "RETURN FORM\nName: [[n|Kofi Mensah]]\nEmail: [[e|kofi.mensah@yahoo.co.uk]]\nReason: wrong size compression stockings (I have [[h|varicose veins]])\nCard refund: {card:visa_mask}",
    ),
    (
        "no",
        "Reklamasjon, nettbutikk\nIP: {ip}\nNavn: [[n|Monika Zielińska]]\n{bd:1968-1997}D-nummer: {dnr:F}\nE-post: [[e|monika.zielinska@wp.pl]]\nGjelder: dobbeltbelastning",
    ),
    (
        "nn",
        "Klage\nNamn: [[n|Jostein Heggdal]]\nAdresse: [[a|Kvernhusvegen 3, 6100 Volda]]\nKva gjeld det: sjåføren sette pakka ut i regnet. Eg har [[h|leddgikt]] og kom meg ikkje ut for å hente ho.",
    ),
    (
        "no",
        "Avviksskjema (intern)\nAnsatt: [[n|Camilla K.]]\nKunde: [[n|Rolf Strøm]]\nHendelse: sendt e-post med helseopplysninger ([[h|hiv-positiv]]) til feil mottaker. Meldt til personvernombudet.",
    ),
    (
        "en",
        "Complaint\nCustomer: [[n|Rania Nasser]]\nOrder 40244981\nThe bed rail came without screws. My father has [[h|dementia]] and fell out of bed last night.\nPlease call {tel:m2222}",
    ),
    (
        "no",
        "Klage på faktura\nNavn: [[n|Eivind Tveit]]\nIBAN (bor i Tyskland): {iban:DE_sp}\nFeil: frakt belastet to ganger",
    ),
    (
        "en",
        "Return form\nName: [[n|Rūta Kazlauskienė]]\nBank: {iban:LT}\nReason: I am [[h|pregnant]] and the doctor said no to the massage chair",
    ),
    (
        "no",
        "Reklamasjon\nNavn: [[n|Hallvard Nesheim]]\nTlf: {tel:0047_plain}\nProdukt: Liko Viking M\nMerknad: bruker har [[h|sykelig overvekt]] (170 kg), trenger XL-modell",
    ),
    (
        "en",
        "Complaint form\nName: [[n|Nataliia Bondarenko]]\nAddress: [[a|Kirkeveien 3, 0368 Oslo]]\nIBAN for refund: {iban:UA}\nText: rollator is broken, wheel fall off. my mother has [[h|arthritis]] and can not walk without",
    ),
]

CRM = [
    (
        "no",
        "CRM: kunde [[n|Gro Anita Lier]] ønsker ikke markedsføring. E-post [[e|gro.anita.lier@gmail.com]] reservert.",
    ),
    (
        "no",
        "Webordre fra IP {ip}, kunde [[n|Stian Bø]], betalt med {card:mc}. Flagget av svindelsjekk.",
    ),
    ("en", "Login from new device {ip6}, account [[e|jlarsen1961@hotmail.com]]. 2FA passed."),
    (
        "no",
        "Merknad: [[n|Randi]] har [[h|epilepsi]], ikke bestill blinkende varsellampe. Bruk vibrasjonsvarsler.",
    ),
    (
        "no",
        "NAV-sak 24/10441: bruker [[n|Terje Lunde]], fnr {fnr_sp:M}, innvilget elektrisk rullestol pga [[h|Charcot-Marie-Tooth]].",
    ),
    (
        "no",
        "Kundekort oppdatert: [[n|Aino Lehtonen]], [[a|Sandgata 13, 9700 Lakselv]], {tel:m323}, fødselsdato {dob:dmy4}.",
    ),
    (
        "en",
        "Account note: Mr [[n|Mohammed Al-Khatib]] asked us to send all letters in Arabic to his daughter [[n|Fatima]]. He has [[h|Alzheimer's]].",
    ),
    (
        "no",
        "Intern: blå resept §5.22 bekreftet for [[n|Solfrid Nyhus]], diagnose [[h|E10]]. Gyldig ut 2026.",
    ),
    (
        "no",
        "Notat: kunden ber om at sjåføren ikke nevner [[h|cellegiftbehandlingen]] foran naboene. [[n|Berit]]",
    ),
    ("en", "Newsletter signup: [[e|mike.h.turner@gmail.com]], IP {ip}, consent given 14:02."),
    ("no", "Delbetaling avtalt med [[n|Ivar Lindstrøm]]: 3 x 2 995 kr trekkes fra {acct:dot}."),
    (
        "no",
        "Kunde registrert: [[n|Thiruchelvam Nadarajah]], {dob:dash_short}, [[a|Tvetenveien 30, 0666 Oslo]]. Språk: tamil/engelsk.",
    ),
    (
        "no",
        "Flagg: ikke send varer til [[a|Strandgata 40, 6800 Førde]] lenger, kunden ([[n|Oddbjørg Leite]]) har flyttet på sykehjem pga [[h|demens]].",
    ),
    ("en", "Fraud check: card {card:visa} used from {ip} and from {ip} within 2 min. Blocked."),
    (
        "no",
        "Fra ergoterapeuten: [[n|Vegard]] (17 år) har [[h|ryggmargsbrokk]] og [[h|hydrocephalus]] med shunt. Trenger ny stol tilpasset vekst.",
    ),
    (
        "no",
        "Vipps-betaling feilet for {tel:m2222}. Kunde [[n|Elisabeth Ruud]] kontaktet på e-post.",
    ),
    (
        "no",
        "Intern: [[n|Unni]] på lageret pakket feil. Kunde [[n|Per Ivar Holm]] fikk Abena str. L. Ny sendes.",
    ),
    (
        "mixed",
        "Note fra [[n|Rowena]]: customer Mr [[n|Lim]] has [[h|Parkinson's]], prefers English. Ring heller enn å sende e-post.",
    ),
    (
        "no",
        "Journalutdrag vedlagt av kunden (skulle ikke vært sendt): [[h|I63.9]] [[h|hjerneinfarkt]], [[h|atrieflimmer]], bruker [[h|Eliquis]]. Slettet fra saken.",
    ),
    ("no", "Kunde [[n|Sunniva Kleppe]] ønsker at fødselsnummer {fnr:F} slettes fra kundeprofilen."),
    (
        "en",
        "Chatbot log: user typed 'my dob is {dob:en_us} and my name is [[n|Rebecca Lowe]]' before an agent joined.",
    ),
    (
        "no",
        "Merknad: leveres til c/o [[n|Berit Wold]], [[a|Grønnegata 3, 2317 Hamar]], da kunden ([[n|Astri]]) bor hos datteren etter [[h|hofteoperasjon]].",
    ),
    ("no", "Kredittsjekk OK for [[n|Morten Ulstein]], {fnr:M}. Faktura 14 dager."),
    (
        "en",
        "Internal: IBAN received by phone from [[n|Ioana Popescu]] – {iban:NL}. Name verified with the bank.",
    ),
    (
        "no",
        "Samtykke trukket: [[n|Karsten Moe]] ({tel:p47_plain}, [[e|karsten.moe@broadpark.no]]).",
    ),
]

HEALTH = [
    (
        "no",
        "Hei, eg ringer for mor mi, ho har [[h|beinskjørhet]] og har [[h|brukket en ryggvirvel]]. Ka koste ein sånn korsett?",
    ),
    (
        "en",
        "Customer is a retired teacher from Cardiff, Mrs [[n|Gwen Rees]], who has [[h|essential tremor]] and needs weighted cutlery.",
    ),
    ("en", "Mr [[n|Tan]] is on [[h|warfarin]], so the sales rep recommended padded bed rails."),
    (
        "no",
        "Kunde med [[h|lungefibrose]] ønsker transportabel oksygenkonsentrator. Henvist til lungepoliklinikken.",
    ),
    (
        "nn",
        "Brukaren har [[h|afasi]] etter [[h|slaget]] og kommuniserer med peiketavle. Kontakt kona [[n|Synnøve]] på {tel:m323}.",
    ),
    (
        "sv",
        "Kunden [[n|Kerstin Ahlgren]] har [[h|MS]] och [[h|blåsproblem]], beställer inkontinensskydd var tredje vecka.",
    ),
    (
        "da",
        "Min mor har [[h|slidgigt]] i hofterne og [[h|grøn stær]]. Hun hedder [[n|Inge Lauridsen]]. Kan I sende en rollator til Bergen?",
    ),
    (
        "en",
        "Customer [[n|Deborah Cole]] is [[h|blind in one eye]] and asked for large-print instructions.",
    ),
    (
        "no",
        "Kunden har [[h|Crohns sykdom]] og trenger toalettstol ved senga om natta. Levering [[a|Trudvangveien 5, 0363 Oslo]].",
    ),
    ("no", "[[n|Kenneth]] har [[h|cøliaki]] og spør om ernæringsdrikkene våre er glutenfrie."),
    (
        "en",
        "Customer says her partner has [[h|hepatitis C]] and asks for sharps containers for the needles.",
    ),
    (
        "no",
        "[[n|Hassan]] sier faren har [[h|lungekreft]] med [[h|spredning til skjelettet]] og trenger sykeseng raskt.",
    ),
    (
        "no",
        "Hjemmesykepleien melder at [[n|Ellen Marie Dahl]] har fått [[h|liggesår]] på hælen. Bestilt hælavlastning.",
    ),
    (
        "en",
        "Order note: for my son [[n|Aarav]], who has [[h|SMA type 2]] and needs a new seat insert.",
    ),
    ("no", "[[n|Solveig]] har [[h|søvnapné]] og vil ha ny maske til CPAP-en, str M."),
    (
        "no",
        "Kunden er under rehabilitering etter [[h|Guillain-Barré]] og trenger gåstol i 3 mnd. [[n|Stein Ove]] {tel:m2222}",
    ),
    (
        "en",
        "My father [[n|Józef Zieliński]] had [[h|bypass surgery]] and got [[h|pneumonia]] after, he is very weak, we need shower chair",
    ),
    (
        "no",
        "[[n|Knut Olav]] har [[h|psoriasisartritt]] og klarer ikke knapper, ønsker knappetrekker.",
    ),
    (
        "nn",
        "Ho er [[h|utviklingshemma]] og bur i bufellesskap, faktura til verja [[n|Reidar Kvamme]], [[a|Postboks 33, 5701 Voss]].",
    ),
    (
        "no",
        "Sønnen har [[h|ADHD]] og [[h|Tourettes syndrom]] og ødelegger stoler fort — trenger forsterket modell. [[n|Linda]]",
    ),
    (
        "en",
        "[[n|Grzegorz Lewandowski]] is recovering from a [[h|heart attack]] and must not carry heavy things, please deliver inside.",
    ),
    (
        "no",
        "[[n|Aslaug]] har [[h|migrene]] og er [[h|lysømfintlig]], vil ha levering etter mørkets frambrudd.",
    ),
    (
        "sv",
        "Han har [[h|ALS]] och [[h|andningssvikt]] och behöver en elrullstol med ryggstöd. Kontakta [[n|Anders Holm]] på {tel:se_0046}.",
    ),
    ("no", "[[n|Tove]] er [[h|hjertetransplantert]] og må unngå smitte, la pakka stå utenfor."),
    (
        "en",
        "Customer has [[h|Ehlers-Danlos syndrome]] with [[h|dislocating shoulders]], asked for a lightweight self-propelled chair.",
    ),
    (
        "no",
        "Henvendelse om [[n|Bjørn Tore]] (62), som har [[h|alkoholrelatert nevropati]] og faller mye. Søkt om hoftebeskytter.",
    ),
    ("nn", "[[n|Inga]] har [[h|skoliose]] og treng ny ryggpute til rullestolen. Send til skulen."),
    (
        "en",
        "my wife have [[h|breast cancer]] and lost her hair from the [[h|chemo]], you sell wigs? [[n|Vu Quoc Bao]]",
    ),
    (
        "no",
        "Kunden (88) har [[h|hjerteflimmer]] og [[h|pacemaker]] og ønsker trygghetsalarm uten magnet.",
    ),
    (
        "en",
        "Note: Mrs [[n|Begum]] has [[h|type 2 diabetes]] and [[h|chronic kidney disease stage 4]]; wants the talking glucose meter.",
    ),
    (
        "no",
        "[[n|Petter]] fikk [[h|hjernesvulst]] i fjor og har [[h|nedsatt balanse]], trenger rullator med bremser på begge sider.",
    ),
    (
        "no",
        "Mora [[n|Tordis]] har [[h|bipolar lidelse]] og blir urolig av mye telefon. Send heller brev.",
    ),
    (
        "en",
        "[[n|Emily Sørensen]] (22) has [[h|cystic fibrosis]] and needs a nebuliser bag and trolley.",
    ),
    ("no", "[[n|Leif]] er [[h|slagpasient]] og [[h|diabetiker]], trenger fotsjekk-speil."),
    (
        "no",
        "Pårørende ([[n|Selam Haile]]) ber om at varer til mannen, som har [[h|schizofreni]], bare leveres når hun er hjemme.",
    ),
    (
        "no",
        "Bruker har [[h|anoreksi]] og er under behandling, vekt 39 kg — trenger trykkavlastende pute.",
    ),
    (
        "en",
        "[[n|Hodan]] says her brother had [[h|TB]] and is still very weak after the treatment, wants a rollator.",
    ),
    ("no", "[[n|Arild]] har [[h|lungeemfysem]] og kan ikke gå i trapper."),
    ("no", "[[n|Synne]] har [[h|ulcerøs kolitt]] og ønsker inkontinensunderlag."),
    (
        "en",
        "Parents of [[n|Noah]] (8), who has [[h|juvenile arthritis]], asked about a tricycle with back support.",
    ),
    ("no", "[[n|Reidar]] er [[h|lungetransplantert]] og immunsupprimert, levering uten kontakt."),
    (
        "nn",
        "Kona mi har hatt [[h|blodpropp i foten]] og må ha kompresjonsstrømper. Namnet hennar er [[n|Magnhild Øye]].",
    ),
    (
        "en",
        "Mr [[n|Yusuf]] has [[h|glaucoma]] and [[h|cataracts]]; please read the order back to him on the phone.",
    ),
    (
        "no",
        "Kunden har [[h|isjias]] og en [[h|skiveprolaps]] i korsryggen, ønsker høy stol med armlener.",
    ),
    (
        "no",
        "Kunden har fått påvist [[h|E11.9]] og har startet med [[h|Metformin]]. Vil ha blodsukkermåler uten resept i mellomtiden.",
    ),
    ("en", "The customer said he was diagnosed with [[h|J44.9]] and can only walk 50 metres."),
    (
        "no",
        "[[n|Rigmor]] har [[h|svangerskapsforgiftning]] og må ligge, mannen bestiller sengebord.",
    ),
    (
        "en",
        "She's 28 weeks [[h|pregnant]] and has [[h|gestational diabetes]], needs glucose strips urgently.",
    ),
    ("no", "Kunden ([[n|Eilif]]) er [[h|hemofilipasient]] og må ha polstret dusjstol."),
    (
        "no",
        "[[n|Gunhild]] har [[h|lymfødem]] i begge bein etter [[h|livmorkreft]] og trenger kompresjonsbandasjer.",
    ),
    (
        "nn",
        "Sonen min har [[h|muskeldystrofi]] og klarer ikkje trappa lenger. Kan de kome på synfaring? [[n|Torgeir]]",
    ),
    (
        "en",
        "I have [[h|MS]] and [[h|chronic fatigue]], the wheelchair is too heavy to push, can I swap for the lighter one? [[n|Kerry-Ann]]",
    ),
    ("no", "Kunden har [[h|amyloidose]] og [[h|ødem]] i beina, ønsker elektrisk hvilestol."),
    ("no", "[[n|Rolf]] er [[h|hjerneskadet]] etter en trafikkulykke og trenger hjelm og gåbord."),
    (
        "en",
        "Customer mentioned [[h|long covid]] and [[h|shortness of breath]]; recommended rollator with seat.",
    ),
    (
        "no",
        "[[n|Bodil]] har [[h|vertigo]] og har falt tre ganger, ønsker hoftebeskytter og sengealarm.",
    ),
    (
        "en",
        "Mother-in-law has [[h|osteoporosis]] and a [[h|fractured pelvis]]; daughter [[n|Priya]] asks for a raised toilet seat.",
    ),
    (
        "no",
        "[[n|Eskil]] har [[h|tarmkreft]] og har fått [[h|stomi]], trenger hjelp med blå resept på poser.",
    ),
    (
        "no",
        "Kunden er [[h|prostataoperert]] og har [[h|permanent kateter]], bestiller urinposer med lang slange.",
    ),
    ("nn", "Eg har [[h|polynevropati]] i føtene og treng sko som er breie nok. [[n|Kjellrun]]"),
    (
        "en",
        "[[n|Ahmed Nur]] has [[h|epilepsy]] and [[h|learning disability]]; his support worker orders a padded bed.",
    ),
    ("no", "Kunden har [[h|grå stær]] på begge øyne og ser ikke displayet på blodtrykksmåleren."),
    (
        "mixed",
        "Customer [[n|Tiina]] (finsk) – har [[h|revmatisme]] og [[h|karpaltunnelsyndrom]], vil ha elektrisk boksåpner. Speaks English.",
    ),
    ("no", "[[n|Jarle]] har [[h|Addisons sykdom]] og blir fort sliten, trenger dusjstol med rygg."),
]

IDENT = [
    (
        "no",
        "Kunde: hei, vil betale restbeløpet fra kontoen min {acct:sp}, går det?\nAgent: Vi kan dessverre ikke trekke direkte, men du får faktura med KID.",
    ),
    ("no", "Refusjon godkjent: 1 490 kr til {iban:NO} (kunde [[n|Hege Brattli]])."),
    (
        "en",
        "Hi, im [[n|Muhammad Asif Chaudhry]], pls send refund to my account in Lahore {iban:PK}, I live in Norway only half the year",
    ),
    ("nn", "Pengane kan setjast inn på {acct:dot}. Helsing [[n|Ingvild Tveito]]"),
    ("no", "tilbakebetal til {acct:dot} det er kontoen til dattera mi [[n|Frida]]"),
    ("sv", "Återbetalning till mitt konto {iban:SE}, tack! /[[n|Jonas]]"),
    ("en", "Hello, please refund to my Finnish account {iban:FI_sp}. [[n|Mikko Heikkinen]]"),
    (
        "no",
        "Kunde [[n|Terje Hauge]] betalte med {card:visa_dk} (Visa/Dankort) – kortet ble avvist, prøver på nytt.",
    ),
    (
        "en",
        "Payment details: [[n|Kavitha Balasingam]], Mastercard {card:mc2}, billing address [[a|Trosterudveien 11, 0778 Oslo]]",
    ),
    (
        "no",
        "SMS fra kunde: 'bruk kortet mitt {card:plain}' — slettet fra loggen, kunden informert.",
    ),
    (
        "no",
        "Kunden sendte fødselsnummer i emnefeltet: {fnr}. E-posten er slettet. Svar sendt til [[e|andreas.kvam@live.no]].",
    ),
    (
        "no",
        "{bd:1968-1997}D-nummer {dnr:M} registrert på [[n|Dainius Stankevičius]], som jobber på Mongstad og bestiller kompresjonsstrømper.",
    ),
    (
        "en",
        "{bd:1968-1997}my d-number is {dnr:F} and my name [[n|Aušra Žukauskaitė]], i need the prescription moved to your pharmacy",
    ),
    (
        "no",
        "Blå resept: fnr {fnr_sp:F} ([[n|Hjørdis Lunde]]), vare: Contour Next teststrimler, 4 pk.",
    ),
    ("no", "Fødselsnummer oppgitt muntlig: {fnr:M}. Kunden heter [[n|Trond Gulbrandsen]]."),
    (
        "en",
        "Account recovery request from {ip}, email [[e|nina.hoel@gmail.com]]. Denied – wrong answers.",
    ),
    ("no", "Innlogging fra {ip} (mobilnett) på kontoen til [[n|Steinar Fjell]]."),
    (
        "en",
        "Suspicious orders: 5 rollators to the same address from {ip} and {ip6}. Customer name given as [[n|John Smith]].",
    ),
    (
        "no",
        "Kunde [[n|Åge Strømme]] klager på at nettsiden logger IP-adressen hans ({ip}). Viste til personvernerklæringen.",
    ),
    (
        "mixed",
        "Webchat started from {ip}. Kunden skrev: 'hei, jeg er [[n|Pham Thi Hoa]], mor har [[h|høyt blodtrykk]]'.",
    ),
    (
        "nn",
        "Kunden [[n|Kolbjørn Rise]] er fødd {dob:no_long} og bur på [[a|Sørbygda 410, 2410 Hernes]].",
    ),
    (
        "en",
        "DOB {dob:iso}, [[n|Natasha Ivanova]], [[h|allergic to latex]] – send nitrile gloves only.",
    ),
    ("no", "Kunde bekreftet fødselsdato {dob:dmy2} og postnummer. [[n|Inger Johanne]]."),
    (
        "sv",
        "Kunden [[n|Maj-Britt Eklund]], född {dob:sv_long}, vill ha fakturan via e-post [[e|majbritt.eklund@hotmail.se]].",
    ),
    (
        "da",
        "Kunden [[n|Jens Peder Holm]], født {dob:da_dash}, bestiller en badebænk til sommerhuset i Norge.",
    ),
    (
        "en",
        "Customer [[n|Fiona McLeod]], born {dob:en_ord}, wants the invoice sent to Flat 2, [[a|18 Queen Street, Edinburgh EH2 1JX]]",
    ),
    (
        "no",
        "Født {dob:d_m_y} ifølge kunden, men systemet sier noe annet. [[n|Helge Ramberg]] ringer tilbake.",
    ),
    ("no", "fødselsdato {dob:ddmmyy} [[n|Marta Wiśniewska]] ønsker fakturaen på polsk om mulig"),
    ("no", "Kunde: [[n|Per Kristian Fossum]], fødselsdato {dob:iso}, fnr {fnr:M}"),
    ("en", "Invoice request from [[e|Ole.Brattbakk@ntnu.no]] for his mother's rollator."),
    (
        "no",
        "Kunden skrev e-posten sin som [[e|liv punktum nygaard krøllalfa gmail punktum com]] for å unngå spam.",
    ),
    ("no", "ny e-post: [[e|siri_h83@hotmail.com]], gammel: [[e|siri.h@chello.no]]"),
    ("en", "Contact: [[e|dariush.moradi AT gmail DOT com]] / {tel:p47_323}"),
    ("sv", "Skicka kvittot till [[e|bengt.lind snabel-a gmail punkt com]]"),
    ("no", "E-post: [[e|kari+rullator@gmail.com]] (kunden bruker plusstegn for å sortere)"),
    ("da", "Skriv til [[e|lone.ostergaard@mail.dk]] eller ring {tel:dk_plain}."),
    ("no", "Tlf. {tel:land_p47} (dagtid), mobil {tel:m2222} — spør etter [[n|Ruth Helen]]."),
    ("no", "Sjåføren skal ringe {tel:dash} 30 min før, [[n|Gry]] er hjemme etter 12."),
    ("en", "UK number for the son: {tel:uk_mob}. He'll coordinate with his mum [[n|Eileen]]."),
    (
        "mixed",
        "Kunde fra Polen, [[n|Krzysztof Wiśniewski]], tlf {tel:pl_plus}. Speaks English, litt norsk.",
    ),
    ("en", "Call back [[n|Ihor]] on {tel:ua_plus}, he is in Lviv until Monday."),
    ("no", "Ring [[n|Kristoffer]] (barnebarn) på {tel:0047_323} om levering til bestemor."),
    ("no", "Adresse: [[a|Markveien 35, 0554 Oslo]], leil. H0304"),
    ("no", "Ny adresse for [[n|Olaug Svendsen]]: [[a|Bergslia 14, 3045 Drammen]], 2. etasje."),
    ("no", "Fakturaadresse: c/o [[n|Elin Brekke]], [[a|Postboks 1012 Sentrum, 0104 Oslo]]"),
    (
        "nn",
        "Adressa er [[a|Øvre Haugen, 6856 Sogndal]] ([[a|gnr. 12, bnr. 3]]), køyr opp bakken forbi kyrkja.",
    ),
    ("en", "Ship to: [[n|Helen Birch]], [[a|7 Mill Lane, Keswick CA12 5AB]], United Kingdom"),
    ("no", "Levering til hytta: [[a|Fjellstølvegen 88, 3580 Geilo]]. Nøkkel under matta."),
    ("no", "Ny adresse: [[a|Tollbugata 12B, 8006 Bodø]], 4. etg., ring på hos [[n|Haugen]]."),
    ("sv", "Leveransadress: [[a|Kungsgatan 5B, 411 19 Göteborg]], portkod 1234."),
    ("no", "IBAN {iban:NO_sp} er registrert på [[n|Bjørnar Fagerli]] for refusjon."),
    ("en", "Refund to DK account {iban:DK_sp} please, from [[n|Kirsten Mølgaard]]"),
    ("en", "Refund to my German account {iban:DE} — [[n|Klaus Weber]], summer house in Hvaler."),
    (
        "no",
        "Kontonr {acct:plain} tilhører ikke kunden ifølge banken. Sjekk med [[n|Grete Lyngstad]].",
    ),
    ("no", "Kunde [[n|Oddmund]] vil ha pengene inn på kontoen til kona: {acct:sp}."),
    ("en", "Bank account for the refund: {acct:dot} (Norwegian), name [[n|Rodel Macaraeg]]."),
    (
        "no",
        "Visa {card:visa_sp} er utløpt, kunden har fått nytt kort. [[n|Wenche]] ringer inn med det.",
    ),
    ("en", "Card used: {card:mask_x}, approved. Customer [[n|Omar Haddad]]."),
    ("no", "Betaling avvist for kort {card:mc}. Kunden ([[n|Line Aune]]) varslet på SMS."),
    ("en", "amex {card:amex} declined, customer will pay by invoice"),
    (
        "no",
        "Kortnummer {card:dash} ble lest opp i telefonen og lagret i opptaket. Opptaket er slettet.",
    ),
    (
        "en",
        "Refund to Somali account {iban:SO_sp}? Finance says yes. Customer [[n|Abdirashid Mohamud Farah]], brother of [[n|Sahra]].",
    ),
    (
        "no",
        "[[n|Arvid]] og [[n|Synnøve Lien]] bor på [[a|Holtet 4, 2390 Moelv]]. Begge bruker rullator, leveres samtidig.",
    ),
    (
        "nn",
        "Ring [[n|Ragnhild]] på {tel:land_p47} eller {tel:m323}, ho svarar ikkje alltid på mobilen.",
    ),
    (
        "no",
        "Kunden vil bytte e-post fra [[e|hans.olav@frisurf.no]] til [[e|hansolav.berg(at)gmail.com]].",
    ),
    (
        "en",
        "Delivery for [[n|Sunisa Chaiyaporn]] goes to her workplace, the Thai Orchid restaurant, [[a|Storgata 48, 3611 Kongsberg]], weekdays before 15.",
    ),
]

# ---------------------------------------------------------------------------
# Clean notes: no personal data at all (expected: no findings).
# ---------------------------------------------------------------------------

CLEAN = [
    (
        "no",
        "Ordre 40012999 er pakket og sendt fra lageret i Vestby. Sporingsnummer 70730251234567891.",
    ),
    ("no", "Åpningstider butikken på Carl Berner: man–fre 09–17, lør 10–15. Stengt 17. mai."),
    ("no", "Topro Olympos M rullator, sort, SKU TOP-OLY-M-BLK, kr 3 990. På lager: 14 stk."),
    (
        "no",
        "Kunde: Hei, har dere Sara Stedy på lager?\nAgent: Ja, Arjo Sara Stedy kan leveres innen 3 virkedager.\nKunde: takk",
    ),
    ("no", "Levert 12.03.2025 kl. 14:20, signert elektronisk. Ingen avvik."),
    ("no", "Sjåfør: ingen hjemme, lapp lagt igjen. Ny levering avtales via SMS-lenke."),
    (
        "no",
        "Kampanje uke 38: 20 % på alle TENA Pants og Abena Abri-Flex. Gjelder ikke blå resept-varer.",
    ),
    ("no", "Reklamasjon nr 2025-0412 lukket. Bremsekabel byttet under garanti, kostnad 0 kr."),
    (
        "no",
        "FreeStyle Libre 2-sensorer er forventet på lager igjen 04.04. Restordre frigis automatisk.",
    ),
    ("no", "Liko Viking XL, maks 300 kg, artikkel 2040021. Fraktes på pall, krever løftebil."),
    ("no", "hei! når stenger dere på lørdag?"),
    (
        "no",
        "Agent: Vi har dessverre ikke Molift Nomad i str. XL før uke 22.\nKunde: ok da venter jeg",
    ),
    ("no", "Faktura 2025-10334, KID 00400123445678, forfall 30.05.2025, beløp 1 249,00 kr."),
    (
        "no",
        "Bestilling mottatt: 3 pk Accu-Chek Guide teststrimler (50 stk), 1 pk Softclix lansetter.",
    ),
    (
        "no",
        "Varen er returnert til Berger terminal. Kreditnota sendes når kvalitetskontrollen er ferdig.",
    ),
    ("nn", "Pakka er levert i postkassa. Ha ein fin dag!"),
    ("nn", "Vi har ope 08–16 kvardagar og 10–14 laurdagar i butikken vår i Førde sentrum."),
    (
        "no",
        "Intern: tilbakekalling av Etac Swift Mobil-2 batch 2209, serienr 220900–221450. Kundene varsles av Etac.",
    ),
    (
        "no",
        "St. Olavs hospital har bestilt 40 dusjstoler til ny avdeling. Leveres til varemottaket, port 3.",
    ),
    (
        "no",
        "Kunde: hvor mye koster frakt til Svalbard?\nAgent: Frakt til Longyearbyen er 349 kr for pakker under 10 kg.",
    ),
    ("no", "Dolomite Melody er utgått. Erstatning: Dolomite Jazz 510, samme sittehøyde 60 cm."),
    ("no", "Lageret i Drammen har 6 stk Topro Troja 2G (str. M) og 2 stk Topro Pegasus."),
    ("no", "Betaling via Klarna godkjent for ordre 40112233. Ingen kortinfo lagret."),
    ("no", "Sjåfør melder: brua på Fv 64 er stengt, levering til Averøy forsinket 1 dag."),
    ("en", "Hi, do you ship to Åland? I saw the Topro Olympos on your website for 3 990 NOK."),
    (
        "en",
        "Agent: The Invacare Birdie Evo lift has a safe working load of 180 kg.\nCustomer: great, thanks",
    ),
    (
        "en",
        "Delivery window changed to 10:00–14:00 due to snow in Tromsø. Customers notified by SMS.",
    ),
    ("sv", "Hej! Har ni rollatorer på lager i Oslo? Jag kommer med Norwegian på fredag."),
    ("da", "Hej, hvad koster fragt til København? Vi vil gerne bestille 2 kørestole."),
    ("no", "Rullestol Quickie Nitro, setebredde 42, setedybde 44, farge: Racing Green."),
    ("no", "Kvittering: 2 x Etac Hi-Loo toalettforhøyer à 1 190 kr, totalt 2 380 kr inkl. mva."),
    ("no", "IT: ny versjon av leveringsappen, 4.12.0.1, rullet ut til alle sjåfører 02.06."),
    (
        "no",
        "Kunde: har dere inkontinensbind til menn?\nAgent: Ja, TENA Men Level 1–4 og Abena Man Formula.",
    ),
    ("no", "Egenandel på blå resept trekkes ved utlevering. Frikort godtas."),
    ("no", "Kunde ringte om åpningstidene i julen. Informert: 24.12 og 31.12 stenger vi kl 12."),
    ("nn", "Rullatoren er send frå lageret i Ålesund i dag. Venta levering er fredag."),
    (
        "en",
        "Returns policy: unused items within 30 days. Hygiene products (e.g. incontinence pants) cannot be returned.",
    ),
    (
        "no",
        "Ordre 99231144 kansellert av kunden før pakking. Beløpet som er reservert på kortet frigis automatisk.",
    ),
    ("no", "Kampanjekode VÅR25 gir 15 % på alle dusjkrakker t.o.m. 30.04.2025."),
    (
        "no",
        "Service på trappeheis Stannah 600 utført. Neste kontroll 09.2026. Serienr ST600-448210.",
    ),
    ("no", "Sjåfør: porttelefonen er ute av drift, pakka levert i resepsjonen på Oslo City."),
    ("en", "Hi, is the Dexcom G7 covered by blå resept or do I need a special form?"),
    (
        "no",
        "Agent: Hei! Du snakker med kundeservice. Hva kan jeg hjelpe med?\nKunde: lurte bare på om dere har gavekort\nAgent: Ja, fra 200 kr.",
    ),
    ("no", "Leveringsdato endret fra 14.10.2025 til 16.10.2025 etter ønske. Tidsvindu 08–12."),
    ("no", "Pall 3 av 4 mangler på Alnabru. Bring følger opp. Referanse 373500001234567894."),
    ("no", "rullator med sete til 2 995 kr eller 3 490 kr, hva er forskjellen?"),
    (
        "no",
        "Butikken i Storgata er midlertidig flyttet til Amfi Moa, 2. etasje, ved siden av Vitusapotek.",
    ),
    (
        "en",
        "Customer asked if the Etac Cross 6 fits in a Toyota Yaris boot. Folded size 82 x 37 x 72 cm, so yes.",
    ),
    ("no", "Hjelpemiddelsentralen i Oslo har bestilt 12 sengehester, levering til Økern lager."),
    ("sv", "Tack för din beställning! Ordernummer 40188422. Leverans inom 3–5 arbetsdagar."),
    (
        "da",
        "Tak for din ordre. Varen sendes fra vores lager i Norge og er hos dig om 4–6 hverdage.",
    ),
    ("no", "Sjåførrute 14 (Bærum vest) har 23 stopp i dag, første kl 07:45."),
    ("no", "Varen 'Handy Bar' er utsolgt. Neste leveranse fra leverandøren kommer i uke 41."),
    ("no", "Kunde: har dere noe for å åpne syltetøyglass?\nAgent: Ja, Dycem boksåpner, 189 kr."),
    ("nn", "Kundeservice er stengd måndag 1. april på grunn av påska. Vi svarar på e-post tysdag."),
    (
        "en",
        "SMS template: 'Your order is on its way. Track it in the app with reference 40220011.'",
    ),
    (
        "no",
        "Artikkelnr 10045-02 (Rollatorkurv Troja) var feilmerket som 10045-03 i nettbutikken. Rettet.",
    ),
    ("no", "Prisen på Molift Smart 150 er justert fra 38 900 til 36 500 kr eks. mva fra 01.09."),
    ("no", "Hentepunkt: Coop Extra Kautokeino, åpent 09–21."),
    (
        "en",
        "Driver: gate locked, delivered to the parcel locker at Kiwi Sandvika. Code sent by SMS.",
    ),
    (
        "no",
        "Intern påminnelse: skriv aldri fødselsnummer eller diagnoser i fritekstfeltet. Bruk journalmodulen.",
    ),
    (
        "en",
        "Reminder to agents: never ask customers for their full card number or password in chat.",
    ),
    (
        "no",
        "Dialysestol med elektrisk ryggjustering, modell Lojer Scandia, kan prøves i Trondheim-butikken.",
    ),
    (
        "no",
        "Diabetesforbundet holder kurs i fotpleie i våre lokaler 12.11 kl 18:00. Gratis for medlemmer.",
    ),
    ("no", "Nye kompresjonsstrømper klasse 1 og 2 fra Juzo er kommet, str. S–XXL."),
    (
        "en",
        "Customer wanted to know the difference between TENA Lady Mini and TENA Lady Normal. Explained absorbency.",
    ),
    ("no", "Telefonkø i dag: snitt ventetid 4 min 20 sek, 312 samtaler."),
    (
        "no",
        "Leierullestol returnert med punktert forhjul. Verkstedet bytter hjul, 450 kr faktureres etter avtalen.",
    ),
    ("nn", "Sjåføren kjem mellom kl 10 og 12. Ver venleg og ha tilgang til døra."),
    ("no", "Ordrebekreftelse 40301288: Etac Relax dusjstol, 1 stk, 2 690 kr. Frakt 0 kr."),
    ("en", "Can I pay with Vipps or only card? And do you deliver on Saturdays in Stavanger?"),
    (
        "no",
        "Pakker med blodsukkerstrimler må oppbevares mellom 4 og 30 grader. Informasjon lagt i esken.",
    ),
    ("no", "Varemottak Skedsmokorset: 3 paller inkontinensprodukter mottatt, 1 pall skadet."),
    ("sv", "Rollatorn Topro Hippo finns i storlek S och M. Pris 4 290 kr."),
    ("da", 'Kørestolen Küschall Compact leveres med 24" baghjul og quick release-aksler.'),
    (
        "no",
        "Skjema: Avvik levering\nOrdrenr: 40255550\nAvvik: kartongen våt, innholdet uskadet\nTiltak: ingen",
    ),
    (
        "no",
        "REKLAMASJON\nOrdrenr: 40160071\nProdukt: Topro Troja 5G M\nFeil: knirker i venstre bremsehåndtak\nLøsning: ny bremsekabel sendt",
    ),
    ("en", "Complaint logged: the box said 'Pegasus' but contained a Troja. Swapped at no cost."),
    (
        "no",
        "Kunde: kan jeg hente selv på lageret?\nAgent: Ja, Økern lager har henting 09–15, ta med ordrenummeret.",
    ),
    ("no", "Sjåfør: levert ved garasjen som avtalt på SMS. Bilde lagt ved i appen."),
    ("nn", "Tilbod: heimehjelp-pakke med gripetang, sokkepåtrekkar og skohorn 399 kr."),
    (
        "no",
        "Hei!\nTakk for bestillingen din hos oss. Ordrenummer: 40270004.\nMed vennlig hilsen\nKundeservice",
    ),
    (
        "en",
        "Hello,\nThank you for contacting us. Your case number is 2025-77120. We will reply within 2 working days.\nKind regards,\nCustomer Service",
    ),
    (
        "no",
        "SMS: Pakken din kommer i dag mellom 12:00 og 16:00. Svar STOPP for å avbestille varsler.",
    ),
    ("no", "Nettbutikken var nede 02:10–02:45 pga oppdatering. Ingen ordre tapt."),
    ("no", "Prisforskjell: Topro Olympos S (3 990 kr) mot Olympos M (4 190 kr)."),
    ("no", "Kunde spør om bredden på døråpning for Invacare Esprit Action: minimum 68 cm."),
    (
        "no",
        "Mottatt 14 kolli Medi kompresjonsstrømper fra Tyskland, tollreferanse 25NO0012345678901.",
    ),
    ("sv", "Kundtjänst: vi svarar inom 24 timmar på vardagar. Tack för ditt tålamod."),
    ("da", "Bemærk: bestillinger efter kl. 14 sendes næste hverdag."),
    ("en", "Delivered to the Bergen store at Småstrandgaten for click-and-collect."),
    (
        "no",
        "Oppdatert leveringstid for sykeseng Opus 3: 5–7 virkedager i Sør-Norge, 8–12 i Nord-Norge.",
    ),
    (
        "no",
        "Kunde: hei, jeg skal returnere noe. hvordan gjør jeg det?\nAgent: Bruk returlappen i esken eller lag en ny på Min side.",
    ),
    ("no", "Trygghetsalarm Everon Lifeline Vi+ kr 2 490, abonnement 299 kr/mnd."),
    ("nn", "Pakke nr 2 av 2 er på veg. Den fyrste kom i går."),
    ("en", "Hi! What's the max user weight on the Topro Taurus? Thanks"),
    ("no", "Kalibrering av Contour Next One er ikke nødvendig – informert kunden i chat."),
    ("no", "Ny rutine: kjølevarer (insulin) sendes bare man–ons for å unngå helgelagring."),
    ("no", "Stomiposer Coloplast SenSura Mio, 30 stk/pk, art.nr 10480. Krever blå resept."),
    ("en", "FAQ: Is the Molift Quick Raiser suitable for home use? Yes, it fits most bathrooms."),
    (
        "no",
        "Retur: lever på et av Postens hentesteder innen 14 dager. Returlappen gjelder til 25.06.2025.",
    ),
    ("no", "Bestilling fra Bydel Frogner, innkjøpsordre 4500123987, 10 stk gripetang."),
    ("no", "Butikken vår i Karl Johans gate har åpent til 20 på torsdager fra 1. oktober."),
    (
        "en",
        "The Sara Flex and Sara Stedy are both stand aids from Arjo; the Flex needs more weight-bearing.",
    ),
    (
        "no",
        "Kurs for hjemmesykepleien på Haukeland universitetssykehus 18.09: bruk av takheis Liko Likorall.",
    ),
    ("no", "Vareprøve av TENA Silhouette Noir sendt til 200 apotek i kampanjen."),
    ("no", "Leverandørmøtet med Handicare AS og Etac AB er flyttet til 15.01 kl 10:00."),
    ("no", "Kunde: er Topro Hippo bra for barn?\nAgent: Ja, den er laget for barn fra 1 til 6 år."),
    ("sv", "Hej, vad är leveranstiden till Tromsø för en Molift Smart?"),
    ("da", "Vi har modtaget din returnering af TENA Slip. Pengene overføres inden for 5 hverdage."),
    ("en", "Order 40233119: 2 x Invacare Dolomite Jazz, 1 x backrest. Awaiting pick."),
    ("no", "Sjekkliste levering sykeseng: kontroller strøm, sengehest, fjernkontroll og bremser."),
    (
        "no",
        "Tilbud til Lørenskog kommune: 50 rullatorer Topro Olympos, 3 490 kr per stk, levering Q2.",
    ),
    ("nn", "Kunden spurde om det er mogleg å leige rullestol i helga. Svar: ja, 150 kr per døgn."),
    ("en", "hey do u guys sell the freestyle libre reader or only sensors"),
    (
        "mixed",
        "Customer asked på engelsk om vi har 'walking frames'. Forklart at det heter gåbord, og sendt lenke.",
    ),
    ("no", "Fakturanr 88214 kreditert. KID 0088214003 sperret."),
    (
        "en",
        "Telephone queue message updated: 'Press 1 for orders, 2 for returns, 3 for blå resept.'",
    ),
    ("no", "Ordre 48293017 og 91827364 er slått sammen til én sending."),
    ("no", "Hjelpemiddelet er merket med HMS-nummer 123456 og kan ikke selges videre."),
    ("da", "Vores butik i Oslo har åbent man–fre 9–17. Velkommen!"),
    ("sv", "Order 40312777 skickad. Kollinummer 00370726201234567891 (PostNord)."),
    ("en", "Pharmacy shelf B14: restock Accu-Chek Mobile cassettes, expiry 2026-03."),
    (
        "mixed",
        "Agent note: customer asked if 'Lady' is only for women. Svarte ja – TENA Lady er laget for lett lekkasje hos kvinner.",
    ),
    ("no", "Sjåfør: Strandveien-terminalen stenger 15:30 i dag, siste lass må inn før det."),
    ("nn", "Rullestolen «Kvikk» frå Ottobock er no utseld, men kjem att i veke 9."),
    (
        "en",
        "Product Q&A: 'Does the Liko Viking M fit under a bed with 12 cm clearance?' Answer: yes, the base is 11.5 cm high.",
    ),
    (
        "no",
        "Kunde: Hva er forskjellen på Sara Plus og Sara Stedy?\nAgent: Sara Plus er en aktiv løfter, Stedy er en ståhjelp uten motor.",
    ),
    (
        "sv",
        "Hej! Finns Etac Swift toalettstol i vitt? Vi är på semester i Lofoten och behöver en i två veckor.",
    ),
    ("da", "Kunde: Hvornår åbner I efter påske?\nAgent: Tirsdag kl. 9."),
    ("no", "Leveringsstatus: 18 av 20 pakker levert, 2 på vei til hentested Meny Moholt."),
]

EXTRA = [
    (
        "sv",
        "Hej, jag vill ha pengarna tillbaka till mitt norska konto {acct:sp}, jag pendlar till Oslo. /[[n|Karl-Johan Berglund]]",
    ),
    ("da", "Tilbagebetaling til {iban:DK_sp}, tak. Hilsen [[n|Birthe Nørgaard]]"),
    (
        "mixed",
        "Kunde: kan jeg få refund til kontoen min i Sverige?\nAgent: Ja, send IBAN.\nKunde: {iban:SE} [[n|Ebba Lindgren]]",
    ),
    ("no", "Regnskap: feilutbetaling til {acct:dot} 03.02, skulle vært {acct:dot}. Korrigert."),
    ("nn", "Kontonummeret mitt er {acct:plain}, ikkje det som står på fakturaen. [[n|Åsmund]]"),
    (
        "en",
        "Customer read out her account number as {acct:sp}; I repeated it back and she confirmed. [[n|Grace Adeyemi]]",
    ),
    (
        "no",
        "Kunde: refusjonen kom ikke\nAgent: Den ble sendt til {acct:dot}. Er det riktig konto?\nKunde: nei! den er gammel. ny er {acct:dot}",
    ),
    ("en", "hi pls refund to {iban:GB} (my UK account), [[n|Priya Sharma]]"),
    (
        "no",
        "IBAN oppgitt: {iban:NO} — tilsvarer norsk konto, sjekket OK. Kunde [[n|Mathias Kolstad]].",
    ),
    (
        "mixed",
        "Hej! Tack. Jeg heter [[n|Lars Holmqvist]], bor i Halden, men banken er svensk: {iban:SE_sp}",
    ),
    (
        "en",
        "Polish customer [[n|Bożena Szymańska]] gave IBAN {iban:PL_sp} for the refund of the shower stool.",
    ),
    (
        "no",
        "Utbetaling til litauisk konto {iban:LT_sp} for [[n|Jonas Jankauskas]] avvist av banken – feil navn.",
    ),
    (
        "en",
        "Please pay back to my Ukrainian account, IBAN {iban:UA}. Thank you, [[n|Volodymyr Tkachenko]]",
    ),
    ("da", "Kære jer, beløbet kan overføres til {iban:DK}. Venlig hilsen [[n|Anders Bech]]"),
    ("nn", "Refusjon til {iban:NO_sp}, kontoen står på [[n|Sigve Eikrem]]."),
    (
        "en",
        "IBAN on file {iban:DE_sp} belongs to Frau [[n|Ingrid Weber]], who rents a cabin in Sirdal.",
    ),
    (
        "no",
        "Innlogging på Min side fra {ip} og {ip} samme minutt. Kunde [[n|Yngve Stokke]] varslet.",
    ),
    (
        "en",
        "Order 40322111 placed from {ip}, billing email [[e|t.ahmadi@gmail.com]], name [[n|Shirin Ahmadi]].",
    ),
    ("no", "Logg: passordbytte fra {ip6} for [[e|anne.grete.roed@online.no]]"),
    (
        "mixed",
        "IP {ip} blokkert etter 10 failed logins. Customer [[n|Luis Fernández]] says it was his son.",
    ),
    ("no", "Kunden lurte på hvorfor vi lagrer IP-adresse. Hennes siste innlogging var fra {ip}."),
    ("sv", "Inloggning från {ip} på kontot som tillhör [[n|Kristina Ek]]."),
    ("en", "Cookie consent logged: {ip}, 2025-03-14 09:12, user chose 'necessary only'."),
    (
        "no",
        "Kundens ruter har IPv6-adressen {ip6}, og hun får ikke lastet opp kvitteringen. Sendt til IT.",
    ),
    ("en", "Web form submitted from {ip6}: name [[n|Hussein Ali Abdi]], phone {tel:m323}."),
    ("da", "Bestilling fra IP {ip}, kunde [[n|Lene Vestergaard]], levering til Norge."),
    ("no", "Svindelforsøk: samme kort {card:visa} brukt fra {ip} og {ip}. Sperret."),
    ("no", "fnr: {fnr:F} ([[n|Ingeborg Hætta]])"),
    (
        "en",
        "She gave her Norwegian ID number {fnr_sp:F} and DOB {dob:en_long} over the phone. [[n|Rosa Marquez]]",
    ),
    (
        "nn",
        "Fødselsnummeret til mor er {fnr_sp:F}. Ho heiter [[n|Borghild Nes]] og er fødd {dob:dmy4}.",
    ),
    ("no", "Pasient: [[n|Olav Johnsen]], f.nr. {fnr:M}, resept på Abena Abri-Form."),
    (
        "sv",
        "Personnummer {pnr_se:F} ([[n|Gunnel Åberg]]) – kunden bor i Norge men är svensk medborgare.",
    ),
    ("da", "CPR-nummer {cpr:M} oplyst af [[n|Poul Erik Madsen]] ved bestilling af kørestol."),
    ("no", "{bd:1968-1997}D-nr {dnr:M}, [[n|Andrzej Nowak]], jobber på Karmøy. Bestiller krykker."),
    ("en", "{bd:1972-1996}My fødselsnummer is {fnr:F} pls find my order, [[n|Mwajuma Hamisi]]"),
    (
        "no",
        "Kunde oppga fødselsdato {dob:no_long} og fnr {fnr} — adressen stemmer ikke med systemet, ingen info utlevert.",
    ),
    ("no", "Identitet bekreftet: født {dob:dmy2}, postnr 5003. [[n|Gjertrud Sælen]]"),
    ("en", "date of birth {dob:slash4} — [[n|Mohamed Elmi]]"),
    ("no", "f. {dob:dash_short}, [[n|Hallgeir Bakke]], vil ha papirfaktura."),
    ("sv", "Född {dob:sv_compact}, [[n|Ingemar Sjöström]], vill byta rollator."),
    ("da", "[[n|Kirsten Dahl]] er født {dob:no_long} og bor i Aalborg, men datteren bor i Oslo."),
    ("mixed", "DOB {dob:dmy4}, navn [[n|Ly Thi Thu]], snakker vietnamesisk. Daughter translates."),
    (
        "en",
        "The patient, [[n|Yasmin Khalil]], born {dob:en_us}, has [[h|multiple myeloma]]; the hospital orders a bed.",
    ),
    (
        "no",
        "Kunde: kan dere sende alt på mail? [[e|gunnhild.t(at)gmail.com]]\nAgent: Ja, det er gjort.",
    ),
    ("en", "email: [[e|j.obrien1958@eircom.net]] (Irish customer, spends summers in Norway)"),
    ("da", "Send fakturaen til [[e|hanne.kjeldsen@outlook.dk]], tak."),
    ("no", "Ny e-post: [[e|borghild punktum nes krøllalfa hotmail punktum com]]"),
    ("sv", "Mejla [[e|anna-karin.sundberg@telia.se]] när rollatorn är skickad."),
    ("en", "Contact email [[e|abdi.warsame @ gmail . com]] — customer typed it with spaces."),
    ("no", "Kort {card:mask6} belastet 2 ganger. Refusjon til samme kort."),
    ("en", "Paid with {card:mc2}. Customer [[n|Nour Haddad]] wants a receipt."),
    ("da", "Betalt med Visa/Dankort {card:visa_dk}, [[n|Jesper Kristensen]]."),
    ("no", "Kunden leste opp kortnummeret {card:visa_sp} før vi rakk å stoppe henne. Slettet."),
    (
        "en",
        "Masked card on the receipt: {card:mask4} – customer [[n|Ellie Turner]] disputes the charge.",
    ),
    ("no", "Mastercard {card:mc_sp}, utløp 09/26 – [[n|Geir]] vil betale resten med dette."),
    ("sv", "Kortet {card:visa} nekades. [[n|Eva Lundberg]] betalar med Swish istället."),
    (
        "mixed",
        "Kunde ringte: 'my card {card:amex_sp} doesn't work in your shop'. Forklart at nettbutikken ikke tar Amex.",
    ),
    ("no", "Telefon fra [[n|Sigurd]]: tlf {tel:0047_323}, fnr {fnr:M}, vil avbestille."),
    ("da", "Ring venligst til [[n|Kasper]] på {tel:dk_plus}."),
    ("sv", "Ring [[n|Margareta]] på {tel:se_070} efter kl 17."),
    (
        "mixed",
        "Kunde [[n|Kim Ngoc Anh]] – speaks English, phone {tel:p47_323}, email [[e|kim.ngoc.anh@yahoo.com]]",
    ),
    (
        "nn",
        "Ring [[n|Olav Tore]] på {tel:m2222}, han treng ny rullator etter [[h|hjartestans]] i vår.",
    ),
    (
        "sv",
        "Hon har [[h|diabetes typ 2]] och [[h|högt blodtryck]], ring [[n|Sofia Holm]] på {tel:se_plus}.",
    ),
    (
        "da",
        "Han har haft en [[h|blodprop i hjertet]] og skal bruge rollator. Kontakt [[n|Bjarne Hansen]], {tel:dk_plain}.",
    ),
    (
        "en",
        "UK customer [[n|Nigel Hartley]] ({tel:uk_plus}) has [[h|rheumatoid arthritis]] and wants a jar opener.",
    ),
    (
        "mixed",
        "Hei! Jeg heter [[n|Ana Lima]], I'm from Brazil. Min mor har [[h|osteoartrose]] in the knees, need walker.",
    ),
    ("sv", "[[n|Björn Forsberg]] har [[h|spinal stenos]] och behöver en rollator med sits."),
    (
        "da",
        "[[n|Susanne Lund]] er [[h|gravid]] og har [[h|bækkenløsning]], hun vil leje en kørestol i 3 måneder.",
    ),
    (
        "nn",
        "[[n|Halldis]] har [[h|Parkinson]] og skjelv så mykje at ho søler, treng tallerken med kant.",
    ),
    ("no", "Skriv kontonummeret uten punktum: {acct:plain}. Kontoen står på [[n|Vidar Strand]]."),
    ("en", "Refund account (Norway): {acct:sp}. Account holder: [[n|Amanda Okoye]]."),
    ("no", "Hei\nVennligst overfør til konto {acct:dot}\nMvh [[n|Jan Ove]]"),
    ("nn", "Kontonr. {acct:sp} (DNB), eigar [[n|Bergljot Aasen]]."),
    (
        "mixed",
        "Agent: Hvilken konto skal pengene til?\nKunde: norwegian account {acct:dot}, not the polish one",
    ),
    ("da", "Mit norske kontonummer er {acct:plain}. Hilsen [[n|Niels Thomsen]]"),
    ("no", "Refusjon for rullator til [[n|Halvor]], konto {acct:dot}, kr 1 995."),
    ("sv", "Mitt norska kontonummer: {acct:sp}. /[[n|Ingela]]"),
]

PERSONAL = CHATS + EMAILS + SMS + CALLS + DRIVER + FORMS + CRM + HEALTH + IDENT + EXTRA

# Health span texts that name the same condition (for counting distinct
# conditions only; the corpus itself carries no concept labels).
CONCEPT = {
    "kols": "copd",
    "copd": "copd",
    "kol": "copd",
    "j44.9": "copd",
    "ms-pasient": "multiple sclerosis",
    "ms": "multiple sclerosis",
    "multippel sklerose": "multiple sclerosis",
    "g35": "multiple sclerosis",
    "diabetes type 1": "diabetes type 1",
    "type 1-diabetes": "diabetes type 1",
    "type 1 diabetes": "diabetes type 1",
    "e10": "diabetes type 1",
    "type 2 diabetes": "diabetes type 2",
    "e11.9": "diabetes type 2",
    "diabetic": "diabetes",
    "diabetes": "diabetes",
    "sukkersyke": "diabetes",
    "sukkersyge": "diabetes",
    "diabetiker": "diabetes",
    "parkinsons sjukdom": "parkinson",
    "parkinson": "parkinson",
    "parkinson's disease": "parkinson",
    "parkinson's": "parkinson",
    "hjerneslag": "stroke",
    "had a stroke": "stroke",
    "slag": "stroke",
    "slaget": "stroke",
    "slagpasient": "stroke",
    "hjerneinfarkt": "stroke",
    "i63.9": "stroke",
    "hjertesvigt": "heart failure",
    "hjertesvikt": "heart failure",
    "demens": "dementia",
    "begynnende demens": "dementia",
    "dementia": "dementia",
    "alzheimer": "alzheimer",
    "alzheimer's": "alzheimer",
    "beinskjørhet": "osteoporosis",
    "beinskjørheit": "osteoporosis",
    "benskörhet": "osteoporosis",
    "osteoporosis": "osteoporosis",
    "höftfraktur": "hip fracture",
    "lårhalsbrudd": "hip fracture",
    "ny hofte": "hip replacement",
    "hofteprotese": "hip replacement",
    "hofteoperasjon": "hip replacement",
    "m16.1": "hip osteoarthritis",
    "hofteartrose": "hip osteoarthritis",
    "slidgigt": "osteoarthritis",
    "artrose": "osteoarthritis",
    "cerebral parese": "cerebral palsy",
    "cerebral palsy": "cerebral palsy",
    "pregnant": "pregnancy",
    "gravid": "pregnancy",
    "dialysis": "dialysis",
    "dialysepasient": "dialysis",
    "kidney failure": "kidney failure",
    "nyresvikt": "kidney failure",
    "leg amputated below the knee": "lower-leg amputation",
    "below-knee amputation": "lower-leg amputation",
    "amputert høyre fot": "foot amputation",
    "lymfødem": "lymphoedema",
    "brystkreft": "breast cancer",
    "breast cancer": "breast cancer",
    "mastectomy": "mastectomy",
    "epilepsi": "epilepsy",
    "epilepsy": "epilepsy",
    "astma": "asthma",
    "asthma": "asthma",
    "revmatoid artritt": "rheumatoid arthritis",
    "leddgikt": "rheumatoid arthritis",
    "reumatism": "rheumatism",
    "revmatisme": "rheumatism",
    "arthritis": "arthritis",
    "grå stær": "cataract",
    "cataracts": "cataract",
    "glaukom": "glaucoma",
    "glaucoma": "glaucoma",
    "grøn stær": "glaucoma",
    "blind": "blindness",
    "blind in one eye": "blindness",
    "svaksynt": "visual impairment",
    "visually impaired": "visual impairment",
    "trykksår": "pressure ulcer",
    "liggesår": "pressure ulcer",
    "hjerteflimmer": "atrial fibrillation",
    "atrieflimmer": "atrial fibrillation",
    "muskeldystrofi": "muscular dystrophy",
    "duchennes muskeldystrofi": "muscular dystrophy",
    "kneprotese": "knee replacement",
    "knee surgery": "knee surgery",
    "nyoperert i kneet": "knee surgery",
    "marevan": "anticoagulant",
    "warfarin": "anticoagulant",
    "eliquis": "anticoagulant",
    "sengeliggende": "bedridden",
    "sengeliggande": "bedridden",
    "chemo": "chemotherapy",
    "cellegiftbehandlingen": "chemotherapy",
    "hjemmeoksygen": "home oxygen",
    "home oxygen": "home oxygen",
    "lam i høyre side": "paralysis",
    "paralysed": "paralysis",
    "diabetes typ 2": "diabetes type 2",
    "spinal stenos": "spinal stenosis",
    "spinal stenose": "spinal stenosis",
    "osteoartrose": "osteoarthritis",
    "bækkenløsning": "pelvic girdle pain",
    "bekkenløsning": "pelvic girdle pain",
    "pelvic girdle pain": "pelvic girdle pain",
    "højt blodtryk": "hypertension",
    "högt blodtryck": "hypertension",
    "høyt blodtrykk": "hypertension",
    "high blood pressure": "hypertension",
    "blodprop i hjertet": "heart attack",
    "heart attack": "heart attack",
    "rheumatoid arthritis": "rheumatoid arthritis",
}


def build() -> list[dict]:
    g = Gen(SEED)
    notes, problems = [], []
    for group, clean in ((PERSONAL, False), (CLEAN, True)):
        for lang, tpl in group:
            marked = expand(tpl, g)
            text, intended = parse(marked)
            spans = [{"kind": k, "text": text[a:b]} for a, b, k in intended]
            if clean and spans:
                problems.append(f"clean note has spans: {text!r}")
            if not clean and not spans:
                problems.append(f"personal note has no spans: {text!r}")
            placed = place(text, spans)
            if placed != sorted(intended):
                problems.append(
                    f"scorer would place spans elsewhere: {text!r}\n  intended {sorted(intended)}\n  placed   {placed}"
                )
            notes.append({"lang": lang, "text": text, "spans": spans})
    if problems:
        sys.exit("\n".join(problems))
    order = list(range(len(notes)))
    random.Random(SEED + 1).shuffle(order)
    out = []
    for i, j in enumerate(order, 1):
        n = notes[j]
        out.append({"id": f"c{i:04d}", "lang": n["lang"], "text": n["text"], "spans": n["spans"]})
    return out


# ---------------------------------------------------------------------------
# Checks on a written file (independent of how it was made)
# ---------------------------------------------------------------------------


def _phone_ok(s: str) -> bool:
    t = s.strip()
    if t.startswith("00"):
        t = "+" + t[2:]
    for region in ("NO", "SE", "DK", "GB"):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(t, region)):
                return True
        except phonenumbers.NumberParseException:
            pass
    return False


MASKED_CARD = re.compile(r"^\d{4,6}[ ]?[*X]{2,}(?:[ ][*X]{4})*[ ]?[*X]*[ ]?\d{4}$")


def _card_ok(s: str) -> bool:
    if "*" in s or "X" in s:
        return bool(MASKED_CARD.match(s))
    d = re.sub(r"[ -]", "", s)
    return d.isdigit() and 13 <= len(d) <= 19 and luhn.is_valid(d)


def _nid_ok(s: str) -> str | None:
    if fodselsnummer.is_valid(s):
        return "D-number" if int(s[0]) >= 4 else "fødselsnummer"
    if re.fullmatch(r"\d{6}-\d{4}", s):
        if se_pnr.is_valid(s):
            return "Swedish personnummer"
        if dk_cpr.is_valid(s):
            return "Danish CPR"
    return None


def _email_ok(s: str) -> bool:
    return bool(re.search(r"@|\(at\)|\[at\]| at | AT |krøllalfa|snabel-a", s)) and bool(
        re.search(r"\.|punktum|punkt|dot|DOT", s)
    )


VALIDATORS = {
    "national_id": lambda s: _nid_ok(s) is not None,
    "bank_account": lambda s: len(kontonr.compact(s)) == 11 and kontonr.is_valid(s),
    "iban": std_iban.is_valid,
    "payment_card": _card_ok,
    "phone": _phone_ok,
    "ip_address": lambda s: bool(ipaddress.ip_address(s)),
    "email": _email_ok,
}


def check(path: str) -> tuple[list[str], list[str]]:
    errors, warnings = [], []
    seen = set()
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for lineno, line in enumerate(lines, 1):
        try:
            note = json.loads(line)
        except ValueError as e:
            errors.append(f"line {lineno}: not JSON ({e})")
            continue
        nid = note.get("id")
        where = f"{nid} (line {lineno})"
        if set(note) != {"id", "lang", "text", "spans"}:
            errors.append(f"{where}: keys {sorted(note)}")
        if nid != f"c{lineno:04d}":
            errors.append(f"{where}: id out of order")
        if nid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(nid)
        if note.get("lang") not in LANGS:
            errors.append(f"{where}: lang {note.get('lang')!r}")
        text, spans = note["text"], note["spans"]
        if "\\u" in line:
            errors.append(f"{where}: ASCII-escaped")
        for s in spans:
            if set(s) != {"kind", "text"} or s["kind"] not in ALL_KINDS:
                errors.append(f"{where}: bad span {s}")
                continue
            if not s["text"] or s["text"] != s["text"].strip():
                errors.append(f"{where}: empty or untrimmed span {s}")
            if s["text"] not in text:
                errors.append(f"{where}: span not in text {s}")
            v = VALIDATORS.get(s["kind"])
            try:
                ok = v(s["text"]) if v else True
            except ValueError:
                ok = False
            if not ok:
                errors.append(f"{where}: {s['kind']} fails its check: {s['text']!r}")
        placed = place(text, spans)
        if placed is None:
            errors.append(f"{where}: spans cannot all be placed (too few occurrences)")
            continue
        covered = [False] * len(text)
        for a, b, _ in placed:
            for i in range(a, b):
                covered[i] = True

        def free(a: int, b: int, covered: list[bool] = covered) -> bool:
            return not any(covered[a:b])

        # identifiers outside every span
        for m in re.finditer(
            r"(?<![\d.])\d{4}[ .]?\d{2}[ .]?\d{5}(?![\d.])|(?<!\d)\d{6} ?\d{5}(?!\d)", text
        ):
            if free(m.start(), m.end()) and (
                kontonr.is_valid(m.group()) or fodselsnummer.is_valid(m.group())
            ):
                errors.append(f"{where}: unlabelled valid fnr/account {m.group()!r}")
        for m in re.finditer(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", text):
            d = re.sub(r"\D", "", m.group())
            if free(m.start(), m.end()) and luhn.is_valid(d) and d[0] in "2345":
                errors.append(f"{where}: unlabelled Luhn-valid card-like number {m.group()!r}")
        for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", text):
            if free(m.start(), m.end()) and std_iban.is_valid(m.group()):
                errors.append(f"{where}: unlabelled IBAN {m.group()!r}")
        for m in re.finditer(r"\S+@\S+", text):
            if free(m.start(), m.end()):
                errors.append(f"{where}: unlabelled e-mail {m.group()!r}")
        # a labelled text, or a part of a labelled name, that also occurs
        # (as a whole word) outside every span: probably a missed label
        probes = {(s["text"], s["kind"]) for s in spans}
        probes |= {
            (tok, "name part")
            for s in spans
            if s["kind"] == "person_name"
            for tok in re.findall(r"[^\W\d_][\w'-]{2,}", s["text"])
        }
        for st, what in sorted(probes):
            for m in re.finditer(r"(?<!\w)" + re.escape(st) + r"(?!\w)", text):
                if free(m.start(), m.end()):
                    warnings.append(f"{where}: {what} {st!r} also occurs outside the spans")
    return errors, warnings


def stats(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        notes = [json.loads(line) for line in f]
    kinds = collections.Counter(s["kind"] for n in notes for s in n["spans"])
    langs = collections.Counter(n["lang"] for n in notes)
    langs_clean = collections.Counter(n["lang"] for n in notes if not n["spans"])
    health = [s["text"] for n in notes for s in n["spans"] if s["kind"] == "health"]
    concepts = {CONCEPT.get(h.lower(), h.lower()) for h in health}
    nid = collections.Counter(
        _nid_ok(s["text"]) for n in notes for s in n["spans"] if s["kind"] == "national_id"
    )
    ibans = collections.Counter(
        s["text"][:2] for n in notes for s in n["spans"] if s["kind"] == "iban"
    )
    cards = collections.Counter(
        "masked" if ("*" in s["text"] or "X" in s["text"]) else "full"
        for n in notes
        for s in n["spans"]
        if s["kind"] == "payment_card"
    )
    return {
        "notes": len(notes),
        "clean": sum(1 for n in notes if not n["spans"]),
        "with_personal_data": sum(1 for n in notes if n["spans"]),
        "spans": sum(kinds.values()),
        "kinds": dict(kinds.most_common()),
        "lang": dict(langs.most_common()),
        "lang_clean": dict(langs_clean.most_common()),
        "health_spans": len(health),
        "health_distinct_texts": len({h.lower() for h in health}),
        "health_distinct_conditions": len(concepts),
        "national_id_types": dict(nid),
        "iban_countries": dict(ibans.most_common()),
        "cards": dict(cards),
        "multiline_notes": sum(1 for n in notes if "\n" in n["text"]),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", metavar="FILE")
    ap.add_argument("--stats", metavar="FILE")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--list-health", action="store_true")
    a = ap.parse_args()
    if a.stats:
        print(json.dumps(stats(a.stats), ensure_ascii=False, indent=1))
        return
    if not a.check:
        notes = build()
        with open(a.out, "w", encoding="utf-8") as f:
            for n in notes:
                f.write(json.dumps(n, ensure_ascii=False) + "\n")
        print(f"wrote {len(notes)} notes to {a.out}")
    path = a.check or a.out
    errors, warnings = check(path)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    if a.list_health:
        with open(path, encoding="utf-8") as f:
            hs = collections.Counter(
                s["text"].lower()
                for line in f
                for s in json.loads(line)["spans"]
                if s["kind"] == "health"
            )
        for h, c in sorted(hs.items()):
            print(f"  {c}  {h}  -> {CONCEPT.get(h, h)}")
    print(json.dumps(stats(path), ensure_ascii=False, indent=1))
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
