"""Named crash points for fault tests: with ATELIER_FAULT_INJECT=<point> the process dies there,
as a SIGKILL or a power cut would, so tests can show what such a crash leaves behind."""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

# Inside the transaction that creates an asset with its ingest job, after the asset's insert.
ASSET_INSERTED = "asset-inserted"
# After a new job's transaction committed, before it is handed to the queue.
JOB_COMMITTED = "job-committed"
# In a storage sweep, right after its first orphan was deleted.
ORPHAN_DELETED = "orphan-deleted"
FAULT_EXIT_CODE = 70


def crash_point(point: str, configured: str | None) -> None:
    if configured == point:
        log.critical("fault injected at %s: exiting now", point)
        os._exit(FAULT_EXIT_CODE)
