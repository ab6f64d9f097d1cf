"""scripts/check-schema-changes in a scratch git repository: a breaking change since the base
commit fails, unless the removed field or enum value was deprecated there first; additions
pass."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check-schema-changes"
BASE = """type Query {
  kept: String
  old: String @deprecated(reason: "use kept")
  plain: String
  texture: Texture
}

enum Texture {
  PNG
  KTX2 @deprecated(reason: "never worked")
  WEBP
}
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo,
                   check=True, capture_output=True)


def checked(tmp_path: Path, change: tuple[str, str]) -> subprocess.CompletedProcess[str]:
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp_path / "scripts" / SCRIPT.name)
    schema = tmp_path / "schema.graphql"
    git(tmp_path, "init", "-q")
    schema.write_text(BASE)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    schema.write_text(BASE.replace(*change))
    git(tmp_path, "commit", "-q", "-am", "change")
    return subprocess.run([sys.executable, str(tmp_path / "scripts" / SCRIPT.name)],
                          capture_output=True, text=True)


@pytest.mark.parametrize("change", [
    ('  old: String @deprecated(reason: "use kept")\n', ""),
    ('  KTX2 @deprecated(reason: "never worked")\n', ""),
    ("  kept: String\n", "  kept: String\n  added(first: Int): Int\n"),
])
def test_additions_and_removals_after_deprecation_pass(tmp_path: Path,
                                                       change: tuple[str, str]) -> None:
    done = checked(tmp_path, change)

    assert done.returncode == 0, done.stderr
    assert "no breaking change since HEAD~1" in done.stdout


@pytest.mark.parametrize(("change", "named"), [
    (("  plain: String\n", ""), "Query.plain was removed"),
    (("  WEBP\n", ""), "Enum value Texture.WEBP was removed"),
    (("  kept: String\n", "  kept: Int\n"), "Query.kept changed type"),
])
def test_a_breaking_change_without_deprecation_fails(tmp_path: Path, change: tuple[str, str],
                                                     named: str) -> None:
    done = checked(tmp_path, change)

    assert done.returncode == 1
    assert named in done.stderr
