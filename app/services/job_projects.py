"""Giving jobs stored before jobs named their project the project their usage counts in: their
asset's or scene's, or their owner's personal one when that is gone (or they had none)."""

from __future__ import annotations

from app.models.job import Job
from app.models.project import personal_project_id
from app.services.job_access import subject_project
from app.services.job_log import JobLog

# Jobs given their project per reaper pass; the rest wait for the next one.
_BATCH = 500


async def backfill_job_projects(batch: int = _BATCH) -> int:
    """Fill in the project of up to `batch` jobs without one, found through the
    (project_id, status) index; idempotent, so every reaper pass may run it. How many."""
    found = await Job.get_pymongo_collection().find({"project_id": None}).limit(batch).to_list()
    projects = {}
    for document in found:
        job = Job.model_validate(document)
        projects[job.id] = await subject_project(job) or personal_project_id(job.owner)
    await JobLog.give_projects(projects)
    return len(projects)
