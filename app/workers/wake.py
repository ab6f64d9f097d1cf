"""A worker woken when a job is queued (see app.services.queue's wake-ups) instead of only
finding it at its next poll of arq's queue."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from arq.worker import Worker

from app.services.queue import wait_for_wake


class WakingWorker(Worker):
    """arq's worker, waiting between polls for a wake-up rather than sleeping. Built with arq's
    own poll delay at 0: the wait (`poll_seconds` at most) is here instead."""

    def __init__(self, *args: Any, poll_seconds: float, longest_wait_seconds: float,
                 **settings: Any) -> None:
        super().__init__(*args, poll_delay=0, **settings)
        self.poll_seconds = poll_seconds
        self.longest_wait_seconds = longest_wait_seconds  # one BLPOP, within socket timeouts

    async def _poll_iteration(self) -> None:
        if self.job_counter < self.max_jobs:
            await self._wait_for_wake()
        else:  # a full worker leaves the wake-ups to the others
            await asyncio.sleep(self.poll_seconds)
        await super()._poll_iteration()

    async def _wait_for_wake(self) -> None:
        deadline = time.monotonic() + self.poll_seconds
        while (left := deadline - time.monotonic()) > 0:
            if await wait_for_wake(self.pool, self.queue_name,
                                   min(left, self.longest_wait_seconds)):
                return
