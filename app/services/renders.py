"""Renders: check a request against the viewer's rights, the limits and the asset's animations
before queueing its job, find the GLB a job draws, store the images it makes, and list them on
their asset in the transaction of the job write that records them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from pymongo.asynchronous.client_session import AsyncClientSession

from app.config import Settings
from app.errors import InvalidInput, InvalidState, NotFound, UnsupportedOption, errors_under
from app.geometry.render import RenderLimits, RenderRequest
from app.geometry.render.animation import declared_animation
from app.models.asset import Asset, AssetStatus
from app.models.common import FileRole, StoredFile
from app.models.job import Job, JobKind, JobPriority
from app.models.token import Scope
from app.services.asset_versions import version_glb
from app.services.asset_writes import list_asset_file
from app.services.assets import safe_filename
from app.services.auth import Principal
from app.services.job_log import AlsoWrite
from app.services.jobs import JobService
from app.services.scenes import Composer
from app.services.storage import ObjectInfo, Storage

IMAGE_TYPES = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg"),
               "WEBP": ("webp", "image/webp")}
VIDEO_TYPES = {"MP4": ("mp4", "video/mp4"), "WEBM": ("webm", "video/webm"),
               "ANIMATED_WEBP": ("webp", "image/webp")}


class GltfDocuments(Protocol):
    async def gltf_document(self, asset: Asset, number: int | None = None) -> dict[str, Any]:
        """The glTF JSON of the GLB of the asset's version `number` (None: the current one)."""


class SceneGlbSource(Protocol):
    """What renders need from scenes, and the glTF documents of assets that scenes read; the
    scene service provides them."""

    @property
    def assets(self) -> GltfDocuments: ...

    async def scene_project(self, scene_id: str) -> str | None:
        """The scene's project, or None when there is no such scene."""

    async def scene_glb(self, scene_id: str, compose: Composer) -> str:
        """The storage key of a GLB of the scene as it is now, composed by `compose` when
        not stored yet; raises NotFound."""


def render_limits(settings: Settings) -> RenderLimits:
    """The deployment's render limits, checked at submission and again by the renderer."""
    return RenderLimits(max_width=settings.render_max_width,
                        max_height=settings.render_max_height,
                        max_samples=settings.render_max_samples,
                        max_path_samples=settings.render_max_path_samples,
                        max_frames=settings.render_max_frames,
                        max_fps=settings.render_max_fps,
                        max_triangles=settings.max_triangles,
                        max_texture_pixels=settings.max_image_pixels)


