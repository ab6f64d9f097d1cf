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


async def render_thumbnail(services: Services, glb_path: Path, asset: Asset, folder: str = ""
                           ) -> StoredFile | None:
    """Render the GLB at `glb_path` framed automatically (a square PNG of `thumbnail_size`
    pixels, transparent background) and store it as the asset's THUMBNAIL file.

    Returns None, after logging why, when anything fails: a thumbnail is never worth failing
    an ingest for.
    """
    size = services.settings.thumbnail_size
    options = RenderOptions(width=size, height=size, format="PNG", background=None)
    try:
        size = (await asyncio.to_thread(glb_path.stat)).st_size
        if fits_render_thread(options, size, services.settings.render_inline_max_mb):
            glb = await asyncio.to_thread(glb_path.read_bytes)
            thread = process_render_thread(services.renders.limits)
            image = await thread.render_once(glb, None, options)
        else:
            image = await _render_in_child(services, glb_path, options)
        return await services.renders.store_thumbnail(asset, image, folder)
    except Exception:  # the ingest goes on without a thumbnail
        log.warning("no thumbnail for asset %s", asset.id, exc_info=True)
        return None


async def _render_in_child(services: Services, glb_path: Path, options: RenderOptions) -> bytes:
    with tempfile.TemporaryDirectory(prefix="atelier-thumbnail-") as folder:
        await run_isolated(render_to_files, glb_path, [None], options, services.renders.limits,
                           Path(folder), limits=Limits.from_settings(services.settings))
        return await asyncio.to_thread(frame_path(Path(folder), 1).read_bytes)
