"""Cameras: the glTF's own (by name, index, through parents, orthographic), orbits and framing."""

from __future__ import annotations

import colorsys

import numpy as np
import pytest

from app.errors import ErrorCode, InvalidInput, LimitExceeded
from app.geometry.render import (
    OrbitCamera,
    Renderer,
    RenderOptions,
    SceneCamera,
    turntable_cameras,
)

TRANSPARENT = RenderOptions(width=128, height=128, background=None)


def centre_hue(pixels: np.ndarray) -> float:
    height, width = pixels.shape[:2]
    red, green, blue = pixels[height // 2, width // 2, :3] / 255.0
    return colorsys.rgb_to_hsv(red, green, blue)[0] * 360.0


def test_scene_lists_its_camera_names(renderer: Renderer, cameras_glb: bytes):
    with renderer.load(cameras_glb) as scene:
        assert scene.camera_names == ("BlueCam", "RedCam", "TopCam", "Unplaced")


@pytest.mark.parametrize(
    ("camera", "hue"),
    [(SceneCamera("BlueCam"), 240.0), (SceneCamera(0), 240.0), (SceneCamera("RedCam"), 0.0),
     (SceneCamera(1), 0.0)],
)
def test_named_scene_camera_looks_through_its_node(
    renderer: Renderer, cameras_glb: bytes, camera: SceneCamera, hue: float
):
    # Given a red cube at x=-3 and a blue cube at x=3, each with a camera in front of it
    with renderer.load(cameras_glb) as scene:
        # When rendering through one of the scene's cameras
        pixels = renderer.render_pixels(scene, camera, TRANSPARENT)
    # Then the cube in front of that camera fills the centre
    assert pixels[64, 64, 3] == 255
    assert min(abs(centre_hue(pixels) - hue), 360 - abs(centre_hue(pixels) - hue)) < 10.0


def test_orthographic_scene_camera_shows_the_cube_at_its_true_size(
    renderer: Renderer, cameras_glb: bytes
):
    # Given an orthographic camera looking down on the unit cube, 2 units of view high
    with renderer.load(cameras_glb) as scene:
        pixels = renderer.render_pixels(scene, SceneCamera("TopCam"), TRANSPARENT)
    # Then the cube's top covers half the width and half the height: a quarter of the image
    coverage = pixels[:, :, 3].sum() / 255.0 / pixels[:, :, 3].size
    assert abs(coverage - 0.25) < 0.01
    assert abs(centre_hue(pixels) - 240.0) < 10.0


@pytest.mark.parametrize("name", ["Nowhere", "Unplaced", 7])
def test_unknown_or_unplaced_scene_camera_is_invalid_input(
    renderer: Renderer, cameras_glb: bytes, name: str | int
):
    with renderer.load(cameras_glb) as scene, pytest.raises(InvalidInput) as raised:
        renderer.render_pixels(scene, SceneCamera(name), TRANSPARENT)
    assert raised.value.code == ErrorCode.INVALID_INPUT
    assert str(name) in raised.value.message


@pytest.mark.parametrize("camera", [None, OrbitCamera(90.0, 0.0), OrbitCamera(-30.0, 89.9),
                                    OrbitCamera(200.0, -90.0)])
def test_auto_framing_fits_the_whole_model(
    renderer: Renderer, cameras_glb: bytes, camera: OrbitCamera | None
):
    # Given a scene 7 units wide and a camera without a distance
    options = RenderOptions(width=160, height=90, background=None)
    with renderer.load(cameras_glb) as scene:
        pixels = renderer.render_pixels(scene, camera, options)
    alpha = pixels[:, :, 3]
    # Then nothing touches the image border and the model fills a fair part of it
    border = np.concatenate([alpha[0], alpha[-1], alpha[:, 0], alpha[:, -1]])
    assert border.max() == 0
    assert (alpha > 0).mean() > 0.05


def test_orbit_distance_sets_how_large_the_model_appears(renderer: Renderer, red_cube_glb: bytes):
    with renderer.load(red_cube_glb) as scene:
        near = renderer.render_pixels(scene, OrbitCamera(0.0, 0.0, distance=3.0), TRANSPARENT)
        far = renderer.render_pixels(scene, OrbitCamera(0.0, 0.0, distance=6.0), TRANSPARENT)
    # A face at distance d - 0.5 covers an area proportional to 1 / (d - 0.5)^2
    ratio = (near[:, :, 3].sum() / far[:, :, 3].sum())
    assert abs(ratio - (5.5 / 2.5) ** 2) < 0.1


def test_turntable_cameras_space_yaw_evenly():
    cameras = turntable_cameras(4, pitch_deg=15.0, fov_y_deg=30.0)
    assert [camera.yaw_deg for camera in cameras] == [0.0, 90.0, 180.0, 270.0]
    assert {(camera.pitch_deg, camera.fov_y_deg, camera.distance) for camera in cameras} == {
        (15.0, 30.0, None)}


def test_turntable_frame_count_is_checked():
    with pytest.raises(InvalidInput):
        turntable_cameras(0)
    with pytest.raises(LimitExceeded) as raised:
        turntable_cameras(25, max_frames=24)
    assert raised.value.code == ErrorCode.LIMIT_EXCEEDED
    assert raised.value.field == ["frames"]
