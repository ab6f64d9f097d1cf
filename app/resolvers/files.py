"""Stored files as the File type, with their URLs signed once per request and only when the
query asks for them; without awaiting where the store signs without I/O, so that a page's
fields resolve without a task each."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from app.context import Context
from app.models.common import StoredFile as StoredFileModel
from app.resolvers.selections import selects
from app.schema.common import FileRole, StoredFile
from app.schema.scalars import Long

Info = strawberry.Info[Context, None]


async def stored_files(files: Sequence[StoredFileModel], info: Info) -> list[StoredFile]:
    """The files of the field being resolved; `url` stays empty unless it is selected, since
    signing is most of what a file costs to serve."""
    signed = selects(info.selected_fields, "url")
    return [_file(stored, await info.context.file_url(stored) if signed else "")
            for stored in files]


def stored_files_now(files: Sequence[StoredFileModel], info: Info) -> list[StoredFile] | None:
    """`stored_files` without awaiting, or None when a URL it needs must be awaited."""
    if not selects(info.selected_fields, "url"):
        return [_file(stored, "") for stored in files]
    urls = [info.context.file_url_now(stored) for stored in files]
    if None in urls:
        return None
    return [_file(stored, url or "") for stored, url in zip(files, urls, strict=True)]


def _file(stored: StoredFileModel, url: str) -> StoredFile:
    return StoredFile(role=FileRole(stored.role.value), format=stored.format,
                      size_bytes=Long(stored.size_bytes), content_type=stored.content_type,
                      filename=stored.filename, url=url)
