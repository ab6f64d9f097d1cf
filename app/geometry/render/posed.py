"""The scenes a render draws: the model at rest, or posed by one of its animations at each
frame's time. Every pose shares one set of decoded primitives, materials and textures, and is
framed by the bounds of all of them, so a camera that frames the model holds still while it
moves."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from app.geometry.render.animation import AnimationChoice, find_animation
from app.geometry.render.options import RenderLimits
from app.geometry.render.scene_data import Bounds, SceneData
from app.geometry.render.scene_reader import SceneReader


class PosedScenes:
    """The scene of each time in `times` (None: at rest) as the GLB's animation `choice`
    (None: none) poses it."""

    def __init__(self, glb: bytes, limits: RenderLimits, choice: AnimationChoice | None,
                 times: Sequence[float | None]) -> None:
        """Raises what `read_scene` and `find_animation` raise."""
        reader = SceneReader(glb, limits)
        nodes = reader.asset.section("nodes")
        animation = None if choice is None else find_animation(reader.asset, choice)
        scenes = {time: reader.read(None if animation is None or time is None
                                    else animation.pose(nodes, time))
                  for time in dict.fromkeys(times)}
        corners = np.concatenate([scene.bounds.corners() for scene in scenes.values()])
        bounds = Bounds.of_points(corners)
        self._scenes = {time: dataclasses.replace(scene, bounds=bounds)
                        for time, scene in scenes.items()}

    @property
    def first(self) -> SceneData:
        return next(iter(self._scenes.values()))

    def at(self, time: float | None) -> SceneData:
        """The scene at one of the times it was read at."""
        return self._scenes[time]
