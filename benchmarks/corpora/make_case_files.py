#!/usr/bin/env python3
"""Build benchmarks/corpora/case_files.jsonl from the hand-written notes below.

Every note is one hand-written line in NOTES (a "\\n" inside a line is a line
break in the note).  Inline markup:

  [[n|Kari Nordmann]]  literal span; n=person_name a=address d=date_of_birth
                       e=email t=phone h=health (also id b ib c ip)
  {fnr} {fnr:f:sp} {dnr:m}   Norwegian fødselsnummer / D-number (sex, "ddmmyy nnnnn")
  {pnr} {pnr12:c}            Swedish personnummer (yymmdd-nnnn, yyyymmdd-nnnn, compact)
  {cpr} {cpr:c}              Danish CPR (ddmmyy-nnnn, compact; mod-11 valid too)
  {hetu} {hetu:a}            Finnish HETU (hetu:a = born 2000s, century sign A)
  {acct} {acct:sp} {acct:c}  Norwegian kontonummer 4.2.5 / 4 2 5 / compact
  {iban:SE} {iban:DK:sp}     IBAN for a country, compact or in groups of four
  {card:visa} {card:mc2:dash} {card:amex:sp}  Luhn-valid card numbers
  {tel:no323} {tel:sep} ...  phone numbers, checked with phonenumbers
  {ip} {ip6}                 public IPv4 / IPv6
  {dob:dot} {dob:sv} ...     the note's birth date in a given written form

Within one note the date of birth and every ID number share one birth date.
Generated values come from per-note seeded random numbers, so the run is
deterministic.  Usage (with the project's venv: python-stdnum, phonenumbers):

  python make_case_files.py            # write case_files.jsonl next to this file, then check it
  python make_case_files.py --check F  # only check F
  python make_case_files.py --stats F  # print counts
"""

import collections
import datetime
import json
import os
import random
import re
import string
import sys

import phonenumbers
from stdnum import iban as ibanmod
from stdnum import luhn
from stdnum.dk import cpr
from stdnum.fi import hetu
from stdnum.no import fodselsnummer, kontonr
from stdnum.se import personnummer


def fnr(rng, d, sex=None, dnum=False):
    while True:
        y = d.year
        if 1900 <= y <= 1999:
            ind = (
                rng.randint(0, 499)
                if y < 1940
                else rng.choice([rng.randint(0, 499), rng.randint(900, 999)])
            )
        else:
            ind = rng.randint(500, 999)
        if sex == "f" and ind % 2:
            ind -= 1 if ind % 10 else -1
        if sex == "m" and not ind % 2:
            ind += 1
        if not (0 <= ind <= 999):
            continue
        day = d.day + (40 if dnum else 0)
        base = "%02d%02d%02d%03d" % (day, d.month, y % 100, ind)
        w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
        k1 = 11 - sum(int(a) * b for a, b in zip(base, w1, strict=False)) % 11
        if k1 == 11:
            k1 = 0
        if k1 == 10:
            continue
        base += str(k1)
        w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        k2 = 11 - sum(int(a) * b for a, b in zip(base, w2, strict=False)) % 11
        if k2 == 11:
            k2 = 0
        if k2 == 10:
            continue
        v = base + str(k2)
        if fodselsnummer.is_valid(v):
            return v


def pnr_se(rng, d, sex=None):
    while True:
        n = rng.randint(0, 999)
        if sex == "f" and n % 2:
            continue
        if sex == "m" and not n % 2:
            continue
        nine = "%02d%02d%02d%03d" % (d.year % 100, d.month, d.day, n)
        c = luhn.calc_check_digit(nine)
        v = nine + c
        if personnummer.is_valid(v[:6] + "-" + v[6:]):
            return v


def cpr_dk(rng, d, sex=None):
    while True:
        first = rng.randint(0, 3) if d.year < 2000 else 4 if d.year <= 2036 else 5
        rest = rng.randint(0, 99)
        for last in range(10):
            if sex == "f" and last % 2:
                continue
            if sex == "m" and not last % 2:
                continue
            v = "%02d%02d%02d%d%02d%d" % (d.day, d.month, d.year % 100, first, rest, last)
            if sum(
                int(a) * b for a, b in zip(v, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1], strict=False)
            ) % 11 == 0 and cpr.is_valid(v):
                return v


def hetu_fi(rng, d, sex=None):
    while True:
        n = rng.randint(2, 899)
        if sex == "f" and n % 2:
            continue
        if sex == "m" and not n % 2:
            continue
        sep = "-" if d.year < 2000 else "A"
        s = "%02d%02d%02d%03d" % (d.day, d.month, d.year % 100, n)
        c = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(s) % 31]
        v = s[:6] + sep + s[6:] + c
        if hetu.is_valid(v):
            return v


def acct(rng):
    while True:
        b = "%04d%02d%04d" % (
            rng.choice(
                [
                    1503,
                    1506,
                    1254,
                    3000,
                    9710,
                    1822,
                    4200,
                    6003,
                    3208,
                    1602,
                    1207,
                    9365,
                    2050,
                    3623,
                    9486,
                    8601,
                ]
            ),
            rng.randint(0, 99),
            rng.randint(0, 9999),
        )
        s = sum(int(a) * w for a, w in zip(b, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=False))
        k = 11 - s % 11
        if k == 11:
            k = 0
        if k == 10:
            continue
        v = b + str(k)
        if kontonr.is_valid(v):
            return v


