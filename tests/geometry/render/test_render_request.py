"""A RenderRequest round-trips through JSON params, gives each frame's camera, and checks limits."""

from __future__ import annotations

import json

import pytest

from app.errors import AtelierError, ErrorCode
from app.geometry.render import (
    LookAtCamera,
    OrbitCamera,
    RenderLimits,
    RenderOptions,
    RenderRequest,
    SceneCamera,
    Turntable,
)
from app.geometry.render.cameras import DEFAULT_CAMERA, vec3
from app.geometry.render.options import rgba

LIMITS = RenderLimits()


@pytest.mark.parametrize("request_", [
    RenderRequest(),
    RenderRequest(LookAtCamera((1.0, 2.0, 3.0), (0.0, 0.5, 0.0), (0.0, 0.0, 1.0), 30.0),
                  RenderOptions(width=64, height=32, format="JPEG", samples=0, quality=70)),
    RenderRequest(OrbitCamera(15.0, -10.0, 4.5, 60.0),
                  RenderOptions(format="WEBP", background=None), Turntable(12, 35.0)),
    RenderRequest(SceneCamera("Closeup"), RenderOptions(background=(0.1, 0.2, 0.3, 0.5))),
])
def test_params_survive_a_json_round_trip(request_: RenderRequest):
    params = json.loads(json.dumps(request_.to_params()))

    assert RenderRequest.from_params(params) == request_


def test_params_are_named_like_the_graphql_input():
    request = RenderRequest(OrbitCamera(10.0, 20.0), turntable=Turntable(4))

    params = request.to_params()

    assert params["camera"] == {"orbit": {"yaw": 10.0, "pitch": 20.0, "distance": None,
                                          "fovY": 45.0}}
    assert params["turntable"] == {"frames": 4, "pitch": None}
    assert params["background"] == list(RenderOptions().background or [])


def test_a_single_image_uses_its_camera_or_the_default_framing():
    camera = LookAtCamera((0.0, 0.0, 3.0), (0.0, 0.0, 0.0))

    assert RenderRequest(camera).cameras(LIMITS) == [camera]
    assert RenderRequest().cameras(LIMITS) == [DEFAULT_CAMERA]


def test_a_turntable_starts_at_the_orbit_camera_and_keeps_its_lens():
    request = RenderRequest(OrbitCamera(30.0, 10.0, 5.0, 35.0), turntable=Turntable(4))

    cameras = request.cameras(LIMITS)

    assert cameras == [OrbitCamera(yaw, 10.0, 5.0, 35.0) for yaw in (30.0, 120.0, 210.0, 300.0)]


def test_a_turntable_pitch_overrides_the_orbit_pitch_and_defaults_to_twenty():
    tilted = RenderRequest(OrbitCamera(0.0, 10.0), turntable=Turntable(2, pitch_deg=45.0))
    plain = RenderRequest(turntable=Turntable(2))

    assert [c.pitch_deg for c in tilted.cameras(LIMITS)] == [45.0, 45.0]
    assert [(c.yaw_deg, c.pitch_deg) for c in plain.cameras(LIMITS)] == [(0.0, 20.0),
                                                                         (180.0, 20.0)]


@pytest.mark.parametrize("camera", [LookAtCamera((0.0, 0.0, 3.0), (0.0, 0.0, 0.0)),
                                    SceneCamera(0)])
def test_a_turntable_needs_an_orbit_camera_or_none(camera):
    with pytest.raises(AtelierError) as raised:
        RenderRequest(camera, turntable=Turntable(8))

    assert raised.value.code is ErrorCode.UNSUPPORTED_OPTION
    assert raised.value.field == ["turntable"]


@pytest.mark.parametrize(("request_", "field"), [
    (RenderRequest(options=RenderOptions(width=601)), ["width"]),
    (RenderRequest(options=RenderOptions(samples=9)), ["samples"]),
    (RenderRequest(turntable=Turntable(11)), ["turntable", "frames"]),
])
def test_check_refuses_what_exceeds_the_limits(request_: RenderRequest, field: list[str]):
    limits = RenderLimits(max_width=600, max_samples=8, max_frames=10)

    with pytest.raises(AtelierError) as raised:
        request_.check(limits)

    assert raised.value.code is ErrorCode.LIMIT_EXCEEDED
    assert raised.value.field == field


def test_check_accepts_what_is_within_the_limits():
    limits = RenderLimits(max_width=64, max_height=64, max_samples=8, max_frames=10)

    RenderRequest(options=RenderOptions(width=64, height=64, samples=8),
                  turntable=Turntable(10)).check(limits)


@pytest.mark.parametrize(("build", "field"), [
    (lambda: Turntable(0), ["frames"]),
    (lambda: Turntable(3, pitch_deg=float("nan")), ["pitch"]),
    (lambda: vec3([1.0, 2.0], "up"), ["up"]),
    (lambda: rgba([1.0, 0.0, 0.0]), ["background"]),
])
def test_malformed_values_are_invalid_input(build, field: list[str]):
    with pytest.raises(AtelierError) as raised:
        build()

    assert raised.value.code is ErrorCode.INVALID_INPUT
    assert raised.value.field == field
