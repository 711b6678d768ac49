"""Microsoft Presidio's analyzer as a peer of the inventory's column classification.

Benchmark only (``benchmarks/requirements.txt``). Presidio judges values, never column
names: each sampled value of a column is analysed on its own, as presidio-structured's
``PandasAnalysisBuilder`` does, and the column is decided from the share of values in which
an entity was found.

Its fairest configuration without a spaCy model (none can be downloaded here, and the
registry holds only third parties' re-uploads of Explosion's models): every predefined
recognizer that needs no NLP engine (the pattern recognizers of every country it ships,
and the phone recognizer with the regions of the evaluation sets added to its defaults),
all registered for one language so that one pass reads each value, and the NLP engine
Presidio provides for that case (``NoOpNlpEngine``: no tokens, so no context words from
the value; a single value has none anyway). PERSON and LOCATION need an NER model: Presidio
finds no names or addresses here beyond postcodes.
"""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

LANGUAGE = "en"
# phonenumbers regions added to PhoneRecognizer's defaults: the evaluation sets' countries
PHONE_REGIONS = ("NO", "SE", "DK", "FI", "PL", "DE", "GB", "US")

# Presidio's entities and the policy's categories (include/policy.yml). None: not
# personal data of a category the inventory looks for, as the sets' labels have it
# (benchmarks/inventory_sets/README.md): company and VAT numbers, vehicle plates,
# doctors' and pharmacies' numbers, bank routing codes, URLs, UUIDs.
CATEGORY_OF: dict[str, str | None] = {
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "ZA_MOBILE_NUMBER": "phone",
    "ZA_TELEPHONE_NUMBER": "phone",
    "IP_ADDRESS": "ip_address",
    "MAC_ADDRESS": "device",
    "DATE_TIME": "date_of_birth",  # the only category a date can be; see ColumnRule.dates
    "CREDIT_CARD": "payment",
    "IBAN_CODE": "payment",
    "US_BANK_NUMBER": "payment",
    "CRYPTO": "payment",
    "UK_POSTCODE": "postal_address",
    "CA_POSTAL_CODE": "postal_address",
    "DE_PLZ": "postal_address",
    # national ID numbers and identity documents of any country
    "US_SSN": "national_id",
    "US_ITIN": "national_id",
    "US_PASSPORT": "national_id",
    "US_DRIVER_LICENSE": "national_id",
    "US_MBI": "national_id",
    "UK_NHS": "national_id",
    "UK_NINO": "national_id",
    "UK_PASSPORT": "national_id",
    "UK_DRIVING_LICENCE": "national_id",
    "FI_PERSONAL_IDENTITY_CODE": "national_id",
    "SE_PERSONNUMMER": "national_id",
    "PL_PESEL": "national_id",
    "DE_TAX_ID": "national_id",
    "DE_SOCIAL_SECURITY": "national_id",
    "DE_PASSPORT": "national_id",
    "DE_ID_CARD": "national_id",
    "DE_FUEHRERSCHEIN": "national_id",
    "DE_HEALTH_INSURANCE": "national_id",
    "ES_NIF": "national_id",
    "ES_NIE": "national_id",
    "ES_PASSPORT": "national_id",
    "IT_FISCAL_CODE": "national_id",
    "IT_DRIVER_LICENSE": "national_id",
    "IT_IDENTITY_CARD": "national_id",
    "IT_PASSPORT": "national_id",
    "IN_AADHAAR": "national_id",
    "IN_PAN": "national_id",
    "IN_PASSPORT": "national_id",
    "IN_VOTER": "national_id",
    "SG_NRIC_FIN": "national_id",
    "AU_TFN": "national_id",
    "AU_MEDICARE": "national_id",
    "KR_RRN": "national_id",
    "KR_FRN": "national_id",
    "KR_PASSPORT": "national_id",
    "KR_DRIVER_LICENSE": "national_id",
    "TH_TNIN": "national_id",
    "TR_NATIONAL_ID": "national_id",
    "NG_NIN": "national_id",
    "ZA_ID_NUMBER": "national_id",
    "ZA_PASSPORT": "national_id",
    "ZA_DRIVER_LICENSE": "national_id",
    "ZA_INCOME_TAX_NUMBER": "national_id",
    "CA_SIN": "national_id",
    "PH_PASSPORT": "national_id",
    "PH_TIN": "national_id",
    "PH_UMID": "national_id",
    # a patient's health-care paperwork
    "US_HEALTH_INSURANCE_MEMBER_ID": "health",
    "US_CLAIM_NUMBER": "health",
    "US_PRIOR_AUTHORIZATION_NUMBER": "health",
    "US_PRESCRIPTION_NUMBER": "health",
    "US_REFERRAL_NUMBER": "health",
    # not a person's
    "URL": None,
    "UUID": None,
    "ABA_ROUTING_NUMBER": None,
    "MEDICAL_LICENSE": None,
    "US_NPI": None,
    "US_PROVIDER_TAX_ID": None,
    "DE_LANR": None,
    "DE_BSNR": None,
    "DE_TAX_NUMBER": None,  # a business's Steuernummer as often as a person's
    "DE_VAT_ID": None,
    "DE_HANDELSREGISTER": None,
    "DE_KFZ": None,
    "IT_VAT_CODE": None,
    "AU_ABN": None,
    "AU_ACN": None,
    "SG_UEN": None,
    "IN_GSTIN": None,
    "IN_VEHICLE_REGISTRATION": None,
    "KR_BRN": None,
    "SE_ORGANISATIONSNUMMER": None,
    "NG_VEHICLE_REGISTRATION": None,
    "TR_LICENSE_PLATE": None,
    "UK_VEHICLE_REGISTRATION": None,
    "ZA_COMPANY_REGISTRATION": None,
    "ZA_VAT_NUMBER": None,
    "ZA_LICENSE_PLATE": None,
    "ZA_TRAFFIC_REGISTER_NUMBER": None,
}

