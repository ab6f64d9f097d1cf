"""PATH_TRACED: the Mitsuba scene built from a GLB, and its render judged against the raster
render of the same GLB from the same camera (silhouette overlap and mean colour)."""

from __future__ import annotations

import numpy as np
import pytest

from app.errors import AtelierError, ErrorCode
from app.geometry.render import (
    LookAtCamera,
    OrbitCamera,
    Renderer,
    RenderLimits,
    RenderOptions,
    SceneCamera,
)
from app.geometry.render.cameras import resolve_view
from app.geometry.render.mitsuba_scene import (
    build_meshes,
    material_dict,
    mitsuba,
    scene_dict,
)
from app.geometry.render.path_tracer import PathTracer, pass_samples
from app.geometry.render.scene_reader import read_scene
from tests.geometry.render.conftest import (
    RED,
    GlbWriter,
    box_arrays,
    mesh_node,
    plain_material,
)

LIMITS = RenderLimits()
CAMERA = OrbitCamera(yaw_deg=30.0, pitch_deg=20.0)


def off_centre_box_glb() -> bytes:
    """A red 1 x 0.6 x 0.3 box moved to x=+2 and turned, so framing and placement both show."""
    writer = GlbWriter()
    positions, normals, indices = box_arrays()
    node = mesh_node(writer, {"POSITION": positions, "NORMAL": normals}, indices,
                     plain_material(RED), translation=[2.0, 0.0, 0.0], scale=[1.0, 0.6, 0.3],
                     rotation=[0.0, 0.3826834, 0.0, 0.9238795])
    return writer.glb([node])


def traced(glb: bytes, options: RenderOptions, camera: OrbitCamera | LookAtCamera = CAMERA,
           on_pass=None) -> np.ndarray:
    return PathTracer(glb, LIMITS).render_pixels(camera, options, on_pass)


def silhouette(pixels: np.ndarray) -> np.ndarray:
    return pixels[..., 3] > 127


def test_each_draw_is_a_mesh_in_world_space_with_its_principled_material():
    # Given a box placed, scaled and turned by its node
    glb = off_centre_box_glb()
    data = read_scene(glb, LIMITS)
    # When its Mitsuba scene is built
    view = resolve_view(CAMERA, data.bounds, 1.0, data.camera_names, data.cameras)
    built = scene_dict(data, build_meshes(data), view, (32, 32))
    scene = mitsuba().load_dict(built)
    # Then it holds one mesh of 12 triangles whose bounds are the node's world bounds
    [mesh] = scene.shapes()
    assert mesh.face_count() == 12
    box = mesh.bbox()
    assert np.allclose(list(box.min), data.bounds.min, atol=1e-5)
    assert np.allclose(list(box.max), data.bounds.max, atol=1e-5)
    # The raster path's key, fill and rim lights (the GLB has none), and the ambient
    assert [value["type"] for key, value in built.items() if key.startswith("light-")] == [
        "directional"] * 3
    assert len(scene.emitters()) == 4
    assert list(scene.sensors()[0].film().size()) == [32, 32]


def test_materials_map_factors_double_sidedness_and_alpha():
    data = read_scene(off_centre_box_glb(), LIMITS)
    material = data.materials[0]

    plain = material_dict(data, material, tinted=False)
    assert plain == {"type": "principled", "base_color": {"type": "rgb", "value": list(RED[:3])},
                     "metallic": 0.0, "roughness": pytest.approx(0.7)}
    both_sides = material_dict(data, type(material)(double_sided=True, alpha_mode="BLEND",
                                                    base_color=(1.0, 1.0, 1.0, 0.25)), False)
    assert both_sides["type"] == "mask" and both_sides["opacity"] == 0.25
    assert both_sides["material"]["type"] == "twosided"
    assert material_dict(data, material, tinted=True)["base_color"] == {
        "type": "mesh_attribute", "name": "vertex_color"}


