"""GraphQL types of the trash: deleted assets and scenes that can still be restored."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from app.schema.common import Connection
from app.schema.enums import described


@described(description="What a trashed item was.", values={
    "ASSET": "An asset; assetRestore brings it back.",
    "SCENE": "A scene; sceneRestore brings it back.",
})
class TrashKind(StrEnum):
    ASSET = "ASSET"
    SCENE = "SCENE"


@strawberry.interface(description="A deleted asset or scene, restorable until purgeAt.")
class TrashItem:
    id: strawberry.ID = strawberry.field(description="The asset's or scene's own id, which "
                                         "assetRestore or sceneRestore takes.")
    kind: TrashKind = strawberry.field(description="Whether it is an asset or a scene.")
    name: str = strawberry.field(description="Its name when it was deleted.")
    deleted_at: datetime = strawberry.field(description="When it was deleted.")
    purge_at: datetime = strawberry.field(
        description="From when the workers may delete it for good (its deletion plus "
        "ATELIER_TRASH_RETENTION_DAYS; later while something still refers to its files).")


@strawberry.type(description="A deleted asset (reading it needs ASSETS_READ).")
class TrashedAsset(TrashItem):
    pass


@strawberry.type(description="A deleted scene (reading it needs SCENES_READ).")
class TrashedScene(TrashItem):
    pass


TrashItemConnection = Connection[TrashItem]
