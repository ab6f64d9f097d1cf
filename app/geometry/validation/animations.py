"""Animations: sampler accessors and formats, channel targets, and KHR_animation_pointer."""

from __future__ import annotations

from typing import Any

from .context import TYPE_WIDTHS, join
from .formats import ANIMATION_INPUT_FORMAT, ANIMATION_OUTPUT_FORMATS, describe, format_of
from .model import ElementCheck, Model

TRS = ("translation", "rotation", "scale")


def check_animations(model: Model) -> None:
    for _, animation, pointer in model.enumerate("animations"):
        samplers, channels = animation.get("samplers"), animation.get("channels")
        if samplers is None or channels is None:
            continue
        for s, sampler in enumerate(samplers):
            _link_sampler(model, sampler, join(pointer, "samplers", s))
        for c, channel in enumerate(channels):
            _link_channel(model, channel, samplers, join(pointer, "channels", c))
        _check_duplicate_targets(model, channels, pointer)


def _check_duplicate_targets(model: Model, channels: list[dict[str, Any]], pointer: str) -> None:
    """Each channel that animates the same node and path as a later channel."""
    later: dict[tuple[int, str | None], list[int]] = {}
    for c in range(len(channels) - 1, -1, -1):
        key = _target_key(channels[c])
        if key is None:
            continue
        if channels[c].get("sampler") is not None:
            for other in reversed(later.get(key, [])):
                model.ctx.add("ANIMATION_DUPLICATE_TARGETS",
                              join(pointer, "channels", c, "target"), other)
        later.setdefault(key, []).append(c)


def _target_key(channel: dict[str, Any]) -> tuple[int, str | None] | None:
    target = channel.get("target") or {}
    node, path = target.get("node"), target.get("path")
    return (node, path) if node is not None else None


def _link_sampler(model: Model, sampler: dict[str, Any], pointer: str) -> None:
    ctx = model.ctx
    for name, usage in (("input", "AnimationInput"), ("output", "AnimationOutput")):
        where = join(pointer, name)
        accessor = model.resolve("accessors", sampler.get(name), where)
        if accessor is None:
            continue
        model.use_accessor(sampler[name], usage, where)
        view = model.get("bufferViews", accessor.get("bufferView"))
        if view is not None and view.get("byteStride") is not None:
            ctx.add("ANIMATION_SAMPLER_ACCESSOR_WITH_BYTESTRIDE", where)
        if name == "output":
            continue
        if format_of(accessor) != ANIMATION_INPUT_FORMAT:
            ctx.add("ANIMATION_SAMPLER_INPUT_ACCESSOR_INVALID_FORMAT", where,
                    describe(format_of(accessor)))
        else:
            model.checks.append(ElementCheck("input", sampler[name], where))
        if accessor.get("min") is None or accessor.get("max") is None:
            ctx.add("ANIMATION_SAMPLER_INPUT_ACCESSOR_WITHOUT_BOUNDS", where)
        count = accessor.get("count")
        if sampler.get("interpolation") == "CUBICSPLINE" and isinstance(count, int) and count < 2:
            ctx.add("ANIMATION_SAMPLER_INPUT_ACCESSOR_TOO_FEW_ELEMENTS", where, "'CUBICSPLINE'",
                    2, count)


def _link_channel(model: Model, channel: dict[str, Any], samplers: list[dict[str, Any]],
                  pointer: str) -> None:
    ctx = model.ctx
    target = channel.get("target") or {}
    path = target.get("path")
    node = model.resolve("nodes", target.get("node"), pointer, "target", "node")
    if node is not None:
        if path in TRS:
            if node.get("matrix") is not None:
                ctx.add("ANIMATION_CHANNEL_TARGET_NODE_MATRIX", join(pointer, "target"))
            if model.get("skins", node.get("skin")) is not None:
                ctx.add("ANIMATION_CHANNEL_TARGET_NODE_SKIN", join(pointer, "target", "path"))
        elif path == "weights" and _morph_targets(model, node) is None:
            ctx.add("ANIMATION_CHANNEL_TARGET_NODE_WEIGHTS_NO_MORPHS", join(pointer, "target"))
    _check_pointer_extension(model, target, node, join(pointer, "target"))
    index = channel.get("sampler")
    if index is None:
        return
    if not 0 <= index < len(samplers):
        ctx.add("UNRESOLVED_REFERENCE", join(pointer, "sampler"), index)
        return
    sampler = samplers[index]
    output = model.get("accessors", sampler.get("output"))
    if not target or output is None:
        return
    where = join(pointer, "sampler")
    interpolation = sampler.get("interpolation", "LINEAR")
    if path == "rotation" and TYPE_WIDTHS.get(output.get("type", "")) == 4:
        model.checks.append(ElementCheck("quaternion", sampler["output"], where,
                                         (interpolation == "CUBICSPLINE",)))
    valid = ANIMATION_OUTPUT_FORMATS.get(path) if path is not None else None
    if valid is not None and format_of(output) not in valid:
        ctx.add("ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_FORMAT", where,
                describe(format_of(output)), f"'{path}'")
    source = model.get("accessors", sampler.get("input"))
    input_count, output_count = (source or {}).get("count"), output.get("count")
    if interpolation is None or not (isinstance(input_count, int)
                                     and isinstance(output_count, int)):
        return
    expected = input_count * (3 if interpolation == "CUBICSPLINE" else 1)
    if path == "weights":
        expected *= (_morph_targets(model, node) or 0) if node is not None else 0
    elif path not in TRS:
        expected = 0
    if expected and expected != output_count:
        ctx.add("ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_COUNT", where, expected, output_count)


def _morph_targets(model: Model, node: dict[str, Any]) -> int | None:
    facts = model.primitives.get(node.get("mesh", -1)) or []
    return facts[0].targets if facts else None


def _check_pointer_extension(model: Model, target: dict[str, Any], node: dict[str, Any] | None,
                             pointer: str) -> None:
    extension = (target.get("extensions") or {}).get("KHR_animation_pointer")
    if not isinstance(extension, dict):
        return
    where = join(pointer, "extensions", "KHR_animation_pointer")
    model.ctx.add("INCOMPLETE_EXTENSION_SUPPORT", where)
    if node is not None:
        model.ctx.add("KHR_ANIMATION_POINTER_ANIMATION_CHANNEL_TARGET_NODE", where)
    if target.get("path") != "pointer":
        model.ctx.add("KHR_ANIMATION_POINTER_ANIMATION_CHANNEL_TARGET_PATH", where,
                      f"'{target.get('path')}'")