def test_the_sensor_frames_the_model_like_the_raster_camera():
    # Given the same GLB, camera and size for both renderers
    glb = off_centre_box_glb()
    options = RenderOptions(width=64, height=64, background=None)
    with Renderer() as renderer, renderer.load(glb) as scene:
        raster = renderer.render_pixels(scene, CAMERA, options)
    # When it is path traced with a few samples
    path = traced(glb, RenderOptions(width=64, height=64, background=None,
                                     renderer="PATH_TRACED", samples=16))
    # Then the silhouettes overlap almost exactly and the mean colour is alike
    ours, theirs = silhouette(path), silhouette(raster)
    assert theirs.sum() > 300
    assert (ours & theirs).sum() / (ours | theirs).sum() > 0.96  # mirrored: 0.88
    mean_path = path[ours][:, :3].mean(axis=0)
    mean_raster = raster[theirs][:, :3].mean(axis=0)
    assert np.all(np.abs(mean_path - mean_raster) < 30), (mean_path, mean_raster)
    assert mean_path[0] > 2 * mean_path[1]  # red, as the material says


def test_a_background_lies_under_the_traced_image():
    options = RenderOptions(width=32, height=32, background=(0.0, 0.0, 1.0, 1.0),
                            renderer="PATH_TRACED", samples=4)

    pixels = traced(off_centre_box_glb(), options)

    assert tuple(pixels[0, 0]) == (0, 0, 255, 255)
    assert pixels[16, 16, 0] > pixels[16, 16, 2]


def test_each_pass_is_reported_and_the_passes_add_up_to_the_samples():
    options = RenderOptions(width=16, height=16, renderer="PATH_TRACED", samples=10)
    seen: list[tuple[int, int]] = []

    traced(off_centre_box_glb(), options, on_pass=lambda done, total: seen.append((done, total)))

    assert pass_samples(options) == [3, 3, 2, 2]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_a_large_render_gets_more_passes_of_bounded_size():
    options = RenderOptions(width=1024, height=1024, renderer="PATH_TRACED", samples=64)

    passes = pass_samples(options)

    assert sum(passes) == 64 and len(passes) == 32
    assert pass_samples(RenderOptions(renderer="PATH_TRACED", samples=2)) == [1, 1]


def test_stopping_after_a_pass_traces_no_further_pass():
    class Stopped(Exception):
        pass

    seen: list[int] = []

    def stop_after_two(done: int, total: int) -> None:
        seen.append(done)
        if done == 2:
            raise Stopped

    with pytest.raises(Stopped):
        traced(off_centre_box_glb(), RenderOptions(width=16, height=16, renderer="PATH_TRACED",
                                                   samples=8), on_pass=stop_after_two)
    assert seen == [1, 2]


@pytest.mark.parametrize(("options", "code"), [
    ({"samples": 0}, ErrorCode.INVALID_INPUT),
    ({"renderer": "RAYS"}, ErrorCode.INVALID_INPUT),
])
def test_bad_path_tracing_options_have_codes(options: dict, code: ErrorCode):
    with pytest.raises(AtelierError) as raised:
        RenderOptions(**{"renderer": "PATH_TRACED", **options})

    assert raised.value.code == code
    assert raised.value.field == [next(iter(options))]


def test_path_samples_have_their_own_limit_apart_from_msaa():
    limits = RenderLimits(max_samples=4, max_path_samples=32)

    limits.check_options(RenderOptions(renderer="PATH_TRACED", samples=32))
    with pytest.raises(AtelierError) as raised:
        limits.check_options(RenderOptions(renderer="PATH_TRACED", samples=33))

    assert raised.value.code == ErrorCode.LIMIT_EXCEEDED
    assert raised.value.field == ["samples"]
    assert "32 path-traced samples" in raised.value.message


@pytest.mark.parametrize("camera", [SceneCamera("BlueCam"), SceneCamera("TopCam")],
                         ids=["perspective", "orthographic"])
