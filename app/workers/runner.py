"""`atelier worker`: arq's worker kept alive through Redis and database outages.

arq's poll loop raises as soon as Redis stops answering, and opening the services fails while
the database is down; either would end the process. The runner instead waits (doubling the
wait up to a limit) and runs arq's main loop again on the same worker: jobs already running
carry on, their leases are renewed or honestly lapse, and polling resumes once Redis is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from arq.worker import Worker
from pymongo.errors import PyMongoError
from redis.exceptions import RedisError

from app.config import Settings
from app.workers.settings import build_worker

log = logging.getLogger("atelier.worker")

FIRST_RECONNECT_SECONDS = 0.25
# A main loop that ran this long was healthy: the next outage starts from the first wait.
HEALTHY_RUN_SECONDS = 30.0
OUTAGE_FAULTS = (RedisError, PyMongoError, OSError)


class ReconnectBackoff:
    """How long to wait before the next attempt: doubling per failure, up to `longest`."""

    def __init__(self, longest: float) -> None:
        self.longest = longest
        self.wait = FIRST_RECONNECT_SECONDS

    def next_wait(self, ran_for: float) -> float:
        if ran_for >= HEALTHY_RUN_SECONDS:
            self.wait = FIRST_RECONNECT_SECONDS
        wait, self.wait = self.wait, min(self.wait * 2, self.longest)
        return wait


async def keep_polling(worker: Worker, backoff: ReconnectBackoff) -> None:
    """arq's main loop, run again after each outage; returns only when arq's loop does."""
    while True:
        started = time.monotonic()
        try:
            await worker.main()
            return
        except OUTAGE_FAULTS as fault:
            wait = backoff.next_wait(time.monotonic() - started)
            log.warning("worker lost a backing service (%s: %s); reconnecting in %.2fs, "
                        "%d jobs still running", type(fault).__name__, fault, wait,
                        sum(not task.done() for task in worker.tasks.values()))
            await asyncio.sleep(wait)
            await reclaim_job_slots(worker)


async def reclaim_job_slots(worker: Worker) -> None:
    """A poll cut short by an outage can leave a job slot counted that no job holds; count the
    slots again from the jobs still running (each gives its slot back when it ends)."""
    running = sum(not task.done() for task in worker.tasks.values())
    worker.job_counter = running
    worker.sem = asyncio.BoundedSemaphore(worker.max_jobs + 1)
    for _ in range(running):
        await worker.sem.acquire()


def run(settings: Settings) -> None:
    worker = build_worker(settings)
    backoff = ReconnectBackoff(settings.worker_reconnect_max_seconds)
    # arq's signal handlers cancel `main_task`, so the runner's loop is that task.
    worker.main_task = worker.loop.create_task(keep_polling(worker, backoff))
    try:
        worker.loop.run_until_complete(worker.main_task)
    except asyncio.CancelledError:
        log.info("worker stopping")
    finally:
        with contextlib.suppress(*OUTAGE_FAULTS):
            worker.loop.run_until_complete(worker.close())
