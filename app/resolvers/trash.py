"""Trash fields: the trash list, assetRestore, sceneDelete and sceneRestore (assetDelete is
with the other asset mutations). A deleted asset or scene is hidden from every read until it
is restored, within ATELIER_TRASH_RETENTION_DAYS, or swept by the workers."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.context import Context
from app.models import trash as models
from app.resolvers.asset_types import Asset
from app.resolvers.errors import errors_as_data
from app.resolvers.pages import After, First, connection
from app.resolvers.scene_types import Scene
from app.schema.asset_catalog import AssetPayload
from app.schema.scene import SceneDeletePayload, ScenePayload
from app.schema.trash import (
    TrashedAsset,
    TrashedScene,
    TrashItem,
    TrashItemConnection,
    TrashKind,
)
from app.services.trash_list import trash_page

Info = strawberry.Info[Context, None]
AssetId = Annotated[strawberry.ID, strawberry.argument(description="The asset's id (ast_...)")]
SceneId = Annotated[strawberry.ID, strawberry.argument(description="The scene's id (scn_...)")]

TRASHED_TYPES = {models.TrashKind.ASSET: TrashedAsset, models.TrashKind.SCENE: TrashedScene}


def trash_item_of(entry: models.TrashSummary) -> TrashItem:
    return TRASHED_TYPES[entry.kind](
        id=strawberry.ID(entry.id), kind=TrashKind(entry.kind.value), name=entry.name,
        deleted_at=entry.trashed_at, purge_at=entry.purge_after)


@strawberry.type
class TrashQuery:
    @strawberry.field(description="The viewer's deleted assets and scenes it can still "
                      "restore, newest deleted first: those of the projects it reads, of the "
                      "kinds its scopes read (ASSETS_READ assets, SCENES_READ scenes; "
                      "FORBIDDEN with neither).")
    async def trash(self, info: Info, first: First = None, after: After = None
                    ) -> TrashItemConnection:
        page = await trash_page(info.context.viewer, first=first, after=after,
                                max_size=info.context.services.settings.max_page_size)
        return connection(page, trash_item_of)


@strawberry.type
class TrashMutation:
    @strawberry.mutation(description="Bring a deleted asset back out of the trash, as it was, "
                         "files included; NOT_FOUND once the trash has been swept of it.")
    @errors_as_data(AssetPayload)
    async def asset_restore(self, info: Info, id: AssetId) -> AssetPayload:
        restored = await info.context.services.asset_trash.restore(info.context.viewer, id)
        return AssetPayload(asset=Asset.from_model(restored))

    @strawberry.mutation(description="Move a scene to the trash: hidden from every read, "
                         "restorable with sceneRestore for ATELIER_TRASH_RETENTION_DAYS.")
    @errors_as_data(SceneDeletePayload)
    async def scene_delete(self, info: Info, id: SceneId) -> SceneDeletePayload:
        deleted = await info.context.services.scene_trash.delete(info.context.viewer, id)
        return SceneDeletePayload(deleted_id=strawberry.ID(deleted.id))

    @strawberry.mutation(description="Bring a deleted scene back out of the trash, as it was; "
                         "NOT_FOUND once the trash has been swept of it.")
    @errors_as_data(ScenePayload)
    async def scene_restore(self, info: Info, id: SceneId) -> ScenePayload:
        restored = await info.context.services.scene_trash.restore(info.context.viewer, id)
        return ScenePayload(scene=Scene.from_model(restored))
