"""GraphQL types of projects: the project, its members and roles, inputs and payloads."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.schema.common import Connection, UserError
from app.schema.enums import described
from app.schema.node import Node


@described(description="What a project member may do with the project's assets (its token's "
           "scopes narrow it further).", values={
    "OWNER": "Everything an EDITOR does, and managing the members.",
    "EDITOR": "Upload, edit, delete, render and convert, and everything a VIEWER does.",
    "VIEWER": "Read, subscribe and download; a write answers FORBIDDEN.",
})
class ProjectRole(Enum):
    OWNER = "OWNER"
    EDITOR = "EDITOR"
    VIEWER = "VIEWER"


@strawberry.type(description="A token owner's place in a project.")
class ProjectMember:
    owner: str = strawberry.field(description="The member, as its tokens name their owner.")
    role: ProjectRole = strawberry.field(description="What it may do there.")


@strawberry.type(description="A group of assets shared by its members; every owner has a "
                 "personal project, where its assets go unless another is named.")
class Project(Node):
    name: str = strawberry.field(description="A label chosen at creation.")
    members: list[ProjectMember] = strawberry.field(description="Who may use it, and how.")


ProjectConnection = Connection[Project]


@strawberry.input(description="A project to make, with the caller as its OWNER.")
class ProjectCreateInput:
    name: str = strawberry.field(description="Its label (ATELIER_MAX_ASSET_NAME_LENGTH at most).")


@strawberry.type(description="The result of a project mutation.")
class ProjectPayload:
    project: Project | None = strawberry.field(default=None, description=(
        "The project as it is now; null on error."))
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why nothing was changed; empty on success."))
