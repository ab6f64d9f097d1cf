"""The thumbnail of a freshly ingested asset: rendered on the worker's render thread, or in the
sandboxed child when the model is big enough to need much memory (app.workers.render_child)."""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path

from app.geometry.render import RenderOptions
from app.models.asset import Asset
from app.models.common import StoredFile
from app.services.container import Services
from app.workers.render_child import fits_render_thread, frame_path, render_to_files
from app.workers.render_thread import process_render_thread
from app.workers.sandbox import Limits, run_isolated

log = logging.getLogger(__name__)


async def render_thumbnail(services: Services, glb_path: Path, asset: Asset, folder: str = "",
                           *, image: bytes | None = None) -> StoredFile | None:
    """Render the GLB at `glb_path` framed automatically (a square PNG of `thumbnail_size`
    pixels, transparent background), unless `image` is that render already, and store it as
    the asset's THUMBNAIL file.

    Returns None, after logging why, when anything fails: a thumbnail is never worth failing
    an ingest for.
    """
    options = _options(services)
    try:
        if image is None:
            size = (await asyncio.to_thread(glb_path.stat)).st_size
            if fits_render_thread(options, size, services.settings.render_inline_max_mb):
                image = await _render_on_thread(services, glb_path, options)
            else:
                image = await _render_in_child(services, glb_path, options)
        return await services.renders.store_thumbnail(asset, image, folder)
    except Exception:  # the ingest goes on without a thumbnail
        log.warning("no thumbnail for asset %s", asset.id, exc_info=True)
        return None


async def thumbnail_ahead(services: Services, glb_path: Path) -> bytes | None:
    """The thumbnail's image when the worker's render thread can draw it, rendered while the
    ingest's child is still busy; None when the model needs a child of its own (two such
    children at once could need twice the job's memory) or the render failed, and
    `render_thumbnail` then renders it as usual."""
    options = _options(services)
    try:
        size = (await asyncio.to_thread(glb_path.stat)).st_size
        if not fits_render_thread(options, size, services.settings.render_inline_max_mb):
            return None
        return await _render_on_thread(services, glb_path, options)
    except Exception:  # rendered again, and logged if it fails, by render_thumbnail
        return None


def _options(services: Services) -> RenderOptions:
    size = services.settings.thumbnail_size
    return RenderOptions(width=size, height=size, format="PNG", background=None)


async def _render_on_thread(services: Services, glb_path: Path, options: RenderOptions
                            ) -> bytes:
    glb = await asyncio.to_thread(glb_path.read_bytes)
    thread = process_render_thread(services.renders.limits)
    return await thread.render_once(glb, None, options)


async def _render_in_child(services: Services, glb_path: Path, options: RenderOptions) -> bytes:
    with tempfile.TemporaryDirectory(prefix="atelier-thumbnail-") as folder:
        await run_isolated(render_to_files, glb_path, [None], options, services.renders.limits,
                           Path(folder), limits=Limits.from_settings(services.settings))
        return await asyncio.to_thread(frame_path(Path(folder), 1).read_bytes)
