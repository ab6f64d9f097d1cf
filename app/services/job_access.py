"""Who may read a job: its owner (an admin: everyone), and the members of the project its asset
or scene is in, so a VIEWER can follow an EDITOR's render of a shared asset. Writing to a job
(cancel, pin) stays with its owner."""

from __future__ import annotations

from typing import Any

from beanie import Document

from app.models.asset import Asset
from app.models.job import Job
from app.models.project import personal_project_id
from app.models.scene import Scene
from app.services.auth import Principal

_PROJECT_FIELDS = {"project_id": 1, "owner": 1}


async def may_read(principal: Principal, job: Job) -> bool:
    if principal.can_access(job.owner):
        return True
    project_id = await subject_project(job)
    return project_id is not None and principal.projects.can_read(project_id)


async def subject_project(job: Job) -> str | None:
    """The project of the asset or scene the job works on; None when it is gone."""
    holder: type[Document] = Asset if job.asset_id else Scene
    subject_id = job.asset_id or job.scene_id
    if subject_id is None:
        return None
    found: dict[str, Any] | None = await holder.get_pymongo_collection().find_one(
        {"_id": subject_id}, _PROJECT_FIELDS)
    if found is None:
        return None
    return str(found.get("project_id") or personal_project_id(found["owner"]))
