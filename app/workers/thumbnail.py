"""The thumbnail of a freshly ingested asset, rendered on the worker's render thread."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from app.geometry.render import RenderOptions
from app.models.asset import Asset
from app.models.common import StoredFile
from app.services.container import Services
from app.workers.render_thread import process_render_thread

log = logging.getLogger(__name__)


async def render_thumbnail(services: Services, glb_path: Path, asset: Asset) -> StoredFile | None:
    """Render the GLB at `glb_path` framed automatically (a square PNG of `thumbnail_size`
    pixels, transparent background) and store it as the asset's THUMBNAIL file.

    Returns None, after logging why, when anything fails: a thumbnail is never worth failing
    an ingest for.
    """
    size = services.settings.thumbnail_size
    options = RenderOptions(width=size, height=size, format="PNG", background=None)
    try:
        glb = await asyncio.to_thread(glb_path.read_bytes)
        thread = process_render_thread(services.renders.limits)
        image = await thread.render_once(glb, None, options)
        return await services.renders.store_thumbnail(asset, image)
    except Exception:  # the ingest goes on without a thumbnail
        log.warning("no thumbnail for asset %s", asset.id, exc_info=True)
        return None
