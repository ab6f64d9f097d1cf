"""Each collection has one write path: raw `$set` updates live only in the module that owns the
collection, and the asset write path refuses a field the Asset document does not have."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.models.asset import AssetStatus
from app.services.asset_writes import set_asset_status

SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"
# The module that owns each collection's updates.
WRITE_PATHS = {"asset_writes.py", "job_log.py", "scenes/service.py", "idempotency.py",
               "webhooks/outbox.py", "trash.py", "projects.py", "asset_versions.py",
               "storage_sweep.py"}


def raw_updates(source: str) -> list[int]:
    """The lines of a module that spell a MongoDB `$set` update."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and node.value == "$set"]


@pytest.mark.parametrize("path", sorted(SERVICES.rglob("*.py")),
                         ids=lambda path: str(path.relative_to(SERVICES)))
def test_only_a_collections_write_path_spells_raw_updates(path: Path) -> None:
    if str(path.relative_to(SERVICES)) in WRITE_PATHS:
        pytest.skip("a write path")

    assert raw_updates(path.read_text()) == []


def test_the_check_finds_a_raw_update_outside_a_write_path() -> None:
    scattered = ('await Job.get_pymongo_collection().update_one(\n'
                 '    {"_id": job_id}, {"$set": {"params.members": ids}})\n')

    assert raw_updates(scattered) == [2]


async def test_the_asset_write_path_refuses_a_field_assets_do_not_have() -> None:
    with pytest.raises(ValueError, match="ingestJobId"):
        await set_asset_status("ast_1", AssetStatus.READY, {"ingestJobId": "job_1"})
