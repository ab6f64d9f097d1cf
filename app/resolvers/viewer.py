"""The `viewer` query: who the token is (owner, scopes), what that owner uses and how large a
render it may ask for."""

from __future__ import annotations

import strawberry

from app.context import Context
from app.schema.scalars import Long
from app.schema.token import Scope
from app.schema.viewer import RenderLimits, Usage, UsageLimits
from app.services import usage as services

Info = strawberry.Info[Context, None]


@strawberry.type(description="The caller: the token's owner and scopes.")
class Viewer:
    owner: str = strawberry.field(description="The owner the token acts for.")
    scopes: list[Scope] = strawberry.field(description="What the token may do, sorted.")

    @strawberry.field(description="The owner's usage (for an ADMIN token, every owner's).")
    async def usage(self, info: Info) -> Usage:
        viewer = info.context.viewer
        usage = info.context.services.usage
        found = await usage.of(None if viewer.is_admin else viewer.owner)
        limits = None if viewer.is_admin else limits_of(usage.quotas.limits(viewer.owner))
        return usage_of(found, limits)

    @strawberry.field(description="How large a render may be (size, samples, frames), so a "
                      "client can bound its choices before renderSubmit.")
    def render_limits(self, info: Info) -> RenderLimits:
        limits = info.context.services.renders.limits
        return RenderLimits(max_width=limits.max_width, max_height=limits.max_height,
                            max_samples=limits.max_samples,
                            max_path_samples=limits.max_path_samples,
                            max_frames=limits.max_frames, max_fps=limits.max_fps)


def limits_of(limits: services.Limits) -> UsageLimits:
    return UsageLimits(
        bytes_stored=None if limits.bytes_stored is None else Long(limits.bytes_stored),
        assets=limits.assets, jobs_queued_or_running=limits.jobs_queued_or_running,
        jobs_running=limits.jobs_running)


def usage_of(found: services.Usage, limits: UsageLimits | None) -> Usage:
    return Usage(bytes_stored=Long(found.bytes_stored), assets=found.assets,
                 jobs_queued=found.jobs_queued, jobs_running=found.jobs_running,
                 jobs_this_month=found.jobs_this_month, render_seconds=found.render_seconds,
                 limits=limits)


@strawberry.type
class ViewerQuery:
    @strawberry.field(description="The caller's own account.")
    def viewer(self, info: Info) -> Viewer:
        principal = info.context.viewer
        return Viewer(owner=principal.owner,
                      scopes=sorted((Scope(scope.value) for scope in principal.scopes),
                                    key=lambda scope: scope.value))
