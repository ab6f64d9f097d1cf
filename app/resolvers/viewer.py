"""The `viewer` query: who the token is (owner, scopes) and what that owner uses."""

from __future__ import annotations

import strawberry

from app.context import Context
from app.schema.scalars import Long
from app.schema.token import Scope
from app.schema.viewer import Usage

Info = strawberry.Info[Context, None]


@strawberry.type(description="The caller: the token's owner and scopes.")
class Viewer:
    owner: str = strawberry.field(description="The owner the token acts for.")
    scopes: list[Scope] = strawberry.field(description="What the token may do, sorted.")

    @strawberry.field(description="The owner's usage (for an ADMIN token, every owner's).")
    async def usage(self, info: Info) -> Usage:
        viewer = info.context.viewer
        found = await info.context.services.usage.of(None if viewer.is_admin else viewer.owner)
        return Usage(bytes_stored=Long(found.bytes_stored), assets=found.assets,
                     jobs_queued=found.jobs_queued, jobs_running=found.jobs_running)


@strawberry.type
class ViewerQuery:
    @strawberry.field(description="The caller's own account.")
    def viewer(self, info: Info) -> Viewer:
        principal = info.context.viewer
        return Viewer(owner=principal.owner,
                      scopes=sorted((Scope(scope.value) for scope in principal.scopes),
                                    key=lambda scope: scope.value))
