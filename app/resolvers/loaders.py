"""Per-request DataLoaders, named XByYLoader: one database round trip per batch of keys."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from beanie import Document
from strawberry.dataloader import DataLoader

from app.errors import AtelierError
from app.models.asset import Asset
from app.models.job import Job
from app.models.project import Project
from app.models.scene import Scene
from app.models.token import ApiToken
from app.models.webhook import Webhook
from app.services.auth import Principal
from app.services.lookup import MAX_BATCH, find_by_ids
from app.services.scenes import SceneService

D = TypeVar("D", bound=Document)


class ByIdLoader(DataLoader[str, D | None], Generic[D]):
    """Documents of one collection by id, `None` for those that do not exist."""

    def __init__(self, model: type[D], *, cache: bool) -> None:
        async def load(ids: Sequence[str]) -> list[D | None]:
            by_id = await find_by_ids(model, ids)
            return [by_id.get(document_id) for document_id in ids]

        super().__init__(load_fn=load, max_batch_size=MAX_BATCH, cache=cache)


class AssetByIdLoader(ByIdLoader[Asset]):
    def __init__(self, *, cache: bool) -> None:
        super().__init__(Asset, cache=cache)


class JobByIdLoader(ByIdLoader[Job]):
    def __init__(self, *, cache: bool) -> None:
        super().__init__(Job, cache=cache)


class SceneByIdLoader(ByIdLoader[Scene]):
    def __init__(self, *, cache: bool) -> None:
        super().__init__(Scene, cache=cache)


class ApiTokenByIdLoader(ByIdLoader[ApiToken]):
    def __init__(self, *, cache: bool) -> None:
        super().__init__(ApiToken, cache=cache)


class WebhookByIdLoader(ByIdLoader[Webhook]):
    def __init__(self, *, cache: bool) -> None:
        super().__init__(Webhook, cache=cache)


class ProjectByIdLoader(ByIdLoader[Project]):
    def __init__(self, *, cache: bool) -> None:
        super().__init__(Project, cache=cache)


class AssetSceneByAssetIdLoader(DataLoader[str, Scene]):
    """Each READY asset's own glTF scene as the viewer may see it; a load raises the reason
    an asset has none (not found, not READY, a broken GLB). The assets come through the
    AssetByIdLoader, so a page that primed it costs no read here."""

    def __init__(self, scenes: SceneService, assets: AssetByIdLoader,
                 viewer: Callable[[], Principal], *, cache: bool) -> None:
        async def load(asset_ids: Sequence[str]) -> list[Scene | AtelierError]:
            documents = await assets.load_many(asset_ids)
            found = await scenes.asset_scenes(viewer(), dict(zip(asset_ids, documents,
                                                                 strict=True)))
            return [found[asset_id] for asset_id in asset_ids]

        super().__init__(load_fn=load, max_batch_size=MAX_BATCH, cache=cache)


class Loaders:
    """The loaders of one request; `cache=False` for websockets, where a subscription lives
    long and must see fresh documents."""

    def __init__(self, scenes: SceneService, viewer: Callable[[], Principal], *, cache: bool
                 ) -> None:
        self.asset_by_id = AssetByIdLoader(cache=cache)
        self.job_by_id = JobByIdLoader(cache=cache)
        self.scene_by_id = SceneByIdLoader(cache=cache)
        self.api_token_by_id = ApiTokenByIdLoader(cache=cache)
        self.webhook_by_id = WebhookByIdLoader(cache=cache)
        self.project_by_id = ProjectByIdLoader(cache=cache)
        self.asset_scene_by_asset_id = AssetSceneByAssetIdLoader(scenes, self.asset_by_id,
                                                                 viewer, cache=cache)
