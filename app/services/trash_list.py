"""The `trash` list: the caller's deleted assets and scenes it can still restore, newest
deleted first, in the projects it reads and of the kinds its scopes read."""

from __future__ import annotations

from typing import Any

from app.errors import Forbidden
from app.models.token import Scope
from app.models.trash import TrashEntry, TrashKind, TrashSummary
from app.services.auth import Principal
from app.services.keyset import Ordering, keyset_page
from app.services.pagination import Page

NEWEST_DELETED = Ordering(name="DELETED", key="trashed_at", descending=True)
# A kind is listed to a caller whose token reads that kind's live records.
READ_SCOPES = {TrashKind.ASSET: Scope.ASSETS_READ, TrashKind.SCENE: Scope.SCENES_READ}


def listed_kinds(principal: Principal) -> list[TrashKind]:
    """The kinds the caller's scopes read; FORBIDDEN when they read neither."""
    kinds = [kind for kind, scope in READ_SCOPES.items() if principal.has(scope)]
    if not kinds:
        raise Forbidden("reading the trash needs the ASSETS_READ or SCENES_READ scope")
    return kinds


def trash_query(principal: Principal) -> dict[str, Any]:
    """The caller's restorable entries of the kinds it reads, as one of TrashEntry's indexes
    serves it: never an `$in` besides the projects' (FORBIDDEN when it reads neither kind)."""
    kinds = listed_kinds(principal)
    query: dict[str, Any] = {"purging": False, **principal.projects.query()}
    if len(kinds) == 1:
        query["kind"] = kinds[0].value
    return query


async def trash_page(principal: Principal, *, first: int | None, after: str | None,
                     max_size: int) -> Page[TrashSummary]:
    """A page of the caller's restorable trash: entries the sweeper has not started on."""
    return await keyset_page(TrashEntry, trash_query(principal), NEWEST_DELETED, first=first,
                             after=after, last=None, before=None, max_size=max_size,
                             projection=TrashSummary)
