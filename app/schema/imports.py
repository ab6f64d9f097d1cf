"""GraphQL input of assetImport: a model fetched by the server from a URL."""

from __future__ import annotations

import strawberry


@strawberry.input(description="A model for the server to fetch and ingest like an upload.")
class AssetImportInput:
    url: str = strawberry.field(description="An https URL; redirects are followed (at most "
                                "ATELIER_IMPORT_MAX_REDIRECTS), each one checked again.")
    name: str | None = strawberry.field(default=None, description="Display name; null: the "
                                        "URL's file name.")
    tags: list[str] | None = strawberry.field(default=None, description="Labels for filtering.")
