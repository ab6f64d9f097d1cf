"""The floor of bench/load.py: a plain Strawberry app serving the read mix's shape from memory.

    .venv/bin/python -m bench.load_floor ANSWERS.json PORT

ANSWERS.json holds the real API's answers to the mix (written by bench/load.py); every field
here resolves from those dicts, so the floor pays for GraphQL, Strawberry and Uvicorn and
nothing else: no database, no auth, no URL signing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import strawberry
import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from strawberry.asgi import GraphQL


@strawberry.type
class Bounds:
    min: list[float]
    max: list[float]


@strawberry.type
class Stats:
    vertex_count: int
    triangle_count: int
    mesh_count: int
    material_count: int
    node_count: int
    bounds: Bounds | None


@strawberry.type
class File:
    role: str
    format: str
    size_bytes: int
    url: str


@strawberry.type
class Validation:
    num_errors: int
    num_warnings: int


@strawberry.type
class IngestJob:
    id: strawberry.ID
    status: str
    progress: float


@strawberry.type
class Asset:
    id: strawberry.ID
    name: str
    status: str
    source_format: str | None
    size_bytes: int
    tags: list[str]
    created_at: str
    stats: Stats | None
    files: list[File]
    glb_url: str | None
    thumbnail_url: str | None
    validation: Validation | None
    ingest_job: IngestJob | None


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class AssetEdge:
    cursor: str
    node: Asset


@strawberry.type
class AssetConnection:
    total_count: int
    page_info: PageInfo
    edges: list[AssetEdge]


@strawberry.type
class Job:
    id: strawberry.ID
    kind: str
    status: str
    progress: float
    stage: str | None
    created_at: str
    finished_at: str | None


@strawberry.type
class JobEdge:
    node: Job


@strawberry.type
class JobConnection:
    total_count: int
    edges: list[JobEdge]


@strawberry.type
class MeshAsset:
    id: strawberry.ID
    name: str
    status: str


@strawberry.type
class Mesh:
    mesh_index: int
    asset: MeshAsset | None


@strawberry.type
class Node:
    id: strawberry.ID
    name: str
    translation: list[float]
    rotation: list[float]
    scale: list[float]
    mesh: Mesh | None


@strawberry.type
class Scene:
    id: strawberry.ID
    name: str
    version: int
    node_count: int
    bounds: Bounds | None
    root_nodes: list[Node]


def asset(data: dict[str, Any]) -> Asset:
    stats = data["stats"]
    validation = data.get("validation")
    job = data.get("ingestJob")
    return Asset(
        id=data["id"], name=data["name"], status=data["status"],
        source_format=data["sourceFormat"], size_bytes=data["sizeBytes"], tags=data["tags"],
        created_at=data["createdAt"],
        stats=stats and Stats(vertex_count=stats["vertexCount"],
                              triangle_count=stats["triangleCount"],
                              mesh_count=stats["meshCount"],
                              material_count=stats["materialCount"],
                              node_count=stats["nodeCount"], bounds=Bounds(**stats["bounds"])),
        files=[File(role=f["role"], format=f["format"], size_bytes=f["sizeBytes"], url=f["url"])
               for f in data["files"]],
        glb_url=data["glbUrl"], thumbnail_url=data["thumbnailUrl"],
        validation=validation and Validation(num_errors=validation["numErrors"],
                                             num_warnings=validation["numWarnings"]),
        ingest_job=job and IngestJob(id=job["id"], status=job["status"],
                                     progress=job["progress"]))


def build_schema(answers: dict[str, Any]) -> strawberry.Schema:
    page = answers["assets"]
    assets_page = AssetConnection(
        total_count=page["totalCount"], page_info=PageInfo(
            has_next_page=page["pageInfo"]["hasNextPage"],
            end_cursor=page["pageInfo"]["endCursor"]),
        edges=[AssetEdge(cursor=edge["cursor"], node=asset(edge["node"]))
               for edge in page["edges"]])
    by_id = {key: asset(value) for key, value in answers["assets_by_id"].items()}
    jobs = answers["jobs"]
    jobs_page = JobConnection(total_count=jobs["totalCount"], edges=[JobEdge(node=Job(
        id=j["id"], kind=j["kind"], status=j["status"], progress=j["progress"],
        stage=j["stage"], created_at=j["createdAt"], finished_at=j["finishedAt"]))
        for j in (edge["node"] for edge in jobs["edges"])])
    s = answers["scene"]
    scene = Scene(id=s["id"], name=s["name"], version=s["version"], node_count=s["nodeCount"],
                  bounds=Bounds(**s["bounds"]), root_nodes=[Node(
                      id=n["id"], name=n["name"], translation=n["translation"],
                      rotation=n["rotation"], scale=n["scale"],
                      mesh=Mesh(mesh_index=n["mesh"]["meshIndex"],
                                asset=MeshAsset(**n["mesh"]["asset"])))
                      for n in s["rootNodes"]])

    @strawberry.type
    class Query:
        @strawberry.field
        def assets(self, first: int | None = None) -> AssetConnection:
            return assets_page

        @strawberry.field
        def asset(self, id: strawberry.ID) -> Asset | None:
            return by_id.get(id)

        @strawberry.field
        def jobs(self, first: int | None = None) -> JobConnection:
            return jobs_page

        @strawberry.field
        def scene(self, id: strawberry.ID) -> Scene | None:
            return scene

    return strawberry.Schema(query=Query)


def main() -> None:
    answers = json.loads(Path(sys.argv[1]).read_text())
    app = Starlette(routes=[
        Route("/graphql", GraphQL(build_schema(answers)), methods=["POST"]),
        Route("/healthz", lambda request: PlainTextResponse("ok")),
    ])
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="info")


if __name__ == "__main__":
    main()
