"""One scan of the durable logs: read what happened since each cursor, record the deliveries it
calls for, then move the cursor on. A worker that dies between the two re-reads the same events
next time and records nothing twice, so a restart neither loses nor repeats an event."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta

from app.models.webhook import Webhook, WebhookCursor
from app.services.asset_outcomes import AssetOutcomeLog
from app.services.webhooks import outbox, sources
from app.services.webhooks.sources import SourceEvent

ASSETS_CURSOR = "asset_events"
JOBS_CURSOR = "jobs"
SCENES_CURSOR = "scenes"

TimeSource = Callable[[datetime], AsyncIterator[list[SourceEvent]]]


async def scan(retention: timedelta) -> int:
    """Record the deliveries of every event since the last scan, each kept for `retention`;
    returns how many were new."""
    newest_outcome = await AssetOutcomeLog.latest_sequence()
    earliest = await Webhook.find_all().sort("created_at").limit(1).to_list()
    if not earliest:
        # No webhook exists now, so the outcomes read before this point all happened before
        # any webhook that comes later: none of them can ever be delivered.
        await _advance_sequence(newest_outcome)
        return 0
    first_webhook_at = earliest[0].created_at
    recorded = await _scan_asset_outcomes(retention)
    for name, read in ((JOBS_CURSOR, sources.finished_jobs),
                       (SCENES_CURSOR, sources.scene_revisions)):
        recorded += await _scan_by_time(name, first_webhook_at, read, retention)
    return recorded


async def _scan_asset_outcomes(retention: timedelta) -> int:
    recorded = 0
    after = (await _cursor(ASSETS_CURSOR)).sequence
    while events := await sources.asset_outcomes(after):
        recorded += await outbox.record(events, retention)
        after = events[-1].sequence
        await _advance_sequence(after)
    return recorded


async def _scan_by_time(name: str, first_webhook_at: datetime, read: TimeSource,
                        retention: timedelta) -> int:
    # Nothing before the oldest webhook can be delivered, so a scan never starts earlier.
    position = await _cursor(name)
    since = max(position.at, first_webhook_at) if position.at else first_webhook_at
    recorded = 0
    async for events in read(since):
        recorded += await outbox.record(events, retention)
        await _advance_time(name, max(event.at for event in events))
    return recorded


async def _cursor(name: str) -> WebhookCursor:
    return await WebhookCursor.get(name) or WebhookCursor(id=name)


async def _advance_sequence(sequence: int) -> None:
    await WebhookCursor.get_pymongo_collection().update_one(
        {"_id": ASSETS_CURSOR}, {"$max": {"sequence": sequence}}, upsert=True)


async def _advance_time(name: str, at: datetime) -> None:
    await WebhookCursor.get_pymongo_collection().update_one(
        {"_id": name}, {"$max": {"at": at}}, upsert=True)