Found = tuple[str, float]  # an entity found in one value, and its score


@dataclass(frozen=True)
class ColumnRule:
    """How a column is decided from its values' entities (presidio-structured's
    ``most_common`` strategy, counted by the policy's category).

    ``score_at``: an entity counts at this score or above (presidio-structured: the
    analyzer's threshold, 0 unless set); ``share_at``: the share of sampled values holding
    the column's most common category that makes the column personal (presidio-structured:
    any value at all, 0); ``dates``: DATE_TIME counts as a date of birth."""

    score_at: float = 0.0
    share_at: float = 0.0
    dates: bool = True

    def describe(self) -> str:
        share = f">= {self.share_at:.0%}" if self.share_at else "any"
        return (
            f"score >= {self.score_at:.2f}, share of values {share}, "
            f"dates {'as date_of_birth' if self.dates else 'ignored'}"
        )


STRUCTURED_DEFAULT = ColumnRule()


def decide_column(found_per_value: Sequence[Iterable[Found]], rule: ColumnRule) -> str | None:
    """The column's category, or None: the category found in most values, if it is
    found in at least ``rule.share_at`` of them (and in one at least)."""
    if not found_per_value:
        return None
    counts: Counter[str] = Counter()
    for found in found_per_value:
        categories = {
            CATEGORY_OF[entity]
            for entity, score in found
            if score >= rule.score_at and (rule.dates or entity != "DATE_TIME")
        }
        counts.update(sorted(c for c in categories if c is not None))  # ties: the same every run
    if not counts:
        return None
    category, values = counts.most_common(1)[0]
    return category if values / len(found_per_value) >= rule.share_at else None


def pattern_recognizers() -> list[Any]:
    """Every predefined recognizer that runs without an NLP model, for one language."""
    from presidio_analyzer import PatternRecognizer, predefined_recognizers
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    recognizers = []
    for name in predefined_recognizers.__all__:
        cls = getattr(predefined_recognizers, name)
        if not inspect.isclass(cls) or not issubclass(cls, PatternRecognizer | PhoneRecognizer):
            continue
        if cls is PhoneRecognizer:
            regions = tuple(
                dict.fromkeys(PhoneRecognizer.DEFAULT_SUPPORTED_REGIONS + PHONE_REGIONS)
            )
            recognizers.append(cls(supported_language=LANGUAGE, supported_regions=regions))
        else:
            recognizers.append(cls(supported_language=LANGUAGE))
    return recognizers


def analyzer() -> Any:
    """Presidio's batch analyzer over the pattern recognizers and the no-op NLP engine."""
    import tldextract.tldextract
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine

    # the e-mail recognizer's domain check: the public suffix list tldextract ships, never
    # fetched (this machine has no network; tldextract falls back to it after a failed fetch)
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())

    registry = RecognizerRegistry(recognizers=pattern_recognizers(), supported_languages=[LANGUAGE])
    unmapped = set(registry.get_supported_entities([LANGUAGE])) - set(CATEGORY_OF)
    if unmapped:
        raise ValueError(f"Presidio entities without a category here: {sorted(unmapped)}")
    engine = AnalyzerEngine(
        registry=registry,
        nlp_engine=NoOpNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": "no_op"}]),
        supported_languages=[LANGUAGE],
        default_score_threshold=0,
    )
    return BatchAnalyzerEngine(analyzer_engine=engine)


def analyse_values(batch_analyzer: Any, values: Sequence[Any]) -> list[list[Found]]:
    """Each value's entities and scores, every value read as text (as presidio-structured
    reads a DataFrame's cells); bytes as UTF-8."""
    texts = [
        v.decode("utf-8", errors="replace") if isinstance(v, bytes) else str(v) for v in values
    ]
    results = batch_analyzer.analyze_iterator(texts, language=LANGUAGE)
    return [[(r.entity_type, r.score) for r in found] for found in results]
