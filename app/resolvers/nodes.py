"""Relay object identification: Query.node and Query.nodes fetch any Node by its global id."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry

from app.context import Context
from app.errors import AtelierError, InvalidInput
from app.resolvers.asset_types import Asset
from app.resolvers.asset_version_types import AssetVersion
from app.resolvers.job_types import Job
from app.resolvers.mapping import api_token
from app.resolvers.project_types import Project, project_of
from app.resolvers.scene_node_ids import split_node_id
from app.resolvers.scene_types import Scene, SceneNode
from app.resolvers.webhook_types import Webhook
from app.schema.node import Node
from app.services.job_access import may_read

Info = strawberry.Info[Context, None]


class NodeFinder:
    """Global ids resolved for one field, each by its prefix through the request's
    DataLoaders, so `nodes` costs one round trip per type. Whatever the viewer may not see
    (another owner's object, an id of nothing, a string that is no id) is None, alike; a
    viewer without the scope that reads the type found gets FORBIDDEN from the policy."""

    def __init__(self, info: Info) -> None:
        self.info = info
        self.loaders = info.context.loaders
        self.viewer = info.context.viewer
        self.scenes: dict[str, Scene] = {}
        self.by_prefix: dict[str, Callable[[str], Awaitable[Node | None]]] = {
            "ast": self.asset, "job": self.job, "scn": self.scene, "tok": self.api_token,
            "whk": self.webhook, "prj": self.project, "ver": self.asset_version,
        }

    async def find(self, node_id: str) -> Node | None:
        in_scene = split_node_id(node_id)
        if in_scene is not None:
            return await self.scene_node(*in_scene)
        prefix, separator, rest = node_id.partition("_")
        find = self.by_prefix.get(prefix)
        return await find(node_id) if find is not None and separator and rest else None

    async def asset(self, asset_id: str) -> Asset | None:
        found = await self.loaders.asset_by_id.load(asset_id)
        readable = found is not None and self.viewer.projects.can_read(found.project_id)
        return Asset.from_model(found) if found and readable else None

    async def asset_version(self, version_id: str) -> AssetVersion | None:
        found = await self.info.context.services.asset_versions.get_visible(self.viewer,
                                                                           version_id)
        return AssetVersion.from_model(found) if found else None

    async def job(self, job_id: str) -> Job | None:
        found = await self.loaders.job_by_id.load(job_id)
        return Job.from_model(found) if found and await may_read(self.viewer, found) else None

    async def api_token(self, token_id: str) -> Node | None:
        found = await self.loaders.api_token_by_id.load(token_id)
        return api_token(found) if found and self.viewer.can_access(found.owner) else None

    async def webhook(self, webhook_id: str) -> Webhook | None:
        found = await self.loaders.webhook_by_id.load(webhook_id)
        return Webhook.from_model(found) if found and self.viewer.can_access(found.owner) else None

    async def project(self, project_id: str) -> Project | None:
        found = await self.loaders.project_by_id.load(project_id)
        readable = found is not None and self.viewer.projects.can_read(found.id)
        return project_of(found) if found and readable else None

    async def scene(self, scene_id: str) -> Scene | None:
        if scene_id not in self.scenes:
            found = await self.loaders.scene_by_id.load(scene_id)
            if found is None or not self.viewer.projects.can_read(found.project_id):
                return None
            # Nodes of one scene asked for together share one index of its graph.
            self.scenes.setdefault(scene_id, Scene.from_model(found))
        return self.scenes[scene_id]

    async def asset_scene(self, asset_id: str) -> Scene | None:
        """An asset's own read-only scene, which has the asset's id."""
        if asset_id not in self.scenes:
            try:
                found = await self.loaders.asset_scene_by_asset_id.load(asset_id)
            except AtelierError:  # no such asset, not the viewer's, not READY
                return None
            self.scenes.setdefault(asset_id, Scene.from_model(found))
        return self.scenes[asset_id]

    async def scene_node(self, scene_id: str, local_id: str) -> SceneNode | None:
        prefix = scene_id.partition("_")[0]
        scene = (await self.scene(scene_id) if prefix == "scn"
                 else await self.asset_scene(scene_id) if prefix == "ast" else None)
        if scene is None:
            return None
        view = await scene.indexed(self.info)
        return view.node(local_id) if local_id in view.by_id else None


@strawberry.type
class NodeQuery:
    @strawberry.field(description="The object with this global id, of any Node type; null when "
                      "there is none the viewer may see (or the id is no id at all).")
    async def node(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
            description="A Node's id, as any Node's `id` field gives it")]) -> Node | None:
        return await NodeFinder(info).find(id)

    @strawberry.field(description="The objects with these global ids, in the same order, each "
                      "as `node` would return it; at most ATELIER_MAX_PAGE_SIZE ids.")
    async def nodes(self, info: Info, ids: Annotated[list[strawberry.ID], strawberry.argument(
            description="Nodes' ids, of any types, in any order")]) -> list[Node | None]:
        cap = info.context.services.settings.max_page_size
        if len(ids) > cap:
            raise InvalidInput(f"give at most {cap} ids", field=["ids"])
        finder = NodeFinder(info)
        return await asyncio.gather(*(finder.find(node_id) for node_id in ids))
