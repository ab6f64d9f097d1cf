"""Project fields: the projects query and the project mutations."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.context import Context
from app.models import project as models
from app.resolvers.errors import errors_as_data
from app.resolvers.pages import After, First, connection
from app.resolvers.project_types import ProjectConnection, project_of
from app.schema.project import ProjectCreateInput, ProjectPayload, ProjectRole

Info = strawberry.Info[Context, None]
ProjectId = Annotated[strawberry.ID, strawberry.argument(description="The project's id (prj_...)")]
MemberOwner = Annotated[str, strawberry.argument(
    description="The member, as its tokens name their owner")]


@strawberry.type
class ProjectQuery:
    @strawberry.field(description="The projects the viewer is a member of, newest first (its "
                      "personal project among them).")
    async def projects(self, info: Info, first: First = None, after: After = None
                       ) -> ProjectConnection:
        page = await info.context.services.projects.page(info.context.viewer, first=first,
                                                         after=after)
        return connection(page, project_of)


@strawberry.type
class ProjectMutation:
    @strawberry.mutation(description="Make a project, with the viewer as its OWNER.")
    @errors_as_data(ProjectPayload, at=("input",))
    async def project_create(self, info: Info, input: Annotated[
            ProjectCreateInput, strawberry.argument(description="Its name")]) -> ProjectPayload:
        made = await info.context.services.projects.create(info.context.viewer, input.name)
        return ProjectPayload(project=project_of(made))

    @strawberry.mutation(description="OWNER only: add a member with a role, or change a "
                         "member's role; LAST_OWNER when it would leave no OWNER.")
    @errors_as_data(ProjectPayload)
    async def project_member_set(
        self, info: Info, project_id: ProjectId, owner: MemberOwner,
        role: Annotated[ProjectRole, strawberry.argument(description="What it may do there")],
    ) -> ProjectPayload:
        changed = await info.context.services.projects.set_member(
            info.context.viewer, project_id, owner, models.ProjectRole(role.value))
        return ProjectPayload(project=project_of(changed))

    @strawberry.mutation(description="OWNER only: remove a member; LAST_OWNER for the last "
                         "OWNER.")
    @errors_as_data(ProjectPayload)
    async def project_member_remove(self, info: Info, project_id: ProjectId,
                                    owner: MemberOwner) -> ProjectPayload:
        changed = await info.context.services.projects.remove_member(
            info.context.viewer, project_id, owner)
        return ProjectPayload(project=project_of(changed))
