"""The Project type: its own fields, plus its usage, read for the viewer when asked for."""

from __future__ import annotations

import strawberry

from app.context import Context
from app.models import project as models
from app.resolvers.viewer import usage_of
from app.schema.common import Connection
from app.schema.project import ProjectFields, ProjectMember, ProjectRole
from app.schema.viewer import Usage

Info = strawberry.Info[Context, None]


@strawberry.type(description="A group of assets shared by its members; every owner has a "
                 "personal project, where its assets go unless another is named.")
class Project(ProjectFields):
    @strawberry.field(description="What the project's assets hold and its jobs did, whoever "
                      "made them; no limits, as quotas count each uploader's own assets.")
    async def usage(self, info: Info) -> Usage:
        found = await info.context.services.usage.of_project(info.context.viewer, str(self.id))
        return usage_of(found, None)


ProjectConnection = Connection[Project]


def project_of(project: models.Project) -> Project:
    return Project(id=strawberry.ID(project.id), name=project.name, members=[
        ProjectMember(owner=m.owner, role=ProjectRole(m.role.value)) for m in project.members])
