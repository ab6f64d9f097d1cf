"""The Scene document: an owner's typed scene graph, kept whole inside one document, with its
version, world bounds and a short log of recent changes for live subscribers."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import pymongo
from beanie import Document
from pydantic import BaseModel, Field, model_validator
from pymongo import IndexModel

from app.geometry.scene_graph import SceneGraph
from app.models.common import Bounds, new_id, utcnow
from app.models.project import personal_project_id


class SceneChangeKind(StrEnum):
    SCENE_RENAMED = "SCENE_RENAMED"
    NODE_ADDED = "NODE_ADDED"
    NODE_REMOVED = "NODE_REMOVED"
    NODE_REPARENTED = "NODE_REPARENTED"
    NODE_RENAMED = "NODE_RENAMED"
    TRANSFORM_SET = "TRANSFORM_SET"
    MESH_ATTACHED = "MESH_ATTACHED"
    MESH_DETACHED = "MESH_DETACHED"
    MATERIAL_SET = "MATERIAL_SET"
    MATERIAL_ADDED = "MATERIAL_ADDED"
    MATERIAL_EDITED = "MATERIAL_EDITED"
    CAMERA_ADDED = "CAMERA_ADDED"
    LIGHT_ADDED = "LIGHT_ADDED"
    ASSET_VERSION_CHANGED = "ASSET_VERSION_CHANGED"


class SceneChange(BaseModel):
    kind: SceneChangeKind
    target_id: str | None = Field(default=None, description="The node, material, camera or light")


class SceneRevision(BaseModel):
    """What one accepted update changed; `version` is the scene's version after it."""

    version: int
    changes: list[SceneChange]
    at: datetime = Field(default_factory=utcnow)


class Scene(Document):
    id: str = Field(default_factory=lambda: new_id("scn"))  # type: ignore[assignment]
    owner: str
    # Its project; empty (as stored before projects) means the owner's personal one.
    project_id: str = ""
    name: str
    version: int = 1
    graph: SceneGraph = Field(default_factory=SceneGraph)
    node_count: int = 0
    bounds: Bounds | None = None
    revisions: list[SceneRevision] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "scenes"
        indexes = [
            IndexModel([("owner", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("project_id", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("updated_at", pymongo.ASCENDING)]),  # webhook scans
            # The scenes following an asset's new current version (SceneService).
            IndexModel([("graph.latest.asset_id", pymongo.ASCENDING)]),
        ]

    @model_validator(mode="after")
    def _in_a_project(self) -> Scene:
        self.project_id = self.project_id or personal_project_id(self.owner)
        return self


class SceneSummary(BaseModel):
    """A scene without its graph: what lists read, so a page never loads every node."""

    id: str = Field(alias="_id")
    owner: str
    project_id: str = ""
    name: str
    version: int
    node_count: int
    bounds: Bounds | None = None
    created_at: datetime
    updated_at: datetime
