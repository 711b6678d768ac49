"""Each transform, in Python and (on PostgreSQL) in the SQL of the pushdown path, alike."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import DateTime, text

from include.demo.reference import POSTCODES, USER_AGENTS
from include.governance.anonymise.reference import OTHER, USER_AGENT_PARTS
from include.governance.anonymise.rules import (
    age_band,
    band,
    county,
    ip_network,
    truncate_time,
    user_agent_part,
)
from include.governance.anonymise.sql import (
    age_band_sql,
    band_sql,
    county_sql,
    first_match_sql,
    ip_network_sql,
    load_secret,
    pseudonym_sql,
    truncate_sql,
)
from include.governance.pseudonym import (
    Pseudonymiser,
    PseudonymKey,
    PseudonymKeyError,
    check_keys_differ,
    parse_key,
)

KEY = PseudonymKey("analytics", "v1", b"a-secret-of-at-least-thirty-two-bytes")
RUN = date(2026, 11, 24)
BIRTHS = [
    date(1950, 11, 24),  # birthday on the run date: 76
    date(1950, 11, 25),  # one day short: 75
    date(1936, 2, 29),
    date(2026, 11, 24),
    date(2026, 11, 25),  # not born yet
    date(1920, 1, 1),
    None,
]
IPS = [
    "84.208.12.34",
    "255.255.255.255",
    "0.0.0.0",
    "256.1.1.1",
    "01.2.3.4",
    "2001:4600:1234:5678::1",
    "2a02:fe0::abcd",
    "2001:0:5:1:2:3:4:5",
    "::1",
    "1.2.3.4\n",
    "not an ip",
    "fe80::1%eth0",
    None,
]
POSTCODE_SAMPLES = ["0150", "1299", "1300", "5525", "9990", "0000", "12a4", "123", " 0150", None]
AGENTS = [a.user_agent for a in USER_AGENTS] + ["curl/8.0", "Mozilla/5.0 (X11; CrOS x86_64)", None]


def test_pseudonym_is_the_standard_hmac_of_domain_and_value():
    pseudonymise = Pseudonymiser(KEY)
    expected = hmac.new(KEY.secret, b"customer_key:42", hashlib.sha256).hexdigest()
    assert pseudonymise("customer_key", 42) == expected
    assert pseudonymise("customer_key", "42") == expected  # text and integer alike, as in SQL
    assert pseudonymise("order_key", 42) != expected  # another domain: not linkable
    assert pseudonymise("customer_key", None) is None
    long_key = PseudonymKey("analytics", "v1", b"k" * 100)  # longer than SHA-256's block
    assert Pseudonymiser(long_key)("d", 1) == hmac.new(b"k" * 100, b"d:1", "sha256").hexdigest()
    with pytest.raises(TypeError):
        pseudonymise("customer_key", 4.2)


def test_keys_are_checked_and_never_shown():
    key = parse_key("marketing", "2026-11:" + "s" * 40, "the variable")
    assert (key.purpose, key.version) == ("marketing", "2026-11")
    assert "s" * 40 not in repr(key)
    with pytest.raises(PseudonymKeyError, match="no pseudonymisation key for analytics: set X"):
        parse_key("analytics", None, "X")
    with pytest.raises(PseudonymKeyError, match="VERSION:SECRET"):
        parse_key("analytics", "s" * 40, "X")
    with pytest.raises(PseudonymKeyError, match="too short") as caught:
        parse_key("analytics", "v1:short-secret", "X")
    assert "short-secret" not in str(caught.value)
    with pytest.raises(PseudonymKeyError, match="must differ"):
        check_keys_differ(KEY, PseudonymKey("marketing", "v9", KEY.secret))


def test_age_band_is_taken_on_the_run_date():
    assert [age_band(b, RUN) for b in BIRTHS] == [
        "70-79",
        "70-79",
        "90+",
        "0-9",
        None,
        "90+",
        None,
    ]
    assert age_band(date(1957, 11, 24), RUN) == "60-69"
    assert age_band(date(1957, 11, 25), RUN) == "60-69"
    assert age_band(date(1956, 11, 25), RUN) == "60-69"
    assert age_band(date(1956, 11, 24), RUN) == "70-79"


def test_region_is_the_county_of_the_postcode():
    assert [county(p) for p in POSTCODE_SAMPLES] == [
        "Oslo",
        "Oslo",
        "Akershus",
        "Rogaland",
        "Finnmark",
        None,
        None,
        None,
        None,
        None,
    ]
    assert all(county(town.postcode) for town in POSTCODES)  # every demo postcode has one


def test_truncate_time_in_utc():
    moment = datetime(2026, 3, 15, 13, 45, 12, 123, tzinfo=UTC)
    assert truncate_time(moment, "hour") == datetime(2026, 3, 15, 13, tzinfo=UTC)
    assert truncate_time(moment, "day") == datetime(2026, 3, 15, tzinfo=UTC)
    assert truncate_time(moment, "month") == datetime(2026, 3, 1, tzinfo=UTC)
    assert truncate_time(moment, "year") == datetime(2026, 1, 1, tzinfo=UTC)
    assert truncate_time(date(2026, 3, 15), "month") == date(2026, 3, 1)
    assert truncate_time(None, "day") is None


def test_ip_addresses_become_their_networks():
    assert [ip_network(ip) for ip in IPS] == [
        "84.208.12.0/24",
        "255.255.255.0/24",
        "0.0.0.0/24",
        None,
        None,
        "2001:4600:1234::/48",
        "2a02:fe0::/48",
        "2001:0:5::/48",
        "::/48",
        None,
        None,
        None,
        None,
    ]


def test_user_agents_become_browser_os_and_device_families():
    for agent in USER_AGENTS:  # the demo records what each agent is
        found = (user_agent_part(agent.user_agent, p) for p in ("browser", "os", "device"))
        assert tuple(found) == (agent.browser, agent.os, agent.device_type), agent.user_agent
    assert user_agent_part("curl/8.0", "browser") == OTHER
    assert user_agent_part(None, "os") is None


def test_amount_bands():
    edges = [0, 1000, 5000]
    assert [band(v, edges) for v in (-1, 0, 999.99, 1000, 4999, 5000, 10**6, None)] == [
        "<0",
        "[0,1000)",
        "[0,1000)",
        "[1000,5000)",
        "[1000,5000)",
        "5000+",
        "5000+",
        None,
    ]


@pytest.mark.postgres
def test_sql_forms_give_what_the_python_forms_give(pg_driver_engine):
    """The pushdown path's SQL against the streaming path's Python, value by value."""

    def sql_values(expression: str, values: list, sql_type: str, zone: str = "Europe/Oslo") -> list:
        rows = [{"i": i, "v": v} for i, v in enumerate(values)]
        with pg_driver_engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pgcrypto"))
            conn.execute(text(f"SET TIME ZONE '{zone}'"))  # UTC must not depend on it
            load_secret(conn, KEY)
            conn.execute(text(f"CREATE TEMP TABLE t (i int, v {sql_type}) ON COMMIT DROP"))
            conn.execute(text("INSERT INTO t VALUES (:i, :v)"), rows)
            return conn.execute(text(f"SELECT {expression} FROM t ORDER BY i")).scalars().all()

    for run in (RUN, date(2028, 2, 29), date(2027, 2, 28), date(2027, 3, 1)):
        births = (
            BIRTHS
            + [  # each band's edges: a birthday on the run date, a day after
                day
                for years in range(0, 101, 10)
                for edge in (date(run.year - years, run.month, 28 if run.day == 29 else run.day),)
                for day in (edge, edge + timedelta(days=1), edge - timedelta(days=1))
            ]
            + [date(2000, 2, 29), date(2018, 2, 28), date(2018, 3, 1)]
        )
        assert sql_values(age_band_sql("v", run), births, "date") == [
            age_band(b, run) for b in births
        ]
    assert sql_values(county_sql("v"), POSTCODE_SAMPLES, "text") == [
        county(p) for p in POSTCODE_SAMPLES
    ]
    assert sql_values(ip_network_sql("v"), IPS, "text") == [ip_network(ip) for ip in IPS]
    for part, rules in USER_AGENT_PARTS.items():
        assert sql_values(first_match_sql("v", rules, OTHER), AGENTS, "text") == [
            user_agent_part(a, part) for a in AGENTS
        ]
    amounts = [-1, 0, 999.99, 1000, 4999, 5000, None]
    assert sql_values(band_sql("v", [0, 1000, 5000]), amounts, "numeric") == [
        band(a, [0, 1000, 5000]) for a in amounts
    ]
    moments = [datetime(2026, 3, 31, 23, 30, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC), None]
    for to in ("hour", "day", "month", "year"):
        expression = truncate_sql("v", to, DateTime(timezone=True))
        assert sql_values(expression, moments, "timestamptz") == [
            truncate_time(m, to) for m in moments
        ]
        in_utc = truncate_sql("v", to, DateTime(timezone=True), session_in_utc=True)
        assert sql_values(in_utc, moments, "timestamptz", "UTC") == [
            truncate_time(m, to) for m in moments
        ]
    ids = [1, 42, 10**12, None]
    assert sql_values(pseudonym_sql("customer_key", "v"), ids, "bigint") == [
        Pseudonymiser(KEY)("customer_key", i) for i in ids
    ]
