"""GraphQL types of the audit log: an event, its outcome and the filter of `auditEvents`."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from app.schema.common import Connection


@strawberry.enum(description="How the audited action ended.")
class AuditOutcome(Enum):
    SUCCEEDED = "SUCCEEDED"
    FAILED = strawberry.enum_value(
        "FAILED", description="An expected failure: the payload's errors, or a refusal.")
    ERROR = strawberry.enum_value("ERROR", description="An unexpected failure.")


@strawberry.type(description="Who did what to which object, when, from where, and the outcome.")
class AuditEvent:
    id: strawberry.ID
    action: str = strawberry.field(
        description="A mutation's name (assetUpload, apiTokenCreate, ...), sign_in (a token's "
        "first use from an address) or file_download (a signed URL).")
    owner: str | None = strawberry.field(description="Who acted; null for a signed URL.")
    token_id: strawberry.ID | None
    object_id: strawberry.ID | None = strawberry.field(
        description="The object acted on (for file_download, the storage key).")
    outcome: AuditOutcome
    error_codes: list[str]
    address: str | None = strawberry.field(description="The client's address.")
    request_id: str | None
    created_at: datetime


@strawberry.input
class AuditEventFilter:
    action: list[str] | None = None
    owner: str | None = None
    object_id: strawberry.ID | None = None
    outcome: list[AuditOutcome] | None = None


AuditEventConnection = Connection[AuditEvent]
