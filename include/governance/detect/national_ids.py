"""Other countries' personal identification numbers, each by its own checks (python-stdnum).

The personal numbers of the EU/EEA countries, Switzerland, the UK, the US, Canada, Brazil,
India, Japan, China, Korea, Mexico and South Africa that python-stdnum validates:
check digits, and the birth date where the number holds one. A value is tried only
against the numbers whose written form it has (``1 85 05 78 006 084 36``, ``123.456.789-09``,
``12345678Z``), found by its length without separators first, so a column costs a few
regexes per value. Numbers that companies are given as well (the Croatian OIB, the
Portuguese NIF) and those with only a length and a date (the Bulgarian EGN, ten digits like
a phone) are left to column names: their checks let too many other numbers through. So are
eleven bare digits (a PESEL, a Steuer-ID, a CPF, a TC Kimlik): they are the fødselsnummer's
form, and their check digits let one Norwegian account number in ten through; written as
their countries write them (``123.456.789-09``, ``85.07.30-033.28``) they count. Ten and
twelve bare digits (an Austrian Versicherungsnummer, an Aadhaar, a Japanese My Number) are
as often a fødselsnummer cut short or run on, or a phone: they count in their groups
(``1237 010180``, ``2345 6789 0124``).
Bare digits pass one check in ten or fewer; a column counts only when most of its values
pass, so a column of order numbers or barcodes does not.

Bare digits are judged by column too (``national_formats``): numbers whose birth date and
check digits, or two check digits, let one random number in fifty or fewer through (an
EGN, a PESEL, an isikukood or asmens kodas, an AMKA, a TC Kimlik No, a rodné číslo, a
personnummer, a Belgian national number, a CPF, an RRN, a CNP) count when nearly all of a
column's values pass; those with one check digit or a birth date alone (an OIB, an
RNOKPP, a Steuer-ID, an Aadhaar, a CPR number: one in ten or thirty) when a column's
name says it holds personal numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from stdnum.at import vnr
from stdnum.be import nn
from stdnum.bg import egn
from stdnum.br import cpf
from stdnum.ca import sin
from stdnum.ch import ssn as ch_ssn
from stdnum.cn import ric
from stdnum.cz import rc as cz_rc
from stdnum.de import idnr
from stdnum.dk import cpr
from stdnum.ee import ik
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.gr import amka
from stdnum.hr import oib
from stdnum.ie import pps
from stdnum.in_ import aadhaar
from stdnum.it import codicefiscale
from stdnum.jp import in_ as jp_in
from stdnum.kr import rrn
from stdnum.lt import asmens
from stdnum.mx import curp
from stdnum.nl import bsn
from stdnum.pl import pesel
from stdnum.pt import cc
from stdnum.ro import cnp
from stdnum.se import personnummer
from stdnum.si import emso
from stdnum.sk import rc as sk_rc
from stdnum.tr import tckimlik
from stdnum.ua import rntrc
from stdnum.us import itin
from stdnum.za import idnr as za_idnr

_SEPARATORS = str.maketrans("", "", " -./")
_MIN_LENGTH, _MAX_LENGTH = 8, 22

_BIRTH_NUMBER = re.compile(r"\d{6}/\d{3,4}")
# (the written form, the validators of the numbers written so), by length without separators.
_Form = tuple[re.Pattern[str], tuple[Callable[[str], bool], ...]]
_FORMS: dict[int, tuple[_Form, ...]] = {
    8: ((re.compile(r"\d{7}[A-W]"), (pps.is_valid,)),),  # Ireland: PPS
    9: (
        (re.compile(r"\d{8}-?[A-Z]"), (dni.is_valid,)),  # Spain: DNI
        (re.compile(r"[XYZ]-?\d{7}-?[A-Z]"), (nie.is_valid,)),  # Spain: NIE
        (re.compile(r"\d{7}[A-W][ABWTXZ]"), (pps.is_valid,)),  # Ireland: PPS (since 2013)
        (re.compile(r"\d{9}|\d{4}\.\d{2}\.\d{3}"), (bsn.is_valid,)),  # Netherlands: BSN
        (re.compile(r"\d{3}[ -]\d{3}[ -]\d{3}"), (sin.is_valid,)),  # Canada: SIN
        (re.compile(r"9\d{2}-\d{2}-\d{4}"), (itin.is_valid,)),  # US: ITIN
        (_BIRTH_NUMBER, (cz_rc.is_valid, sk_rc.is_valid)),  # born before 1954: three digits
    ),
    10: (
        (_BIRTH_NUMBER, (cz_rc.is_valid, sk_rc.is_valid)),  # Czechia, Slovakia: rodné číslo
        (re.compile(r"\d{4} \d{6}"), (vnr.is_valid,)),  # Austria: Versicherungsnummer
    ),
    11: (
        (re.compile(r"\d{3}\.\d{3}\.\d{3}-\d{2}"), (cpf.is_valid,)),  # Brazil: CPF as written
        (re.compile(r"\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}"), (nn.is_valid,)),  # Belgium: as written
        (re.compile(r"\d{2} \d{3} \d{3} \d{3}"), (idnr.is_valid,)),  # Germany: as written
    ),
    12: (
        (re.compile(r"\d{4} \d{4} \d{4}"), (aadhaar.is_valid, jp_in.is_valid)),  # India, Japan
        (re.compile(r"\d{8} ?\d ?[A-Z][A-Z0-9]\d"), (cc.is_valid,)),  # Portugal: Cartão de Cidadão
    ),
    13: (
        (re.compile(r"\d{13}"), (cnp.is_valid, emso.is_valid, za_idnr.is_valid)),  # RO, SI, ZA
        (re.compile(r"\d{6}-\d{7}"), (rrn.is_valid,)),  # South Korea: RRN
        (re.compile(r"756\.?\d{4}\.?\d{4}\.?\d{2}"), (ch_ssn.is_valid,)),  # Switzerland: AHV
    ),
    15: (
        (
            re.compile(r"[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}"),
            (nir.is_valid,),  # France: NIR (numéro de sécurité sociale)
        ),
    ),
    16: (
        (
            re.compile(
                r"[A-Z]{6}[\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]"
            ),
            (codicefiscale.is_valid,),  # Italy: codice fiscale
        ),
    ),
    18: (
        (re.compile(r"\d{17}[\dX]"), (ric.is_valid,)),  # China: resident identity card
        (re.compile(r"[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z\d]\d"), (curp.is_valid,)),  # Mexico: CURP
    ),
}
FORMS = MappingProxyType(_FORMS)

_Validators = tuple[Callable[[str], bool], ...]
# Bare digits, by length: the numbers few random digits pass (1 in 50 or fewer) ...
STRONG_BARE: Mapping[int, _Validators] = MappingProxyType(
    {
        10: (egn.is_valid, cz_rc.is_valid, sk_rc.is_valid, personnummer.is_valid),
        11: (
            pesel.is_valid,
            ik.is_valid,
            asmens.is_valid,
            amka.is_valid,
            tckimlik.is_valid,
            nn.is_valid,
            cpf.is_valid,
        ),
        12: (personnummer.is_valid,),
        13: (rrn.is_valid, cnp.is_valid, emso.is_valid),
    }
)
# ... and those with one check digit or a birth date alone (1 in 10 to 30): some are
# companies' too (an OIB), or order numbers led by a date pass them.
WEAK_BARE: Mapping[int, _Validators] = MappingProxyType(
    {
        10: (rntrc.is_valid, cpr.is_valid),  # a CPR number: a birth date alone
        11: (oib.is_valid, idnr.is_valid),
        12: (aadhaar.is_valid,),
    }
)
_BARE = re.compile(r"\d{10,13}")


def is_personal_id(text: str) -> bool:
    """A personal identification number of one of the countries above, as written there."""
    if not _MIN_LENGTH <= len(text) <= _MAX_LENGTH:
        return False
    written = text.upper()
    for shape, validators in FORMS.get(len(written.translate(_SEPARATORS)), ()):
        if shape.fullmatch(written) and any(_passes(valid, written) for valid in validators):
            return True
    return False


def _passes(valid: Callable[[str], bool], number: str) -> bool:
    """python-stdnum's ``is_valid``, a no where one fails on a number it cannot place
    (``cn.ric`` raises ``KeyError`` for some birth places)."""
    try:
        return valid(number)
    except (KeyError, IndexError, ValueError):
        return False


def bare_id_strength(text: str) -> str | None:
    """``strong`` or ``weak``: bare digits that one of the numbers above of that length
    passes (``STRONG_BARE`` tried first); None for other text."""
    if not _BARE.fullmatch(text):
        return None
    for strength, validators in (("strong", STRONG_BARE), ("weak", WEAK_BARE)):
        if any(_passes(valid, text) for valid in validators.get(len(text), ())):
            return strength
    return None
