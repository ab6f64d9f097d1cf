"""The storage sweep: objects in the store that no record points at (stored_references), once
older than ATELIER_STORAGE_SWEEP_GRACE_HOURS, are deleted, by one worker's sweep loop once every
ATELIER_STORAGE_SWEEP_INTERVAL_MINUTES, and by `atelier fsck --delete-orphans`.

The store is listed before the records are read, so an object written after the listing is
never a candidate, and one written before it is either old enough (and its record, if any, in
the snapshot read after) or younger than the grace and left alone: a direct upload still
pending is named by its pending record, and a job's outputs written before their record is
saved are safe while the job takes less than the grace. Deleting is the only write and each is
idempotent, so a sweep killed midway leaves only orphans the next one finds again.

Which worker sweeps is settled in the database: one `storage_sweep` document says when the
last sweep started or ended, and a worker claims the next one by moving that time to now in
one conditional update, so however many workers run, one sweep runs per interval. The claim
is also a lease its sweeper renews while it sweeps, so a sweep that outlasts the interval is
not joined by another, and one whose worker died is taken over once its lease lapses. The same
document keeps how the sweeps went (the last success and failure, the failures so far), which
/metrics reports whichever worker swept.

A store fault (S3 down or answering errors) fails the sweep where it happens: a listing that
fails part-way deletes nothing, as no record is read before the listing is whole, and a
deletion that fails leaves the orphans after it for the next sweep, an interval later.

Memory holds the listed objects older than the grace (referenced ones are dropped as the
records stream past; the records are never collected) and the prefix of each scene: a few
hundred bytes an object. The records are read in one snapshot transaction, so on MongoDB a
database too large to read within its transaction lifetime (60 s by default) fails the sweep
(logged, tried again next interval) rather than deleting on a partial view."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.mongo_client import AsyncMongoClient
from pymongo.errors import DuplicateKeyError, PyMongoError

from app.faults import ORPHAN_DELETED, crash_point
from app.models.common import utcnow
from app.services.storage import ListedObject, Storage
from app.services.stored_references import held_prefixes, referenced_objects, snapshot_documents

LEASE_COLLECTION = "storage_sweep"
LEASE_ID = "storage"
NEVER = datetime(1970, 1, 1, tzinfo=UTC)
LOGGED_KEYS = 20
LONGEST_ERROR = 300

log = logging.getLogger(__name__)


class StorageSweeper:
    def __init__(self, storage: Storage, mongo: AsyncMongoClient[Any], database_name: str, *,
                 grace: timedelta, interval: timedelta,
                 lease: timedelta, fault_inject: str | None = None) -> None:
        """`lease`: how long a claim holds unless renewed (every third of it)."""
        self.storage = storage
        self.mongo = mongo
        self.database_name = database_name
        self.grace = grace
        self.interval = interval
        self.fault_inject = fault_inject
        self.lease = lease
        self._holder = uuid.uuid4().hex
        # When another worker's claim says the next sweep is due: no query before then.
        self._not_before: datetime | None = None

    async def orphans(self, now: datetime | None = None) -> list[ListedObject]:
        """Objects older than the grace as of `now` that no record points at, by key."""
        cutoff = (now or utcnow()) - self.grace
        candidates = {listed.key: listed async for listed in self.storage.list_objects()
                      if listed.modified_at < cutoff}
        if not candidates:
            return []
        prefixes: set[str] = set()
        async for collection, document in snapshot_documents(self.mongo, self.database_name):
            for key, _ in referenced_objects(collection, document):
                candidates.pop(key, None)
            prefixes.update(held_prefixes(collection, document))
        return sorted((listed for key, listed in candidates.items()
                       if not _under_any(key, prefixes)), key=lambda listed: listed.key)

    async def delete_orphans(self, now: datetime | None = None
                             ) -> AsyncIterator[ListedObject]:
        """Delete the orphans, yielding each once it is gone."""
        for orphan in await self.orphans(now):
            await self.storage.delete(orphan.key)
            yield orphan
            crash_point(ORPHAN_DELETED, self.fault_inject)

    async def sweep(self, now: datetime | None = None) -> list[ListedObject]:
        """Delete the orphans as of `now`; what went, logged with their total size."""
        removed = [orphan async for orphan in self.delete_orphans(now)]
        if removed:
            log.info("storage sweep deleted %d orphaned objects (%d bytes): %s", len(removed),
                     sum(orphan.size_bytes for orphan in removed),
                     ", ".join(orphan.key for orphan in removed[:LOGGED_KEYS]))
        return removed

    async def sweep_if_due(self) -> list[ListedObject] | None:
        """Called every few seconds by each worker's sweep loop: a sweep when this worker wins
        the interval's claim (what it deleted), None when it is not due or another worker
        has it."""
        now = utcnow()
        if self._not_before is not None and now < self._not_before:
            return None
        if not await self._claim(now):
            return None
        try:
            async with self._renewing():
                removed = await self.sweep(now)
        except Exception as fault:
            # Recorded for /metrics, then left to the caller's loop to log and go on.
            error = f"{type(fault).__name__}: {fault}"[:LONGEST_ERROR]
            await self._ended({"failed_at": utcnow(), "error": error}, {"failures": 1})
            raise
        await self._ended({"succeeded_at": utcnow(), "deleted": len(removed)}, {})
        return removed

    async def metrics(self) -> list[Metric]:
        """How the sweeps went, from the sweep document: the failures so far and when the
        last one succeeded and failed; a database fault costs only these figures."""
        try:
            held = await self._leases.find_one({"_id": LEASE_ID}) or {}
        except PyMongoError as fault:
            log.warning("storage sweep metrics not read: %s", fault)
            return []
        failures = CounterMetricFamily(
            "atelier_storage_sweep_failures", "Storage sweeps that failed (the store or the "
            "database erred); the next interval tries again")
        failures.add_metric([], float(held.get("failures", 0)))
        families: list[Metric] = [failures]
        for name, field, documentation in (
                ("atelier_storage_sweep_last_success_timestamp_seconds", "succeeded_at",
                 "When the last storage sweep that finished ended"),
                ("atelier_storage_sweep_last_failure_timestamp_seconds", "failed_at",
                 "When the last storage sweep that failed ended")):
            if field in held:
                gauge = GaugeMetricFamily(name, documentation)
                gauge.add_metric([], _as_utc(held[field]).timestamp())
                families.append(gauge)
        return families

    async def _ended(self, outcome: dict[str, Any], counts: dict[str, int]) -> None:
        # Counted from the end, so a sweep longer than the interval is not joined by the next.
        change: dict[str, Any] = {"$set": {"swept_at": utcnow(), "running_until": NEVER,
                                           **outcome}}
        if counts:
            change["$inc"] = counts
        await self._leases.update_one({"_id": LEASE_ID}, change)

    @property
    def _leases(self) -> AsyncCollection[Any]:
        return self.mongo[self.database_name][LEASE_COLLECTION]

    async def _claim(self, now: datetime) -> bool:
        """Mark a sweep as started now if the last one is an interval old; True when this
        call marked it (one conditional update: of workers racing, one wins)."""
        with contextlib.suppress(DuplicateKeyError):  # the first claim of a new database
            await self._leases.insert_one({"_id": LEASE_ID, "swept_at": NEVER})
        claimed = await self._leases.update_one(
            {"_id": LEASE_ID, "swept_at": {"$lte": now - self.interval},
             # A document from before leases has no running_until.
             "$or": [{"running_until": {"$lte": now}}, {"running_until": {"$exists": False}}]},
            {"$set": {"swept_at": now, "running_until": now + self.lease,
                      "holder": self._holder}})
        if claimed.modified_count == 1:
            self._not_before = now + self.interval
            return True
        held = await self._leases.find_one({"_id": LEASE_ID})
        self._not_before = None if held is None else max(
            held["swept_at"] + self.interval, held.get("running_until", NEVER))
        return False

    @contextlib.asynccontextmanager
    async def _renewing(self) -> AsyncIterator[None]:
        """Renew this sweeper's claim while the block runs."""

        async def renew() -> None:
            while True:
                await asyncio.sleep(self.lease.total_seconds() / 3)
                try:
                    await self._leases.update_one(
                        {"_id": LEASE_ID, "holder": self._holder},
                        {"$set": {"running_until": utcnow() + self.lease}})
                except PyMongoError as fault:
                    # The sweep's own reads fail alike; a lapsed lease lets another take over.
                    log.warning("storage sweep lease not renewed: %s", fault)

        renewal = asyncio.create_task(renew(), name="storage-sweep-lease")
        try:
            yield
        finally:
            renewal.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewal


def _as_utc(moment: datetime) -> datetime:
    """A time read back from the database, which may come without its zone: UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _under_any(key: str, prefixes: set[str]) -> bool:
    """Whether one of the key's leading folders is a held prefix."""
    folders = key.split("/")[:-1]
    return any("/".join(folders[:depth]) + "/" in prefixes
               for depth in range(1, len(folders) + 1))
