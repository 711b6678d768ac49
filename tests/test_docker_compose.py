"""docker-compose.yml, the Dockerfile and .dockerignore agree with each other and the project.

No Docker engine runs on the build machines, so nothing here starts a container: the files
are parsed (YAML anchors and merge keys resolved, ``${VAR:-default}`` interpolated with
the defaults, as ``docker compose`` does with an empty environment) and the relations
between services, images, volumes, secrets, URLs and the project's own files asserted.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Mapping
from itertools import takewhile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from packaging.specifiers import SpecifierSet
from sqlalchemy.engine import make_url

from include.governance.pseudonym import PURPOSES, PseudonymKeyError, parse_key
from include.governance.warehouse import resolve_url, url_from_connection

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"

AIRFLOW_SERVICES = (
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
    "airflow-init",
)
REQUIRED_SERVICES = (*AIRFLOW_SERVICES, "postgres", "redis", "warehouse", "warehouse-seed")
# What an Airflow service may add to the common environment, and nothing else.
EXTRA_ENVIRONMENT = {
    "airflow-worker": {  # Celery's warm shutdown; the secrets backend holding the keys
        "DUMB_INIT_SETSID",
        "AIRFLOW__SECRETS__BACKEND",
        "AIRFLOW__SECRETS__BACKEND_KWARGS",
    },
    "airflow-init": {  # the login it writes; what the refusal of public defaults checks
        "_AIRFLOW_WWW_USER_USERNAME",
        "_AIRFLOW_WWW_USER_PASSWORD",
        "WAREHOUSE_PASSWORD",
        "DEMO",
    },
}
PROJECT_MOUNTS = ("dags", "include", "plugins")
# include/airflow_support.py reads the key of each purpose from this Airflow Variable.
PSEUDONYM_VARIABLE = "pseudonym_secret_{purpose}"
# The worker reads those Variables from this Docker secret, through this secrets backend.
KEYS_SECRET = "pseudonym_keys"
LOCAL_FILESYSTEM_BACKEND = "airflow.secrets.local_filesystem.LocalFilesystemBackend"
SECRET_NAME = re.compile(r"SECRET|PASSWORD|FERNET|TOKEN|_KEY$")

_INTERPOLATION = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?+])(?P<arg>[^}]*))?\})"
)


def interpolate(value: str, env: Mapping[str, str] | None = None) -> str:
    """``value`` as ``docker compose`` sees it with environment ``env`` (empty: defaults)."""
    env = env or {}

    def substitute(match: re.Match[str]) -> str:
        if match["escaped"]:
            return "$"
        name, op, arg = match["name"], match["op"], match["arg"] or ""
        current = env.get(name)
        if op in (":-", "-"):
            unset = not current if op == ":-" else current is None
            return arg if unset else str(current)
        if op in (":?", "?"):
            if not current:
                raise AssertionError(f"${{{name}}} is required: {arg}")
            return current
        if op in (":+", "+"):
            return arg if current else ""
        return current or ""

    return _INTERPOLATION.sub(substitute, value)


@pytest.fixture(scope="module")
def compose_text() -> str:
    return COMPOSE_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def compose(compose_text: str) -> dict[str, Any]:
    return yaml.safe_load(compose_text)


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return DOCKERFILE.read_text(encoding="utf-8")


def environment(service: Mapping[str, Any]) -> dict[str, str]:
    """A service's environment as written (list or mapping form), values not interpolated."""
    raw = service.get("environment") or {}
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) if "=" in item else (item, None) for item in raw)
    for key, value in raw.items():
        assert isinstance(value, str), f"{key}: quote it, compose wants a string ({value!r})"
    return dict(raw)


def resolved_env(service: Mapping[str, Any]) -> dict[str, str]:
    return {key: interpolate(value) for key, value in environment(service).items()}


