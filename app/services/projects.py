"""Projects: making them, their members and roles, each caller's access view (read once per
request, or kept between requests while the change feed says no project changed), and giving
assets stored before projects their owner's personal project."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace

from pymongo.errors import DuplicateKeyError

from app.config import Settings
from app.errors import Conflict, ErrorCode, InvalidInput, InvalidState, LimitExceeded, NotFound
from app.models.asset import Asset
from app.models.project import Project, ProjectMember, ProjectRole, personal_project_id
from app.models.scene import Scene
from app.models.token import Scope
from app.services.access import ProjectAccess
from app.services.asset_writes import backfill_project
from app.services.auth import Principal
from app.services.feed_cache import ChangeFollowing, FeedCache
from app.services.pagination import Page, paginate
from app.services.scenes.service import backfill_scene_projects

log = logging.getLogger(__name__)

PERSONAL_NAME = "Personal"
# Owners whose assets the migration moves per reaper pass; the rest wait for the next one.
_MIGRATION_BATCH = 100


def no_project(project_id: str) -> NotFound:
    return NotFound(f"no project with id {project_id}", field=["project_id"])


class ProjectService:
    def __init__(self, *, max_name_length: int, max_members: int, max_page_size: int,
                 access_cache: FeedCache[str, ProjectAccess]) -> None:
        self.max_name_length = max_name_length
        self.max_members = max_members
        self.max_page_size = max_page_size
        self.access_cache = access_cache

    @classmethod
    def from_settings(cls, settings: Settings, feed: ChangeFollowing | None) -> ProjectService:
        cache: FeedCache[str, ProjectAccess] = FeedCache(
            feed, Project.Settings.name, seconds=settings.access_cache_seconds)
        return cls(max_name_length=settings.max_asset_name_length,
                   max_members=settings.max_project_members,
                   max_page_size=settings.max_page_size, access_cache=cache)

    async def with_access(self, principal: Principal) -> Principal:
        """The principal with its access view: the projects its owner is a member of (its
        personal project made on first need). An admin reads and writes every project."""
        if principal.is_admin:
            return replace(principal, access=ProjectAccess.unrestricted())
        kept = self.access_cache.get(principal.owner)
        if kept is not None:
            return replace(principal, access=kept)
        ticket = self.access_cache.ticket()
        memberships = await Project.get_pymongo_collection().find(
            {"members.owner": principal.owner}, {"members": 1}).to_list()
        roles = [(str(doc["_id"]), ProjectRole(member["role"])) for doc in memberships
                 for member in doc["members"] if member["owner"] == principal.owner]
        personal = personal_project_id(principal.owner)
        made = any(str(doc["_id"]) == personal for doc in memberships)
        if not made and await self.ensure_personal(principal.owner):
            roles.append((personal, ProjectRole.OWNER))
        access = ProjectAccess.of_roles(roles)
        self.access_cache.put(principal.owner, access, ticket)
        return replace(principal, access=access)

    @staticmethod
    async def ensure_personal(owner: str) -> bool:
        """Make the owner's personal project unless it exists; whether the owner is (still)
        one of its members."""
        project = Project(id=personal_project_id(owner), name=PERSONAL_NAME,
                          members=[ProjectMember(owner=owner, role=ProjectRole.OWNER)])
        made = project.model_dump(by_alias=True, exclude={"id"})
        with contextlib.suppress(DuplicateKeyError):  # made at this moment by another request
            await Project.get_pymongo_collection().update_one(
                {"_id": project.id}, {"$setOnInsert": made}, upsert=True)
        stored = await Project.get(project.id)
        return stored is not None and stored.role_of(owner) is not None

    async def page(self, principal: Principal, *, first: int | None, after: str | None
                   ) -> Page[Project]:
        """The projects the caller is a member of (every project, for an admin)."""
        principal.require(Scope.ASSETS_READ)
        query = {} if principal.is_admin else {"members.owner": principal.owner}
        return await paginate(Project, query, first=first, after=after,
                              max_size=self.max_page_size)

    async def get_visible(self, principal: Principal, project_id: str) -> Project:
        principal.require(Scope.ASSETS_READ)
        return await self._find_visible(principal, project_id)

    async def create(self, principal: Principal, name: str) -> Project:
        """A new project with the caller as its OWNER."""
        principal.require(Scope.ASSETS_WRITE)
        project = Project(name=self._clean_name(name),
                          members=[ProjectMember(owner=principal.owner, role=ProjectRole.OWNER)])
        await project.insert()
        self.access_cache.invalidate()
        return project

    async def set_member(self, principal: Principal, project_id: str, owner: str,
                         role: ProjectRole) -> Project:
        """Give `owner` `role` in the project (adding it when no member yet); only an OWNER
        may, and the last OWNER stays one."""
        member = owner.strip()
        if not member:
            raise InvalidInput("owner must not be empty", field=["owner"])
        project = await self._managed(principal, project_id)
        members = [m for m in project.members if m.owner != member]
        if len(members) >= self.max_members:
            raise LimitExceeded(f"a project may have at most {self.max_members} members",
                                field=["owner"])
        members.append(ProjectMember(owner=member, role=role))
        return await self._replace_members(project, members)

    async def remove_member(self, principal: Principal, project_id: str, owner: str
                            ) -> Project:
        project = await self._managed(principal, project_id)
        if project.role_of(owner) is None:
            raise NotFound(f"{owner!r} is no member of this project", field=["owner"])
        return await self._replace_members(
            project, [m for m in project.members if m.owner != owner])

    async def _find_visible(self, principal: Principal, project_id: str) -> Project:
        project = await Project.get(project_id)
        if project is None or not principal.projects.can_read(project.id):
            raise no_project(project_id)
        return project

    async def _managed(self, principal: Principal, project_id: str) -> Project:
        principal.require(Scope.ASSETS_WRITE)
        project = await self._find_visible(principal, project_id)
        principal.projects.require_manage(project.id, no_project(project_id))
        return project

    async def _replace_members(self, project: Project, members: list[ProjectMember]) -> Project:
        """Store `members` if the project's members are still those read (CONFLICT when
        another request changed them in between); LAST_OWNER for a list without an OWNER."""
        if not any(m.role is ProjectRole.OWNER for m in members):
            raise InvalidState("a project keeps at least one OWNER: make another member an "
                               "OWNER first", code=ErrorCode.LAST_OWNER, field=["owner"])
        read = [m.model_dump() for m in project.members]
        updated = await Project.get_pymongo_collection().update_one(
            {"_id": project.id, "members": read},
            {"$set": {"members": [m.model_dump() for m in members]}})
        # This process refuses a removed member at once; the others when their feed delivers.
        self.access_cache.invalidate()
        if not updated.matched_count:
            raise Conflict("the project's members were changed by another request; try again",
                           field=["project_id"])
        project.members = members
        return project

    def _clean_name(self, name: str) -> str:
        cleaned = name.strip()
        if not cleaned:
            raise InvalidInput("name must not be empty", field=["name"])
        if len(cleaned) > self.max_name_length:
            raise InvalidInput(f"name may have at most {self.max_name_length} characters",
                               field=["name"])
        return cleaned


async def migrate_to_personal_projects() -> int:
    """Give the assets and scenes stored before projects (and the assets' retained outcome
    events) their owner's personal project, making it; idempotent, so every reaper pass may run
    it. The number of assets and scenes moved."""
    owners: set[str] = set()
    for model in (Asset, Scene):
        owners |= {doc["owner"] async for doc in model.get_pymongo_collection().find(
            {"project_id": None}, {"owner": 1}).limit(_MIGRATION_BATCH * 10)}
    moved = 0
    for owner in sorted(owners)[:_MIGRATION_BATCH]:
        await ProjectService.ensure_personal(owner)
        project_id = personal_project_id(owner)
        moved += await backfill_project(owner, project_id)
        moved += await backfill_scene_projects(owner, project_id)
    if moved:
        log.info("gave %d assets and scenes stored before projects their owner's personal "
                 "project", moved)
    return moved
