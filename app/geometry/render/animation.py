"""glTF animations sampled at a time, in pure numpy: each channel's keyframes interpolated as its
sampler says (STEP, LINEAR with rotations slerped along the shorter arc, CUBICSPLINE Hermite
splines), giving the local matrix of every node the animation moves.

Before its first keyframe a channel holds its first value, after its last its last value, as
glTF viewers play them. `weights` channels are read past: the renderer draws no morph targets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from app.errors import CorruptFile, InvalidInput, NotFound
from app.geometry.gltf_io import GltfAsset, accessor_array
from app.geometry.render.transforms import Matrix, node_matrix

AnimationChoice = int | str  # an index in the glTF's `animations`, or a name
Pose = dict[int, Matrix]  # node index -> its local matrix, for the nodes an animation moves
INTERPOLATIONS = ("LINEAR", "STEP", "CUBICSPLINE")
_WIDTHS = {"translation": 3, "rotation": 4, "scale": 3}


@dataclass(frozen=True)
class Track:
    """One channel: a node's translation, rotation or scale keyed at `times` (seconds).

    `values` has one row per keyframe, or three (in-tangent, value, out-tangent) for CUBICSPLINE.
    """

    node: int
    path: str
    interpolation: str
    times: np.ndarray  # (k,) float64, strictly increasing
    values: np.ndarray  # (k, width) or (3k, width) float64

    def sample(self, time: float) -> np.ndarray:
        """The channel's value at `time`; rotations come back as unit quaternions (x, y, z, w)."""
        cubic = self.interpolation == "CUBICSPLINE"
        keys = self.values.reshape(len(self.times), 3, -1)[:, 1] if cubic else self.values
        last = len(self.times) - 1
        if time <= self.times[0] or last == 0:
            return self._finished(keys[0])
        if time >= self.times[last]:
            return self._finished(keys[last])
        index = int(np.searchsorted(self.times, time, side="right")) - 1
        start, end = float(self.times[index]), float(self.times[index + 1])
        fraction = (time - start) / (end - start)
        if self.interpolation == "STEP":
            return self._finished(keys[index])
        if cubic:
            tangents = self.values.reshape(len(self.times), 3, -1)
            return self._finished(hermite(keys[index], tangents[index, 2] * (end - start),
                                          keys[index + 1], tangents[index + 1, 0] * (end - start),
                                          fraction))
        if self.path == "rotation":
            return slerp(keys[index], keys[index + 1], fraction)
        result: np.ndarray = keys[index] + (keys[index + 1] - keys[index]) * fraction
        return result

    def _finished(self, value: np.ndarray) -> np.ndarray:
        if self.path != "rotation":
            return value
        norm = float(np.linalg.norm(value))
        return value / norm if norm > 0 else np.array([0.0, 0.0, 0.0, 1.0])


def slerp(first: np.ndarray, second: np.ndarray, fraction: float) -> np.ndarray:
    """Spherical interpolation of unit quaternions along the shorter arc."""
    first = first / np.linalg.norm(first)
    second = second / np.linalg.norm(second)
    cosine = float(np.dot(first, second))
    if cosine < 0.0:  # q and -q are the same rotation; go the short way round
        second, cosine = -second, -cosine
    if cosine > 0.9995:  # nearly parallel: the arc is a line, and sin(angle) would vanish
        blended = first + (second - first) * fraction
        result: np.ndarray = blended / np.linalg.norm(blended)
        return result
    angle = math.acos(cosine)
    result = (math.sin((1.0 - fraction) * angle) * first
              + math.sin(fraction * angle) * second) / math.sin(angle)
    return result


def hermite(start: np.ndarray, out_tangent: np.ndarray, end: np.ndarray, in_tangent: np.ndarray,
            fraction: float) -> np.ndarray:
    """glTF's cubic spline between two keyframes; tangents already scaled by the interval."""
    t, t2, t3 = fraction, fraction * fraction, fraction ** 3
    result: np.ndarray = ((2 * t3 - 3 * t2 + 1) * start + (t3 - 2 * t2 + t) * out_tangent
                          + (-2 * t3 + 3 * t2) * end + (t3 - t2) * in_tangent)
    return result


@dataclass(frozen=True)
class Animation:
    index: int
    name: str
    tracks: tuple[Track, ...]

    def pose(self, nodes: list[dict[str, Any]], time: float) -> Pose:
        """The local matrix at `time` of each node the animation moves: the node's own
        translation, rotation and scale with the animated ones replaced."""
        moved: dict[int, dict[str, Any]] = {}
        for track in self.tracks:
            node = nodes[track.node]
            transform = moved.setdefault(track.node, {
                key: node[key] for key in _WIDTHS if key in node})
            transform[track.path] = track.sample(time).tolist()
        return {index: node_matrix(transform) for index, transform in moved.items()}