def mounts(service: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(kind, source, target) of each mount: kind is "bind" or "volume"."""
    for entry in service.get("volumes") or []:
        if isinstance(entry, dict):
            yield entry.get("type", "volume"), entry["source"], entry["target"]
            continue
        source, target = interpolate(entry).split(":")[:2]
        kind = "bind" if source.startswith((".", "/", "~")) else "volume"
        yield kind, source, target


def depends_on(service: Mapping[str, Any]) -> dict[str, str]:
    raw = service.get("depends_on") or {}
    if isinstance(raw, list):
        return dict.fromkeys(raw, "service_started")
    return {name: (spec or {}).get("condition", "service_started") for name, spec in raw.items()}


def container_ports(service: Mapping[str, Any]) -> set[int]:
    ports = set()
    for entry in service.get("ports") or []:
        if isinstance(entry, dict):
            ports.add(int(entry["target"]))
        else:
            ports.add(int(interpolate(str(entry)).rsplit(":", 1)[-1].split("/")[0]))
    return ports


def command_text(service: Mapping[str, Any]) -> str:
    command = service.get("command") or ""
    return interpolate(command if isinstance(command, str) else " ".join(command))


def secret_names(service: Mapping[str, Any]) -> set[str]:
    return {s if isinstance(s, str) else s["source"] for s in service.get("secrets") or []}


def requirement_pin(name: str) -> str:
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(rf"^\s*{re.escape(name)}\s*==\s*([^\s;#]+)", line, re.IGNORECASE)
        if match:
            return match[1]
    raise AssertionError(f"requirements.txt pins no {name}")


# --- services, image, environment -----------------------------------------------------------


def test_required_services_exist(services: dict[str, Any]) -> None:
    missing = sorted(set(REQUIRED_SERVICES) - set(services))
    assert not missing, f"docker-compose.yml lacks {missing}"


def test_airflow_services_share_image_build_and_environment(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    common = compose["x-airflow-common"]
    common_env = environment(common)
    assert common["build"]["context"] == "."
    for name in (*AIRFLOW_SERVICES, "warehouse-seed"):
        assert services[name]["image"] == common["image"], name
        assert services[name]["build"] == common["build"], name
    for name in AIRFLOW_SERVICES:
        env = environment(services[name])
        differing = {k for k, v in common_env.items() if env.get(k) != v}
        assert not differing, f"{name} differs from x-airflow-common in {sorted(differing)}"
        extra = set(env) - set(common_env) - EXTRA_ENVIRONMENT.get(name, set())
        assert not extra, f"{name} adds {sorted(extra)} to the common environment"


def test_airflow_runs_celery_on_the_metadata_postgres(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    env = resolved_env(compose["x-airflow-common"])
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__CORE__LOAD_EXAMPLES"].lower() == "false"
    metadata = resolved_env(services["postgres"])
    for key in ("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "AIRFLOW__CELERY__RESULT_BACKEND"):
        url = make_url(env[key].removeprefix("db+"))
        assert url.get_backend_name() == "postgresql", key
        assert (url.host, url.port or 5432) == ("postgres", 5432), key
        assert url.database == metadata["POSTGRES_DB"], key
        assert url.username == metadata["POSTGRES_USER"], key
        assert url.password == metadata["POSTGRES_PASSWORD"], key
    broker = urlsplit(env["AIRFLOW__CELERY__BROKER_URL"])
    assert (broker.scheme, broker.hostname, broker.port) == ("redis", "redis", 6379)
    assert "6379" in [str(p) for p in services["redis"].get("expose", [])]
    api = urlsplit(env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"])
    assert api.hostname == "airflow-apiserver"
    assert api.port in container_ports(services["airflow-apiserver"])
    assert api.path == "/execution/"
    assert env["AIRFLOW__API_AUTH__JWT_SECRET"], "components need one shared JWT secret"


def test_parallelism_fits_a_laptop(compose: dict[str, Any]) -> None:
    env = resolved_env(compose["x-airflow-common"])
    parallelism = int(env["AIRFLOW__CORE__PARALLELISM"])
    assert 1 <= parallelism <= 16
    assert 1 <= int(env["AIRFLOW__CELERY__WORKER_CONCURRENCY"]) <= parallelism
    assert 1 <= int(env["AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG"]) <= parallelism


def test_warehouse_connection_and_seed_point_at_the_warehouse_service(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    warehouse = resolved_env(services["warehouse"])
    assert services["warehouse"]["image"] != services["warehouse-seed"]["image"]
    assert services["warehouse"]["image"].startswith("postgres:")
    conn = urlsplit(resolved_env(compose["x-airflow-common"])["AIRFLOW_CONN_WAREHOUSE"])
    assert conn.scheme == "postgres"  # Airflow's connection type for PostgreSQL
    assert (conn.hostname, conn.port) == ("warehouse", 5432)
    assert conn.path.lstrip("/") == warehouse["POSTGRES_DB"]
    assert (conn.username, conn.password) == (
        warehouse["POSTGRES_USER"],
        warehouse["POSTGRES_PASSWORD"],
    )
    # What the DAGs connect to (include/airflow_support.py) is where the seed writes.
    dag_url = url_from_connection(
        conn.scheme,
        host=conn.hostname,
        port=conn.port,
        login=conn.username,
        password=conn.password,
        schema=conn.path[1:],
    )
    seed = services["warehouse-seed"]
    seed_url = resolve_url(resolved_env(seed)["DEMO_WAREHOUSE_URL"])
    assert seed_url.render_as_string(hide_password=False) == dag_url.render_as_string(
        hide_password=False
    )
    assert 'python -m include.demo --url "${DEMO_WAREHOUSE_URL}"' in command_text(seed)
    assert depends_on(seed) == {"warehouse": "service_healthy"}
    assert depends_on(services["airflow-worker"])["warehouse-seed"] == (
        "service_completed_successfully"
    )
    metadata_url = make_url(
        resolved_env(compose["x-airflow-common"])["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    )
    assert metadata_url.host != dag_url.host, "the warehouse is not Airflow's metadata DB"


def test_api_server_publishes_8080_on_localhost_only(services: dict[str, Any]) -> None:
    api = services["airflow-apiserver"]
    assert api["command"] == "api-server"
    assert [interpolate(str(p)) for p in api["ports"]] == ["127.0.0.1:8080:8080"]
    assert "localhost:8080/" in " ".join(api["healthcheck"]["test"])
    for name, service in services.items():  # nothing else listens beyond this machine
        for port in service.get("ports", []):
            assert interpolate(str(port)).startswith("127.0.0.1:"), name


REFUSE = ROOT / "scripts" / "refuse-default-secrets"


def _init_refusal(services: dict[str, Any], **overrides: str) -> subprocess.CompletedProcess:
    """The check airflow-init runs first, with its environment at the compose defaults."""
    env = {**resolved_env(services["airflow-init"]), **overrides, "PATH": os.environ["PATH"]}
    return subprocess.run([str(REFUSE)], env=env, capture_output=True, text=True, timeout=30)


def test_airflow_init_refuses_the_public_defaults_unless_demo(services: dict[str, Any]) -> None:
    init = services["airflow-init"]
    script = command_text(init)
    assert script.index("/opt/airflow/scripts/refuse-default-secrets") < script.index("db migrate")
    assert ("bind", "./scripts", "/opt/airflow/scripts") in list(mounts(init))
    refused = _init_refusal(services)
    assert refused.returncode == 1
    for name in ("_AIRFLOW_WWW_USER_PASSWORD", "AIRFLOW_JWT_SECRET", "AIRFLOW_API_SECRET_KEY"):
        assert name in refused.stderr
    assert "local-only" not in refused.stderr  # names what to set, never a value
    demo = _init_refusal(services, DEMO="true")
    assert (demo.returncode, "WARNING" in demo.stderr) == (0, True)
    own = _init_refusal(
        services,
        _AIRFLOW_WWW_USER_PASSWORD="a long own password",
        AIRFLOW__API_AUTH__JWT_SECRET="own jwt secret",
        AIRFLOW__API__SECRET_KEY="own api secret",
        WAREHOUSE_PASSWORD="own warehouse password",
    )
    assert (own.returncode, own.stderr) == (0, "")


def test_airflow_init_migrates_and_writes_the_login(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    init = services["airflow-init"]
    env = resolved_env(init)
    script = command_text(init)
    assert init["user"] == "0:0"
    assert "/entrypoint airflow db migrate" in script
    assert env["AIRFLOW__CORE__AUTH_MANAGER"].endswith(".SimpleAuthManager")
    users = dict(
        user.split(":")[:2] for user in env["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS"].split(",")
    )
    assert users.get(env["_AIRFLOW_WWW_USER_USERNAME"]) == "admin"
    # The password file init writes is on a volume the API server mounts at the same place.
    password_file = env["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"]
    assert "${AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE}" in script

    def volume_holding(service: str) -> str:
        found = [
            src
            for kind, src, target in mounts(services[service])
            if kind == "volume" and password_file.startswith(target.rstrip("/") + "/")
        ]
        assert len(found) == 1, f"{service} mounts no volume holding {password_file}"
        return found[0]

    assert volume_holding("airflow-init") == volume_holding("airflow-apiserver")
    for name in AIRFLOW_SERVICES:
        depends = depends_on(services[name])
        if name != "airflow-init":
            assert depends.get("airflow-init") == "service_completed_successfully", name


# --- volumes, mounts, dependencies -----------------------------------------------------------


def test_named_volumes_are_declared_and_used(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    used = {src for s in services.values() for kind, src, _ in mounts(s) if kind == "volume"}
    declared = set(compose.get("volumes") or {})
    assert used - declared == set(), "used but not declared at top level"
    assert declared - used == set(), "declared but used by no service"


def test_bind_mounts_and_build_context_exist(services: dict[str, Any]) -> None:
    for name, service in services.items():
        for kind, source, _ in mounts(service):
            if kind == "bind":
                assert source.startswith("./"), f"{name}: {source} is outside the project"
                assert (ROOT / source).exists(), f"{name} mounts {source}, which is missing"
        if "build" in service:
            context = ROOT / service["build"]["context"]
            assert (context / service["build"].get("dockerfile", "Dockerfile")).is_file()


def test_every_airflow_service_mounts_the_project_and_the_reports(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    common = compose["x-airflow-common"]
    env = resolved_env(common)
    common_mounts = set(mounts(common))
    for folder in PROJECT_MOUNTS:
        assert ("bind", f"./{folder}", f"/opt/airflow/{folder}") in common_mounts, folder
    # `import include.governance` needs the include mount's parent on PYTHONPATH.
    include_target = next(t for _, s, t in common_mounts if s == "./include")
    assert str(Path(include_target).parent) in env["PYTHONPATH"].split(":")
    reports = [kind for kind, _, target in common_mounts if target == env["GOVERNANCE_REPORTS_DIR"]]
    assert reports == ["volume"], "reports must go to a named volume mounted on every service"
    for name in AIRFLOW_SERVICES:
        missing = common_mounts - set(mounts(services[name]))
        assert not missing, f"{name} lacks the common mounts {sorted(missing)}"
    seed_mounts = set(mounts(services["warehouse-seed"]))
    assert ("bind", "./include", include_target) in seed_mounts
    assert include_target.startswith(resolved_env(services["warehouse-seed"])["PYTHONPATH"])


def test_depends_on_targets_exist_and_are_healthy_or_one_shot(services: dict[str, Any]) -> None:
    for name, service in services.items():
        for target, condition in depends_on(service).items():
            assert target in services, f"{name} depends on an unknown service {target}"
            if condition == "service_healthy":
                check = services[target].get("healthcheck") or {}
                assert check.get("test"), f"{name} waits for {target}, which has no healthcheck"
                assert not check.get("disable"), f"{name} waits for {target}'s disabled check"
            elif condition == "service_completed_successfully":
                assert services[target].get("restart", "no") == "no", (
                    f"{name} waits for {target} to finish; {target} restarts"
                )
    # No cycle: every service can start.
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"dependency cycle {' -> '.join((*path, name))}"
        if name not in order:
            for target in depends_on(services[name]):
                visit(target, (*path, name))
            order.append(name)

    for name in services:
        visit(name, ())


def test_compose_interpolates_only_documented_variables(compose_text: str) -> None:
    header = "\n".join(
        takewhile(lambda line: line.startswith("#") or not line.strip(), compose_text.splitlines())
    )
    documented = set(re.findall(r"\b[A-Z_][A-Z0-9_]{2,}\b", header))
    used = {m["name"] for m in _INTERPOLATION.finditer(compose_text) if m["name"]}
    assert used - documented == set(), "describe each variable in the file's header"
    # A bare $name is interpolated by compose from the host: shell variables need $$.
    assert not re.search(r"\$[A-Za-z_]", compose_text.replace("$$", ""))


# --- secrets --------------------------------------------------------------------------------


def test_secrets_are_declared_used_and_kept_out_of_git_and_the_image(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    declared = compose.get("secrets") or {}
    used = set().union(*(secret_names(s) for s in services.values()))
    assert used - set(declared) == set(), "a service uses an undeclared secret"
    assert set(declared) - used == set(), "a declared secret no service uses"
    for name, spec in declared.items():
        assert spec["file"].startswith("./secrets/"), f"{name}: keep secret files in ./secrets/"
        assert ".." not in Path(spec["file"]).parts, name
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"secrets/", "/secrets/", "secrets", "/secrets"} & {line.strip() for line in ignored}
    patterns = [p.strip() for p in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()]
    patterns = [p for p in patterns if p and not p.startswith("#")]
    assert patterns[0] == "*", ".dockerignore must start by excluding everything"
    let_in = {p[1:].strip("/") for p in patterns if p.startswith("!")}
    assert not let_in & {"secrets", ".env"}, ".dockerignore lets secrets into the image"


def test_pseudonym_keys_reach_only_the_worker_through_a_secrets_backend(
    services: dict[str, Any],
) -> None:
    """The worker reads the keys with Airflow's local-filesystem secrets backend from a
    Docker secret file: no key is in any container's environment, and no container but
    the worker has the file."""
    support = (ROOT / "include" / "airflow_support.py").read_text(encoding="utf-8")
    assert PSEUDONYM_VARIABLE.split("{")[0] in support, "the Variable's name changed"
    worker = services["airflow-worker"]
    assert secret_names(worker) == {KEYS_SECRET}
    env = resolved_env(worker)
    assert env["AIRFLOW__SECRETS__BACKEND"] == LOCAL_FILESYSTEM_BACKEND
    path = json.loads(env["AIRFLOW__SECRETS__BACKEND_KWARGS"])["variables_file_path"]
    assert path == f"/run/secrets/{_secret_target(worker, KEYS_SECRET)}"
    assert path.endswith(".env")  # the backend reads a file by its extension
    for name, service in services.items():
        if name != "airflow-worker":
            assert not secret_names(service), f"{name} needs no pseudonymisation key"
            assert "AIRFLOW__SECRETS__BACKEND" not in resolved_env(service), name
        keyed = [k for k in environment(service) if k.startswith("AIRFLOW_VAR_")]
        assert not keyed, f"{name} sets {keyed} in its environment: use the secret file"


def test_the_worker_reads_the_keys_from_the_secret_file(
    services: dict[str, Any], tmp_path: Path
) -> None:
    """The secret file as the README makes it, read the way a task reads its keys, with the
    worker's backend settings (the file's path moved here) and a PostgreSQL warehouse."""
    keys = {p: f"v1:{os.urandom(32).hex()}" for p in PURPOSES}
    secret = tmp_path / "pseudonym_keys.env"
    secret.write_text(
        "".join(f"{PSEUDONYM_VARIABLE.format(purpose=p)}={k}\n" for p, k in keys.items()),
        encoding="utf-8",
    )
    env = resolved_env(services["airflow-worker"])
    backend = {
        "AIRFLOW__SECRETS__BACKEND": env["AIRFLOW__SECRETS__BACKEND"],
        "AIRFLOW__SECRETS__BACKEND_KWARGS": json.dumps({"variables_file_path": str(secret)}),
    }
    read = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os; from include.airflow_support import pseudonym_keys; "
            "print([(k.purpose, k.fingerprint) for k in pseudonym_keys()]); "
            "print(any(n.startswith('AIRFLOW_VAR_') for n in os.environ))",
        ],
        env={
            "PATH": os.environ["PATH"],
            "PYTHONPATH": str(ROOT),
            "AIRFLOW_HOME": str(tmp_path / "airflow"),
            "WAREHOUSE_URL": "postgresql://governance@warehouse:5432/warehouse",
            **backend,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert read.returncode == 0, read.stderr[-2000:]
    lines = read.stdout.strip().splitlines()
    expected = [(p, parse_key(p, k, "test").fingerprint) for p, k in keys.items()]
    assert lines[-2:] == [str(expected), "False"]


def _secret_target(service: Mapping[str, Any], name: str) -> str:
    for entry in service.get("secrets") or []:
        if entry == name:
            return name
        if isinstance(entry, dict) and entry["source"] == name:
            return entry.get("target", name)
    raise AssertionError(f"no secret {name}")


def test_no_secret_is_written_in_the_compose_file(
    compose: dict[str, Any], compose_text: str
) -> None:
    whole_reference = re.compile(r"^\$\{[A-Za-z_][A-Za-z0-9_]*(:?-[^}]*)?\}$")
    every = {"x-airflow-common": compose["x-airflow-common"], **compose["services"]}
    for name, service in every.items():
        for key, value in environment(service).items():
            where_secrets_are = key.endswith("_FILE") or key.startswith("AIRFLOW__SECRETS__")
            if SECRET_NAME.search(key) and not where_secrets_are:
                assert whole_reference.match(value), f"{name}.{key}: take it from ${{...}}"
            password = urlsplit(value).password if "://" in value else None
            if password:
                assert whole_reference.match(password), f"{name}.{key}: URL with a password"
    for token in re.findall(r"[^\s'\"]+", compose_text):
        if "://" in token or "$" in token:
            continue
        with pytest.raises(PseudonymKeyError):
            parse_key("analytics", token, "docker-compose.yml")


def test_the_image_puts_no_secret_into_the_environment(dockerfile: str) -> None:
    """The image keeps the official entrypoint: nothing turns secret files into
    environment variables, which every process of the container would inherit."""
    assert "AIRFLOW_VAR" not in dockerfile
    assert "/run/secrets" not in dockerfile
    assert not re.search(r"^ENTRYPOINT ", dockerfile, re.M)


# --- Dockerfile ------------------------------------------------------------------------------


def test_dockerfile_base_image_matches_the_pinned_airflow(dockerfile: str) -> None:
    base = re.search(r"^FROM\s+apache/airflow:(\S+)-python(\d+\.\d+)\s*$", dockerfile, re.M)
    assert base, "the image must be built FROM apache/airflow:<version>-python<X.Y>"
    assert base[1] == requirement_pin("apache-airflow")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert SpecifierSet(pyproject["project"]["requires-python"]).contains(base[2])


def test_dockerfile_bakes_in_the_requirements_and_copies_only_what_dockerignore_allows(
    dockerfile: str, services: dict[str, Any]
) -> None:
    copies = {
        args[-2]: args[-1]
        for line in re.findall(r"^COPY\s+(.+)$", dockerfile, re.M)
        if "<<" not in line
        for args in [[a for a in shlex.split(line) if not a.startswith("--")]]
    }
    installed = re.search(r"^RUN\s+pip install\b.*\s-r\s+(\S+)", dockerfile, re.M)
    assert installed, "the Dockerfile installs no requirements file"
    assert copies.get("requirements.txt") == installed[1]
    allowed = {
        line.strip()[1:].strip("/")
        for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("!")
    }
    assert set(copies) <= allowed, ".dockerignore leaves out a file the Dockerfile copies"
    assert all((ROOT / source).exists() for source in copies)
    assert "_PIP_ADDITIONAL_REQUIREMENTS" not in dockerfile
    for name, service in services.items():
        assert "_PIP_ADDITIONAL_REQUIREMENTS" not in environment(service), name
