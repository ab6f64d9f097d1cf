"""What a caller may do with projects: one view per request, built from its memberships, that
every asset read, page, write and event filter asks instead of comparing owners."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.errors import AtelierError, Forbidden
from app.models.project import WRITING_ROLES, ProjectRole, personal_project_id


@dataclass(frozen=True)
class ProjectAccess:
    """The project ids a caller reads, writes (OWNER or EDITOR) and manages (OWNER);
    `everything` for an admin."""

    readable: frozenset[str]
    writable: frozenset[str]
    managed: frozenset[str]
    everything: bool = False

    @classmethod
    def of_roles(cls, roles: Iterable[tuple[str, ProjectRole]]) -> ProjectAccess:
        pairs = list(roles)
        return cls(readable=frozenset(p for p, _ in pairs),
                   writable=frozenset(p for p, role in pairs if role in WRITING_ROLES),
                   managed=frozenset(p for p, role in pairs if role is ProjectRole.OWNER))

    @classmethod
    def personal(cls, owner: str) -> ProjectAccess:
        """Only the owner's personal project: what a caller has before its memberships are
        read (background work acting for an owner)."""
        return cls.of_roles([(personal_project_id(owner), ProjectRole.OWNER)])

    @classmethod
    def unrestricted(cls) -> ProjectAccess:
        """Every project: an admin's view."""
        return cls(frozenset(), frozenset(), frozenset(), everything=True)

    def can_read(self, project_id: str) -> bool:
        return self.everything or project_id in self.readable

    def can_write(self, project_id: str) -> bool:
        return self.everything or project_id in self.writable

    def can_manage(self, project_id: str) -> bool:
        return self.everything or project_id in self.managed

    def require_write(self, project_id: str, missing: AtelierError) -> None:
        """`missing` (a NOT_FOUND) for a project the caller does not read, exactly as for
        one that does not exist; FORBIDDEN for one it only reads."""
        self.require(project_id, missing, self.can_write, "writing needs the EDITOR role")

    def require_manage(self, project_id: str, missing: AtelierError) -> None:
        self.require(project_id, missing, self.can_manage, "managing members needs the OWNER "
                     "role")

    def require(self, project_id: str, missing: AtelierError, allowed: Callable[[str], bool],
                why: str) -> None:
        if not self.can_read(project_id):
            raise missing
        if not allowed(project_id):
            raise Forbidden(f"{why} in this project")

    def query(self, field: str = "project_id") -> dict[str, Any]:
        """The condition on `field` that keeps what the caller reads: an equality when it
        reads one project (the index's leading field), else `$in`."""
        if self.everything:
            return {}
        if len(self.readable) == 1:
            return {field: next(iter(self.readable))}
        return {field: {"$in": sorted(self.readable)}}
