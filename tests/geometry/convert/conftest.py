"""Source GLBs for the conversion tests, made once per session from trimesh models."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.geometry.convert.sources import (
    colored_sphere,
    displaced_grid,
    export_glb,
    hierarchy_scene,
    seamed_grid,
    textured_box,
)


@pytest.fixture(scope="session")
def sources_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("convert_sources")


@pytest.fixture(scope="session")
def textured_box_glb(sources_dir: Path) -> Path:
    return export_glb(textured_box(), sources_dir / "textured_box.glb")


@pytest.fixture(scope="session")
def hierarchy_glb(sources_dir: Path) -> Path:
    return export_glb(hierarchy_scene(), sources_dir / "hierarchy.glb")


@pytest.fixture(scope="session")
def colored_sphere_glb(sources_dir: Path) -> Path:
    return export_glb(colored_sphere(), sources_dir / "colored_sphere.glb")


@pytest.fixture(scope="session")
def grid_glb(sources_dir: Path) -> Path:
    """7,200 textured triangles: enough for simplification and compression to show."""
    return export_glb(displaced_grid(60), sources_dir / "grid.glb")


@pytest.fixture(scope="session")
def seamed_grid_glb(sources_dir: Path) -> Path:
    return export_glb(seamed_grid(40), sources_dir / "seamed_grid.glb")


@pytest.fixture(params=["textured_box", "hierarchy", "colored_sphere"])
def any_source(request: pytest.FixtureRequest) -> Path:
    """Each model kind in turn: textured, multi-mesh with transforms, vertex-coloured."""
    return request.getfixturevalue(f"{request.param}_glb")