def test_the_models_own_cameras_frame_alike_in_both_renderers(cameras_glb: bytes,
                                                              camera: SceneCamera):
    options = RenderOptions(width=48, height=32, background=None)
    with Renderer() as renderer, renderer.load(cameras_glb) as scene:
        raster = renderer.render_pixels(scene, camera, options)

    path = PathTracer(cameras_glb, LIMITS).render_pixels(camera, RenderOptions(
        width=48, height=32, background=None, renderer="PATH_TRACED", samples=16))

    # The cube's edges fall on half pixels, so coverage is compared, not thresholded.
    ours, theirs = path[..., 3] / 255.0, raster[..., 3] / 255.0
    assert theirs.sum() > 100
    assert np.minimum(ours, theirs).sum() / np.maximum(ours, theirs).sum() > 0.93
    covered = silhouette(path)
    assert path[covered][:, 2].mean() > 2 * path[covered][:, 0].mean()  # the blue cube


def point_and_spot_lit_quad_glb() -> bytes:
    """A grey quad facing +Z lit by a point light in front of its left half and a spot above
    its right half pointing down at it."""
    writer = GlbWriter()
    quad = mesh_node(writer, {"POSITION": np.array([[-2, -1, 0], [2, -1, 0], [2, 1, 0],
                                                    [-2, 1, 0]]),
                              "NORMAL": np.tile([0, 0, 1], (4, 1))},
                     np.array([0, 1, 2, 0, 2, 3]), plain_material((0.8, 0.8, 0.8, 1.0)))
    writer.document["extensionsUsed"] = ["KHR_lights_punctual"]
    writer.document["extensions"] = {"KHR_lights_punctual": {"lights": [
        {"type": "point", "intensity": 2.0},
        {"type": "spot", "intensity": 2.0, "spot": {"outerConeAngle": 0.4}}]}}
    point = writer.add("nodes", {"translation": [-1.2, 0, 1],
                                 "extensions": {"KHR_lights_punctual": {"light": 0}}})
    spot = writer.add("nodes", {"translation": [1.2, 0, 1],  # glTF lights shine down -Z
                                "extensions": {"KHR_lights_punctual": {"light": 1}}})
    return writer.glb([quad, point, spot])


def test_point_and_spot_lights_light_the_quad_as_the_rasteriser_does():
    # Given a quad lit by a point light on its left and a spot light on its right
    glb = point_and_spot_lit_quad_glb()
    camera = LookAtCamera((0.0, 0.0, 2.5), (0.0, 0.0, 0.0))  # the quad fills the image
    with Renderer() as renderer, renderer.load(glb) as scene:
        raster = renderer.render_pixels(scene, camera, RenderOptions(width=64, height=32))
    # When it is path traced from the same camera
    path = traced(glb, RenderOptions(width=64, height=32, renderer="PATH_TRACED", samples=32),
                  camera)
    # Then the brightness across its middle rows (averaged, against the noise) follows the
    # raster one: peaks under each light (columns 13 and 51), darker between them and outside
    # the spot's cone
    row, expected = (pixels[12:20, 2:62, 0].mean(axis=0) for pixels in (path, raster))
    assert np.abs(row - expected).max() < 20, (row[::4], expected[::4])
    assert min(row[11], row[49]) > row[30] + 20
    assert row[58] < row[49] - 20


@pytest.mark.parametrize("glb_fixture", ["textured_quad_glb", "vertex_colored_cube_glb"])
def test_textures_and_vertex_colours_colour_the_surface_as_in_the_raster_render(
        request: pytest.FixtureRequest, glb_fixture: str):
    # Given a quad textured red, green over blue, yellow, or a cube painted green per vertex
    glb = request.getfixturevalue(glb_fixture)
    camera = LookAtCamera((0.0, 0.0, 3.0), (0.0, 0.0, 0.0))
    with Renderer() as renderer, renderer.load(glb) as scene:
        raster = renderer.render_pixels(scene, camera, RenderOptions(width=32, height=32))
    # When it is path traced from the same camera
    path = traced(glb, RenderOptions(width=32, height=32, renderer="PATH_TRACED", samples=16),
                  camera)
    # Then each quarter of the image has the raster render's hue
    for rows in (slice(10, 14), slice(18, 22)):
        for columns in (slice(10, 14), slice(18, 22)):
            ours = path[rows, columns, :3].reshape(-1, 3).mean(axis=0)
            theirs = raster[rows, columns, :3].reshape(-1, 3).mean(axis=0)
            assert np.all(np.abs(ours - theirs) < 30), (rows, columns, ours, theirs)
