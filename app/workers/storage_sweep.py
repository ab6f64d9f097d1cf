"""Every worker's storage sweep loop, apart from the job reaper so that listing a large bucket
never holds up the redelivery of stalled jobs; it looks as often as the reaper does, and the
sweeper's claim in the database lets one worker of all sweep per interval. A failed sweep
(counted in /metrics by the sweeper) is logged and the loop goes on: one that ended would stop
every later sweep of this worker without a sound."""

from __future__ import annotations

import asyncio
import logging

from app.services.container import Services
from app.workers.retry import PASSING_FAULTS

log = logging.getLogger(__name__)


async def sweep_storage_forever(services: Services) -> None:
    while True:
        await asyncio.sleep(services.settings.job_lease_seconds / 2)
        try:
            await services.storage_sweeper.sweep_if_due()
        except PASSING_FAULTS as fault:
            log.warning("the storage sweep will try again: %s", fault)
        except Exception:
            log.exception("the storage sweep failed unexpectedly; it will try again")
