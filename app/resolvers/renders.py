"""Render fields: the renderSubmit mutation."""

from __future__ import annotations

import strawberry

from app.context import Context
from app.resolvers.errors import errors_as_data
from app.schema.job import Job, JobPayload
from app.schema.render import RenderSubmitInput

Info = strawberry.Info[Context, None]


@strawberry.type
class RenderMutation:
    @strawberry.mutation(description="Queue a RENDER job of a READY asset or of a scene; its "
                         "outputs are the images (role RENDER), listed as each one is done.")
    @errors_as_data(JobPayload)
    async def render_submit(self, info: Info, input: RenderSubmitInput) -> JobPayload:
        job = await info.context.services.renders.submit(
            info.context.viewer,
            asset_id=input.asset_id,
            scene_id=input.scene_id,
            request=input.to_request(),
        )
        return JobPayload(job=Job.from_model(job))
