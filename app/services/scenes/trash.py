"""Deleting and restoring scenes through the trash: a deleted scene is hidden from every read
until it is restored, as it was (graph, version, revisions), or swept with its stored GLBs."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from pymongo.asynchronous.client_session import AsyncClientSession

from app.models.scene import Scene
from app.models.token import Scope
from app.models.trash import TrashKind
from app.services.auth import Principal
from app.services.point_writes import delete_by_id
from app.services.scenes.service import SceneService
from app.services.trash import Trash, not_found, trashed_project


async def take_scene(scene_id: str, session: AsyncClientSession) -> dict[str, Any] | None:
    return await delete_by_id(Scene.get_pymongo_collection(), scene_id, session)


async def put_scene(document: Mapping[str, Any], session: AsyncClientSession) -> None:
    await Scene.get_pymongo_collection().insert_one(dict(document), session=session)


class SceneTrash:
    def __init__(self, scenes: SceneService, trash: Trash) -> None:
        self.scenes = scenes
        self.trash = trash

    async def delete(self, principal: Principal, scene_id: str) -> Scene:
        scene = await self.scenes.get_writable(principal, scene_id)
        await self.trash.put_away(TrashKind.SCENE, scene.id,
                                  functools.partial(take_scene, scene.id))
        return scene

    async def restore(self, principal: Principal, scene_id: str) -> Scene:
        """The scene back from the trash; NOT_FOUND once swept, or when another owner's."""
        principal.require(Scope.SCENES_WRITE)
        entry = await self.trash.visible(principal, TrashKind.SCENE, scene_id)
        principal.projects.require_write(trashed_project(entry),
                                         not_found(TrashKind.SCENE, scene_id))
        document = await self.trash.bring_back(principal, TrashKind.SCENE, scene_id, put_scene)
        scene: Scene = Scene.model_validate(document)
        return scene