@dataclass(frozen=True)
class DeclaredAnimation:
    """An animation as its glTF document alone describes it: `duration` is the latest
    keyframe time the input accessors of its node channels declare (their `max`, which glTF
    requires), None when one declares none."""

    index: int
    duration: float | None


def animation_index(animations: list[dict[str, Any]], choice: AnimationChoice) -> int:
    """The index of the animation `choice` names; raises InvalidInput (field `animation`) when
    the model has none, NotFound naming the field (`animation.index` or `animation.name`)
    when it has others."""
    if not animations:
        raise InvalidInput("the model has no animations", field=["animation"])
    if isinstance(choice, int):
        if not 0 <= choice < len(animations):
            raise NotFound(f"the model has no animation {choice} (it has {len(animations)})",
                           field=["animation", "index"])
        return choice
    names = [animation.get("name") for animation in animations]
    if choice not in names:
        known = ", ".join(repr(name) for name in names if name) or "none named"
        raise NotFound(f"the model has no animation named {choice!r} ({known})",
                       field=["animation", "name"])
    return names.index(choice)


def find_animation(asset: GltfAsset, choice: AnimationChoice) -> Animation:
    """The glTF animation `choice` names (see `animation_index`); CorruptFile for a
    malformed one."""
    index = animation_index(asset.section("animations"), choice)
    try:
        return _read_animation(asset, index)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise CorruptFile(f"animation {index} is malformed: {exc!r}") from exc


def declared_animation(document: dict[str, Any], choice: AnimationChoice) -> DeclaredAnimation:
    """The animation `choice` names, read from the glTF JSON alone (no keyframes are
    decoded); raises what `animation_index` raises, CorruptFile for a malformed one."""
    listed = document.get("animations")
    animations = listed if isinstance(listed, list) else []
    try:
        index = animation_index(animations, choice)
        animation = animations[index]
        accessors = document.get("accessors", [])
        ends = []
        for channel in animation.get("channels", []):
            target = channel["target"]
            if target["path"] not in _WIDTHS or "node" not in target:
                continue  # as _read_animation: channels the renderer does not play
            declared = accessors[animation["samplers"][channel["sampler"]]["input"]].get("max")
            if not declared:
                return DeclaredAnimation(index, None)
            ends.append(float(declared[0]))
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise CorruptFile(f"animation {choice!r} is malformed: {exc!r}") from exc
    return DeclaredAnimation(index, max(ends, default=0.0))


def check_time(animation: DeclaredAnimation, time: float, field: list[str]) -> None:
    """Raise InvalidInput, at `field`, for a time past the end of the animation (when its
    end is declared)."""
    if animation.duration is not None and time > animation.duration + 1e-9:
        raise InvalidInput(f"time {time:g}s is past the end of animation {animation.index} "
                           f"({animation.duration:g}s long)", field=field)


def _read_animation(asset: GltfAsset, index: int) -> Animation:
    animation = asset.section("animations")[index]
    nodes = asset.section("nodes")
    samplers = animation.get("samplers", [])
    tracks = []
    for channel in animation.get("channels", []):
        target = channel["target"]
        path = target["path"]
        if path not in _WIDTHS or "node" not in target:
            continue  # morph weights, or a channel an extension defines
        node = int(target["node"])
        if not 0 <= node < len(nodes):
            raise CorruptFile(f"animation {index} moves node {node}, which does not exist")
        if "matrix" in nodes[node]:
            raise CorruptFile(f"animation {index} moves node {node}, which has a matrix")
        tracks.append(_track(asset, samplers[channel["sampler"]], node, path))
    return Animation(index=index, name=str(animation.get("name", "")), tracks=tuple(tracks))


def _track(asset: GltfAsset, sampler: dict[str, Any], node: int, path: str) -> Track:
    interpolation = sampler.get("interpolation", "LINEAR")
    if interpolation not in INTERPOLATIONS:
        raise CorruptFile(f"unknown animation interpolation {interpolation!r}")
    times = accessor_array(asset, sampler["input"]).astype(np.float64).reshape(-1)
    values = accessor_array(asset, sampler["output"]).astype(np.float64)
    rows = len(times) * (3 if interpolation == "CUBICSPLINE" else 1)
    if (not len(times) or values.ndim != 2 or values.shape != (rows, _WIDTHS[path])
            or not np.all(np.isfinite(times)) or np.any(np.diff(times) <= 0)):
        raise CorruptFile(f"the {path} keyframes of node {node} are malformed")
    return Track(node=node, path=path, interpolation=interpolation, times=times, values=values)
