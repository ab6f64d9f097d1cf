"""Every setting is documented: each `Settings` field's environment variable has its row in the
README (Configuration or Limits), so a new limit cannot ship unexplained."""

from __future__ import annotations

from pathlib import Path

from app.config import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_has_a_readme_row() -> None:
    rows = [line for line in README.read_text().splitlines() if line.startswith("| `ATELIER_")]
    documented = " ".join(row.split(" | ")[0] for row in rows)
    missing = [f"ATELIER_{name.upper()}" for name in Settings.model_fields
               if f"`ATELIER_{name.upper()}`" not in documented]

    assert missing == []
