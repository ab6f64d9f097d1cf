"""GraphQL types of projects: a project's own fields, its members and roles, inputs and payloads."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from app.schema.common import UserError
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


if TYPE_CHECKING:
    from app.resolvers.project_types import Project

# The payload holds the full Project, whose usage is resolved in app/resolvers.
ProjectRef = Annotated["Project", strawberry.lazy("app.resolvers.project_types")]


@strawberry.type
class ProjectFields(Node):
    """A project's own fields; its usage is resolved on app/resolvers/project_types.py's
    Project."""

    name: str = strawberry.field(description="A label chosen at creation.")
    members: list[ProjectMember] = strawberry.field(description="Who may use it, and how.")


@strawberry.input(description="A project to make, with the caller as its OWNER.")
class ProjectCreateInput:
    name: str = strawberry.field(description="Its label (ATELIER_MAX_ASSET_NAME_LENGTH at most).")


@strawberry.type(description="The result of a project mutation.")
class ProjectPayload:
    project: ProjectRef | None = strawberry.field(default=None, description=(
        "The project as it is now; null on error."))
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why nothing was changed; empty on success."))
