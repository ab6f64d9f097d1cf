"""Scene transforms: matrices decompose into the translation, rotation and scale they came from,
shear is recognised, and world bounds follow the hierarchy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.geometry.scene_graph import MeshInfo, MeshRef, Node, SceneGraph
from app.geometry.scene_transforms import decompose, local_matrix, node_trs, world_bounds
from app.geometry.stats import local_matrix as gltf_local_matrix

finite = st.floats(min_value=-100, max_value=100, allow_nan=False)
scales = st.floats(min_value=0.01, max_value=100) | st.floats(min_value=-100, max_value=-0.01)


@settings(max_examples=200, deadline=None)
@given(translation=st.tuples(finite, finite, finite),
       rotation=st.tuples(finite, finite, finite, finite).filter(
           lambda q: np.linalg.norm(q) > 0.1),
       scale=st.tuples(scales, scales, scales))
def test_a_trs_matrix_decomposes_into_an_equivalent_trs(translation, rotation, scale) -> None:
    unit = list(np.array(rotation) / np.linalg.norm(rotation))
    matrix = gltf_local_matrix({"translation": list(translation), "rotation": unit,
                                "scale": list(scale)})

    t, r, s = decompose(matrix)

    recomposed = gltf_local_matrix({"translation": list(t), "rotation": list(r),
                                    "scale": list(s)})
    assert np.allclose(recomposed, matrix, atol=1e-6 * max(1.0, np.abs(matrix).max()))
    assert np.linalg.norm(r) == pytest.approx(1.0)


def test_shear_and_projection_do_not_decompose() -> None:
    shear = np.eye(4)
    shear[0, 1] = 0.5
    projection = np.eye(4)
    projection[3, 2] = -1.0

    assert decompose(shear) is None
    assert decompose(projection) is None
    assert decompose(np.diag([1.0, 0.0, 1.0, 1.0])) is None


def test_a_matrix_node_reports_its_trs() -> None:
    node = Node(id="n", matrix=(2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 1, 2, 3, 1))

    translation, rotation, scale = node_trs(node)

    assert translation == pytest.approx((1, 2, 3))
    assert rotation == pytest.approx((0, 0, 0, 1))
    assert scale == pytest.approx((2, 2, 2))
    assert np.allclose(local_matrix(node), np.array(node.matrix).reshape(4, 4).T)


def test_world_bounds_follow_parents_and_ignore_meshes_without_a_box() -> None:
    ref, unknown = MeshRef(asset_id="a"), MeshRef(asset_id="b")
    graph = SceneGraph(
        nodes=[Node(id="p", translation=(10, 0, 0), scale=(2, 2, 2), children=["c"]),
               Node(id="c", translation=(0, 1, 0), mesh=ref),
               Node(id="d", mesh=unknown)],
        roots=["p", "d"],
        meshes=[MeshInfo(asset_id="a", mesh_index=0, box_min=(-1, -1, -1), box_max=(1, 1, 1)),
                MeshInfo(asset_id="b", mesh_index=0)])

    low, high = world_bounds(graph)

    assert low == pytest.approx((8, 0, -2))
    assert high == pytest.approx((12, 4, 2))
    assert world_bounds(SceneGraph()) is None
