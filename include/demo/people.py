"""Synthetic Norwegian people: names, addresses, emails, phones, birth dates, fødselsnummer.

Faker (locale ``no_NO``) is called only to fill small seeded pools of names, streets and
companies; numpy indexes into them, so a million people cost no more Faker calls than ten.
A person's attributes are pure functions of (seed, kind, id) (see ``keyed_uniform``), so a
table that refers to a customer can recompute that customer's name from the id alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
from faker import Faker

from include.demo.identifiers import fodselsnummer_from, mobile_numbers
from include.demo.randomness import keyed_uniform, pick
from include.demo.reference import EMAIL_DOMAINS, POSTCODES

_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u", " ": "", "'": ""})
_POSTCODE_WEIGHTS = [town.weight for town in POSTCODES]
_POSTCODES = np.array([town.postcode for town in POSTCODES], dtype=object)
_CITIES = np.array([town.city for town in POSTCODES], dtype=object)
_DOMAINS = np.array([domain for domain, _ in EMAIL_DOMAINS], dtype=object)
_DOMAIN_WEIGHTS = [weight for _, weight in EMAIL_DOMAINS]


@dataclass(frozen=True)
class Pools:
    """Faker draws, kept with repeats so that frequent names stay frequent."""

    female: np.ndarray
    male: np.ndarray
    last: np.ndarray
    streets: np.ndarray
    companies: np.ndarray


@lru_cache(maxsize=8)
def pools(seed: int) -> Pools:
    """The name pools for ``seed`` (a few thousand Faker calls, made once per seed)."""
    fake = Faker("no_NO")
    fake.seed_instance(seed)

    def draw(method: str, count: int) -> np.ndarray:
        return np.array([getattr(fake, method)() for _ in range(count)], dtype=object)

    return Pools(
        female=draw("first_name_female", 600),
        male=draw("first_name_male", 600),
        last=draw("last_name", 1000),
        streets=draw("street_name", 1500),
        companies=draw("company", 300),
    )


@dataclass(frozen=True)
class Profile:
    """Who a kind of person is: the share of men and the spread of birth years."""

    male_share: float
    oldest: int  # birth year; ages follow a triangular distribution over these years
    typical: int
    youngest: int


class People:
    """Attributes of the people ``ids`` of one kind, each computed on first use."""

    def __init__(self, seed: int, kind: str, ids: np.ndarray, profile: Profile) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self._seed = seed
        self._kind = kind
        self._profile = profile
        self._pools = pools(seed)

    def uniform(self, field: str) -> np.ndarray:
        """Per-person draws for ``field``, the same wherever these people are looked at."""
        return keyed_uniform(self._seed, f"{self._kind}.{field}", self.ids)

    def _index(self, field: str, size: int) -> np.ndarray:
        return (self.uniform(field) * size).astype(np.int64)

    @cached_property
    def male(self) -> np.ndarray:
        return self.uniform("sex") < self._profile.male_share

    @cached_property
    def first_name(self) -> np.ndarray:
        female = self._pools.female[self._index("first_name", len(self._pools.female))]
        male = self._pools.male[self._index("first_name", len(self._pools.male))]
        return np.where(self.male, male, female)

    @cached_property
    def last_name(self) -> np.ndarray:
        """Mostly one surname; about one in twelve carries two ("Berg Hansen")."""
        last = self._pools.last
        first = last[self._index("last_name", len(last))]
        second = last[self._index("second_last_name", len(last))]
        double = (self.uniform("double_last_name") < 0.08) & (first != second)
        return np.where(double, first + " " + second, first)

    @cached_property
    def full_name(self) -> np.ndarray:
        return self.first_name + " " + self.last_name

    @cached_property
    def birth_date(self) -> np.ndarray:
        """Birth dates (``datetime64[D]``), years triangular around the profile's typical year."""
        p = self._profile
        u = self.uniform("birth_year")
        low, mode, high = p.oldest, p.typical, p.youngest + 1
        split = (mode - low) / (high - low)
        years = np.where(
            u < split,
            low + np.sqrt(u * (high - low) * (mode - low)),
            high - np.sqrt((1 - u) * (high - low) * (high - mode)),
        ).astype(np.int64)
        starts = (years - 1970).astype("datetime64[Y]").astype("datetime64[D]")
        lengths = (years + 1 - 1970).astype("datetime64[Y]").astype("datetime64[D]") - starts
        offsets = (self.uniform("birth_day") * lengths.astype(np.int64)).astype(np.int64)
        return starts + offsets.astype("timedelta64[D]")

    @cached_property
    def fodselsnummer(self) -> list[str]:
        """The person's fødselsnummer; a table decides whether it stores it."""
        return fodselsnummer_from(self.birth_date, self.male, self.uniform("individual_number"))

    @cached_property
    def street_address(self) -> np.ndarray:
        streets = self._pools.streets[self._index("street", len(self._pools.streets))]
        number = 1 + (self.uniform("house_number") ** 2 * 120).astype(np.int64)
        letter = np.array(["", "", "", "", "", "", "A", "B", "C", ""], dtype=object)
        suffix = letter[self._index("house_letter", len(letter))]
        return streets + " " + number.astype(str).astype(object) + suffix

    @cached_property
    def _post_town(self) -> np.ndarray:
        return pick(self.uniform("post_town"), _POSTCODE_WEIGHTS)

    @cached_property
    def postcode(self) -> np.ndarray:
        return _POSTCODES[self._post_town]

    @cached_property
    def city(self) -> np.ndarray:
        return _CITIES[self._post_town]

    @cached_property
    def email(self) -> list[str]:
        """An address made from the name, in one of the shapes people choose, at a common host."""
        domains = _DOMAINS[pick(self.uniform("email_domain"), _DOMAIN_WEIGHTS)].tolist()
        shapes = self._index("email_shape", 7).tolist()
        numbers = (1 + self._index("email_number", 98)).tolist()
        years = (self.birth_date.astype("datetime64[Y]").astype(np.int64) % 100).tolist()
        names = zip(self.first_name.tolist(), self.last_name.tolist(), strict=True)
        local_parts = [
            _local_part(first, last, shape, number, year)
            for (first, last), shape, number, year in zip(
                names, shapes, numbers, years, strict=True
            )
        ]
        return [f"{local}@{domain}" for local, domain in zip(local_parts, domains, strict=True)]

    @cached_property
    def mobile(self) -> list[str]:
        return mobile_numbers(
            self.uniform("mobile_leading"), self.uniform("mobile"), self.uniform("mobile_format")
        )


def _local_part(first: str, last: str, shape: int, number: int, year: int) -> str:
    """The part of an email before the @, from a name: kari.nordmann, knordmann, kari57, ..."""
    f = first.lower().translate(_ASCII)
    surname = last.lower().translate(_ASCII)
    return (
        f"{f}.{surname}",
        f"{f}{surname}",
        f"{f}.{surname}{year:02d}",
        f"{f[0]}{surname}",
        f"{f}{number}",
        f"{surname}.{f}",
        f"{f}_{surname}{number}",
    )[shape]
