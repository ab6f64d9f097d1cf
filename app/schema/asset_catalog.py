"""GraphQL types of an asset's catalog entry: its licence, the assetUpdate input and payload,
and the orders of the assets list."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from app.schema.common import UserError
from app.schema.enums import described

if TYPE_CHECKING:
    from app.resolvers.asset_types import Asset

AssetRef = Annotated["Asset", strawberry.lazy("app.resolvers.asset_types")]


@strawberry.type(description="The terms an asset may be used under.")
class AssetLicense:
    spdx_id: str | None = strawberry.field(description=(
        "An SPDX licence expression in its canonical spelling (CC-BY-4.0, MIT OR Apache-2.0); "
        "null for a custom licence."))
    text: str | None = strawberry.field(description=(
        "The custom licence's text; null when spdxId names the licence."))
    attribution: str | None = strawberry.field(description=(
        "Whom to credit, and how, when using the asset; null when none is asked."))


@strawberry.type(description=(
    "What the uploaded file says about itself, read at ingest; a fact the format does not "
    "state is null."))
class AssetSourceMetadata:
    generator: str | None = strawberry.field(description=(
        "The tool that wrote the file (glTF asset.generator, COLLADA authoring_tool)."))
    copyright: str | None = strawberry.field(description=(
        "The copyright the file states (glTF asset.copyright, COLLADA copyright)."))
    unit_meters: float | None = strawberry.field(description=(
        "Metres per model unit (glTF: 1; COLLADA <unit meter>; 3MF's model unit)."))
    up_axis: str | None = strawberry.field(description=(
        "The axis pointing up, X, Y or Z (glTF: Y; COLLADA <up_axis>; 3MF: Z)."))


@strawberry.input(description="A licence: give spdxId or text, not both.")
class AssetLicenseInput:
    spdx_id: str | None = strawberry.field(default=None, description=(
        "An SPDX licence expression (CC0-1.0, CC-BY-4.0, LicenseRef-…), any case; "
        "INVALID_INPUT for a licence SPDX does not list."))
    text: str | None = strawberry.field(default=None, description=(
        "A custom licence's text, at most ATELIER_MAX_ASSET_DESCRIPTION_LENGTH characters."))
    attribution: str | None = strawberry.field(default=None, description=(
        "Whom to credit, at most ATELIER_MAX_ASSET_DESCRIPTION_LENGTH characters."))


@strawberry.input(description=(
    "What assetUpdate changes: a field left out is kept; null clears it (an empty description, "
    "no licence, empty metadata, no tags)."))
class AssetUpdateInput:
    name: str | None = strawberry.field(default=strawberry.UNSET, description=(
        "The display name, at most ATELIER_MAX_ASSET_NAME_LENGTH characters; null or blank "
        "gives back the file's name."))
    description: str | None = strawberry.field(default=strawberry.UNSET, description=(
        "Free text shown with the asset and searched by `assets(search:)`, at most "
        "ATELIER_MAX_ASSET_DESCRIPTION_LENGTH characters."))
    license: AssetLicenseInput | None = strawberry.field(default=strawberry.UNSET, description=(
        "The terms the asset may be used under."))
    metadata: JSON | None = strawberry.field(default=strawberry.UNSET, description=(
        "Your own keys, as a JSON object that replaces the one kept: at most "
        "ATELIER_MAX_METADATA_BYTES as compact JSON (LIMIT_EXCEEDED past it), nested at most "
        "ATELIER_MAX_METADATA_DEPTH deep; keys may not be empty, start with '$' or hold '.'."))
    tags: list[str] | None = strawberry.field(default=strawberry.UNSET, description=(
        "Labels that replace the asset's own, for filtering and search."))


@strawberry.type(description="The result of a change to an asset.")
class AssetPayload:
    asset: AssetRef | None = strawberry.field(default=None, description=(
        "The asset as changed; null on error."))
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why nothing was changed; empty on success."))


@described(description="What the assets list is sorted by.", values={
    "CREATED": "When each was created (the default without a search).",
    "UPDATED": "When each last changed.",
    "NAME": "Its name, in any case.",
    "SIZE": "The upload's size in bytes.",
    "TRIANGLES": "Its triangle count; assets not READY have none and sort below every count.",
    "RELEVANCE": "How well it matches `search` (the default with one): query words found in "
                 "its name count double those in its description and tags. Needs `search`.",
})
class AssetOrderField(Enum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    NAME = "NAME"
    SIZE = "SIZE"
    TRIANGLES = "TRIANGLES"
    RELEVANCE = "RELEVANCE"


@described(description="Which way a list is sorted.", values={
    "ASC": "Smallest, oldest or first in the alphabet first.",
    "DESC": "Largest, newest, most relevant or last in the alphabet first.",
})
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.input(description=(
    "How to sort the assets list; ties fall back on the id, so every order has stable "
    "cursors. Cursors are only valid with the order (and search) that made them."))
class AssetOrder:
    field: AssetOrderField = strawberry.field(description="What to sort by.")
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Which way; DESC by default.")
