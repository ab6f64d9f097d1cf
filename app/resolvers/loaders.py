"""Per-request DataLoaders, named XByYLoader: one database round trip per batch of keys."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from beanie import Document
from strawberry.dataloader import DataLoader

from app.models.asset import Asset
from app.models.job import Job
from app.models.scene import Scene
from app.services.lookup import MAX_BATCH, find_by_ids

D = TypeVar("D", bound=Document)


def by_id_loader(model: type[D], *, cache: bool) -> DataLoader[str, D | None]:
    async def load(ids: Sequence[str]) -> list[D | None]:
        by_id = await find_by_ids(model, ids)
        return [by_id.get(document_id) for document_id in ids]

    return DataLoader(load_fn=load, max_batch_size=MAX_BATCH, cache=cache)


@dataclass
class Loaders:
    """`cache=False` for websockets: a subscription lives long and must see fresh documents."""

    cache: bool = True
    asset_by_id: DataLoader[str, Asset | None] = field(init=False)
    job_by_id: DataLoader[str, Job | None] = field(init=False)
    scene_by_id: DataLoader[str, Scene | None] = field(init=False)

    def __post_init__(self) -> None:
        self.asset_by_id = by_id_loader(Asset, cache=self.cache)
        self.job_by_id = by_id_loader(Job, cache=self.cache)
        self.scene_by_id = by_id_loader(Scene, cache=self.cache)
