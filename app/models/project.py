"""The Project document: a group of assets shared by its members, each with a role."""

from __future__ import annotations

import hashlib
from datetime import datetime
from enum import StrEnum

import pymongo
from beanie import Document
from pydantic import BaseModel, Field
from pymongo import IndexModel

from app.models.common import new_id, utcnow

PERSONAL_PREFIX = "prj_personal_"


class ProjectRole(StrEnum):
    OWNER = "OWNER"  # manages members, and everything an editor does
    EDITOR = "EDITOR"  # uploads, edits, deletes, renders, converts
    VIEWER = "VIEWER"  # reads, subscribes, downloads


WRITING_ROLES = frozenset({ProjectRole.OWNER, ProjectRole.EDITOR})


def personal_project_id(owner: str) -> str:
    """The id of the owner's personal project: the same on every process and every start, so
    assets stored before projects existed can be given it without a lookup."""
    return PERSONAL_PREFIX + hashlib.sha256(owner.encode()).hexdigest()[:24]


class ProjectMember(BaseModel):
    owner: str
    role: ProjectRole


class Project(Document):
    id: str = Field(default_factory=lambda: new_id("prj"))  # type: ignore[assignment]
    name: str
    members: list[ProjectMember] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "projects"
        indexes = [
            # Each request reads the caller's memberships; `projects` pages them newest first.
            IndexModel([("members.owner", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
        ]

    def role_of(self, owner: str) -> ProjectRole | None:
        return next((m.role for m in self.members if m.owner == owner), None)
