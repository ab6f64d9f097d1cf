"""Cameras and KHR_lights_punctual lights: projection parameters, light types, light references."""

from __future__ import annotations

import math
from typing import Any

from .context import join
from .model import Model


def check_cameras(model: Model) -> None:
    ctx, reader = model.ctx, model.reader
    for i, camera, pointer in model.enumerate("cameras"):
        raw = model.asset.document["cameras"][i]
        if "orthographic" in raw and "perspective" in raw:
            ctx.add("ONE_OF_MISMATCH", pointer, "'orthographic', 'perspective'")
        kind = camera.get("type")
        if kind == "orthographic":
            ortho = reader.child(raw, "orthographic", "cameraOrthographic", pointer, required=True)
            if ortho is not None:
                _check_orthographic(model, ortho, join(pointer, "orthographic"))
        elif kind == "perspective":
            perspective = reader.child(raw, "perspective", "cameraPerspective", pointer,
                                       required=True)
            if perspective is not None:
                where = join(pointer, "perspective")
                yfov, zfar, znear = (perspective.get(k) for k in ("yfov", "zfar", "znear"))
                if yfov is not None and yfov >= math.pi:
                    ctx.add("CAMERA_YFOV_GEQUAL_PI", where)
                if zfar is not None and znear is not None and zfar <= znear:
                    ctx.add("CAMERA_ZFAR_LEQUAL_ZNEAR", where)


def _check_orthographic(model: Model, ortho: dict[str, Any], where: str) -> None:
    zfar, znear = ortho.get("zfar"), ortho.get("znear")
    if zfar is not None and znear is not None and zfar <= znear:
        model.ctx.add("CAMERA_ZFAR_LEQUAL_ZNEAR", where)
    for name in ("xmag", "ymag"):
        value = ortho.get(name)
        if value == 0:
            model.ctx.add("CAMERA_XMAG_YMAG_ZERO", join(where, name))
        elif value is not None and value < 0:
            model.ctx.add("CAMERA_XMAG_YMAG_NEGATIVE", join(where, name))


def check_lights(model: Model) -> None:
    """Light definitions at the root, and each node's reference to one."""
    ctx, reader = model.ctx, model.reader
    root = model.extensions.get("KHR_lights_punctual")
    lights = (root.get("lights") or []) if isinstance(root, dict) else []
    for i, light in enumerate(lights):
        where = join("/extensions/KHR_lights_punctual/lights", i)
        if light.get("type") == "spot":  # `spot` was kept as given, to be read only here
            spot = reader.child(light, "spot", "KHR_lights_punctual.spot", where, required=True)
            if spot is not None:
                inner = spot.get("innerConeAngle", 0.0)
                outer = spot.get("outerConeAngle", math.pi / 4)
                if inner is not None and outer is not None and outer <= inner:
                    ctx.add("KHR_LIGHTS_PUNCTUAL_LIGHT_SPOT_ANGLES",
                            join(where, "spot", "outerConeAngle"), inner, outer)
        elif "spot" in light:
            ctx.add("EXTRA_PROPERTY", join(where, "spot"))
        if light.get("type") == "directional" and light.get("range") is not None:
            ctx.add("EXTRA_PROPERTY", join(where, "range"))
    for _, node, pointer in model.enumerate("nodes"):
        reference = node["extensions"].get("KHR_lights_punctual")
        if not isinstance(reference, dict):
            continue
        where = join(pointer, "extensions", "KHR_lights_punctual")
        if not isinstance(root, dict):
            ctx.add("UNSATISFIED_DEPENDENCY", where, "'/extensions/KHR_lights_punctual'")
            continue
        index = reference.get("light")
        if index is not None and not 0 <= index < len(lights):
            ctx.add("UNRESOLVED_REFERENCE", join(where, "light"), index)
