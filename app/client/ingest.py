"""`atelier ingest`: upload files, folders and s3:// prefixes (buckets.py) to a running server,
follow every job to its end, show each file as it finishes and a summary; exit 0 only when every
file became READY."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx

from app.client.api import AtelierClient, ClientFailure, FileRejected
from app.client.buckets import Label, gathered
from app.client.bundles import bundle_filename, bundle_members, write_bundle
from app.client.display import Display, display_for_stdout
from app.client.files import FoundFiles, ModelFiles
from app.usage import UsageError, report_usage_error

EXIT_ALL_READY = 0
EXIT_SOME_FAILED = 1

DEFAULT_CONCURRENCY = 4
DEFAULT_JOB_TIMEOUT_S = 900.0
DEFAULT_REQUEST_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class FileOutcome:
    path: str
    status: str  # the asset's READY or FAILED, or TIMEOUT when the wait for its job ran out
    triangles: int | None = None
    code: str | None = None
    message: str | None = None

    @property
    def ready(self) -> bool:
        return self.status == "READY"

    def line(self) -> str:
        detail = (f"{self.triangles} triangles" if self.ready
                  else f"{self.code}: {self.message}")
        return f"{self.status:<8} {self.path}  {detail}"


async def ingest_paths(
    paths: Sequence[Path | str],
    *,
    server: str,
    token: str,
    tags: list[str],
    concurrency: int = DEFAULT_CONCURRENCY,
    job_timeout_s: float = DEFAULT_JOB_TIMEOUT_S,
    request_timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S,
) -> int:
    """Ingest every model under `paths` (local ones, or s3://bucket/prefix); the process exit
    code: 0 when all became READY, 1 when any failed, 2 (with its one line on stderr) when
    nothing could be tried."""
    try:
        if not server.startswith(("http://", "https://")):
            raise UsageError(f"--server must be an http:// or https:// URL, not {server!r}")
        async with gathered(paths) as (found, label):
            if not found.models:
                raise UsageError(f"no model files found "
                                 f"({plural(len(found.skipped), 'other file')} skipped)")
            outcomes = await _ingest_found(found, label, server=server, token=token, tags=tags,
                                           concurrency=concurrency, job_timeout_s=job_timeout_s,
                                           request_timeout_s=request_timeout_s)
    except UsageError as error:
        return report_usage_error(error)
    print(summary(outcomes, len(found.skipped)), flush=True)
    return EXIT_ALL_READY if all(outcome.ready for outcome in outcomes) else EXIT_SOME_FAILED


async def _ingest_found(found: FoundFiles, label: Label, *, server: str, token: str,
                        tags: list[str], concurrency: int, job_timeout_s: float,
                        request_timeout_s: float) -> list[FileOutcome]:
    """At most `concurrency` models in flight; the first ClientFailure stops them all."""
    # A log line per HTTP request would bury the one line per file this command reports.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    gate = asyncio.Semaphore(max(1, concurrency))
    timeout = httpx.Timeout(request_timeout_s, connect=10.0)
    try:
        async with httpx.AsyncClient(timeout=timeout) as http:
            client = AtelierClient(server, token, http)
            await client.check()
            with display_for_stdout(len(found.models)) as display:
                for skipped in found.skipped:
                    display.note(skipped.line())
                async with asyncio.TaskGroup() as group:
                    tasks = [group.create_task(_ingest_model(client, model, label(model.path),
                                                             tags, gate, job_timeout_s, display))
                             for model in found.models]
    except* ClientFailure as failures:
        raise failures.exceptions[0] from None
    return [task.result() for task in tasks]


async def _ingest_model(client: AtelierClient, model: ModelFiles, label: str,
                        tags: list[str], gate: asyncio.Semaphore, job_timeout_s: float,
                        display: Display) -> FileOutcome:
    async with gate:
        display.started(label)
        if model.is_bundle:
            display.note(f"bundling {label} with {', '.join(list(bundle_members(model))[1:])}")
        outcome = await _upload_and_follow(client, model, label, tags, job_timeout_s, display)
    display.finished(label, outcome.line(), outcome.ready)
    return outcome


async def _upload_and_follow(client: AtelierClient, model: ModelFiles, label: str,
                             tags: list[str], job_timeout_s: float, display: Display
                             ) -> FileOutcome:
    def show(job: dict[str, Any]) -> None:
        display.stage(label, job.get("stage") or job["status"].lower(),
                      float(job.get("progress") or 0.0))

    try:
        with await asyncio.to_thread(_open_upload, model) as content:
            filename = bundle_filename(model) if model.is_bundle else model.path.name
            asset_id, job_id = await client.upload(model.path.name, filename, content, tags)
        async with asyncio.timeout(job_timeout_s):
            job = await client.follow_job(job_id, show)
        asset = await client.asset(asset_id)
    except FileRejected as rejected:
        return FileOutcome(label, "FAILED", code=rejected.code, message=rejected.message)
    except OSError as error:
        return FileOutcome(label, "FAILED", code="UNREADABLE",
                           message=f"{error.strerror or error}: {error.filename or label}")
    except TimeoutError:
        return FileOutcome(label, "TIMEOUT", code="TIMEOUT",
                           message=f"its job did not end within {job_timeout_s:.0f}s")
    if asset["status"] == "READY":
        return FileOutcome(label, "READY",
                           triangles=(asset["stats"] or {}).get("triangleCount"))
    failure = asset["error"] or job["error"] or {
        "code": job["status"], "message": f"the asset ended {asset['status']}"}
    return FileOutcome(label, "FAILED", code=failure["code"], message=failure["message"])


def _open_upload(model: ModelFiles) -> IO[bytes]:
    """The bytes to send: the model itself, or the bundle of it and the files it names."""
    return write_bundle(model) if model.is_bundle else model.path.open("rb")


def summary(outcomes: list[FileOutcome], skipped: int) -> str:
    ready = sum(outcome.ready for outcome in outcomes)
    text = f"{plural(len(outcomes), 'file')}: {ready} ready, {len(outcomes) - ready} failed"
    if skipped:
        text += f"; {plural(skipped, 'file')} skipped"
    return text


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
