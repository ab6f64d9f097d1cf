"""The audit log: events written for mutations, sign-ins, downloads and admin actions, listed
for admins and exported whole."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from beanie import SortDirection
from pymongo.errors import DuplicateKeyError, PyMongoError

from app.models.audit import AuditAddress, AuditEvent, AuditOutcome
from app.models.common import utcnow
from app.models.token import Scope
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

    def query(self) -> dict[str, object]:
        found: dict[str, object] = {}
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
                     outcome: AuditOutcome = AuditOutcome.SUCCEEDED,
                     error_codes: Sequence[str] = ()) -> None:
        """Write one event. What it records has already happened, so a database fault here
        is logged (with the event) rather than turned into the caller's failure."""
        principal = actor.principal
        now = utcnow()
        event = AuditEvent(
            action=action, owner=principal.owner if principal else None,
            token_id=principal.token_id if principal else None, object_id=object_id,
            outcome=outcome, error_codes=list(error_codes), address=actor.address,
            request_id=actor.request_id, created_at=now, expires_at=now + self.retention)
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
        principal.require(Scope.ADMIN)
        return await paginate(AuditEvent, audit_filter.query(), first=first, after=after,
                              last=last, before=before, max_size=self.max_page_size)

    @staticmethod
    async def export() -> AsyncIterator[AuditEvent]:
        """Every event still kept, oldest first."""
        async for event in AuditEvent.find({}).sort(("_id", SortDirection.ASCENDING)):
            yield event
