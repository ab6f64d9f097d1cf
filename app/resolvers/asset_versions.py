"""The assetVersionRestore mutation (an upload with assetId is assetUpload's; Asset.versions
and Asset.currentVersion are on app/resolvers/asset_types.py's Asset)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.context import Context
from app.resolvers.asset_types import Asset
from app.resolvers.errors import errors_as_data
from app.schema.asset_catalog import AssetPayload

Info = strawberry.Info[Context, None]


@strawberry.type
class AssetVersionMutation:
    @strawberry.mutation(description="Make an older READY version of an asset current again: "
                         "a new version that points at its files (nothing is copied or "
                         "lost). NOT_FOUND for a version the asset does not have.")
    @errors_as_data(AssetPayload)
    async def asset_version_restore(
        self, info: Info,
        asset_id: Annotated[strawberry.ID, strawberry.argument(
            description="The asset's id (ast_...)")],
        number: Annotated[int, strawberry.argument(
            description="The number of the version to make current again")],
    ) -> AssetPayload:
        asset = await info.context.services.asset_versions.restore(
            info.context.viewer, asset_id, number)
        return AssetPayload(asset=Asset.from_model(asset))
