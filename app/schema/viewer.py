"""GraphQL types of the caller's own account: its usage (the viewer itself is in resolvers)."""

from __future__ import annotations

import strawberry

from app.schema.scalars import Long


@strawberry.type(description="What an owner uses now; quotas (ATELIER_QUOTA_*) apply to "
                 "bytesStored and assets.")
class Usage:
    bytes_stored: Long = strawberry.field(
        description="Bytes of every file of the owner's assets (originals, GLBs, thumbnails, "
        "conversions, renders), plus the declared size of direct uploads still waiting.")
    assets: int = strawberry.field(description="How many assets the owner has, in any status.")
    jobs_queued: int = strawberry.field(description="The owner's jobs waiting for a worker.")
    jobs_running: int = strawberry.field(description="The owner's jobs a worker is doing now.")
