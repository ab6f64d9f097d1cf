"""The asset outcome log: READY/FAILED written with its numbered event in one transaction, and
read back in order from any resume point."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pymongo import ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession

from app.errors import InvalidInput
from app.models.asset import Asset, AssetStatus
from app.models.asset_event import AssetEvent, Counter
from app.models.common import utcnow
from app.services.asset_writes import set_asset_status, update_asset_document

_COUNTER_ID = "asset_events"
_CURSOR_PREFIX = "asset-event:"
_PAGE_SIZE = 500


@dataclass(frozen=True, eq=False)
class AssetOutcome:
    """An asset as it reached READY or FAILED, at its place in the outcome log. Compared by
    identity: the change feed hands one object to every subscriber of a process."""

    sequence: int
    asset: Asset
    # The asset version the outcome is about (a new version can fail while another stays).
    version: int = 1

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
    asset = Asset.model_validate(event["snapshot"])
    return AssetOutcome(int(event["sequence"]), asset,
                        version=int(event.get("version") or asset.current_version))


# Writes more in the transaction of an outcome (a version's own record).
AlsoWrite = Callable[[AsyncClientSession], Awaitable[None]]


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
            await self._append(after, status, None, session)

        await _in_transaction(write)

    async def record_version(self, asset_id: str, number: int, status: AssetStatus,
                             changes: dict[str, Any], also: AlsoWrite) -> bool:
        """Version `number` of the asset reached `status`: set `changes` on the asset (those
        of a version made current), write `also`, and append its outcome event, in one
        transaction; False (nothing written) when the asset is gone."""

        async def write(session: AsyncClientSession) -> bool:
            after = await update_asset_document(asset_id, changes, session=session)
            if after is None:
                return False
            await also(session)
            await self._append(after, status, number, session)
            return True

        written: bool = await _in_transaction(write)
        return written

    async def _append(self, snapshot: dict[str, Any], status: AssetStatus, version: int | None,
                      session: AsyncClientSession) -> None:
        # findAndModify (see point_writes) costs a scan of the counters, a few documents,
        # and is what gives the increment its own value back atomically.
        counter = await Counter.get_pymongo_collection().find_one_and_update(
            {"_id": _COUNTER_ID}, {"$inc": {"value": 1}}, upsert=True,
            return_document=ReturnDocument.AFTER, session=session)
        assert counter is not None  # an upsert returning the document after it
        now = utcnow()
        event = AssetEvent(sequence=counter["value"], asset_id=snapshot["_id"],
                           owner=snapshot["owner"], status=status.value, snapshot=snapshot,
                           version=version, created_at=now, expires_at=now + self.retention)
        await AssetEvent.get_pymongo_collection().insert_one(
            event.model_dump(by_alias=True, exclude={"id"}), session=session)

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


async def _in_transaction(write: Callable[[AsyncClientSession], Awaitable[Any]]) -> Any:
    client = Asset.get_pymongo_collection().database.client
    async with client.start_session() as session:
        return await session.with_transaction(write)
