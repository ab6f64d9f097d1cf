"""`atelier ingest`: upload files and folders to a running server, follow every job to its end,
print a line per file as it finishes and a summary; exit 0 only when every file became READY."""

from __future__ import annotations

import asyncio
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.client.api import AtelierClient, ClientFailure, FileRejected
from app.client.files import UsageError, find_model_files

EXIT_ALL_READY = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2  # bad arguments, or the server cannot be reached or refuses the token

DEFAULT_CONCURRENCY = 4
DEFAULT_JOB_TIMEOUT_S = 900.0
DEFAULT_REQUEST_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class FileOutcome:
    path: Path
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
    paths: list[Path],
    *,
    server: str,
    token: str,
    tags: list[str],
    concurrency: int = DEFAULT_CONCURRENCY,
    job_timeout_s: float = DEFAULT_JOB_TIMEOUT_S,
    request_timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S,
) -> int:
    """Ingest every model file under `paths`; the process exit code (see EXIT_*)."""
    try:
        if not server.startswith(("http://", "https://")):
            raise UsageError(f"--server must be an http:// or https:// URL, not {server!r}")
        found = find_model_files(paths)
        if not found.files:
            raise UsageError(f"no model files found ({plural(found.skipped, 'other file')} "
                             "skipped)")
    except UsageError as error:
        print(f"atelier ingest: {error}", file=sys.stderr)
        return EXIT_USAGE

    # A log line per HTTP request would bury the one line per file this command reports.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        outcomes = await _ingest_all(found.files, server=server, token=token, tags=tags,
                                     concurrency=concurrency, job_timeout_s=job_timeout_s,
                                     request_timeout_s=request_timeout_s)
    except ClientFailure as failure:
        print(f"atelier ingest: {failure}", file=sys.stderr)
        return EXIT_USAGE
    print(summary(outcomes, found.skipped), flush=True)
    return EXIT_ALL_READY if all(outcome.ready for outcome in outcomes) else EXIT_SOME_FAILED


async def _ingest_all(files: list[Path], *, server: str, token: str, tags: list[str],
                      concurrency: int, job_timeout_s: float, request_timeout_s: float
                      ) -> list[FileOutcome]:
    """At most `concurrency` files in flight; the first ClientFailure stops them all."""
    gate = asyncio.Semaphore(max(1, concurrency))
    timeout = httpx.Timeout(request_timeout_s, connect=10.0)
    try:
        async with httpx.AsyncClient(timeout=timeout) as http:
            client = AtelierClient(server, token, http)
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(_ingest_file(client, path, tags, gate, job_timeout_s))
                         for path in files]
    except* ClientFailure as failures:
        raise failures.exceptions[0] from None
    return [task.result() for task in tasks]


async def _ingest_file(client: AtelierClient, path: Path, tags: list[str],
                       gate: asyncio.Semaphore, job_timeout_s: float) -> FileOutcome:
    async with gate:
        outcome = await _upload_and_follow(client, path, tags, job_timeout_s)
    print(outcome.line(), flush=True)
    return outcome


async def _upload_and_follow(client: AtelierClient, path: Path, tags: list[str],
                             job_timeout_s: float) -> FileOutcome:
    try:
        asset_id, job_id = await client.upload(path, tags)
        async with asyncio.timeout(job_timeout_s):
            job = await client.follow_job(job_id)
        asset = await client.asset(asset_id)
    except FileRejected as rejected:
        return FileOutcome(path, "FAILED", code=rejected.code, message=rejected.message)
    except TimeoutError:
        return FileOutcome(path, "TIMEOUT", code="TIMEOUT",
                           message=f"its job did not end within {job_timeout_s:.0f}s")
    if asset["status"] == "READY":
        return FileOutcome(path, "READY", triangles=(asset["stats"] or {}).get("triangleCount"))
    error = asset["error"] or job["error"] or {
        "code": job["status"], "message": f"the asset ended {asset['status']}"}
    return FileOutcome(path, "FAILED", code=error["code"], message=error["message"])


def summary(outcomes: list[FileOutcome], skipped: int) -> str:
    ready = sum(outcome.ready for outcome in outcomes)
    text = f"{plural(len(outcomes), 'file')}: {ready} ready, {len(outcomes) - ready} failed"
    if skipped:
        text += f"; {plural(skipped, 'file')} skipped (not a model format)"
    return text


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
