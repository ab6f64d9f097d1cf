"""app/schema holds plain Strawberry types: no module there imports services, models or the
request context, and the enums it declares for clients name exactly the domain's values."""

from __future__ import annotations

import ast
from enum import Enum
from pathlib import Path

import pytest

from app.geometry.quality import Severity
from app.models.asset import AssetStatus as DomainAssetStatus
from app.models.common import FileRole as DomainFileRole
from app.models.job import JobKind as DomainJobKind
from app.models.job import JobStatus as DomainJobStatus
from app.models.quality import QualitySeverity as DomainQualitySeverity
from app.models.scene import SceneChangeKind as DomainSceneChangeKind
from app.models.token import Scope as DomainScope
from app.schema.asset import AssetStatus
from app.schema.common import FileRole
from app.schema.job import JobKind, JobStatus
from app.schema.quality import QualitySeverity
from app.schema.scene import SceneChangeKind
from app.schema.token import Scope

SCHEMA = Path(__file__).resolve().parents[2] / "app" / "schema"
FORBIDDEN = ("app.services", "app.models", "app.context")


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, at run time or for type checking alike."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", sorted(SCHEMA.glob("*.py")), ids=lambda path: path.name)
def test_no_schema_module_imports_services_models_or_the_context(path: Path) -> None:
    leaks = [name for name in imported_modules(path)
             if any(name == layer or name.startswith(layer + ".") for layer in FORBIDDEN)]

    assert leaks == []


def test_the_check_sees_an_import_of_a_service(tmp_path: Path) -> None:
    leaking = tmp_path / "leaking.py"
    leaking.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                       "    from app.services.assets import AssetService\n"
                       "import app.models.asset\n")

    assert sorted(imported_modules(leaking)) == ["app.models.asset", "app.services.assets",
                                                 "typing"]


@pytest.mark.parametrize(("exposed", "domain"), [
    (AssetStatus, DomainAssetStatus), (FileRole, DomainFileRole), (JobKind, DomainJobKind),
    (JobStatus, DomainJobStatus), (Scope, DomainScope), (SceneChangeKind, DomainSceneChangeKind),
    (QualitySeverity, DomainQualitySeverity), (DomainQualitySeverity, Severity),
], ids=lambda enum: enum.__name__)
def test_client_enums_name_every_domain_value_in_order(exposed: type[Enum],
                                                       domain: type[Enum]) -> None:
    assert [member.value for member in exposed] == [member.value for member in domain]
