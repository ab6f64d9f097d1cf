"""GraphQL types of the audit log: an event, its outcome and the filter of `auditEvents`."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from app.schema.common import Connection
from app.schema.enums import described


@described(description="How the audited action ended.", values={
    "SUCCEEDED": "It did what was asked.",
    "FAILED": "An expected failure: the payload's errors, or a refusal.",
    "ERROR": "An unexpected failure.",
})
class AuditOutcome(Enum):
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    ERROR = "ERROR"


@strawberry.type(description="Who did what to which object, when, from where, and the outcome.")
class AuditEvent:
    id: strawberry.ID = strawberry.field(description="The event's id.")
    action: str = strawberry.field(
        description="A mutation's name (assetUpload, apiTokenCreate, ...), sign_in (a token's "
        "first use from an address) or file_download (a signed URL).")
    owner: str | None = strawberry.field(description="Who acted; null for a signed URL.")
    token_id: strawberry.ID | None = strawberry.field(
        description="The token used (tok_...); null for a signed URL or the bootstrap admin.")
    object_id: strawberry.ID | None = strawberry.field(
        description="The object acted on (for file_download, the storage key).")
    outcome: AuditOutcome = strawberry.field(description="How the action ended.")
    error_codes: list[str] = strawberry.field(
        description="The codes of the errors it ended with; empty when it succeeded.")
    address: str | None = strawberry.field(description="The client's address.")
    request_id: str | None = strawberry.field(
        description="The request's X-Request-Id, to find it in the logs; null when none.")
    created_at: datetime = strawberry.field(description="When it happened.")
    project_id: strawberry.ID | None = strawberry.field(description=(
        "The project of the object acted on; null for tokens, webhooks and other objects of "
        "no project."))


@strawberry.input(description="Which audit events to list; every field given must match.")
class AuditEventFilter:
    action: list[str] | None = strawberry.field(
        default=None, description="Events of any of these actions")
    owner: str | None = strawberry.field(default=None, description="Events of this owner")
    object_id: strawberry.ID | None = strawberry.field(
        default=None, description="Events on this object")
    outcome: list[AuditOutcome] | None = strawberry.field(
        default=None, description="Events with any of these outcomes")
    project_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Events on this project's assets, scenes, versions, jobs and members; a project's "
        "OWNER may ask for these without an ADMIN token"))


AuditEventConnection = Connection[AuditEvent]
