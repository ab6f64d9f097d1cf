"""The asset outcome log: READY/FAILED written with its numbered event in one transaction, and
read back in order from any resume point."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pymongo import ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession

from app.errors import InvalidInput
from app.models.asset import Asset, AssetStatus
from app.models.asset_event import AssetEvent, Counter
from app.models.common import utcnow
from app.services.asset_writes import set_asset_status

_COUNTER_ID = "asset_events"
_CURSOR_PREFIX = "asset-event:"
_PAGE_SIZE = 500


@dataclass(frozen=True, eq=False)
class AssetOutcome:
    """An asset as it reached READY or FAILED, at its place in the outcome log. Compared by
    identity: the change feed hands one object to every subscriber of a process."""

    sequence: int
    asset: Asset

    @property
    def cursor(self) -> str:
        return encode_outcome_cursor(self.sequence)


def encode_outcome_cursor(sequence: int) -> str:
    text = f"{_CURSOR_PREFIX}{sequence}".encode()
    return base64.urlsafe_b64encode(text).decode().rstrip("=")


def decode_outcome_cursor(cursor: str) -> int:
    """The sequence an `afterCursor` stands for; INVALID_INPUT for anything we did not hand out."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if text.startswith(_CURSOR_PREFIX):
            sequence = int(text.removeprefix(_CURSOR_PREFIX))
            if sequence >= 0:
                return sequence
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise InvalidInput("the cursor is not one assetReady sent", field=["after_cursor"])


def outcome_of(event: dict[str, Any]) -> AssetOutcome:
    return AssetOutcome(int(event["sequence"]), Asset.model_validate(event["snapshot"]))


class AssetOutcomeLog:
    def __init__(self, retention_seconds: float) -> None:
        self.retention = timedelta(seconds=retention_seconds)

    async def record(self, asset_id: str, status: AssetStatus, changes: dict[str, Any]) -> None:
        """Set the asset's terminal `status` with `changes`, and append one outcome event if the
        status is new (a job redone after a crash does not announce the same outcome twice).
        The transaction serialises on the counter, so sequences commit in order, with no gaps."""

        async def write(session: AsyncClientSession) -> None:
            assets = Asset.get_pymongo_collection()
            before = await assets.find_one({"_id": asset_id}, {"status": 1}, session=session)
            after = await set_asset_status(asset_id, status, changes, session=session)
            if before is None or after is None or before["status"] == status.value:
                return
            counter = await Counter.get_pymongo_collection().find_one_and_update(
                {"_id": _COUNTER_ID}, {"$inc": {"value": 1}}, upsert=True,
                return_document=ReturnDocument.AFTER, session=session)
            assert counter is not None  # an upsert returning the document after it
            now = utcnow()
            event = AssetEvent(sequence=counter["value"], asset_id=asset_id,
                               owner=after["owner"], status=status.value, snapshot=after,
                               created_at=now, expires_at=now + self.retention)
            await AssetEvent.get_pymongo_collection().insert_one(
                event.model_dump(by_alias=True, exclude={"id"}), session=session)

        client = Asset.get_pymongo_collection().database.client
        async with client.start_session() as session:
            await session.with_transaction(write)

    @staticmethod
    async def latest_sequence() -> int:
        """The sequence of the newest committed outcome (0 before the first)."""
        counter = await Counter.get_pymongo_collection().find_one({"_id": _COUNTER_ID})
        return int(counter["value"]) if counter else 0

    @staticmethod
    async def after(sequence: int, where: dict[str, Any]) -> list[AssetOutcome]:
        """Every retained outcome after `sequence` matching `where` (an owner or an asset), in
        order."""
        found: list[AssetOutcome] = []
        while True:
            page = await AssetEvent.get_pymongo_collection().find(
                {**where, "sequence": {"$gt": sequence}}).sort("sequence", 1).limit(
                _PAGE_SIZE).to_list()
            found.extend(outcome_of(event) for event in page)
            if len(page) < _PAGE_SIZE:
                return found
            sequence = found[-1].sequence

    @staticmethod
    async def latest_of(asset_id: str) -> AssetOutcome | None:
        event = await AssetEvent.get_pymongo_collection().find_one(
            {"asset_id": asset_id}, sort=[("sequence", -1)])
        return outcome_of(event) if event else None