IBAN_BBAN = {  # length of BBAN and char class
    "SE": ("n", 20),
    "DK": ("n", 14),
    "FI": ("n", 14),
    "DE": ("n", 18),
    "PL": ("n", 24),
    "GB": ("a4n", 18),
    "NL": ("a4n", 14),
    "LT": ("n", 16),
    "EE": ("n", 16),
    "IS": ("n", 22),
    "PK": ("a4n", 20),
    "SO": ("n", 19),
    "IQ": ("a4n", 19),
    "FR": ("n", 23),
    "ES": ("n", 20),
    "AT": ("n", 16),
    "CH": ("n", 17),
    "BA": ("n", 16),
    "TR": ("n", 22),
}
GB_BANKS = ["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]
NL_BANKS = ["ABNA", "INGB", "RABO"]
PK_BANKS = ["HABB", "MEZN", "UNIL"]
IQ_BANKS = ["NBIQ", "RAFI"]


def iban(rng, cc):
    for _ in range(10000):
        if cc == "NO":
            bban = acct(rng)
        else:
            kind, L = IBAN_BBAN[cc]
            if kind == "a4n":
                pre = rng.choice(
                    {"GB": GB_BANKS, "NL": NL_BANKS, "PK": PK_BANKS, "IQ": IQ_BANKS}[cc]
                )
                bban = pre + "".join(rng.choice(string.digits) for _ in range(L - 4))
            else:
                bban = "".join(rng.choice(string.digits) for _ in range(L))
            if cc == "SE":
                bban = rng.choice(["500", "800", "300", "600", "950"]) + bban[3:]
            if cc == "FI":
                bban = rng.choice(["1", "2", "5", "8"]) + bban[1:]
        t = bban + cc + "00"
        num = int("".join(str(int(ch, 36)) for ch in t))
        ck = 98 - num % 97
        v = cc + "%02d" % ck + bban
        if ibanmod.is_valid(v):
            return v
    raise ValueError(cc)


def card(rng, kind):
    while True:
        if kind == "visa":
            p, L = "4" + "".join(rng.choice(string.digits) for _ in range(5)), 16
        elif kind == "dankort":
            p, L = "4571", 16
        elif kind == "mc":
            p, L = str(rng.randint(51, 55)), 16
        elif kind == "mc2":
            p, L = str(rng.randint(2221, 2720)), 16
        elif kind == "amex":
            p, L = rng.choice(["34", "37"]), 15
        elif kind == "maestro":
            p, L = rng.choice(["6759", "5018"]), 16
        body = p + "".join(rng.choice(string.digits) for _ in range(L - len(p) - 1))
        v = body + luhn.calc_check_digit(body)
        if luhn.is_valid(v):
            return v


def tel(rng, kind):
    """returns (text, region)"""
    while True:

        def d(n):
            return "".join(rng.choice(string.digits) for _ in range(n))

        if kind.startswith("no"):
            n = (
                rng.choice(["4", "9"]) + d(7)
                if kind != "noland"
                else rng.choice(["22", "23", "55", "73", "51", "77", "69", "38"]) + d(6)
            )
            reg = "NO"
            if not phonenumbers.is_valid_number(phonenumbers.parse(n, "NO")):
                continue
            f = kind
            if f in ("no", "no323", "noland"):
                s = (
                    n[:3] + " " + n[3:5] + " " + n[5:]
                    if kind != "noland"
                    else " ".join([n[:2], n[2:4], n[4:6], n[6:]])
                )
            elif f == "no2222":
                s = " ".join([n[:2], n[2:4], n[4:6], n[6:]])
            elif f == "no8":
                s = n
            elif f == "nop47":
                s = "+47 " + n[:3] + " " + n[3:5] + " " + n[5:]
            elif f == "nop47c":
                s = "+47" + n
            elif f == "no0047":
                s = "0047 " + n
            elif f == "nodot":
                s = n[:3] + "." + n[3:5] + "." + n[5:]
            elif f == "nodash":
                s = n[:3] + "-" + n[3:5] + "-" + n[5:]
            elif f == "no44":
                s = n[:4] + " " + n[4:]
            return s, reg
        if kind.startswith("se"):
            n = "7" + rng.choice("02369") + d(7)
            if not phonenumbers.is_valid_number(phonenumbers.parse("0" + n, "SE")):
                continue
            if kind == "se":
                s = "0" + n[:2] + "-" + n[2:5] + " " + n[5:7] + " " + n[7:]
            elif kind == "sep":
                s = "+46 " + n[:2] + " " + n[2:5] + " " + n[5:7] + " " + n[7:]
            elif kind == "se0046":
                s = "0046 " + n[:2] + "-" + n[2:]
            elif kind == "sec":
                s = "0" + n
            elif kind == "seland":
                n = "8" + d(7)
                if not phonenumbers.is_valid_number(phonenumbers.parse("0" + n, "SE")):
                    continue
                s = "08-" + n[1:4] + " " + n[4:6] + " " + n[6:]
            return s, "SE"
        if kind.startswith("dk"):
            n = rng.choice(["2", "3", "4", "5", "6", "7", "8"]) + d(7)
            if not phonenumbers.is_valid_number(phonenumbers.parse(n, "DK")):
                continue
            if kind == "dk":
                s = " ".join([n[:2], n[2:4], n[4:6], n[6:]])
            elif kind == "dkp":
                s = "+45 " + " ".join([n[:2], n[2:4], n[4:6], n[6:]])
            elif kind == "dkc":
                s = "+45" + n
            elif kind == "dk0045":
                s = "0045 " + n[:4] + " " + n[4:]
            return s, "DK"
        if kind.startswith("fi"):
            pre = rng.choice(["40", "44", "45", "50", "46"])
            n = pre + d(7)
            if not phonenumbers.is_valid_number(phonenumbers.parse("0" + n, "FI")):
                continue
            if kind == "fi":
                s = "0" + n[:2] + " " + n[2:5] + " " + n[5:]
            elif kind == "fip":
                s = "+358 " + n[:2] + " " + n[2:5] + " " + n[5:]
            elif kind == "fidash":
                s = "0" + n[:2] + "-" + n[2:]
            elif kind == "fic":
                s = "0" + n
            return s, "FI"
        if kind == "de":
            n = "15" + rng.choice("1279") + d(8)
            if not phonenumbers.is_valid_number(phonenumbers.parse("0" + n, "DE")):
                continue
            return "+49 " + n[:3] + " " + n[3:], "DE"
        if kind == "gb":
            n = "7" + rng.choice("4579") + d(8)
            if not phonenumbers.is_valid_number(phonenumbers.parse("0" + n, "GB")):
                continue
            return "07" + n[1:4] + " " + n[4:], "GB"
        if kind == "pl":
            n = rng.choice(["50", "51", "53", "60", "66", "69", "72", "78", "79", "88"]) + d(7)
            if not phonenumbers.is_valid_number(phonenumbers.parse(n, "PL")):
                continue
            return "+48 " + n[:3] + " " + n[3:6] + " " + n[6:], "PL"
        raise ValueError(kind)


def ip4(rng):
    while True:
        a = rng.randint(11, 223)
        if a in (10, 127, 100, 169, 172, 192, 198, 203):
            continue
        return "%d.%d.%d.%d" % (a, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def ip6(rng):
    pre = rng.choice(["2a01:79c", "2001:4610", "2a02:fe1", "2a00:801", "2001:2020", "2a05:d018"])
    grp = [format(rng.randint(0, 0xFFFF), "x") for _ in range(4)]
    return (
        pre
        + ":"
        + ":".join(grp[: rng.choice([2, 4])])
        + rng.choice(["::1", "::" + grp[0], ":" + grp[1] + ":" + grp[2]])
        if False
        else pre + "::" + ":".join(grp[: rng.choice([2, 3, 4])])
    )


MONTHS = {
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "nn": "januar februar mars april mai juni juli august september oktober november desember",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}


def dob(d, f):
    if f == "dot":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    if f == "dot2":
        return "%02d.%02d.%02d" % (d.day, d.month, d.year % 100)
    if f == "dotn":
        return "%d.%d.%d" % (d.day, d.month, d.year)
    if f == "slash":
        return "%02d/%02d/%d" % (d.day, d.month, d.year)
    if f == "slashdash":
        return "%d/%d-%02d" % (d.day, d.month, d.year % 100)
    if f == "dash":
        return "%02d-%02d-%d" % (d.day, d.month, d.year)
    if f == "iso":
        return d.isoformat()
    if f == "ddmmyy":
        return "%02d%02d%02d" % (d.day, d.month, d.year % 100)
    if f == "yymmdd":
        return "%02d%02d%02d" % (d.year % 100, d.month, d.day)
    if f == "us":
        return "%s %d, %d" % (MONTHS["en"][d.month - 1], d.day, d.year)
    if f == "enord":
        suf = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return "%d%s %s %d" % (d.day, suf, MONTHS["en"][d.month - 1], d.year)
    if f == "enshort":
        return "%d %s %d" % (d.day, MONTHS["en"][d.month - 1][:3], d.year)
    if f in ("no", "nn", "da", "de"):
        return "%d. %s %d" % (d.day, MONTHS[f][d.month - 1], d.year)
    if f in ("sv", "en"):
        return "%d %s %d" % (d.day, MONTHS[f][d.month - 1], d.year)
    if f == "fi":
        return "%d. %s %d" % (d.day, MONTHS["fi"][d.month - 1], d.year)
    if f == "nolow3":
        return "%d. %s. %d" % (d.day, MONTHS["no"][d.month - 1][:3], d.year)
    if f == "sv8":
        return "%d%02d%02d" % (d.year, d.month, d.day)
    raise ValueError(f)


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
TOK = re.compile(r"\[\[(\w+)\|(.+?)\]\]|\{(\w+)((?::\w+)*)\}")


def group(v, sizes, sep=" "):
    out, i = [], 0
    for s in sizes:
        out.append(v[i : i + s])
        i += s
    return sep.join(out)


def render(src, rng):
    d = datetime.date(1930, 1, 1) + datetime.timedelta(days=rng.randint(0, 27000))
    if d.year > 2004:
        d = d.replace(year=rng.randint(1935, 2000))
    if "hetu:a" in src or "young" in src:
        d = d.replace(year=rng.randint(2000, 2008))
    spans, out, pos = [], [], 0
    src = src.replace("\\n", "\n")
    for m in TOK.finditer(src):
        out.append(src[pos : m.start()])
        pos = m.end()
        if m.group(1):
            k, v = KINDS[m.group(1)], m.group(2)
        else:
            name = m.group(3)
            opts = [o for o in m.group(4).split(":") if o]
            sex = "f" if "f" in opts else "m" if "m" in opts else None
            if name in ("fnr", "dnr"):
                v = fnr(rng, d, sex, dnum=name == "dnr")
                k = "national_id"
                if "sp" in opts:
                    v = v[:6] + " " + v[6:]
            elif name in ("pnr", "pnr12"):
                v = pnr_se(rng, d, sex)
                k = "national_id"
                cent = str(d.year // 100)
                if name == "pnr12":
                    v = cent + v[:6] + ("" if "c" in opts else "-") + v[6:]
                else:
                    v = v[:6] + ("" if "c" in opts else "-") + v[6:]
            elif name == "cpr":
                v = cpr_dk(rng, d, sex)
                k = "national_id"
                v = v if "c" in opts else v[:6] + "-" + v[6:]
            elif name == "hetu":
                v = hetu_fi(rng, d, sex)
                k = "national_id"
            elif name == "acct":
                v = acct(rng)
                k = "bank_account"
                v = v if "c" in opts else group(v, [4, 2, 5], " " if "sp" in opts else ".")
            elif name == "iban":
                cc = opts[0]
                v = iban(rng, cc)
                k = "iban"
                if "sp" in opts:
                    v = " ".join(v[i : i + 4] for i in range(0, len(v), 4))
            elif name == "card":
                kind = opts[0]
                v = card(rng, kind)
                k = "payment_card"
                sizes = [4, 6, 5] if kind == "amex" else [4, 4, 4, 4]
                if "sp" in opts:
                    v = group(v, sizes)
                elif "dash" in opts:
                    v = group(v, sizes, "-")
            elif name == "tel":
                v, _ = tel(rng, opts[0])
                k = "phone"
            elif name == "ip":
                v = ip4(rng)
                k = "ip_address"
            elif name == "ip6":
                v = ip6(rng)
                k = "ip_address"
            elif name == "dob":
                v = dob(d, opts[0])
                k = "date_of_birth"
            else:
                raise ValueError(name)
        out.append(v)
        spans.append({"kind": k, "text": v})
    out.append(src[pos:])
    return "".join(out), spans


LANGS = ["no", "nn", "sv", "da", "fi", "en", "de", "mixed"]

NOTES = {}

NOTES["no"] = r"""
Klagebrev sendt per post\nJeg skriver på vegne av min far, [[n|Torleif Grønvold]], som bor på [[a|Heimdalsvegen 23, 7080 Heimdal]]. Han har [[h|Parkinsons sykdom]] og [[h|nedsatt balanse]], og rullatoren dere leverte i februar har en brems som låser seg av seg selv. Han har falt to ganger. Jeg ber om at rullatoren byttes innen en uke, ellers går saken til Forbrukerrådet. Ring meg på {tel:no323}.\nMed vennlig hilsen [[n|Anne Grønvold]]
Garantikrav rullator Topro Troja 5G, bremsen slakker. Kunde: [[n|Ingrid Haugland]], [[a|Bjørnstadveien 14, 1712 Grålum]]. Tlf {tel:no323}. Kjøpt i 2023, kvittering vedlagt.
Returskjema\nNavn: [[n|Arild Mæhlum]]\nAdresse: [[a|Solbergliveien 88 B, 0683 Oslo]]\nTlf: {tel:no8}\nÅrsak: feil størrelse på kompresjonsstrømper\nRefusjon til konto: {acct:dot}
Reklamasjon: Seteputa på Etac Cross 5 har revnet etter 4 mnd. Ordre 51123908. Ønsker ny pute sendt til butikken på Lagunen.
Apoteknotat: [[n|Torbjørg Nilssen]] henter [[h|Eliquis]] 5 mg på blå resept, §2. Fnr {fnr:f}. Lege: [[n|Øyvind Sætre]].
Kunden ringte om [[h|Metformin]] og blodsukkerstrimler. Har [[h|diabetes type 2]] siden 2019, vil ha dosett også. Ring tilbake på {tel:no2222}.
Budrapport: Levert til nabo i [[a|Kongsvegen 3]] fordi ingen åpnet. Lapp i postkassa. Sjåfør: [[n|Ahmed Warsame]].
Montør-rapport 14.03: Trappeheis montert, testkjørt 5 ganger. Kunden fornøyd. Neste service om 12 mnd. Ingen avvik.
Samtale\nAgent: Hei, du snakker med [[n|Marte]].\nKunde: Ja hei, det er [[n|Gunnar Pedersen]]. Jeg har fått feil rullestol.\nAgent: Kan jeg få fødselsnummeret ditt?\nKunde: {fnr:m:sp}.\nAgent: Takk, jeg ser ordren.
Intern e-post\nTil: Kundeservice leder\nEmne: ESKALERING – klage fra [[n|Solveig Aas]]\nHun har ventet 6 uker på [[h|hofteprotese]]-puten og truer med Forbrukerrådet. Kan noen ringe henne i dag? {tel:nop47}
Web-skjema\nNavn: [[n|PETTER SKAUG]]\nE-post: [[e|petter.skaug@online.no]]\nPersonnr: {fnr:m}\nMelding: Jeg vil klage på gåstolen. IP: {ip}
Bestilling av time hos ergoterapeut tirsdag 11:30 for tilpasning av sittepute. Kunde: [[n|Ragnhild Ødegård]], f. {dob:dot}. Hun har [[h|MS]] og bruker elektrisk rullestol.
Jobbsøknad – fritekst: Jeg heter [[n|Wiktoria Nowak]] og har jobbet 4 år på lager i Sarpsborg. Jeg har [[h|astma]], men det påvirker ikke arbeidet. Nås på {tel:no323} eller [[e|wiktoria.nowak93@gmail.com]].
Lagerbeholdning Alna: 14 stk Dolomite Jazz 510, 6 stk Sara Stedy. Bestill mer innen fredag.
Pris på Topro Olympos er 4 990,- inkl. mva. Tilbudet gjelder t.o.m. 31.05.2025.
Kunde ønsker å returnere sengegrind, ubrukt. Returnr RMA-20931. Kreditnota sendes.
Faktura 2024-118732 forfalt 15.02.2025. Purring sendt. Ingen personopplysninger i saken.
klage fra [[n|kjell arne]] – sier at hjulet på rullatoren falt av i [[a|Storgata 21, 9008 Tromsø]]. han slo seg og fikk [[h|brudd i håndleddet]]. vil ha erstatning.
Refusjon godkjent. Utbetales til kontonr {acct:sp} innen 5 virkedager. Kunde: [[n|Jorunn Lie]].
Ring fra datter av [[n|Alf Kristiansen]] (f. {dob:no}). Han har [[h|demens]] og har bestilt tre like seler på nett. Ønsker kansellering av to.
Blå resept: [[h|diabetes]]utstyr til [[n|Hamid Rahimi]], refusjonsparagraf 5.14. Fnr {fnr:m}. Utlevert 100 strimler + 1 pennenål-pakke.
Montør [[n|Stian]] kom ikke på avtalt tid. Kunden [[n|Berit Halvorsen]] har ringt tre ganger. Adresse [[a|Fjordgata 7, 7010 Trondheim]].
Garantisak: Medisinsk seng Carpe Diem, motor defekt. Serienr 21-44871-CD. Bytte motor på stedet. Lager Drammen.
Kontaktskjema\nNavn: [[n|Nguyen Thi Lan]]\nAdresse: [[a|Trosterudveien 12, 0778 Oslo]]\nTelefon: {tel:nop47c}\nHenvendelse: Mor har [[h|Parkinsons sykdom]] og trenger dusjstol.
Pasienten [[n|Eivind Brekke]] får [[h|Marevan]] og må ikke ha Ibux. Farmasøyt noterte interaksjonsvarsel. Fnr {fnr:m:sp}.
Kunden skriver: "jeg har [[h|kols]] og blir fort andpusten, kan dere bære inn oksygenbeholderne?" Levering [[a|Haraldsvei 40, 4016 Stavanger]].
Bytte av batteri på el-scooter Mobility Mini Crosser M1. Pris 3 450 kr. Hentes i Bergen sentrum onsdag.
Åpningstider julen: Storo stengt 24.–26.12, Sandvika åpent 27.12 kl 10–16.
Intern: Vi har for mange returer av Rollz Motion. Produktsjef [[n|Lene Fjeld]] ber om oversikt innen torsdag.
Kortbetaling feilet. Kunden leste opp kortnummeret på telefon: {card:visa:sp}. Agent har slettet det fra notatet? NEI – slett det! Kunde [[n|Ole-Johan Bakke]].
Returskjema nettbutikk\nOrdrenr: 77321450\nVare: Kompresjonsstrømper klasse 2, str M\nÅrsak: for trange\nNavn: [[n|Hanne Strøm]]\nIBAN for refusjon: {iban:NO}
Pasient [[n|Samira Jama]], født {dob:dot}, har [[h|svangerskapsdiabetes]]. Blodsukkerapparat og lansetter utlevert. Oppfølging hos jordmor.
Klage mottatt 03.04 på leveringstid. Ordre 41298733 levert 11 dager etter lovet dato. Gi 15 % rabatt på neste kjøp.
Kunde [[n|Trond Ellingsen]] mistet fjernkontrollen til seng. Ny sendes. [[e|trond.e(at)hotmail.com]]
Jeg heter [[n|Mariam Yusuf]], adressen min er [[a|Postboks 112, 1601 Fredrikstad]]. Send fakturaen dit, ikke hjem.
Servicebil 3 – rapport: Heis hos [[n|Ingeborg Vik]] gikk i feil, reset utført. Hun har [[h|nedsatt gangfunksjon]] etter [[h|slag]]. Ny kontroll om 2 uker.
Innlogging fra {ip} avvist 5 ganger for bruker [[e|kari.h.olsen@yahoo.no]]. Kontoen låst midlertidig.
Telefonnotat: [[n|Bjørn Arne Moe]] vil vite om [[h|insulin]] kan sendes i posten. Svar: ja, med kjølebag. Tlf {tel:nodot}.
Tilbud fra Invacare Norge AS på 40 Action 3NG, levering uke 19. Kontaktperson innkjøp. Pris 8 200,- pr stk.
Søknadsportal, «Fortell om deg selv»: Er 52 år, har vært sykepleier i 20 år men fikk [[h|prolaps]] i ryggen og søker nå kundeservice. [[n|Hege Tangen]], [[e|hege.tangen krøllalfa gmail punktum com]].
Trygve ringte igjen om trappeheisen. – nei, vent, det er produktnavnet "Trygve" fra Handicare. Ingen kunde oppgitt. Saken lukket.
Avtale: levering og montering av toalettforhøyer fredag 08–12. Sjåfør ringer 30 min før. Postnummer 3050.
[[n|OLAV HALVORSEN]] [[a|SKOGLYVEIEN 5, 2380 BRUMUNDDAL]] – ring før levering {tel:no2222}
Kunde betalte med {card:mc2:sp}, men fikk dobbelttrekk. Refunder én transaksjon. Navn på kortet: [[n|Linda Kvam]].
Farmasøytnotat: kunden kjøpte Paracet 500 mg 20 stk og Nezeril. Ingen resept. Ingen oppfølging.
Fnr oppgitt i chat: {fnr:f}. Kunde ville ha bekreftet at [[h|stomi]]-utstyret er dekket av HELFO. Navn [[n|Karin Sundby]].
Reparasjon rullestol: bakhjul slått skjevt. Kunden [[n|Roar Thune]] har [[h|paraplegi]] og trenger lånestol mens vi fikser. Hentes [[a|Nedre Storgate 30, 3015 Drammen]].
Eskalering: Vi har fått tre klager på samme batch Inkontinensbind (lot 2204B). Kvalitet informert. Ingen pasientdata i saken.
Har [[n|Amina]] fått sin [[h|astma]]medisin? Mor ringte, sier resepten ikke finnes i systemet. D-nr {dnr:f}.
Hjemmebesøk hos [[n|Kari Lunde]] (f. {dob:slash}): målt for seng, hun har [[h|artrose i knærne]] og kan ikke bruke vanlig seng lenger.
Kontonr for tilbakebetaling: {acct:c}. Kunden heter [[n|Per Kåre Dahl]] og bor i [[a|Vestre Ringvei 17, 8514 Narvik]].
Bestilling via app 4.2.1.8: 2 pk TENA Slip Maxi. Levering Posten. Sporingsnr 70712345678901234.
Pasient hentet [[h|Ozempic]] 1 mg, fikk veiledning i injeksjonsteknikk. [[n|Reidun Aune]]. Neste henting om 4 uker.
Kunden ba oss ringe barnebarnet hennes [[n|Sindre]] på {tel:nop47} siden hun hører dårlig ([[h|nedsatt hørsel]]).
Montørrapport: Terskeleliminator montert ved inngangsdør. Kunde ikke hjemme, nøkkel i nøkkelboks. Bilder vedlagt i saken.
Klagebrev\nHei. Jeg, [[n|Gudrun Bergstrøm]], er svært misfornøyd. Rullatoren dere solgte meg veltet, og jeg fikk [[h|hjernerystelse]]. Jeg forventer svar innen 14 dager.\nHilsen [[n|Gudrun]]
Ny kunde registrert: [[n|Jan Tore Sagen]], [[a|Lillehammervegen 4, 2624 Lillehammer]], [[e|jantore.sagen@live.no]], tlf {tel:no44}.
IBAN oppgitt av svensk kunde som handlet i Oslo: {iban:SE:sp}. Navn: [[n|Elin Åkesson]]. Refusjon 1 250 kr.
Sjekk innlogginger: {ip} og {ip} for samme konto i løpet av 2 minutter. Kunde [[n|Marius Holm]] bekrefter at han satt på jobb.
Varsel: Dolomite Legacy 300 tilbakekalles, se rundskriv 07/2025. Kontakt kunder med serienr 2211xxxx.
Fødselsdato oppgitt: {dob:iso}. Kunden vil kun oppgi fødselsdato, ikke hele personnummer. Navn [[n|Shirin Karimi]].
Samtale kl 13:04\nKunde: Jeg trenger ny blodtrykksmåler, min mann har [[h|høyt blodtrykk]].\nAgent: Hva heter han?\nKunde: [[n|Asbjørn]].\nAgent: OK, jeg sender Omron M3 til dere.
Kunden ønsker å snakke med [[n|Hilde]] i Storo-butikken om reservert vare. Ordrenr 90114552.
Kunden bor på sykehjem nå: Fagerheim bo- og behandlingssenter, [[a|Fagerheimveien 2, 4370 Egersund]]. Ny leveringsadresse for [[n|Sverre Tønnessen]].
Kampanje: 20 % på alle gåstokker i uke 45. Gjelder ikke Sara Flex eller Liko-produkter.
Betalingskort: {card:visa:c}, utløp 04/27. Kunde [[n|Rune Mikalsen]] godkjente trekk over telefon. Husk å maskere!
Pasienten har [[h|epilepsi]] og trenger sikkerhetshjelm. Bestilt via hjelpemiddelsentralen. Navn [[n|Jonas Eide]], {dob:dot2}.
Avtalebok: Onsdag 10:00 – utprøving av el-rullestol hos [[n|Fatima Ali]], [[a|Tøyengata 34, 0578 Oslo]]. Tolk (somali) bestilt.
Vi fikk en ny rullestol i retur uten emballasje. Ordre 33009871. Vareskade vurderes av lager i Trondheim.
Hei, kan du sende fakturaen på e-post til [[e|bente punktum ruud krøllalfa online punktum no]]? Mvh [[n|Bente Ruud]]
Kunde med [[h|Alzheimer]] har ringt 6 ganger i dag om samme bestilling. Kontakt pårørende [[n|Ellen Hovde]] på {tel:no323}.
Søknad: Jeg har førerkort klasse B og truckførerbevis T1-T4. Ønsker deltid i Bergen. Kan starte 1. august.
Avvik: Sjåfør leverte oksygenkonsentrator til feil adresse. Riktig mottaker: [[n|Liv Marit Strand]], [[a|Bakkegata 9, 2815 Gjøvik]].
Refusjonsskjema\nNavn: [[n|Gro Anita Berg]]\nKontonr: {acct:dot}\nBeløp: 2 390,-\nGrunn: rullator returnert innen angrefrist
Kunden vil ha pengene inn på {acct:sp}. Hun heter [[n|Vigdis Myhre]] og er født {dob:dot}.
Nyansatt via søknadsportalen: [[n|Adnan Hussain]], fnr {fnr:m}, kontonr for lønn {acct:c}. Startdato 01.09.
Korrigering: feil kontonummer registrert på [[n|Helge Rustad]]. Riktig er {acct:dot}, ikke det som står i fakturaen.
Angrerett benyttet. Tilbakebetaling til konto {acct:sp} (eier [[n|Frode Lien]]). Varen var uåpnet.
Web-skjema\nNavn: [[n|Line Sørlie]]\nFødselsdato: {dob:dot}\nKontonummer: {acct:dot}\nIP-adresse: {ip}\nMelding: Pengene for returen har ikke kommet.
klage: har ikke fått penger tilbake for ståløftet!! kontonr {acct:c} [[n|terje]]
Eskalering til økonomi: [[n|Kirsti Hove]] har fått refusjon to ganger til {acct:dot}. Beløpet 4 990,- må krediteres tilbake. Ring {tel:no323}.
Hjelpemiddelsentralen ber om at refusjon for [[n|Svein Olav Rød]] sendes til hans konto {acct:sp}. Han har [[h|MND]].
Returseddel fylt ut for hånd: «[[n|Aud Karlsen]], [[a|Vangsvegen 19, 2317 Hamar]], konto {acct:dot}, rullestolputen var for tynn»
Kunde oppga både konto {acct:c} og IBAN {iban:NO:sp} – bruk kontonummeret. [[n|Ståle Aamodt]].
Kasse-notat: Kunden betalte 1 200 kr kontant, resten på kort {card:visa:sp}. Navn [[n|Eva Grønli]], [[h|revmatoid artritt]]. Kvittering sendt til [[e|eva.gronli@gmail.com]].
Samtale\nAgent: Hvilket kontonummer skal refusjonen til?\nKunde: {acct:dot}.\nAgent: Og navnet på kontoeier?\nKunde: [[n|Marianne Kolstad]], det er min konto.
Svindelmistanke: Bestilling fra {ip} med kort {card:mc:c}, leveringsadresse [[a|Industriveien 9, 2020 Skedsmokorset]]. Navn oppgitt: [[n|Kari Nordby]]. Stopp ordren.
Betaling nektet for kort {card:visa:dash}. Kunde [[n|Bjørnar Li]] prøver igjen med Vipps.
Kunden [[n|Ruth Edvardsen]] dikterte kortnummer {card:mc2:c} og CVC. CVC er IKKE lagret. Vennligst slett kortnr etter belastning.
Logg: innlogging OK fra {ip}, deretter feilet passordbytte fra {ip}. Bruker [[e|tor.inge.hansen@icloud.com]].
IP {ip} har laget 14 kontoer i dag, alle med navn som [[n|Ola Olsen]] og [[n|Kari Olsen]]. Blokkert.
Søknad: IP {ip} sendte inn samme søknad 3 ganger. Søker [[n|Mohammed Osman]], [[e|m.osman96@gmail.com]].
Fødselsdato i journal: {dob:dot2}. Pasient [[n|Asgeir Lund]] har [[h|hjerteinfarkt]] i anamnesen og bruker [[h|Albyl-E]].
Apoteknotat: [[n|Marit Sandvik]] (f. {dob:no}) fikk [[h|Sobril]] på hvit resept, kun 10 stk. Fnr {fnr:f:sp}.
Rekvisisjon: [[n|Torstein Bjørge]], {dob:dotn}, [[h|ICD-10 G35]] ([[h|multippel sklerose]]). Behov: elektrisk seng med sengehest.
Kunde oppga fnr {fnr:f} i stedet for ordrenummer. Navn: [[n|Hilde Mortensen]]. Hun har [[h|brystkreft]] og venter på brystprotese.
D-nummer {dnr:f} tilhører [[n|Olena Kovalenko]], som søker lagerjobb i Moss. IBAN for lønn: {iban:NO}.
Blå resept §5.22 for [[h|stomi]]: utstyr til [[n|Leif Arne Haga]], f. {dob:nolow3}. Sendes til [[a|Kjøpmannsgata 12, 7013 Trondheim]].
Hei, jeg heter [[n|Sara Mohammadi]] og har fått diagnosen [[h|fibromyalgi]]. Kan jeg få prøve TENS-apparat? Ring {tel:nodash}.
Kortterminal ute av drift i Lillestrøm-butikken. Kunder henvises til Vipps. Gjelder 12.–14. mars.
Legeerklæring vedlagt for [[n|Kåre Hatlestad]]: [[h|lungefibrose]], [[h|hjemmeoksygen]] 2 l/min. Fnr {fnr:m}.
Booking: Utprøving av ganghjelpemiddel for [[n|Elisabeth Tveiten]] mandag 09:00 i Sandvika. Hun er [[h|svimmel]] og har falt to ganger.
Avtale endret: [[n|Haakon]] kommer torsdag i stedet for onsdag. Gjelder montering hos [[a|Ringveien 77, 3414 Lierstranda]].
Innsyn: Kunden [[n|Gunhild Rasmussen]] ber om kopi av alt vi har lagret om henne. Sendes til [[a|Postboks 3051, 4095 Stavanger]].
Kunden [[n|Jon Are Wold]] ønsker faktura per e-post: [[e|jonare.wold AT gmail DOT com]]. Betaler fra {acct:dot}.
Kundeklubb: [[n|Turid Ness]], medlem nr 440213, fødselsdato {dob:iso}. Vil melde seg av nyhetsbrev.
Betalt med Amex {card:amex:c}. Kortholder [[n|Alexander Næss]]. Kunden ba om kvittering på [[e|alex.naess@gmail.com]].
Notat: [[n|Nils Petter Gaup]] ([[a|Bievla 4, 9520 Kautokeino]]) trenger tolk på nordsamisk ved levering. Han har [[h|kreft]] og er sengeliggende.
Kunde ringte fra {tel:noland}, sa han var [[n|Eirik Sund]] fra Lyngdal og ville stoppe ordren. Ordre 40019922 stoppet.
Bank: refusjon returnert fra banken, kontoen er avsluttet. [[n|Tove Helland]] må gi nytt kontonummer. Gammel konto: {acct:c}.
Kunde lurer på om [[h|Fragmin]]-sprøytene hennes kan leveres sammen med rullatoren. [[n|Oddny Hagen]], [[a|Sjøgata 1, 8006 Bodø]].
Intern e-post\nFra: [[n|Kjersti Moen]]\nTil: Juridisk\nEmne: Kunde truer med søksmål\nKunden [[n|Rolf Berntsen]] falt med sengen og brakk [[h|lårhalsen]]. Han krever erstatning. Kontonr for eventuell utbetaling: {acct:dot}.
Ny avtale: installasjon av dørsensor hos [[n|Bodil Iversen]], [[a|Kirkegata 8, 4608 Kristiansand]], 3. juni kl 12. Kunden har [[h|synstap]].
IBAN fra tysk kunde: {iban:DE}. Navn: [[n|Heike Schmidt]]. Refusjon 89 €.
Kunden [[n|Amir Hadzic]] oppga bosnisk IBAN {iban:BA:sp} for tilbakebetaling.
Kunden [[n|Suleiman Noor]] vil ha refusjon til somalisk konto {iban:SO}. Sjekk med økonomi om vi kan betale dit.
Kortnr i e-post fra [[n|Henning Brekke]]: {card:visa:sp}. Svar ham at han ikke må sende kortnummer på e-post.
Nettbutikk-logg: {ip} – «Bestill»-knapp trykket 8 ganger. Kunde [[n|Laila Hernes]], 8 like ordre. Slett 7.
Tilgangslogg Min side: bruker [[e|janne_k@hotmail.no]] fra {ip6}. Ny enhet, 2FA sendt til {tel:no323}.
Reklamasjon over telefon fra [[n|Ivar Brattli]], født {dob:ddmmyy}. Sengens fjernkontroll virker ikke. Sendes ny.
Tilbakebetaling for feilbestilt hygienestol: {acct:dot}. Kunde [[n|Reidar Bakken]], [[a|Granveien 2, 1430 Ås]].
Kunden leste opp kontonummeret sitt to ganger, første gang feil. Riktig: {acct:sp}. [[n|Wenche Nilsen]].
Regnskap: kreditnota 2025-114 til [[n|Sigve Hammer]], utbetales {acct:c}. IBAN {iban:NO} oppgitt i tillegg, same konto.
Kvittering: betalt med {card:mc:sp} i butikken på Lagunen. Kunde [[n|Cecilie Wang]] ba om å få kvitteringen på [[e|cecilie.wang@gmail.com]].
Kunden [[n|Hassan Mohammed Ali]] fra Irak vil ha refusjon til irakisk konto {iban:IQ:sp}. Forklart at vi bare betaler til norsk konto; han gir {acct:dot}.
Kjøp på nett fra {ip}, kort {card:visa:sp}, mottaker [[n|Lars Moen]]. Levering til pakkeboks.
Sperret kort: [[n|Aina Holt]] meldte at kortet {card:visa:c} var stjålet. Ordre fra {ip} i går natt kansellert.
Klage: jeg fikk aldri refusjonen til {acct:dot}! Nå har det gått 6 uker. – [[n|ellinor b]]
Gavekort-retur: kunden [[n|Øystein Rønneberg]] ville heller ha pengene. Overført til {acct:dot} etter avtale med butikksjef.
Dødsbo: advokat ber om at tilgodehavende for avdøde [[n|Magne Solberg]] betales til boets konto {acct:sp}.
Ozempic er restnotert hos grossist til uke 14. Kunder som spør settes på venteliste, ingen lovnader om dato.
Varsel fra Statens legemiddelverk: Marevan 2,5 mg byttes til ny pakningsstørrelse fra 1. mai. Oppdater hylleetiketter.
Ordre 92831745 levert til hentested Coop Extra Sortland 12.03. Hentefrist 14 dager.
Bestillingsnr 47110293 (ligner telefonnr, men er ordre). Status: sendt fra lager Berger.
Produkt «Solveig» dusjstol fra Etac, art.nr 80229012, pris 2 199,-. Ikke forveksle med kundenavn.
KID 0012345678903 for faktura 2025-00871. Forfall 20.06.2025.
Returadresse for leverandør: Invacare AS, avd. retur. Bruk fraktbrev fra Bring Bedrift.
Firmware 2.11.4.3 på el-rullestolens styreboks oppdatert på verkstedet i Bergen.
Samtale\nKunde: Hva koster Topro Troja 5G?\nAgent: 5 490 kroner, og vi har den på lager i Trondheim.\nKunde: Takk, da kommer jeg innom.
Søknad, fritekst: Jeg har fagbrev som helsefagarbeider og 3 år fra sykehjem. Jeg er strukturert, blid og liker å løse problemer.
Åpningstider i påsken: Storo og Sandvika stengt skjærtorsdag til 2. påskedag. Nettbutikken er åpen.
Intern e-post: Husk å ikke skrive fødselsnummer, diagnoser eller kortnummer i fritekstfeltet. Bruk sikre felter.
Diabetesforbundet holder stand i butikken på Strømmen lørdag. Vi stiller med bord og kaffe.
Montørrapport: Monteringen av dusjvegg avlyst pga. feil mål. Ny tid avtales av kundesenter. Ordrenr 30028815.
Retur RMA-77120: 3 stk Kompresjonsstrømper kl. 1, ubrukt. Krediteres leverandør Medi Norge.
Pris på blodtrykksmåler Omron M7 Intelli IT: 1 299,-. Kampanjepris 999,- til 15.11.
Leveringsdag endret til 24.10.2025 pga. streik hos Posten. Kunder varsles via SMS automatisk.
Kampanje: Ved kjøp av Rollz Motion får du gratis kurv. Gjelder butikkene i Tromsø, Bodø og Alta.
Hylleplass B14-03 tom for Nezeril spray. Etterfylles fra lager Alna onsdag.
Brukermanual for Molift Air 205 v. 3.2 lagt ut på intranett. Kapittel 4 om batteribytte er nytt.
Budrapport: levering utført 14:55, signert av mottaker, 2 kolli. Ingen skader.
Sjåfør melder: Porten til lagerbygget i Lierskogen var låst, ventet 20 min. Ny levering i morgen.
Fakturaspørsmål: beløpet på 12 450,- gjelder 5 stk Etac Swift Mobil tilt-2. Betalingsfrist 30 dager.
Bestilling fra Oslo kommune, innkjøpsordre PO-558120, 20 senger Carpe Diem. Levering Ullevål.
"""

NOTES["nn"] = r"""
Reklamasjon: Rullatoren eg kjøpte i fjor har sprukke ramme. Eg heiter [[n|Sigrid Kvålsvoll]] og bur i [[a|Ulsteinvegen 12, 6065 Ulsteinvik]]. Ring meg på {tel:no323}.
Kunden fortel at ho har [[h|leddgikt]] og ikkje klarer å opne flaskene. Ynskjer flaskeopnar og griptang. Namn: [[n|Randi Hjelmeland]].
Retur: Dusjkrakk, feil høgd. Ordre 62004417. Pengane attende til same kort.
Montøren melde: Dørautomatikk montert hos [[n|Oddvar Rygg]], [[a|Kyrkjevegen 3, 5700 Voss]]. Han har [[h|ALS]], pårørande fekk opplæring.
Samtale\nKunde: Hei, det er [[n|Aslaug]] her.\nAgent: Hei [[n|Aslaug]], kva kan eg hjelpe med?\nKunde: Eg har fått [[h|ny hofte]] og treng toalettforhøgar.\nAgent: Den sender vi i dag.
Apoteknotat: [[n|Magnhild Sørbø]], f. {dob:nn}, hentar [[h|Levaxin]] for [[h|lågt stoffskifte]]. Blå resept §2.
Søknad, fritekst: Eg har arbeidd som hjelpepleiar i Førde i 11 år og kan både nynorsk og engelsk. Tek gjerne helgevakter.
Bodmelding: Pakka vart levert på [[a|Myrvollvegen 22, 6800 Førde]] kl 14:12. Mottakar [[n|Johannes Bøe]] signerte.
Namn: [[n|Eli Kleppe]]\nAdresse: [[a|Postboks 44, 6701 Måløy]]\nTelefon: {tel:no2222}\nFødselsnummer: {fnr:f}\nKva gjeld det: Garanti på elektrisk seng
Klage: Eg har [[h|diabetes type 1]] og fekk feil sprøytespissar to gonger. No vil eg ha svar! [[n|Leiv Tveit]], [[e|leiv.tveit(at)nynorsk.no]]
Lageret i Sogndal har fått 12 nye dusjstolar. Pris 1 890 kr. Kampanje gjeld til 30. juni.
Intern: Kunden [[n|Halldis Nes]] har betalt med kort {card:mc:sp} men ordren står som ubetalt. Sjekk med Nets.
Time hjå ergoterapeut torsdag kl 09:15. Kunden [[n|Torleiv Skjeldal]] har [[h|kreft i lunga]] og er sliten, så kort besøk.
Kontonummer for attendebetaling: {acct:dot}. Eigar: [[n|Åshild Fosse]], [[a|Hovdevegen 8, 6100 Volda]].
Sjåføren noterte: «Ingen heime, lagt ved garasjen.» Adressa var rett. Ordre 48112290.
[[n|ragnvald]] ringde att. han har [[h|astma]] og er redd for støv frå den nye madrassen. tilbydd allergitrekk.
Innlogging frå {ip} – kunden [[n|Gunvor Myklebust]] stadfestar at det var ho. Kan opne kontoen att.
Eg heiter [[n|Ingvild Reite]], fødd {dob:dot}. Kan de sende brosjyre om gåstol til [[e|ingvild.reite@gmail.com]]?
Vi har ingen kundedata på denne saka. Gjeld berre lagerflytting frå Ålesund til Molde.
Pårørande [[n|Ola Vågen]] fortel at mor hans har [[h|hjarteflimmer]] og står på [[h|Xarelto]]. Han vil ha dosett med alarm.
Reparasjon: bakhjul på manuell rullestol bytta. Kunde hentar sjølv på Voss-avdelinga. Pris 950 kr.
Refusjon til IBAN {iban:NO:sp}, kunde [[n|Torunn Haugen]]. Grunn: dobbel fakturering.
Avtale: Heimebesøk tysdag 12:00 hjå [[n|Anders Lothe]], [[a|Lothevegen 5, 5787 Lofthus]]. Han har [[h|amputert høgre fot]].
D-nummer oppgitt av sesongarbeidar som søkjer jobb på lageret: {dnr:m}. Namn [[n|Tomasz Wiśniewski]].
Pakke med 6 stk Molift Smart 150 sendt til hjelpemiddelsentralen i Møre og Romsdal.
Attendebetaling: kontonummer {acct:sp}, kontoeigar [[n|Synnøve Vik]]. Ho returnerte badebrett innan fristen.
Kunden [[n|Olav Nordbø]] skreiv i skjemaet: «kontoen min er {acct:c}, og eg vart fødd {dob:nn}». Ynskjer pengane attende for krykkjene.
Loggføring: innlogging frå {ip} til Mi side for [[e|brita.hauge@nynorsk.no]]. Kortet {card:visa:sp} lagra – slett det.
Tilsett via portalen: [[n|Ingebjørg Tveito]], kontonr for løn {acct:dot}, IBAN for utanlandsk konto {iban:IS}.
Reklamasjon: sengemotoren sluttar. [[n|Jostein Hole]], f. {dob:dot}, konto {acct:dot} dersom de vil betale attende i staden.
Søknadsportal, felt «Bankkonto for løn»: {acct:c}. Søkjar [[n|Kristine Bergheim]] byrjar som vikar i Førde-butikken.
Pengar for dobbel betaling vert sende til {acct:dot}. [[n|Arnfinn Lid]] ringde og stadfesta kontoen.
"""

NOTES["sv"] = r"""
Samtal, kundtjänst Göteborg\nAgent: Välkommen, du pratar med [[n|Jonas]].\nKund: Hej, jag heter [[n|Ulla-Britt Karlsson]] och ringer om min rullstol. Den har gått sönder igen, vänster bakhjul lossnar.\nAgent: Oj, vad tråkigt. Kan jag få ditt personnummer?\nKund: {pnr12:f}.\nAgent: Tack. Jag ser att den lagades i mars. Jag bokar en tekniker till dig på torsdag mellan 8 och 12, går det bra?\nKund: Ja, men ring först, jag har [[h|KOL]] och tar lång tid att komma till dörren.
Garantiärende: Rollatorns handbroms har gått sönder. Kund: [[n|Anna-Karin Lindqvist]], [[a|Storgatan 12, 411 38 Göteborg]]. Tel {tel:se}.
Returformulär\nNamn: [[n|Mats Eriksson]]\nAdress: [[a|Box 1123, 111 81 Stockholm]]\nPersonnr: {pnr:m}\nOrsak: fel storlek\nÅterbetalning till {iban:SE}
Kunden ringde om sin [[h|KOL]] och frågade om syrgasutrustning kan levereras till stugan. Namn [[n|Birgitta Holm]], tel {tel:sep}.
Reklamation på duschpall Etac Clean, ben har lossnat. Ordernr 55012873. Skickar ny pall från lagret i Jönköping.
Apoteksanteckning: [[n|Lars-Erik Sjöberg]] hämtade [[h|Waran]] och fick information om kost. Personnummer {pnr12:m}.
Samtal\nKund: Hej, jag heter [[n|Fatima Hassan]].\nAgent: Hej! Vad gäller det?\nKund: Min son har [[h|epilepsi]] och behöver en skyddshjälm.\nAgent: Vilken storlek?\nKund: 54 cm.
Leveransrapport: Paket lämnat hos grannen på [[a|Kungsgatan 45 B, 753 21 Uppsala]]. Mottagare [[n|Johan Nyström]] var inte hemma.
Klagomål: Jag har [[h|reumatism]] och kan inte öppna den nya förpackningen med mina tabletter. Gör om designen! /[[n|Kerstin Lundgren]]
Pris Rollz Flex 2: 5 495 kr. Kampanj vecka 12. Gäller endast i Malmö och Lund.
Webbformulär\nFörnamn: [[n|Erik]]\nEfternamn: [[n|Johansson]]\nE-post: [[e|erik.johansson snabel-a telia punkt com]]\nTelefon: {tel:sec}\nMeddelande: Vill boka hembesök.
Intern eskalering: Kund [[n|Yusuf Abdi]] har väntat 9 veckor på sin elrullstol. Han har [[h|MS]] och är helt beroende av den. Ring honom idag på {tel:se}!
Födelsedatum: {dob:sv}. Kunden [[n|Margareta Öberg]] vill inte uppge fullständigt personnummer.
Tidsbokning: Arbetsterapeut besöker [[n|Gösta Berglund]] på [[a|Vasavägen 7, 903 29 Umeå]] den 14 mars kl 10. Han har [[h|Parkinson]].
Ansökan – fritext: Jag har jobbat 6 år inom hemtjänsten i Luleå och har B-körkort. Söker heltid.
[[n|sven-olof]] ringde och sa att hans fru [[n|Ulla]] har fått [[h|demens]] och att de behöver en GPS-klocka.
Återbetalning till kort {card:visa:sp} misslyckades. Kunden [[n|Karl Wikström]] ombeds kontakta sin bank.
Installationsrapport: Trapphiss monterad, provkörd. Kunden nöjd. Nästa service om 12 månader. Inga avvikelser.
Personnummer {pnr:f:c} angavs i fritextfältet. Kunden, [[n|Sara Lindberg]], skrev också att hon har [[h|bröstcancer]] och behöver peruk via landstinget.
Kunden [[n|Mohammed Al-Rashid]] vill ha faktura till [[e|m.alrashid@outlook.com]] och betalar från {iban:SE:sp}.
Lagret i Norrköping stänger för inventering 2–3 januari. Inga leveranser dessa dagar.
Inloggning från {ip} blockerad efter 6 felaktiga försök. Användare: [[e|annelie.strom@hotmail.se]].
Kund med [[h|diabetes typ 1]] klagar på att sensorerna lossnar efter 3 dagar. [[n|Emil Forsberg]], {dob:iso}.
Hej! Jag heter [[n|Nguyen Van Minh]] och bor på [[a|Rosengårdsvägen 21, 213 71 Malmö]]. Min mamma har [[h|stroke]] och behöver en rullstol. Tel {tel:se0046}.
Anteckning: Kunden [[n|Astrid Engström]] är [[h|blind]] sedan födseln, läs upp ordern högt vid leverans.
Faktura 889231 betald 2025-03-04. Ärendet stängt.
Ansökan via portalen: [[n|Amanuel Tesfay]], [[e|amanuel.tesfay[at]gmail[dot]com]], {tel:se}. Jag har [[h|dyslexi]] men det har aldrig varit ett problem i lagerarbete.
Hembesök bokat: [[n|Inger]] på [[a|Kyrkogatan 4, 532 30 Skara]]. Hon har [[h|höftfraktur]] och går med rollator.
Kunden ringer från Eskilstuna, vill veta öppettiderna i butiken på Drottninggatan. Mån–fre 9–18.
Samtal 10:22\nAgent: Kan du bekräfta ditt personnummer?\nKund: {pnr12:f}.\nAgent: Tack [[n|Elisabeth]]. Jag ser din order på kompressionsstrumpor.
Klagomål via mejl från [[n|Per-Anders Nilsson]], [[e|pa.nilsson@bredband.net]]: "Leveransen kom 3 veckor sent och jag har [[h|bensår]] som behöver förband NU."
Betalning: {card:mc:c}, giltig till 08/26. Kortinnehavare [[n|Jenny Ahlgren]].
Produktinfo: Topro Pegasus är en rollator för inomhus och utomhus. Vikt 7,8 kg. Pris 3 990 kr.
Vi har fått en retur från Kiruna utan returnummer. Innehåll: 2 st rollatorer, oanvända.
Anteckning från sjuksköterska [[n|Malin Svensson]]: patienten [[n|Hans Björk]] har [[h|hjärtsvikt]] och ödem i benen, behöver stödstrumpor.
Kundens adress: [[a|Östra Hamngatan 18, 411 09 Göteborg]]. Namn [[n|Leila Mahmoud]]. Levereras mellan 8 och 12.
Ny kund: [[n|ANDERS PERSSON]], personnr {pnr:m}, [[a|LILLGATAN 3, 972 38 LULEÅ]].
Mottaget klagomål på PostNord. Kollinummer 00370712345678901234 försenat 5 dagar. Inga personuppgifter.
[[n|Zeynep Yıldız]] söker jobb som butiksbiträde. Talar svenska, turkiska och engelska. Kontakt [[e|zeynep.yildiz@gmail.com]].
Kunden säger att hon har [[h|artros]] i händerna och önskar en lättare rollator. Förslag: Rollz Motion. [[n|Gunilla Falk]].
IP-logg: {ip} – beställning med kort {card:visa:c}, leveransadress skiljer sig från faktureringsadress. Flaggad för granskning.
Recept: [[h|Novorapid]] och [[h|Lantus]] till [[n|Björn Hedlund]], [[h|diabetes]] sedan 1998.
Leverans till äldreboende Solgården, avdelning 3. Kontaktperson på plats tar emot. Inga namn på följesedeln.
Hej, mitt namn är [[n|Agnieszka Kowalczyk]], jag vill reklamera min rullstol. Min adress är [[a|Fabriksgatan 9, 602 23 Norrköping]], telefon {tel:sep}.
Bankgiro 5050-1055 för fakturabetalning. OCR-nummer anges på fakturan.
Kund [[n|Olle Sandberg]] ({dob:sv8}) har [[h|stomi]] sedan operationen och vill beställa fler påsar.
Återbetalning: kunden [[n|Maja Sundqvist]], född {dob:sv}, vill ha pengarna till {iban:SE}. Beloppet 2 150 kr.
Webbformulär\nNamn: [[n|Hampus Ek]]\nIP: {ip}\nKort: {card:visa:sp}\nMeddelande: dubbeldebiterad!!
Kunden [[n|Rasmus Lindh]] bor i Sverige men har norskt konto {acct:dot}. Återbetala dit. Personnr {pnr12:m:c}.
Loggning: [[e|ingrid.b@telia.com]] loggade in från {ip} och ändrade leveransadress till [[a|Tallvägen 3, 186 31 Vallentuna]].
Anställning via portalen: [[n|Dragana Petrović]], personnummer {pnr:f}, lönekonto {iban:SE:sp}.
Sjukvårdsnotering: [[n|Bengt Åström]], född {dob:iso}, [[h|ICD-10 I50.9]] ([[h|hjärtsvikt]]). Behöver sängryggstöd.
Waran 2,5 mg är restnoterad hos Apoteket AB till vecka 20. Informera kunder vid förfrågan.
Order 07012345 (inget telefonnummer) skickad från lagret i Jönköping 2025-04-02.
Rollatorn "Gustav" från Etac finns i färgerna grå och röd. Pris 2 795 kr.
Ansökan, fritext: Jag är noggrann, tycker om att jobba i team och har truckkort A och B.
Butiken på Kungsgatan i Göteborg har ny öppettid: vardagar 10–19.
Leveransrapport: 4 kollin levererade till Region Skåne, lastkaj 3. Kvittens saknas.
"""

NOTES["da"] = r"""
Garantisag: Rollatorens hjul slingrer. Kunde: [[n|Mette Frederiksen-Holm]], [[a|Nørrebrogade 45, 3. tv., 2200 København N]]. Tlf. {tel:dk}.
Returformular\nNavn: [[n|Jens Peter Madsen]]\nAdresse: [[a|Vestergade 14, 8000 Aarhus C]]\nCPR-nr.: {cpr:m}\nÅrsag: forkert størrelse\nKonto til tilbagebetaling: {iban:DK}
Kunden har [[h|sukkersyge]] og spørger om vi har fodcreme uden parfume. Navn [[n|Birthe Jørgensen]].
Reklamation: Badebænk knækket efter 2 måneder. Ordrenr. 66120938. Ny sendes fra lageret i Kolding.
Apoteksnotat: [[n|Henrik Sørensen]] afhenter [[h|Marevan]] og skal have INR målt på fredag. CPR {cpr:m:c}.
Opkald\nKunde: Hej, det er [[n|Lone]].\nMedarbejder: Hej [[n|Lone]], hvad kan jeg hjælpe med?\nKunde: Min mand har fået [[h|blodprop i hjernen]] og kan ikke gå. Vi skal bruge en kørestol.\nMedarbejder: Jeg sender en konsulent.
Leveringsrapport: Pakken stillet ved hoveddøren på [[a|Skovvej 8, 5700 Svendborg]] efter aftale. Foto vedlagt.
Klage: Jeg har [[h|gigt]] i fingrene og kan ikke åbne jeres nye låg. Det er helt uacceptabelt. Venlig hilsen [[n|Inge Kristensen]]
Pris på Etac Molift Mover 180: 38 900 kr. ekskl. moms. Levering uge 22.
Webformular\nFornavn: [[n|Mads]]\nEfternavn: [[n|Nielsen]]\nE-mail: [[e|mads.nielsen snabel-a mail punktum dk]]\nTelefon: {tel:dkp}\nBesked: Jeg vil gerne bestille hjemmebesøg.
Intern eskalering: Kunden [[n|Abdirahman Mohamed]] har ventet 7 uger på en el-kørestol. Han har [[h|muskelsvind]]. Ring i dag på {tel:dk}!
Fødselsdato: {dob:da}. Kunden [[n|Karen Thomsen]] ønsker ikke at oplyse CPR over telefonen.
Tidsbestilling: Ergoterapeut besøger [[n|Poul Erik Hansen]] på [[a|Kirkevej 22, 4000 Roskilde]] den 3. april kl. 11. Han har [[h|Parkinsons sygdom]].
Jobansøgning – fritekst: Jeg har arbejdet 5 år på et plejehjem i Odense og har kørekort. Søger fuldtid.
[[n|bent]] ringede igen. hans kone [[n|grethe]] har fået [[h|Alzheimers]] og de har brug for en sengealarm.
Tilbagebetaling til kort {card:dankort:sp} fejlede. Kunden [[n|Søren Larsen]] bedes kontakte banken.
Montørrapport: Loftlift monteret i soveværelset. Afprøvet med kunde og hjemmepleje. Ingen fejl.
CPR {cpr:f} blev skrevet i kommentarfeltet af kunden [[n|Camilla Rasmussen]], som også skrev at hun har [[h|brystkræft]] og skal have paryk.
Kunden [[n|Ali Reza Ahmadi]] vil have faktura til [[e|ali.ahmadi@gmail.com]] og betaler fra {iban:DK:sp}.
Lageret i Brøndby holder lukket 1. maj. Ingen udbringning denne dag.
Login fra {ip} blokeret efter 5 forkerte forsøg. Bruger: [[e|hanne.b.lund@stofanet.dk]].
Kunde med [[h|type 1-diabetes]] klager over at sensorerne falder af. [[n|Jonas Kjær]], født {dob:dot}.
Hej! Mit navn er [[n|Tran Thi Hoa]], jeg bor på [[a|Tingbjerg Allé 9, st. th., 2700 Brønshøj]]. Min far har haft [[h|slagtilfælde]] og skal bruge en badestol. Tlf {tel:dk0045}.
Note: Kunden [[n|Erik Bach]] er [[h|svagtseende]], ring hellere end at sende SMS.
Faktura 2025-0411 betalt via MobilePay. Sagen lukket.
Ansøgning via portalen: [[n|Filmon Ghebremedhin]], [[e|filmon.g(at)hotmail.dk]], {tel:dk}. Jeg har [[h|ordblindhed]], men jeg bruger oplæsningsprogram.
Hjemmebesøg aftalt: [[n|Else Marie]] på [[a|Strandvejen 112, 2900 Hellerup]]. Hun har [[h|hoftebrud]] og går med rollator.
Opkald 14:05\nMedarbejder: Må jeg bede om dit CPR-nummer?\nKunde: {cpr:f}.\nMedarbejder: Tak [[n|Lise]]. Jeg kan se din ordre på støttestrømper.
Klage på e-mail fra [[n|Niels Brandt]], [[e|niels.brandt@tdcadsl.dk]]: "Varen kom 3 uger for sent og jeg har [[h|venøse bensår]] der skal forbindes."
Betaling: {card:visa:dash}, udløb 11/26. Kortholder [[n|Pia Andersen]].
Produktinfo: Rollz Motion Rhythm hjælper personer med gangbesvær. Vægt 9 kg. Pris 6 495 kr.
Sygeplejerske [[n|Trine Holst]] noterer: borger [[n|Kaj Mortensen]] har [[h|hjertesvigt]] og væske i benene.
Ny kunde: [[n|LARS OLSEN]], CPR {cpr:m}, [[a|HOVEDGADEN 3, 6000 KOLDING]].
PostNord pakke 40123456789DK forsinket. Ingen persondata i sagen.
[[n|Jolanta Zielińska]] søger job som lagermedarbejder. Taler dansk, polsk og engelsk. Kontakt [[e|jolanta.zielinska@wp.pl]].
Vi har modtaget en returnering fra Esbjerg uden returnummer. Indhold: 1 badebænk.
Recept: [[h|insulin]] og nåle til [[n|Anders Vestergaard]]. Han har haft [[h|sukkersyge]] siden 2001. Bestilling sendes til [[a|Postboks 77, 9100 Aalborg]].
Åbningstider i butikken på Strøget: man–fre 10–18, lør 10–15.
IP-log: {ip} – ordre med kort {card:mc2:c} fra ny kunde, leveringsadresse i Tyskland. Markeret til kontrol.
Tilbagebetaling til {iban:DK:sp}, kontohaver [[n|Ida Kristiansen]], født {dob:da}. Hun returnerede en rollator.
Login-log: {ip} brugte kortet {card:dankort:c} tre gange på 5 minutter. Kunde [[n|Rune Dalgaard]] kontaktet.
Ansat via jobportalen: [[n|Hamza Yousef]], CPR {cpr:m:c}, lønkonto {iban:DK}. Starter i Kolding-butikken.
Webformular\nNavn: [[n|Maria Bech]]\nFødselsdato: {dob:dot}\nIP: {ip}\nBesked: Jeg har [[h|sklerose]] og har brug for en rampe.
Insulinpenne fra Novo Nordisk leveres på køl. Husk kølebokse ved forsendelse til Bornholm.
Ordrenr. 21436587 afsendt fra lageret i Brøndby den 3. marts. Forventet levering 2–3 hverdage.
Produktet "Karen" badebænk findes i to højder. Pris 1 495 kr. inkl. moms.
Jobansøgning, fritekst: Jeg er mødestabil, har truckcertifikat og taler dansk og engelsk.
Montørrapport: Rampe monteret ved indgang til Netto i Vejle, kunde er butikken. Ingen personer involveret.
"""

NOTES["fi"] = r"""
Takuuasia: Rollaattorin jarru ei pidä. Asiakas: [[n|Matti Virtanen]], [[a|Hämeenkatu 14 B 22, 33100 Tampere]]. Puh. {tel:fi}.
Palautuslomake\nNimi: [[n|Anneli Korhonen]]\nOsoite: [[a|Mannerheimintie 52 A 7, 00250 Helsinki]]\nHenkilötunnus: {hetu:f}\nSyy: väärä koko\nTilinumero: {iban:FI}
Asiakkaalla on [[h|diabetes]] ja hän kysyi, saako verensokerimittarin liuskoja kotiin toimitettuna. [[n|Pirjo Mäkinen]].
Reklamaatio: Suihkutuolin jalka irtosi. Tilausnumero 71120984. Uusi tuoli lähetetään Vantaan varastosta.
Apteekkimerkintä: [[n|Jukka Nieminen]] nouti [[h|Marevan]]-lääkkeen ja INR-seuranta sovittiin. Hetu {hetu:m}.
Puhelu\nAsiakas: Hei, täällä [[n|Sirpa]].\nVirkailija: Hei, miten voin auttaa?\nAsiakas: Miehelläni on [[h|aivoinfarkti]] ja hän tarvitsee pyörätuolin.\nVirkailija: Lähetän tuotetiedot sähköpostiin.
Toimitusraportti: Paketti jätetty naapurille osoitteeseen [[a|Kauppakatu 3, 40100 Jyväskylä]]. Vastaanottaja [[n|Heikki Laine]].
Valitus: Minulla on [[h|nivelreuma]] enkä saa uusia purkkeja auki. Terveisin [[n|Leena Heikkinen]]
Hinta: Topro Troja 2G 389 € sis. alv. Tarjous voimassa 31.3. asti.
Verkkolomake\nEtunimi: [[n|Antti]]\nSukunimi: [[n|Lehtonen]]\nSähköposti: [[e|antti.lehtonen(a)elisanet.fi]]\nPuhelin: {tel:fip}\nViesti: Haluan varata kotikäynnin.
Sisäinen eskalointi: Asiakas [[n|Hodan Farah]] on odottanut sähköpyörätuolia 8 viikkoa. Hänellä on [[h|MS-tauti]]. Soittakaa tänään {tel:fidash}.
Syntymäaika: {dob:fi}. Asiakas [[n|Raili Salminen]] ei halua antaa henkilötunnusta puhelimessa.
Ajanvaraus: Toimintaterapeutti käy [[n|Eero Koskinen]] luona osoitteessa [[a|Rantatie 8, 90100 Oulu]] 12.4. klo 10. Hänellä on [[h|Parkinsonin tauti]].
Työhakemus – vapaa teksti: Olen työskennellyt 4 vuotta varastossa Lahdessa ja minulla on trukkikortti.
[[n|kalle]] soitti taas. hänen vaimollaan [[n|tuula]] on [[h|muistisairaus]] ja he tarvitsevat GPS-kellon.
Palautus kortille {card:visa:sp} epäonnistui. Asiakas [[n|Timo Järvinen]] ohjattu ottamaan yhteyttä pankkiin.
Asennusraportti: Porrashissi asennettu ja testattu. Asiakas tyytyväinen. Huolto 12 kk päästä.
Hetu {hetu:f} kirjoitettiin vapaatekstikenttään. Asiakas [[n|Minna Hämäläinen]] kertoi myös, että hänellä on [[h|rintasyöpä]].
Asiakas [[n|Dmitri Ivanov]] haluaa laskun osoitteeseen [[e|dmitri.ivanov@gmail.com]] ja maksaa tililtä {iban:FI:sp}.
Varasto Vantaalla suljettu vapunpäivänä 1.5. Ei toimituksia.
Kirjautuminen osoitteesta {ip} estetty 5 epäonnistuneen yrityksen jälkeen. Käyttäjä: [[e|sanna.kettunen@luukku.com]].
Asiakas, jolla on [[h|tyypin 1 diabetes]], valittaa sensorien irtoamisesta. [[n|Ville Rantanen]], syntynyt {dob:dotn}.
Hei! Nimeni on [[n|Nguyen Thi Thu]] ja asun osoitteessa [[a|Itäkatu 5 C 31, 00930 Helsinki]]. Äidilläni on ollut [[h|aivohalvaus]]. Puh {tel:fic}.
Merkintä: Asiakas [[n|Aila Lappalainen]] on [[h|näkövammainen]], soita älä lähetä tekstiviestiä.
Lasku 2025-0877 maksettu. Tapaus suljettu.
Hakemus portaalin kautta: [[n|Abdullahi Hussein]], [[e|abdullahi.hussein ät gmail piste com]], {tel:fi}. Minulla on [[h|lukihäiriö]], mutta se ei haittaa varastotyötä.
Kotikäynti sovittu: [[n|Marjatta]] osoitteessa [[a|Koulukatu 11, 15110 Lahti]]. Hänellä on [[h|lonkkamurtuma]].
Puhelu 9:41\nVirkailija: Voinko saada henkilötunnuksesi?\nAsiakas: {hetu:m}.\nVirkailija: Kiitos [[n|Pekka]]. Näen tilauksesi tukisukista.
Maksu: {card:mc:sp}, voimassa 02/27. Kortinhaltija [[n|Satu Karjalainen]].
Tuotetieto: Rollz Flex kokoontaitettava rollaattori, paino 8 kg. Hinta 499 €.
Sairaanhoitaja [[n|Riikka Peltonen]] kirjasi: asiakkaalla [[n|Osmo Ahonen]] on [[h|sydämen vajaatoiminta]] ja turvotusta jaloissa.
Uusi asiakas: [[n|JUHANI HEIKKILÄ]], hetu {hetu:m}, [[a|PL 210, 96101 ROVANIEMI]].
Posti-lähetys JJFI64123450009876543 myöhässä. Ei henkilötietoja.
[[n|Anna-Liisa Aikio]] hakee työtä Inarin myymälästä. Puhuu pohjoissaamea, suomea ja norjaa. [[e|annaliisa.aikio@gmail.com]]
Resepti: [[h|insuliini]] ja neulat [[n|Erkki Savolainen]]lle. Toimitus osoitteeseen [[a|Kirkkokatu 7, 87100 Kajaani]].
Myymälän aukioloajat Turussa: ma–pe 9–17. Lauantaisin suljettu.
IP-loki: {ip} – tilaus kortilla {card:visa:c}, toimitusosoite eri kuin laskutusosoite. Merkitty tarkistettavaksi.
Lapsen hetu oli lomakkeessa: {hetu:a:f}. Tyttö [[n|Aino]] tarvitsee [[h|CP-vamman]] vuoksi erityisrattaat.
Hyvitys tilille {iban:FI:sp}, tilinhaltija [[n|Kaisa Nurmi]], syntynyt {dob:fi}. Palautettu suihkujakkara.
Kirjautumisloki: {ip} käytti korttia {card:mc:c} kolme kertaa. Asiakas [[n|Jari Mustonen]] vahvisti ostot.
Verkkolomake\nNimi: [[n|Elina Saarinen]]\nSyntymäaika: {dob:dot}\nIP: {ip}\nViesti: Minulla on [[h|polven nivelrikko]] ja tarvitsen korotetun wc-istuimen.
Uusi työntekijä portaalista: [[n|Mohamed Abdi Warsame]], hetu {hetu:m}, palkkatili {iban:FI}.
Tilausnumero 04012345678 (ei puhelinnumero). Lähetetty Vantaan varastosta 4.3.2025.
Panadol 500 mg -pakkaukset loppuneet Tampereen myymälästä. Lisää tulossa viikolla 15.
Rollaattori "Aino" on tuotenimi, ei asiakkaan nimi. Väri sininen, hinta 329 €.
Työhakemus, vapaa teksti: Olen täsmällinen ja minulla on hygieniapassi ja B-ajokortti.
Asennusraportti: Kaiteet asennettu Kelan toimipisteeseen Oulussa. Ei asiakastietoja.
"""

NOTES["en"] = r"""
Internal escalation\nFrom: Team lead, Bergen\nTo: Head of Customer Service\nSubject: Repeated failures, ceiling hoist\nThird visit by the installer to [[n|Ingrid Solheim]] at [[a|Fjellsiden 9, 5014 Bergen]], same motor fault. She has [[h|spinal muscular atrophy]] and cannot get out of bed without the hoist; nurses now lift her by hand. Replace the unit this week, please. Her daughter can be reached on {tel:nop47} or [[e|kari.solheim(at)gmail.com]].
Warranty claim: the folding frame on my Rollz Flex cracked after 5 months. Name: [[n|Daniel O'Connor]], [[a|Thereses gate 12, 0168 Oslo]]. Phone {tel:nop47}. Refund to {acct:dot} please.
Returns form\nName: [[n|Priya Raghunathan]]\nAddress: [[a|Flat 3, 27 Holloway Road, London N7 8JG]]\nEmail: [[e|priya.r@btinternet.com]]\nReason: wrong size\nIBAN: {iban:GB:sp}
Caller said her husband has [[h|Parkinson's]] and keeps falling at night. Wants a bed alarm. Name given: [[n|Margaret Fielding]]. Call back {tel:gb}.
Complaint ref. CMP-40219: shower chair arrived with a missing leg cap. Replacement dispatched from the Drammen warehouse.
Pharmacy note: [[n|Thomas Whitaker]] collected [[h|Eliquis]] 5 mg for [[h|atrial fibrillation]]. D-number {dnr:m}. Counselled on bleeding risk.
Call transcript\nAgent: Good morning, you're speaking with [[n|Aisha]].\nCaller: Hi, it's [[n|Kevin Brennan]]. My card was charged twice.\nAgent: Can you read me the last order number?\nCaller: 55129804.\nAgent: Thanks, I'll refund one charge to the card ending 4471.
Courier report: Parcel left in the porch at [[a|Kirkeveien 64 A, 0364 Oslo]] as instructed. Photo taken 15:42.
Dear Sir or Madam, I am writing to complain about the delivery of my mother's walker. She has [[h|osteoporosis]] and had to wait two weeks. Regards, [[n|Helen Carter]]
Price list update: Topro Olympos 4 990 NOK, Troja 5G 5 490 NOK, Pegasus 3 990 NOK. Valid from 1 March 2025.
Web form\nFirst name: [[n|Michael]]\nLast name: [[n|Okafor]]\nEmail: [[e|michael dot okafor at gmail dot com]]\nPhone: {tel:nop47c}\nDate of birth: {dob:slash}\nMessage: I'd like a home visit.
Internal escalation\nTo: CS Team Leads\nSubject: URGENT – customer without oxygen\n[[n|Farhan Qureshi]] says his delivery of oxygen cylinders is late and he has [[h|COPD]]. Please call him on {tel:no323} right away.
DOB {dob:us}, customer [[n|Jennifer Walsh]] would not give her national ID number over the phone.
Appointment booked: OT visit to [[n|Sunita Patel]] at [[a|Grønlandsleiret 31, 0190 Oslo]], Thursday 10:30. She had a [[h|below-knee amputation]] in January.
Job application portal – "Why do you want to work with us?": I have 3 years of warehouse experience in Manchester and a forklift licence. Happy to work weekends.
[[n|tom]] rang again about his wife [[n|sheila]]. she's got [[h|dementia]] and wanders at night, they need a GPS watch.
Refund to card {card:visa:sp} failed. Customer [[n|Rajesh Kumar]] asked to contact his bank.
Installer report: Ceiling hoist fitted in bedroom, load-tested at 200 kg. Customer and carer trained. No issues.
Customer typed her fødselsnummer in the comments box: {fnr:f}. Name [[n|Emily Johansen]]. She also wrote that she has [[h|breast cancer]] and needs a wig.
Customer [[n|Hassan Jaber]] wants the invoice sent to [[e|hassan.jaber@yahoo.com]] and will pay from {iban:IQ}.
Warehouse closed 17 May (Constitution Day). No deliveries.
Login from {ip6} blocked after 6 failed attempts. User: [[e|lucy.m.brown@outlook.com]].
Customer with [[h|type 1 diabetes]] says the CGM sensors fall off after 3 days. [[n|Oliver Grant]], born {dob:enord}.
Hi, my name is [[n|Ngozi Adeyemi]] and I live at [[a|Hasleveien 15, 0571 Oslo]]. My father had a [[h|stroke]] and needs a bath board. Tel {tel:no2222}.
Note: customer [[n|Arthur Bell]] is [[h|deaf]], use SMS or e-mail only: [[e|arthur.bell@gmail.com]].
Invoice 2025-2231 paid by Vipps. Case closed.
Application via portal: [[n|Thi Mai Pham]], [[e|thimai.pham [at] gmail [dot] com]], {tel:no323}. I have [[h|ADHD]] and work best with clear routines.
Home visit arranged: [[n|Dorothy]] at [[a|12 Elm Grove, Bristol BS6 5JT]]. She has a [[h|fractured hip]] and uses a walker.
Call 11:17\nAgent: Could you confirm your date of birth?\nCaller: {dob:en}.\nAgent: Thank you Mr [[n|Davies]]... sorry, [[n|Gareth]]. I can see your order for compression stockings.
Email complaint from [[n|Rebecca Lowe]], [[e|rebecca.lowe@icloud.com]]: "My parcel came 3 weeks late and I have [[h|leg ulcers]] that need dressing NOW."
Payment: {card:amex:sp}, exp 09/27. Cardholder [[n|James Whitfield]].
Product info: the Sara Stedy standing aid supports transfers for people with limited mobility. Price on request.
Nurse [[n|Claire Simmons]] noted: [[n|Peter Hughes]] has [[h|heart failure]] and swollen ankles, needs compression hosiery.
New customer: [[n|SAMUEL MENSAH]], fnr {fnr:m}, [[a|TORGGATA 8, 0181 OSLO]].
DHL shipment 1234567890 delayed at customs. No personal data in case.
[[n|Ewa Kamińska]] applied for the store assistant job in Bergen. Speaks Polish, English and some Norwegian. Contact [[e|ewa.kaminska@o2.pl]].
We received a return from Tromsø without an RMA number. Contents: 2 walking sticks, unused.
Prescription: [[h|NovoRapid]] and pen needles for [[n|David Lee]], [[h|insulin-dependent diabetes]]. Ship to [[a|PO Box 331, 5804 Bergen]].
Store opening hours, Storo: Mon–Fri 10–20, Sat 10–18.
IP log: {ip} – order paid with {card:mc:sp}, delivery address differs from billing. Flagged for review.
Hi there, could you ring my son [[n|Adam]] on {tel:gb} instead of me? I'm [[h|hard of hearing]]. Thanks, [[n|Pauline]]
Escalation: customer [[n|Abdiwali Hersi]] disputes the charge. Bank account on file {acct:sp}. Please check before refunding.
The Liko Viking XL lift is back in stock at the Alna warehouse. 8 units.
Customer states she is [[h|allergic to latex]]; swap the gloves in her monthly box. [[n|Nadia Benali]], {dob:dot}.
Reminder to staff: never paste a full card number or fødselsnummer into case notes. Use the secure payment link.
Customer [[n|Wojciech Zając]] paid for two rollators but only got one. Refund 4 990 NOK to {iban:PL:sp}.
Order 41982201 shipped with Bring, tracking 370722150012345678. Expected delivery Friday.
Booking: fitting of a knee brace for [[n|Liam Murphy]] on 22 May at the Majorstuen shop. He has a [[h|torn ACL]].
Job portal, free text: My name is [[n|Yonas Haile]] and I came to Norway in 2016. I have [[h|PTSD]] but it is well managed. I would like a quiet warehouse role. {tel:nop47}
Login IP {ip} geolocated to Lagos, account [[e|sarah.k@gmail.com]]. Password reset forced.
Refund details: account {acct:c}, holder [[n|Grace Thompson]], amount 1 290 NOK.
Refund to Norwegian account {acct:dot} for [[n|Mark Ellison]], returned two walking frames. Amount 1 780 NOK.
Payroll setup from job portal: new warehouse temp [[n|Bilal Chaudhry]], account {acct:sp}, Pakistani IBAN {iban:PK} for family transfers – HR only.
Fraud alert: 3 orders from {ip} using cards {card:visa:c} and {card:mc:c}. Names on orders: [[n|John Smith]], [[n|Jane Smith]]. Cancel all.
Customer [[n|Anna Kowalski]] (DOB {dob:enshort}) asked us to refund via IBAN {iban:NL:sp} since she moved to Rotterdam.
Session log: user [[e|g.harris@protonmail.com]] logged in from {ip} then {ip6}. Password changed. Customer [[n|Graham Harris]] confirms it was him.
Hi, I paid with my Maestro card {card:maestro:c} but was charged in EUR. Please refund to {iban:FI}. Regards, [[n|Joni Leinonen]]
Email from [[n|Chloe Martin]], born {dob:us}: "Please use my UK account {iban:GB} for the refund, not the card."
Web form\nName: [[n|Tariq Aziz]]\nDate of birth: {dob:dot}\nAccount no: {acct:c}\nIP: {ip}\nComment: I returned the shower stool on 3 March and still no money.
Chat log – customer ({ip}): "hi my name is [[n|lisa wong]], card {card:mc2:dash} keeps failing at checkout"
Warranty payout approved: 2 490 NOK to account {acct:dot}, holder [[n|Ian McAllister]]. He has [[h|spinal stenosis]] and the replacement walker is urgent.
Refund to {iban:LT} for [[n|Tomas Petraitis]], who returned a commode chair. He asked for the money in euros.
Charity shop account closed; refund for Mrs [[n|Okonkwo]] goes to {iban:GB:sp} instead. Her card {card:mc2:sp} expired.
Customer [[n|Kaspar Tamm]] from Tallinn pays by transfer from {iban:EE:sp}. Invoice sent.
Invoice query from [[n|Ali Khan]]: paid 3 490 NOK from {iban:NO:sp} on 2 April, but order still shows unpaid. IP of payment page {ip}.
Swiss customer [[n|Reto Baumann]] asked for refund to {iban:CH}. Card {card:visa:dash} no longer valid.
Stock note: Eliquis 5 mg 168 tabs back in stock. Pharmacy counter to update the price list.
Order 93845120 looks like a mobile number but it's our order format. Shipped 2 April from Drammen.
The "Margaret" riser recliner chair from Pride Mobility comes in three fabrics. RRP 14 990 NOK.
Job portal free text: I enjoy working with people, I'm punctual and I have a clean driving licence.
Training session for new staff on GDPR and customer data, Thursday 14:00, meeting room Oslo 2.
Call transcript\nCaller: Do you deliver to Svalbard?\nAgent: Yes, via Bring, usually 5–7 working days.\nCaller: Great, thanks.
Supplier Sunrise Medical AS confirmed the recall of batch 2024-11-B. 37 units affected.
"""

NOTES["de"] = r"""
Garantieanspruch: Die Bremse am Rollator Topro Troja ist defekt. Kundin: [[n|Ursula Brandt]], [[a|Lindenstraße 17, 24937 Flensburg]]. Tel. {tel:de}.
Rücksendeformular\nName: [[n|Klaus-Dieter Hoffmann]]\nAdresse: [[a|Hauptstraße 5, 18055 Rostock]]\nGeburtsdatum: {dob:de}\nGrund: falsche Größe\nIBAN: {iban:DE:sp}
Beschwerde per E-Mail von [[n|Sabine Krüger]], [[e|sabine.krueger(at)web.de]]: Ich habe [[h|Multiple Sklerose]] und warte seit 6 Wochen auf den Elektrorollstuhl.
Preisliste: Rollz Motion 599 €, Etac Cross 5 349 €. Gültig ab 1. April 2025. Lieferung aus Lager Kiel.
Apothekennotiz: Herr [[n|Weber]] holt [[h|Metformin]] ab, [[h|Diabetes mellitus Typ 2]], ICD-10 [[h|E11.9]]. Geboren am {dob:dot}.
Telefonat\nKunde: Guten Tag, [[n|Jürgen Schulz]] hier.\nMitarbeiterin: Wie kann ich helfen?\nKunde: Meine Frau hatte einen [[h|Schlaganfall]] und braucht einen Duschstuhl.\nMitarbeiterin: Ich schicke Ihnen heute ein Angebot.
Montagebericht: Treppenlift eingebaut und geprüft. Keine Mängel. Nächste Wartung in 12 Monaten.
Zahlung mit Karte {card:mc:sp}, gültig bis 05/28. Karteninhaberin [[n|Monika Fischer]]. Bitte maskieren!
Webformular\nVorname: [[n|Lukas]]\nNachname: [[n|von der Heide]]\nE-Mail: [[e|lukas.vonderheide[at]gmx[punkt]de]]\nIP: {ip}\nNachricht: Bitte um Rückruf.
Bewerbung – Freitext: Ich habe 8 Jahre Erfahrung als Lagerist in Hamburg und einen Staplerschein. Ich suche eine Stelle in Oslo.
Kundin [[n|Ayşe Demir]], [[a|Sonnenallee 120, 12045 Berlin]], hat [[h|Rheuma]] und möchte einen leichten Rollator. Rückruf {tel:de}.
Paket DHL 00340434161234567890 verzögert. Keine personenbezogenen Daten.
Rückerstattung auf {iban:AT:sp}, Kontoinhaber [[n|Franz Huber]]. Grund: doppelte Abbuchung.
Interne Eskalation: Der Treppenlift von Dr. [[n|Stefan Maier]] ist seit 3 Wochen defekt. Er hat [[h|COPD]] und kommt nicht aus der Wohnung.
Öffnungszeiten Filiale Oslo Storo: Mo–Fr 10–20 Uhr.
Bestellnummer 49152301 (keine Telefonnummer) wurde am 3. März aus dem Lager Hamburg versandt.
Produkt "Frieda" Duschhocker von Etac, Artikelnummer 80301122, Preis 149 €.
"""

NOTES["mixed"] = r"""
Kunde ringte, snakket English: "My mother [[n|Zahra Hosseini]] has [[h|kidney failure]], she's on [[h|dialyse]] three times a week." Trenger rullestol til transport. Tlf {tel:no323}.
Returskjema / Return form\nNavn / Name: [[n|Piotr Lewandowski]]\nAdresse: [[a|Ekebergveien 101, 1178 Oslo]]\nKonto: {acct:dot}\nReason: broken wheel
Hej, jeg er dansk men bor i Norge. Mit navn er [[n|Kirsten Dahl]], [[a|Bygdøy allé 40, 0265 Oslo]]. Refusjon til {iban:DK}, takk!
Chat\nKunde: hei, do you speak english?\nAgent ([[n|Mona]]): Yes of course.\nKunde: my name is [[n|Khalid Mahmood]], I have [[h|sukkersyke]], need strips på blå resept.\nAgent: Kan du gi meg fødselsnummeret?\nKunde: {fnr:m}
Svensk kund i norsk butikk: [[n|Ebba Lindström]], personnr {pnr:f}, betalte med {card:visa:sp}. Vill returnera rollator.
Bud-SMS: Hei [[n|Arne]]! Pakken din kommer i morgen 10-14. Reply STOP to opt out. Sporing 70712398765432101.
Ticket #88213 – customer wrote in Norwegian and English: "Jeg har [[h|revmatisme]], can't open the packaging." Name [[n|Inger Marie Solheim]], [[e|imsolheim@online.no]].
Eskalering to Sweden team: Kunden [[n|Hussein Ali Warsame]] har både norsk D-nr {dnr:m} og svensk adress [[a|Bergsgatan 12, 214 22 Malmö]]. Please check which country to ship from.
Time booking / Timebestilling: [[n|Agnes Olsen]] onsdag 14:00 – fitting of compression stockings, hun har [[h|lymfødem]].
Kunde skrev: "mine IP er {ip}, jeg kommer ikke inn på Min side". Brukernavn [[e|olsen.g@frisurf.no]].
Finsk kunde, skrev på engelska: Name [[n|Tuomas Kallio]], hetu {hetu:m}, address [[a|Satakunnankatu 18 A 4, 33210 Tampere]]. Wants warranty repair.
Application (no/en): Hei! I'm [[n|Rahel Berhane]] from Eritrea, bor i Stavanger. Jeg har erfaring from hjemmetjenesten. {tel:no8}, [[e|rahel.berhane@gmail.com]].
Lagerrapport / warehouse report: 40 pcs Etac Swift Mobil-2 received in Drammen, 2 damaged. No customer info.
Pharmacy/apotek: [[n|Mustafa Yilmaz]] got [[h|Losartan]] for [[h|hypertensjon]] og [[h|Atorvastatin]]. Born {dob:iso}.
kunden sa "call me on my swedish number {tel:sep}" – [[n|Jonna Berg]] bor halve året i Strömstad.
Refund request: Vennligst betal tilbake til kort {card:mc2:sp}. Thanks, [[n|Chen Wei]].
Montør/installer: [[n|Dariusz]] from the subcontractor installed grab rails hos [[n|Åse Kvernmo]], [[a|Nyveien 3, 8800 Sandnessjøen]]. All good.
Kundesenter Danmark/Norge: [[n|Frederik Holm]] (CPR {cpr:m}) flyttet til Norge, ny adresse [[a|Strandgata 55, 9600 Hammerfest]].
Web form (EN/NO)\nName: [[n|ahmed hussein]]\nEmail: [[e|ahmedhussein1985 at hotmail dot com]]\nTelefon: {tel:no0047}\nIP: {ip}\nMelding: trenger krykker etter [[h|kneoperasjon]]
Note in Sámi/Norwegian: Buorre beaivi! [[n|Máret Ánne Sara]] i Kautokeino bestilte gåstol. Hun har [[h|diabetes]]. Tlf {tel:no323}.
Invoice / faktura 2025-3301: 12 x Rollz Flex, total 59 880 NOK, due 30 days. Supplier Rollz International BV.
kunde fra Polen: [[n|Małgorzata Wójcik]], [[a|Marcus Thranes gate 6, 0473 Oslo]], konto PL: {iban:PL}. Hun vil ha pengene tilbake.
Klage (svensk/norsk): "Jag har [[h|astma]] och blev sjuk av lukten från madrassen." – [[n|Lena Håkansson]], [[e|lena.hakansson snabel-a gmail punkt com]]
Eskalering: customer [[n|Ibrahim Diallo]] says card {card:visa:c} was charged 3 times. Han er veldig sint. Ring {tel:nop47}.
Søknad/Application: Jeg heter [[n|Nimco Aden]]. I have a Norwegian nursing degree from OsloMet og 2 års erfaring. Født {dob:dot}.
Shop note: Varene er flyttet fra Storo to Alna. Customers pick up at Alna from Monday.
Dansk-norsk samtale\nKunde: Hej, jeg hedder [[n|Sofie Lund]].\nAgent: Hei [[n|Sofie]]!\nKunde: Jeg har [[h|KOL]] og skal have ilt til sommerhuset i Kragerø.\nAgent: Vi kan levere dit.
Kunde [[n|Van Thanh Nguyen]] oppga IPv6 {ip6} når han ikke fikk logget inn. Ticket sent to IT.
Lapp fra sjåfør (English): Left parcel with neighbour Mrs [[n|Berntsen]] at no. 14. Ring customer on {tel:no2222}.
Apotek: blå resept for [[h|hjertesvikt]], [[h|Entresto]] 49/51 mg. Patient [[n|Kjell Magne Rønning]], fnr {fnr:m:sp}.
Booking: Jeg vil bestille time for my dad [[n|Rolf]]... unnskyld, [[n|Rolf Iversen]], født {dob:no}. He has [[h|Alzheimers]].
Product / Produkt: Handicare SmartLift, SKU HC-5521-NO. Price 12 900 kr. Available in Oslo and Bergen.
Refusjon / refund: [[n|Nasra Hassan]] gave both {acct:dot} and {iban:NO:sp}. Same account, use the IBAN for the Swedish bank run.
Kortbetaling fra IP {ip}, card {card:visa:sp}, name [[n|Kristoffer Aune]], DOB {dob:dot}. Looks legit, release order.
Lager note / lagernotat: 20 x Sara Stedy Compact mottatt, 2 damaged in transport. Claim sent to Schenker.
Bestilling 77665544 – please don't call this number, it's the order ID. Sendt med Bring 04.04.
Kampanje / campaign: -25 % på Dolomite Legacy i Oslo, Bergen og Stavanger, ends 30 June.
Hjelp med app: version 4.8.0.2 crashes on Android 14. IT er informert. No customer details.
"""


def load_blocks():
    return [(lang, NOTES[lang]) for lang in LANGS if lang in NOTES]


def build():
    rng = random.Random(20251202)
    items = []
    for lang, block in load_blocks():
        for line in block.strip("\n").split("\n"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            items.append((lang, line))
    notes = []
    for i, (lang, src) in enumerate(items):
        r = random.Random(1000003 * 7 + i * 7919 + len(src))
        text, spans = render(src, r)
        notes.append({"lang": lang, "text": text, "spans": spans})
    rng.shuffle(notes)
    for i, n in enumerate(notes):
        n["id"] = "k%04d" % (i + 1)
    return [
        {"id": n["id"], "lang": n["lang"], "text": n["text"], "spans": n["spans"]} for n in notes
    ]


import ipaddress


def valid_nid(v):
    return (
        fodselsnummer.is_valid(v) or personnummer.is_valid(v) or cpr.is_valid(v) or hetu.is_valid(v)
    )


def valid_phone(v):
    for reg in ("NO", "SE", "DK", "FI", "GB", "DE"):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(v, reg)):
                return True
        except Exception:
            pass
    return False


def check(notes):
    errs, warns = [], []
    ids = [n["id"] for n in notes]
    assert ids == ["k%04d" % (i + 1) for i in range(len(notes))], "ids"
    for n in notes:
        t = n["text"]
        if n["lang"] not in LANGS:
            errs.append((n["id"], "lang"))
        if "[[" in t or "]]" in t or re.search(r"\{\w+(:\w+)*\}", t):
            errs.append((n["id"], "markup left"))
        wc = len(t.split())
        if not 5 <= wc <= 80:
            errs.append((n["id"], "words %d" % wc))
        taken = [False] * len(t)
        for s in sorted(n["spans"], key=lambda s: -len(s["text"])):
            v, k = s["text"], s["kind"]
            if k not in KINDS.values():
                errs.append((n["id"], "kind " + k))
            start, placed = 0, False
            while True:
                i = t.find(v, start)
                if i < 0:
                    break
                if not any(taken[i : i + len(v)]):
                    for j in range(i, i + len(v)):
                        taken[j] = True
                    placed = True
                    break
                start = i + 1
            if not placed:
                errs.append((n["id"], "not placed: " + v))
            if v != v.strip():
                errs.append((n["id"], "whitespace: " + v))
            c = re.sub(r"[ .\-]", "", v)
            if k == "national_id" and not valid_nid(v):
                errs.append((n["id"], "nid " + v))
            if k == "bank_account" and not (len(c) == 11 and kontonr.is_valid(c)):
                errs.append((n["id"], "acct " + v))
            if k == "iban" and not ibanmod.is_valid(v):
                errs.append((n["id"], "iban " + v))
            if k == "payment_card" and not (
                13 <= len(c) <= 19 and c.isdigit() and luhn.is_valid(c)
            ):
                errs.append((n["id"], "card " + v))
            if k == "phone" and not valid_phone(v):
                errs.append((n["id"], "phone " + v))
            if k == "ip_address":
                try:
                    ipaddress.ip_address(v)
                except ValueError:
                    errs.append((n["id"], "ip " + v))
        # text outside spans
        outside = "".join(ch if not taken[i] else "\x00" for i, ch in enumerate(t))
        for m in re.finditer(r"(?<![\d])\d[\d .\-]{9,22}\d(?![\d])", outside):
            c = re.sub(r"\D", "", m.group())
            for L in (11,):
                for i in range(len(c) - L + 1):
                    sub = c[i : i + L]
                    if len(c) == L and (fodselsnummer.is_valid(sub) or kontonr.is_valid(sub)):
                        errs.append((n["id"], "unlabelled fnr/acct-like " + sub))
            if 13 <= len(c) <= 19 and luhn.is_valid(c) and not c.startswith("00"):
                warns.append((n["id"], "luhn-valid unlabelled " + m.group()))
        for m in re.finditer(r"\b[A-Z]{2}\d{2}[A-Z0-9 ]{10,30}", outside):
            if ibanmod.is_valid(m.group().strip()):
                errs.append((n["id"], "unlabelled iban"))
        if re.search(r"\S@\S", outside):
            errs.append((n["id"], "unlabelled email"))
        for s in n["spans"]:
            for w in (
                re.findall(r"\w{3,}", s["text"]) if s["kind"] == "person_name" else [s["text"]]
            ):
                if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", outside):
                    warns.append((n["id"], "also outside spans: " + w))
    return errs, warns


def stats(notes):
    kinds = collections.Counter(s["kind"] for n in notes for s in n["spans"])
    langs = collections.Counter(n["lang"] for n in notes)
    clean = collections.Counter(n["lang"] for n in notes if not n["spans"])
    print(
        "notes",
        len(notes),
        "clean",
        sum(clean.values()),
        "personal",
        len(notes) - sum(clean.values()),
    )
    print("lang (all)", dict(langs.most_common()))
    print("lang (clean)", dict(clean.most_common()))
    for k, v in kinds.most_common():
        print(k, v)
    by = collections.defaultdict(collections.Counter)
    for n in notes:
        for s in n["spans"]:
            by[s["kind"]][n["lang"]] += 1
    for k in by:
        print(" ", k, dict(by[k].most_common()))


def run_check(notes):
    errs, warns = check(notes)
    for e in errs:
        print("ERROR", *e)
    for w in warns:
        print("warning", *w)
    print("%d notes, %d errors, %d warnings" % (len(notes), len(errs), len(warns)))
    return not errs


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        sys.exit(0 if run_check(read(sys.argv[2])) else 1)
    if len(sys.argv) == 3 and sys.argv[1] == "--stats":
        stats(read(sys.argv[2]))
        sys.exit(0)
    notes = build()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "case_files.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for n in notes:
            f.write(json.dumps(n, ensure_ascii=False) + "\n")
    print("wrote", out)
    ok = run_check(read(out))
    stats(read(out))
    sys.exit(0 if ok else 1)
