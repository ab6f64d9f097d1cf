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
    project_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The project to put it in (EDITOR or OWNER there); null: the viewer's personal one."))


@strawberry.input(description="A bucket prefix for the workers to import model by model.")
class AssetImportFromStorageInput:
    bucket: str = strawberry.field(description=(
        "An S3 bucket the operator opened for imports (ATELIER_IMPORT_BUCKETS); never the "
        "server's own storage bucket."))
    prefix: str = strawberry.field(default="", description=(
        "Import the objects whose keys start with this; empty: the whole bucket."))
    tags: list[str] | None = strawberry.field(default=None, description=(
        "Labels put on every asset imported."))
