"""An asset's catalog entry in GraphQL: the assetUpdate mutation, and the filter and order of
the assets list turned into the service's own."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

import strawberry

from app.context import Context
from app.models.asset import AssetStatus
from app.resolvers.asset_types import Asset
from app.resolvers.errors import errors_as_data
from app.schema.asset import AssetFilter
from app.schema.asset_catalog import (
    AssetLicenseInput,
    AssetOrder,
    AssetPayload,
    AssetUpdateInput,
    OrderDirection,
)
from app.services import asset_search
from app.services.asset_details import KEEP, AssetEdit, Keep, LicenseTerms

Info = strawberry.Info[Context, None]
V = TypeVar("V")


def _given(value: V) -> V | Keep:
    """KEEP for an input field the client left out."""
    return KEEP if value is strawberry.UNSET else value


def _license(value: AssetLicenseInput | None) -> LicenseTerms | None:
    return None if value is None else LicenseTerms(
        spdx_id=value.spdx_id, text=value.text, attribution=value.attribution)


def asset_edit(input: AssetUpdateInput) -> AssetEdit:
    license_given = _given(input.license)
    return AssetEdit(
        name=KEEP if input.name is strawberry.UNSET else input.name or "",
        description=_given(input.description),
        license=license_given if license_given is KEEP else _license(license_given),
        metadata=_given(input.metadata),
        tags=_given(input.tags))


def asset_filter(given: AssetFilter | None) -> asset_search.AssetFilter:
    if given is None:
        return asset_search.AssetFilter()
    fields: dict[str, Any] = {name: getattr(given, name) for name in (
        "tags", "source_format", "name_contains", "tags_any", "created_after", "created_before",
        "updated_after", "updated_before", "min_triangles", "max_triangles", "has_animations",
        "license")}
    status = [AssetStatus(s.value) for s in given.status] if given.status else None
    return asset_search.AssetFilter(status=status, **fields)


def asset_order(given: AssetOrder | None) -> asset_search.AssetOrder | None:
    return None if given is None else asset_search.AssetOrder(
        key=asset_search.AssetOrderKey(given.field.value),
        descending=given.direction is OrderDirection.DESC)


@strawberry.type
class AssetCatalogMutation:
    @strawberry.mutation(description=(
        "Change an asset's name, description, licence, metadata or tags (ASSETS_WRITE): "
        "every value is checked first, and a refusal changes nothing."))
    @errors_as_data(AssetPayload, at=("input",))
    async def asset_update(
        self, info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The asset's id (ast_...)")],
        input: Annotated[AssetUpdateInput, strawberry.argument(
            description="The fields to change; those left out are kept")],
    ) -> AssetPayload:
        updated = await info.context.services.assets.update(info.context.viewer, id,
                                                            asset_edit(input))
        info.context.loaders.asset_by_id.prime(updated.id, updated)
        return AssetPayload(asset=Asset.from_model(updated))
