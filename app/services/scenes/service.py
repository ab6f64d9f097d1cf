"""Scenes: create (empty, from operations, or from an asset's glTF scene), read, list, and update
by compare-and-set on `version`, so each accepted update bumps it exactly once, whoever else
is writing. Every accepted update is announced through Redis for `sceneChanged`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from beanie.odm.utils.encoder import Encoder

from app.config import Settings
from app.errors import AtelierError, Conflict, InvalidInput, LimitExceeded, NotFound
from app.geometry.scene_graph import LatestVersion, SceneGraph
from app.geometry.scene_import import graph_from_gltf
from app.models.asset import Asset, AssetStatus
from app.models.common import utcnow
from app.models.project import personal_project_id
from app.models.scene import Scene, SceneChange, SceneChangeKind, SceneRevision, SceneSummary
from app.models.token import Scope
from app.services.auth import Principal
from app.services.lookup import find_by_ids
from app.services.pagination import Page, paginate
from app.services.scenes.assets import SceneAssets, SceneSources
from app.services.scenes.edits import EditResult, apply_operations, graph_bounds
from app.services.scenes.files import Composer, SceneGlbs, compose_in_thread
from app.services.scenes.follow import follow_latest
from app.services.scenes.operations import Operation
from app.services.storage import Storage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SceneLimits:
    """The scene limits, a view of Settings (which alone gives their values)."""

    max_nodes: int
    max_operations: int
    max_page_size: int
    max_name_length: int
    max_document_bytes: int
    max_export_bytes: int
    revisions_kept: int
    # Updates without expectedVersion re-apply on the newer scene this many times at most: a
    # bound on retries under contention, not a limit on what a client asks for.
    update_attempts: int = 10

    @classmethod
    def from_settings(cls, settings: Settings) -> SceneLimits:
        return cls(max_nodes=settings.max_scene_nodes,
                   max_operations=settings.max_scene_operations,
                   max_page_size=settings.max_page_size,
                   max_name_length=settings.max_scene_name_length,
                   max_document_bytes=settings.max_scene_document_bytes,
                   max_export_bytes=settings.max_scene_export_bytes,
                   revisions_kept=settings.scene_revisions_kept)


async def read_scene(scene_id: str) -> Scene | None:
    """A scene read with PyMongo and validated once: a third faster than Beanie's `get` on a
    large graph, which matters on every query of a scene."""
    document = await Scene.get_pymongo_collection().find_one({"_id": scene_id})
    return None if document is None else Scene.model_validate(document)


class SceneService:
    def __init__(self, storage: Storage, limits: SceneLimits) -> None:
        self.assets = SceneAssets(storage, max_document_bytes=limits.max_document_bytes,
                                  max_export_bytes=limits.max_export_bytes)
        self.glbs = SceneGlbs(self.assets, storage)
        self.limits = limits

    async def get_visible(self, principal: Principal, scene_id: str) -> Scene:
        principal.require(Scope.SCENES_READ)
        scene = await read_scene(scene_id)
        if scene is None or not principal.projects.can_read(scene.project_id):
            raise _no_scene(scene_id)
        return scene

    async def get_writable(self, principal: Principal, scene_id: str) -> Scene:
        """The scene for a change: NOT_FOUND as `get_visible`, FORBIDDEN for a VIEWER."""
        principal.require(Scope.SCENES_WRITE)
        scene = await self.get_visible(principal, scene_id)
        principal.projects.require_write(scene.project_id, _no_scene(scene_id))
        return scene

    async def list(self, principal: Principal, *, first: int | None, after: str | None,
                   last: int | None = None, before: str | None = None) -> Page[Any]:
        """The viewer's scenes newest first, without their graphs."""
        principal.require(Scope.SCENES_READ)
        return await paginate(Scene, principal.projects.query(), first=first, after=after,
                              last=last, before=before, max_size=self.limits.max_page_size,
                              projection=SceneSummary)

    async def create(self, principal: Principal, *, name: str,
                     operations: Sequence[Operation] = ()) -> Scene:
        principal.require(Scope.SCENES_WRITE)
        name = _clean_name(name, self.limits.max_name_length)
        documents = await self._checked_documents(principal, operations)
        result = await self._apply(SceneGraph(), operations, documents)
        scene = Scene(owner=principal.owner, name=name, graph=result.graph,
                      node_count=len(result.graph.nodes), bounds=result.bounds,
                      revisions=[SceneRevision(version=1, changes=result.changes)])
        await scene.insert()
        return scene

    async def create_from_asset(self, principal: Principal, asset_id: str) -> Scene:
        principal.require(Scope.SCENES_WRITE)
        of_asset = await self.asset_scene(principal, asset_id)
        # In the asset's project when the caller may write there, else in its personal one.
        project_id = of_asset.project_id if principal.projects.can_write(
            of_asset.project_id) else personal_project_id(principal.owner)
        scene = Scene(owner=principal.owner, project_id=project_id, name=of_asset.name,
                      graph=of_asset.graph,
                      node_count=of_asset.node_count, bounds=of_asset.bounds,
                      revisions=[SceneRevision(version=1, changes=[
                          SceneChange(kind=SceneChangeKind.NODE_ADDED, target_id=node.id)
                          for node in of_asset.graph.nodes])])
        await scene.insert()
        return scene

    async def asset_scene(self, principal: Principal, asset_id: str) -> Scene:
        """A READY asset's glTF scene, unsaved: version 0, the asset's id and owner."""
        found = await find_by_ids(Asset, [asset_id])
        scene = (await self.asset_scenes(principal, {asset_id: found.get(asset_id)}))[asset_id]
        if isinstance(scene, AtelierError):
            raise scene
        return scene

    async def asset_scenes(self, principal: Principal, assets: Mapping[str, Asset | None]
                           ) -> dict[str, Scene | AtelierError]:
        """`asset_scene` of assets already read (None: no such asset), or why not, each: their
        glTF documents read and imported concurrently."""
        usable = self.assets.usable_among(principal, assets)

        async def scene_of(found: Asset | AtelierError) -> Scene | AtelierError:
            if isinstance(found, AtelierError):
                return found
            try:
                document = await self.assets.gltf_document(found)
                imported = await asyncio.to_thread(self._import, document, found.id)
            except AtelierError as error:
                return error
            imported.graph.latest = [LatestVersion(asset_id=found.id,
                                                   number=found.current_version)]
            return Scene(id=found.id, owner=found.owner, project_id=found.project_id,
                         name=found.name, version=0,
                         graph=imported.graph, node_count=len(imported.graph.nodes),
                         bounds=imported.bounds)

        scenes = await asyncio.gather(*(scene_of(found) for found in usable.values()))
        return dict(zip(usable, scenes, strict=True))

    async def update(self, principal: Principal, scene_id: str, *, name: str | None = None,
                     operations: Sequence[Operation] = (), expected_version: int | None = None
                     ) -> Scene:
        """Apply a rename and operations atomically. CONFLICT when `expected_version` is not
        current; without it, the operations are re-applied to a scene changed meanwhile."""
        principal.require(Scope.SCENES_WRITE)
        if name is None and not operations:
            raise InvalidInput("give a name or at least one operation", field=[])
        new_name = None if name is None else _clean_name(name, self.limits.max_name_length)
        documents = await self._checked_documents(principal, operations)
        for _ in range(self.limits.update_attempts):
            scene = await self.get_writable(principal, scene_id)
            if expected_version is not None and scene.version != expected_version:
                raise Conflict(f"the scene is at version {scene.version}, not "
                               f"{expected_version}", field=["expected_version"])
            result = await self._apply(scene.graph, operations, documents)
            if new_name is not None:
                result.changes.insert(0, SceneChange(kind=SceneChangeKind.SCENE_RENAMED))
            updated = await self._compare_and_set(scene, new_name, result)
            if updated is not None:
                return updated
            if expected_version is not None:
                break
        raise Conflict("the scene changed while this update was applied; try again",
                       field=["expected_version"])

    async def scene_project(self, scene_id: str) -> str | None:
        scene = await Scene.find_one({"_id": scene_id}).project(SceneSummary)
        return None if scene is None else scene.project_id or personal_project_id(scene.owner)

    async def scene_glb(self, scene_id: str, compose: Composer = compose_in_thread) -> str:
        """The storage key of a GLB of the scene as it is now (for render jobs), composed by
        `compose` when not stored yet."""
        scene = await Scene.get(scene_id)
        if scene is None:
            raise NotFound(f"no scene with id {scene_id}")
        return await self.glbs.stored_key(scene, compose)

    async def follow_asset_version(self, asset_id: str) -> int:
        """Bring every scene drawing an older version of the asset for its latest references
        to its current one: a new scene version each (through the same compare-and-set as
        updates, so `sceneChanged` sees it and its GLB is composed anew), with an
        ASSET_VERSION_CHANGED change per node and material drawing the asset. How many
        scenes changed. Idempotent: run again, it finds nothing left to follow."""
        asset = await Asset.get(asset_id)
        if asset is None or asset.status is not AssetStatus.READY:
            return 0
        number = asset.current_version
        behind = Scene.get_pymongo_collection().find(
            {"graph.latest": {"$elemMatch": {"asset_id": asset_id, "number": {"$ne": number}}}},
            projection={"_id": 1})
        scene_ids = [document["_id"] async for document in behind]
        if not scene_ids:
            return 0
        try:
            document = await self.assets.gltf_document(asset)
        except AtelierError as error:
            log.warning("scenes cannot follow asset %s to version %s: %s", asset_id, number,
                         error.message)
            return 0
        followed = 0
        for scene_id in scene_ids:
            for _ in range(self.limits.update_attempts):
                scene = await read_scene(scene_id)
                if scene is None or scene.graph.latest_version(asset_id) in (None, number):
                    break
                graph, changes = await asyncio.to_thread(follow_latest, scene.graph, asset_id,
                                                         number, document)
                result = EditResult(graph, changes, graph_bounds(graph))
                if await self._compare_and_set(scene, None, result) is not None:
                    followed += 1
                    break
        return followed

    async def _apply(self, graph: SceneGraph, operations: Sequence[Operation],
                     sources: SceneSources) -> EditResult:
        try:
            return await asyncio.to_thread(apply_operations, graph, list(operations),
                                           max_items=self.limits.max_nodes,
                                           documents=sources.documents,
                                           versions=sources.versions)
        except AtelierError as error:
            error.field = ["operations", *(error.field or [])]
            raise

    def _import(self, document: dict[str, Any], asset_id: str) -> EditResult:
        graph = graph_from_gltf(document, asset_id, max_nodes=self.limits.max_nodes)
        return EditResult(graph, [], graph_bounds(graph))

    async def _checked_documents(self, principal: Principal, operations: Sequence[Operation]
                                 ) -> SceneSources:
        if len(operations) > self.limits.max_operations:
            raise LimitExceeded(f"an update may have at most {self.limits.max_operations} "
                                "operations", field=["operations"])
        return await self.assets.documents_for(principal, operations)

    async def _compare_and_set(self, scene: Scene, name: str | None, result: EditResult
                               ) -> Scene | None:
        """Write the new state only if nobody else wrote since `scene` was read."""
        version = scene.version + 1
        revisions = [*scene.revisions, SceneRevision(version=version, changes=result.changes)]
        changes = {"graph": result.graph, "node_count": len(result.graph.nodes),
                   "bounds": result.bounds, "name": name or scene.name,
                   "revisions": revisions[-self.limits.revisions_kept:], "updated_at": utcnow()}
        written = await Scene.get_pymongo_collection().update_one(
            {"_id": scene.id, "version": scene.version},
            {"$set": Encoder().encode(changes), "$inc": {"version": 1}})
        if not written.matched_count:
            return None
        updated: Scene = scene.model_copy(update={**changes, "version": version})
        return updated


async def backfill_scene_projects(owner: str, project_id: str) -> int:
    """Put the owner's scenes stored before projects in `project_id`; how many moved."""
    moved = await Scene.get_pymongo_collection().update_many(
        {"owner": owner, "project_id": None}, {"$set": {"project_id": project_id}})
    return int(moved.modified_count)


def _no_scene(scene_id: str) -> NotFound:
    return NotFound(f"no scene with id {scene_id}", field=["id"])


def _clean_name(name: str, max_length: int) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > max_length:
        raise InvalidInput(f"a scene name needs 1 to {max_length} characters", field=["name"])
    return cleaned
