"""GraphQL types of the caller's own account: its usage and the limits on its renders (the
viewer itself is in resolvers)."""

from __future__ import annotations

import strawberry

from app.schema.scalars import Long


@strawberry.type(description="The limits on an owner's usage, figure by figure; null: "
                 "unlimited.")
class UsageLimits:
    bytes_stored: Long | None = strawberry.field(
        description="Most bytes the owner's assets may hold (ATELIER_QUOTA_BYTES, or the "
        "owner's override in ATELIER_QUOTA_OVERRIDES).")
    assets: int | None = strawberry.field(
        description="Most assets the owner may keep (ATELIER_QUOTA_ASSETS, or the owner's "
        "override).")
    jobs_queued_or_running: int = strawberry.field(
        description="Most jobs the owner may have queued and running together "
        "(ATELIER_MAX_JOBS_PER_OWNER); a new one past it is QUOTA_EXCEEDED.")
    jobs_running: int = strawberry.field(
        description="Most of the owner's jobs handed to workers at once "
        "(ATELIER_JOB_SLOTS_PER_OWNER); the rest wait queued.")


@strawberry.type(description="What an owner (or a project) uses now, and this UTC calendar "
                 "month; quotas (ATELIER_QUOTA_*) apply to an owner's bytesStored and assets.")
class Usage:
    bytes_stored: Long = strawberry.field(
        description="Bytes of every file of the assets (originals, GLBs, thumbnails, "
        "conversions, renders), plus the declared size of direct uploads still waiting.")
    assets: int = strawberry.field(description="How many assets there are, in any status.")
    jobs_queued: int = strawberry.field(description="The jobs waiting for a worker.")
    jobs_running: int = strawberry.field(description="The jobs a worker is doing now.")
    jobs_this_month: int = strawberry.field(
        description="Jobs of any kind created since the start of this UTC month (a project's: "
        "on its assets and scenes, by any member).")
    render_seconds: float = strawberry.field(
        description="Run time, in seconds, of the finished render jobs created this "
        "UTC month (each one's last attempt).")
    limits: UsageLimits | None = strawberry.field(
        description="The owner's limits on these figures; null for an ADMIN token, whose "
        "figures are every owner's together, and for a project, whose assets count against "
        "each uploader's quotas.")


@strawberry.type(description="The server's limits on one render, the same for every owner; a "
                 "renderSubmit past one is LIMIT_EXCEEDED.")
class RenderLimits:
    max_width: int = strawberry.field(
        description="Widest image, in pixels (ATELIER_RENDER_MAX_WIDTH).")
    max_height: int = strawberry.field(
        description="Tallest image, in pixels (ATELIER_RENDER_MAX_HEIGHT).")
    max_samples: int = strawberry.field(
        description="Most MSAA samples per pixel of a RASTER render "
        "(ATELIER_RENDER_MAX_SAMPLES).")
    max_path_samples: int = strawberry.field(
        description="Most paths traced per pixel of a PATH_TRACED render "
        "(ATELIER_RENDER_MAX_PATH_SAMPLES).")
    max_frames: int = strawberry.field(
        description="Most frames in one turntable or animation clip "
        "(ATELIER_RENDER_MAX_FRAMES).")
    max_fps: int = strawberry.field(
        description="Most frames per second of an animation clip (ATELIER_RENDER_MAX_FPS).")
