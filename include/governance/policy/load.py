"""Loading the policy file, with the file, line and path of every problem found.

DAG files load the policy when parsed, so the Airflow UI shows the same message as an
import error; the shape of the file is checked first (pydantic), then the references
between its sections (:mod:`.checks`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from include.governance.paths import project_root
from include.governance.policy.checks import PolicyProblem, cross_check
from include.governance.policy.models import RULE_NAMES, Policy

POLICY_FILE_ENV = "GOVERNANCE_POLICY_FILE"


class PolicyError(ValueError):
    """The policy file cannot be read or is not a valid policy; lists every problem."""

    def __init__(self, file: Path, problems: list[PolicyProblem]):
        self.file = file
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"invalid privacy policy {file}:\n{listed}")


def default_policy_path() -> Path:
    return Path(os.environ.get(POLICY_FILE_ENV) or project_root() / "include" / "policy.yml")


def load_policy(path: str | Path | None = None) -> Policy:
    """Read, parse and validate the policy file; raise :class:`PolicyError` when it is wrong."""
    file = Path(path) if path else default_policy_path()
    try:
        source = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(file, [PolicyProblem((), f"cannot read the file: {exc}")]) from None
    return parse_policy(source, file)


def parse_policy(source: str, file: Path) -> Policy:
    """Validate a policy's text as :func:`load_policy` does a file's (a draft merged into
    the policy is checked so); ``file`` names it in the error."""
    try:
        root = yaml.compose(source)
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyError(file, [PolicyProblem((), f"not valid YAML: {problem}", line)]) from None
    if not isinstance(data, dict):
        raise PolicyError(file, [PolicyProblem((), "the file must hold a mapping of sections")])
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        problems = [_problem_from_pydantic(root, err) for err in exc.errors()]
        raise PolicyError(file, problems) from None
    problems = [
        PolicyProblem(p.path, p.message, line_of(root, p.path)) for p in cross_check(policy)
    ]
    if problems:
        raise PolicyError(file, problems)
    return policy


def _problem_from_pydantic(root: yaml.Node | None, error: dict[str, Any]) -> PolicyProblem:
    path = _path_in_document(root, error["loc"])
    message = error["msg"]
    if error["type"] == "missing":
        message = "required but missing"
    elif error["type"] == "extra_forbidden":
        message = "unknown key (check its spelling)"
    elif error["type"] == "union_tag_invalid":
        message = f"unknown rule {error['input'].get('rule')!r} (known: "
        message += f"{', '.join(sorted(RULE_NAMES))})"
    elif error["type"] == "string_pattern_mismatch":
        dots = error["ctx"]["pattern"].count(r"\.")
        expected = ("letters, digits, _", "schema.table", "schema.table.column")[dots]
        message = f"{error['input']!r} is not a valid name (expected {expected})"
    return PolicyProblem(path, message, line_of(root, path))


def _path_in_document(root: yaml.Node | None, loc: tuple) -> tuple[str | int, ...]:
    """The error location as keys of the document, less the markers pydantic adds to it
    (union tags, and ``[key]`` for a problem with a mapping's key itself)."""
    node, path = root, []
    for part in loc:
        child = _child(node, part)
        if child is None and (part in RULE_NAMES or part == "[key]"):
            continue
        path.append(part)
        node = child
    return tuple(path)


def line_of(root: yaml.Node | None, path: tuple) -> int | None:
    """The line of ``path`` in the composed document, or of the nearest part of it there."""
    node, line = root, None
    for part in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        node = _child(node, part)
    return node.start_mark.line + 1 if node is not None else line


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == str(part)), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
