"""Beanie documents; `DOCUMENT_MODELS` is what the database layer registers."""

from app.models.asset import Asset
from app.models.asset_event import AssetEvent, Counter
from app.models.asset_version import AssetVersion
from app.models.audit import AuditAddress, AuditEvent
from app.models.idempotency import IdempotencyRecord
from app.models.job import Job, JobEvent
from app.models.project import Project
from app.models.scene import Scene
from app.models.token import ApiToken
from app.models.trash import TrashEntry
from app.models.upload import PendingUpload
from app.models.webhook import Webhook, WebhookCursor, WebhookDelivery

DOCUMENT_MODELS: list[type] = [Asset, Job, JobEvent, ApiToken, Scene, PendingUpload, AssetEvent,
                               Counter]
DOCUMENT_MODELS += [Webhook, WebhookDelivery, WebhookCursor]
DOCUMENT_MODELS += [Project]
DOCUMENT_MODELS += [IdempotencyRecord]
DOCUMENT_MODELS += [AuditEvent, AuditAddress]
DOCUMENT_MODELS += [TrashEntry]
DOCUMENT_MODELS += [AssetVersion]
