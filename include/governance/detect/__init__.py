"""Personal-data detectors: whole values, pieces inside free text, and masked examples.

Pure Python (no Airflow, no database), so the inventory, the anonymisation job and the
tests all judge values the same way.
"""

from include.governance.detect.health import load_health_vocabulary
from include.governance.detect.masking import mask
from include.governance.detect.name_lists import load_name_lists
from include.governance.detect.phones import load_country_data
from include.governance.detect.script_names import load_script_lists
from include.governance.detect.spans import Span
from include.governance.detect.text import contains_personal_data, find_personal_data, redact
from include.governance.detect.values import DETECTORS, is_date_of_birth, match_rate

__all__ = [
    "DETECTORS",
    "Span",
    "contains_personal_data",
    "find_personal_data",
    "is_date_of_birth",
    "mask",
    "match_rate",
    "redact",
    "warm_up",
]


def warm_up() -> None:
    """Load what the detectors read on first use (name lists, the health vocabulary,
    countries' codes and names), so a worker process pays for it once, before its first
    table."""
    load_name_lists()
    load_script_lists()
    load_health_vocabulary()
    load_country_data()
