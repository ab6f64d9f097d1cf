"""The live stream of a scene's accepted updates, for `sceneChanged`.

Redis only wakes the stream up; each revision and the scene sent with it are read from the
database, and the viewer's right to see the scene is checked again for every event. A missed
notice delays an event by at most `poll_seconds` (a cheap version check), never loses it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from app.errors import NotFound
from app.models.scene import Scene, SceneRevision
from app.models.token import Scope
from app.services.auth import Principal
from app.services.events import EventBus, scene_topic


async def scene_revisions(
    bus: EventBus, principal: Principal, scene_id: str, after_version: int | None,
    poll_seconds: float = 5.0,
) -> AsyncIterator[tuple[SceneRevision, Scene]]:
    """(revision, scene as read after it) for each update after `after_version` (default:
    from now on). A revision older than the scene's short log comes as one with no changes
    listed. Ends when the scene goes away or out of the viewer's sight."""
    principal.require(Scope.SCENES_READ)
    async with bus.subscribe(scene_topic(scene_id)) as notices:
        current = await _visible_version(principal, scene_id)
        if current is None:
            raise NotFound(f"no scene with id {scene_id}", field=["sceneId"])
        last = current if after_version is None else min(after_version, current)
        while True:
            if current is None:
                return
            if current > last:
                scene = await Scene.get(scene_id)
                if scene is None or not principal.can_access(scene.owner):
                    return
                for revision in _revisions_after(scene, last):
                    yield revision, scene
                    last = revision.version
            notice = await notices.next(poll_seconds)
            if notice is not None and int(notice.get("version", 0)) <= last:
                continue
            current = await _visible_version(principal, scene_id)


def _revisions_after(scene: Scene, version: int) -> list[SceneRevision]:
    logged = [revision for revision in scene.revisions if revision.version > version]
    first = logged[0].version if logged else scene.version + 1
    if first > version + 1:
        # The log no longer reaches back that far: one event stands for the gap.
        logged.insert(0, SceneRevision(version=first - 1, changes=[]))
    return logged


async def _visible_version(principal: Principal, scene_id: str) -> int | None:
    found = await Scene.get_pymongo_collection().find_one(
        {"_id": scene_id}, projection={"version": 1, "owner": 1})
    if found is None or not principal.can_access(found["owner"]):
        return None
    return int(found["version"])
