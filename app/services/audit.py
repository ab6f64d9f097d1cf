"""The audit log: events written for mutations, sign-ins, downloads and admin actions, listed
for admins (and a project's events for its OWNERs) and exported whole."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from beanie import Document, SortDirection
from pymongo.errors import DuplicateKeyError, PyMongoError

from app.errors import NotFound
from app.models.asset import Asset
from app.models.asset_version import AssetVersion
from app.models.audit import AuditAddress, AuditEvent, AuditOutcome
from app.models.common import utcnow
from app.models.job import Job
from app.models.project import personal_project_id
from app.models.scene import Scene
from app.models.token import Scope
from app.models.trash import TrashEntry
from app.services.auth import Principal
from app.services.pagination import Page, paginate

log = logging.getLogger(__name__)

SIGN_IN = "sign_in"
FILE_DOWNLOAD = "file_download"
# Token/address pairs each process remembers, so a known one costs no database read.
KNOWN_ADDRESSES_CACHED = 10_000


@dataclass(frozen=True)
class Actor:
    """Who acts and from where: a principal (None for a signed URL) and the request."""

    principal: Principal | None
    address: str | None = None
    request_id: str | None = None


@dataclass(frozen=True)
class AuditFilter:
    actions: Sequence[str] | None = None
    owner: str | None = None
    object_id: str | None = None
    outcomes: Sequence[AuditOutcome] | None = None
    project_id: str | None = None

    def query(self) -> dict[str, object]:
        found: dict[str, object] = {}
        if self.project_id is not None:
            found["project_id"] = self.project_id
        if self.actions:
            found["action"] = {"$in": list(self.actions)}
        if self.owner is not None:
            found["owner"] = self.owner
        if self.object_id is not None:
            found["object_id"] = self.object_id
        if self.outcomes:
            found["outcome"] = {"$in": [outcome.value for outcome in self.outcomes]}
        return found


class AuditLog:
    def __init__(self, retention_seconds: int, max_page_size: int) -> None:
        self.retention = timedelta(seconds=retention_seconds)
        self.max_page_size = max_page_size
        self._known_addresses: OrderedDict[str, None] = OrderedDict()
        self._writing: set[asyncio.Task[None]] = set()

    async def record(self, action: str, actor: Actor, *, object_id: str | None = None,
                     project_id: str | None = None,
                     outcome: AuditOutcome = AuditOutcome.SUCCEEDED,
                     error_codes: Sequence[str] = ()) -> None:
        """Write one event. What it records has already happened, so a database fault here
        is logged (with the event) rather than turned into the caller's failure."""
        principal = actor.principal
        now = utcnow()
        event = AuditEvent(
            action=action, owner=principal.owner if principal else None,
            token_id=principal.token_id if principal else None, object_id=object_id,
            project_id=project_id, outcome=outcome, error_codes=list(error_codes),
            address=actor.address, request_id=actor.request_id, created_at=now,
            expires_at=now + self.retention)
        try:
            await event.insert()
        except PyMongoError:
            log.exception("audit event not written: %s", event.model_dump_json())

    def record_soon(self, action: str, actor: Actor, **details: Any) -> None:
        """`record` without waiting for it: for an answer that should not wait on a database
        that is probably down (the event is then most likely lost, and logged)."""
        task = asyncio.create_task(self.record(action, actor, **details))
        self._writing.add(task)
        task.add_done_callback(self._writing.discard)

    async def note_use(self, actor: Actor) -> None:
        """A sign_in event the first time a token is used from an address."""
        if actor.principal is None or actor.address is None:
            return
        key = f"{actor.principal.token_id or actor.principal.owner}|{actor.address}"
        if key in self._known_addresses:
            self._known_addresses.move_to_end(key)
            return
        try:
            await AuditAddress(id=key).insert()
        except DuplicateKeyError:
            pass
        except PyMongoError:
            log.exception("could not check the address of a sign-in")
            return
        else:
            await self.record(SIGN_IN, actor, object_id=actor.principal.token_id)
        self._known_addresses[key] = None
        if len(self._known_addresses) > KNOWN_ADDRESSES_CACHED:
            self._known_addresses.popitem(last=False)

    async def list(self, principal: Principal, audit_filter: AuditFilter, *,
                   first: int | None, after: str | None, last: int | None = None,
                   before: str | None = None) -> Page[AuditEvent]:
        """Every event for an ADMIN; a project's events for its OWNERs (`project_id` in the
        filter): NOT_FOUND for a project the caller is no member of, FORBIDDEN below OWNER."""
        if not principal.is_admin:
            if audit_filter.project_id is None:
                principal.require(Scope.ADMIN)
            else:
                principal.require(Scope.ASSETS_READ)
                project_id = audit_filter.project_id
                principal.projects.require(
                    project_id, NotFound(f"no project with id {project_id}",
                                         field=["filter", "project_id"]),
                    principal.projects.can_manage, "reading the audit log needs the OWNER role")
        return await paginate(AuditEvent, audit_filter.query(), first=first, after=after,
                              last=last, before=before, max_size=self.max_page_size)

    @staticmethod
    async def project_of(object_id: str | None) -> str | None:
        """The project of the object a mutation acted on: an asset or scene (in the trash or
        not), an asset version's or a job's asset or scene, a project itself; None for anything
        else, and when the database cannot say (the event is still written)."""
        try:
            return await _project_of(object_id)
        except PyMongoError:
            log.warning("the project of %s is not known for its audit event", object_id)
            return None

    @staticmethod
    async def export() -> AsyncIterator[AuditEvent]:
        """Every event still kept, oldest first."""
        async for event in AuditEvent.find({}).sort(("_id", SortDirection.ASCENDING)):
            yield event


_PROJECT_FIELDS = {"project_id": 1, "owner": 1}
_HOLDERS: dict[str, type[Document]] = {"ast": Asset, "scn": Scene}


async def _project_of(object_id: str | None) -> str | None:
    prefix = (object_id or "").partition("_")[0]
    if prefix == "prj":
        return object_id
    if prefix in ("ver", "job"):
        holder: Any = await (AssetVersion if prefix == "ver" else Job).get_pymongo_collection(
        ).find_one({"_id": object_id}, {"asset_id": 1, "scene_id": 1})
        object_id = holder and (holder.get("asset_id") or holder.get("scene_id"))
        prefix = (object_id or "").partition("_")[0]
    if prefix not in _HOLDERS:
        return None
    found = await _HOLDERS[prefix].get_pymongo_collection().find_one({"_id": object_id},
                                                                      _PROJECT_FIELDS)
    if found is None:  # deleted: the trash keeps its record
        trashed = await TrashEntry.get_pymongo_collection().find_one(
            {"_id": object_id}, {"document.project_id": 1, "document.owner": 1})
        found = trashed and trashed["document"]
    if not found:
        return None
    return str(found.get("project_id") or personal_project_id(found["owner"]))
