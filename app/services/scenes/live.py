"""The live stream of a scene's accepted updates, for `sceneChanged`: each revision after a
version, paired with the scene as read after it.

A scene document carries a short log of its recent revisions, so each change on the feed
brings the revisions it adds; a version the log no longer reaches comes as one revision with
no changes listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from app.errors import NotFound
from app.models.scene import Scene, SceneRevision
from app.services.auth import Principal
from app.services.live_streams import LiveSource, Opening

SceneStep = tuple[SceneRevision, Scene]


def decode_scene(document: dict[str, Any]) -> tuple[Iterable[str], object]:
    scene = Scene.model_validate(document)
    return [f"scene:{scene.id}"], scene


class SceneSource(LiveSource[SceneStep]):
    gapless = True

    def __init__(self, principal: Principal, scene_id: str, after_version: int | None) -> None:
        self.key = f"scene:{scene_id}"
        self.principal = principal
        self.scene_id = scene_id
        self.after_version = after_version

    async def opening(self) -> Opening[SceneStep]:
        scene = await self._visible_scene()
        if self.after_version is None or self.after_version >= scene.version:
            return Opening(scene.version)
        return Opening(scene.version, _steps_after(scene, self.after_version))

    async def read_after(self, position: int) -> list[SceneStep]:
        return _steps_after(await self._visible_scene(), position)

    def accept(self, value: object) -> Sequence[SceneStep]:
        if not isinstance(value, Scene):
            return []
        return [(revision, value) for revision in value.revisions]

    def position(self, item: SceneStep) -> int:
        return item[0].version

    def visible(self, item: SceneStep) -> bool:
        return self.principal.projects.can_read(item[1].project_id)

    async def _visible_scene(self) -> Scene:
        scene = await Scene.get(self.scene_id)
        if scene is None or not self.principal.projects.can_read(scene.project_id):
            raise NotFound(f"no scene with id {self.scene_id}", field=["scene_id"])
        return scene


def _steps_after(scene: Scene, version: int) -> list[SceneStep]:
    logged = [revision for revision in scene.revisions if revision.version > version]
    first = logged[0].version if logged else scene.version + 1
    if first > version + 1:
        # The log no longer reaches back that far: one event stands for the gap.
        logged.insert(0, SceneRevision(version=first - 1, changes=[]))
    return [(revision, scene) for revision in logged]
