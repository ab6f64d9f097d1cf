"""The File type: a stored file's fields and its signed URL, made when a client asks for it."""

from __future__ import annotations

import strawberry

from app.context import Context
from app.models.common import StoredFile as StoredFileModel
from app.schema.common import FileRole, StoredFileFields
from app.schema.scalars import Long

Info = strawberry.Info[Context, None]


@strawberry.type(name="File", description="A stored file with a short-lived signed URL.")
class StoredFile(StoredFileFields):
    @strawberry.field(description="A signed URL a browser can GET until it expires.")
    async def url(self, info: Info) -> str:
        return await info.context.file_url(self.key, self.filename, self.content_type)


def stored_file(stored: StoredFileModel) -> StoredFile:
    return StoredFile(role=FileRole(stored.role.value), format=stored.format,
                      size_bytes=Long(stored.size_bytes), content_type=stored.content_type,
                      filename=stored.filename, key=stored.key)


def stored_files(files: list[StoredFileModel]) -> list[StoredFile]:
    return [stored_file(stored) for stored in files]
