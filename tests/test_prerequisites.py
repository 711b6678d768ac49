"""`make test` on a fresh machine sets up what the tests need besides Python packages: the
README's command and CI's are the same, and a machine without Chromium is told (or, as
root, given) what is missing instead of failing in the middle of the suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SCRIPT = ROOT / "scripts" / "test-prerequisites"


def test_make_test_makes_its_prerequisites_ready_first_and_ci_runs_make_test():
    recipe = subprocess.run(
        ["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    lines = [line for line in recipe.splitlines() if line.strip()]
    prepared = next(i for i, line in enumerate(lines) if "scripts/test-prerequisites" in line)
    tested = next(i for i, line in enumerate(lines) if "python -m pytest" in line)
    assert prepared < tested
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.strip()]
    assert ci[-1] == "make test"


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root")
def test_without_chromium_and_without_root_it_says_what_to_install():
    """The databases answer; Chromium is hidden from PATH; the script runs as nobody."""
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)  # nobody may look in
        run = _as_nobody_with_only(Path(folder))
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Chromium" in run.stderr
    assert "apt-get install chromium" in run.stderr


def _as_nobody_with_only(bin_dir: Path) -> subprocess.CompletedProcess:
    """The script, run as nobody with only a few tools on PATH (no Chromium)."""
    tools = ("bash", "pg_isready", "mysqladmin", "redis-cli", "id", "seq", "sleep", "ls", "sort")
    for tool in tools:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    env = {"PATH": str(bin_dir), "HOME": str(bin_dir)}
    return subprocess.run(
        [shutil.which("setpriv"), "--reuid=65534", "--regid=65534", "--clear-groups", str(SCRIPT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