class RenderService:
    def __init__(self, jobs: JobService, storage: Storage, limits: RenderLimits,
                 scenes: SceneGlbSource | None = None) -> None:
        self.jobs = jobs
        self.storage = storage
        self.limits = limits
        self.scenes = scenes

    async def submit(self, principal: Principal, *, asset_id: str | None, scene_id: str | None,
                     request: RenderRequest) -> Job:
        """Queue a RENDER job of a READY asset or of a scene; every check happens first."""
        principal.require(Scope.JOBS_WRITE)
        if (asset_id is None) == (scene_id is None):
            raise InvalidInput("give exactly one of assetId and sceneId", field=[])
        with errors_under("request"):
            request.check(self.limits)
        version = None
        if asset_id is not None:
            asset = await self._renderable_asset(principal, asset_id)
            version, project_id = asset.current_version, asset.project_id
            await self._check_animation(asset, request)
        else:
            if request.animation is not None:
                raise UnsupportedOption("scenes render at rest: a scene's GLB leaves out its "
                                        "assets' animations", field=["animation"])
            project_id = await self._writable_scene(principal, str(scene_id))
        owner = principal.owner  # a project's EDITOR renders as itself, and sees its job
        # One image is interactive (someone is looking at the page); a turntable is batch work.
        priority = JobPriority.INTERACTIVE if request.is_one_image else JobPriority.STANDARD
        return await self.jobs.create(owner, JobKind.RENDER, asset_id=asset_id,
                                      scene_id=scene_id, params=request.to_params(),
                                      priority=priority, asset_version=version,
                                      project_id=project_id)

    async def glb_file(self, job: Job, work_dir: Path, compose: Composer) -> Path:
        """The GLB the job draws, as a file in `work_dir`: its scene's export (composed by
        `compose` when not stored yet), or its asset's GLB."""
        if job.scene_id is not None:
            if self.scenes is None:
                raise NotFound(f"no scene with id {job.scene_id}")
            key = await self.scenes.scene_glb(job.scene_id, compose)
        else:
            asset = await Asset.get(job.asset_id or "")
            glb = await version_glb(asset, job.asset_version) if asset else None
            if glb is None:
                raise NotFound("the asset was deleted before it could be rendered")
            key = glb.key
        path = work_dir / "source.glb"
        await self.storage.download_to(key, path)
        return path

    async def store_image(self, job: Job, frame: int | None, image: bytes, image_format: str
                          ) -> StoredFile:
        """Store an image under renders/<job id>/ (`frame`: its number from 1 in a turntable,
        None for a single image); its file record, for the job to list (see `listing`)."""
        extension, content_type = IMAGE_TYPES[image_format]
        name = "render" if frame is None else f"frame-{frame:04d}"
        key = f"renders/{job.id}/{name}.{extension}"
        stored = await self.storage.put_stream(key, _one_chunk(image), content_type=content_type)
        return self._output(job, stored, image_format, content_type)

    async def store_video(self, job: Job, video: Path, video_format: str,
                          name: str = "turntable") -> StoredFile:
        """Store the video file of a turntable or a clip (`name`) as
        renders/<job id>/<name>.<ext>; its file record, for the job to list (see `listing`)."""
        extension, content_type = VIDEO_TYPES[video_format]
        key = f"renders/{job.id}/{name}.{extension}"
        stored = await self.storage.put_file(key, video, content_type=content_type)
        return self._output(job, stored, video_format, content_type)

    @staticmethod
    def listing(job: Job, outputs: list[StoredFile]) -> AlsoWrite:
        """The write, for the transaction that records `outputs` on `job`, that lists on the
        job's asset those the job does not record yet; so a job's outputs and its asset's
        files change together, each output listed once."""
        recorded = {output.key for output in job.outputs}
        new = [output for output in outputs if output.key not in recorded]

        async def list_new(changed: Job, session: AsyncClientSession) -> None:
            if changed.asset_id is not None:
                for output in new:
                    await list_asset_file(changed.asset_id, output, session)

        return list_new

    @staticmethod
    def _output(job: Job, stored: ObjectInfo, file_format: str, content_type: str
                ) -> StoredFile:
        """The RENDER file record of a stored output."""
        return StoredFile(role=FileRole.RENDER, format=file_format, key=stored.key,
                          size_bytes=stored.size_bytes, content_type=content_type,
                          filename=PurePosixPath(stored.key).name, job_id=job.id)

    async def store_thumbnail(self, asset: Asset, image: bytes, folder: str = "") -> StoredFile:
        """Store a PNG as the asset's thumbnail (under `folder`, a version's); the caller lists
        it among the asset's files."""
        key = f"assets/{asset.id}/{folder}thumbnail.png"
        stored = await self.storage.put_stream(key, _one_chunk(image), content_type="image/png")
        return StoredFile(role=FileRole.THUMBNAIL, format="PNG", key=key,
                          size_bytes=stored.size_bytes, content_type="image/png",
                          filename=f"{PurePosixPath(safe_filename(asset.name)).stem}-thumbnail.png",
                          job_id=asset.ingest_job_id)

    async def _renderable_asset(self, principal: Principal, asset_id: str) -> Asset:
        principal.require(Scope.ASSETS_READ)
        asset = await Asset.get(asset_id)
        missing = NotFound(f"no asset with id {asset_id}", field=["asset_id"])
        if asset is None:
            raise missing
        principal.projects.require_write(asset.project_id, missing)
        if asset.status is not AssetStatus.READY or asset.file(FileRole.GLB) is None:
            raise InvalidState(f"the asset is {asset.status.value}; only READY assets render",
                               field=["asset_id"])
        return asset

    async def _check_animation(self, asset: Asset, request: RenderRequest) -> None:
        """Check the animation the request poses the asset with against the asset's glTF
        document: it has one by that index or name (NOT_FOUND, INVALID_INPUT when it has
        none), a time or clip within its declared end, a clip within the frame limit."""
        if request.animation is None or self.scenes is None:
            return
        document = await self.scenes.assets.gltf_document(asset)
        with errors_under("request"):
            request.frames(self.limits, declared_animation(document, request.animation.choice))

    async def _writable_scene(self, principal: Principal, scene_id: str) -> str:
        """The project of the scene the principal may render."""
        principal.require(Scope.SCENES_READ)
        project = await self.scenes.scene_project(scene_id) if self.scenes else None
        missing = NotFound(f"no scene with id {scene_id}", field=["scene_id"])
        if project is None:
            raise missing
        principal.projects.require_write(project, missing)
        return project


async def _one_chunk(data: bytes) -> AsyncIterator[bytes]:
    yield data
