"""Scene fields: scene/scenes queries, sceneCreate/sceneCreateFromAsset/sceneUpdate mutations,
and the sceneChanged subscription."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import strawberry

from app.context import Context
from app.errors import NotFound
from app.resolvers.errors import errors_as_data
from app.resolvers.idempotency import IdempotencyKey, once
from app.resolvers.pages import After, Before, First, Last, connection
from app.resolvers.scene_inputs import operations
from app.resolvers.scene_types import Scene, SceneConnection, scene_event
from app.schema.scene import SceneEvent, ScenePayload
from app.schema.scene_inputs import SceneCreateInput, SceneUpdateInput
from app.services.idempotency import SCENE_REPLAY

Info = strawberry.Info[Context, None]
SceneId = Annotated[strawberry.ID, strawberry.argument(
    description="The scene's id (scn_...; an asset's own scene has the asset's id)")]


@strawberry.type
class SceneQuery:
    @strawberry.field(description="One of the viewer's scenes, or null when it has none with "
                      "this id.")
    async def scene(self, info: Info, id: SceneId) -> Scene | None:
        try:
            found = await info.context.services.scenes.get_visible(info.context.viewer, id)
        except NotFound:
            return None
        return Scene.from_model(found)

    @strawberry.field(description="The viewer's scenes, newest first.")
    async def scenes(self, info: Info, first: First = None, after: After = None,
                     last: Last = None, before: Before = None) -> SceneConnection:
        page = await info.context.services.scenes.list(info.context.viewer, first=first,
                                                       after=after, last=last, before=before)
        return connection(page, Scene.from_model)


@strawberry.type
class SceneMutation:
    @strawberry.mutation(description="A new scene: empty, or built by the operations given.")
    @errors_as_data(ScenePayload, at=("input",))
    async def scene_create(self, info: Info, input: Annotated[
            SceneCreateInput, strawberry.argument(description="Its name and operations")],
                           idempotency_key: IdempotencyKey = None) -> ScenePayload:
        request = {"operation": "sceneCreate", "input": strawberry.asdict(input)}
        scene = await once(info, idempotency_key, request, lambda: (
            info.context.services.scenes.create(
                info.context.viewer, name=input.name,
                operations=operations(input.operations))), SCENE_REPLAY)
        return ScenePayload(scene=Scene.from_model(scene))

    @strawberry.mutation(description="A new scene holding a READY asset's glTF scene: its "
                         "hierarchy, names, transforms, materials, cameras and lights.")
    @errors_as_data(ScenePayload)
    async def scene_create_from_asset(self, info: Info, asset_id: Annotated[
            strawberry.ID, strawberry.argument(description="A READY asset of the viewer's")],
                                      idempotency_key: IdempotencyKey = None) -> ScenePayload:
        request = {"operation": "sceneCreateFromAsset", "asset_id": asset_id}
        scene = await once(info, idempotency_key, request, lambda: (
            info.context.services.scenes.create_from_asset(info.context.viewer, asset_id)),
            SCENE_REPLAY)
        return ScenePayload(scene=Scene.from_model(scene))

    @strawberry.mutation(description="Rename and edit a scene, all or nothing; each accepted "
                         "update raises `version` by one. CONFLICT when expectedVersion is "
                         "given and not current.")
    @errors_as_data(ScenePayload, at=("input",))
    async def scene_update(
        self, info: Info, id: SceneId,
        input: Annotated[SceneUpdateInput, strawberry.argument(
            description="The new name, the operations, or both")],
        expected_version: Annotated[int | None, strawberry.argument(
            description="Apply only if the scene is at this version (else CONFLICT); null: "
            "apply to whatever version is current")] = None,
    ) -> ScenePayload:
        scene = await info.context.services.scenes.update(
            info.context.viewer, id, name=input.name,
            operations=operations(input.operations, scene_id=id),
            expected_version=expected_version)
        return ScenePayload(scene=Scene.from_model(scene))


@strawberry.type
class SceneSubscription:
    @strawberry.subscription(description="Each accepted update of the scene from now on (or "
                             "every one after afterVersion), with what it changed.")
    async def scene_changed(
        self, info: Info, scene_id: SceneId,
        after_version: Annotated[int | None, strawberry.argument(
            description="A version seen: every update after it first, then live ones")] = None,
    ) -> AsyncIterator[SceneEvent]:
        stream = info.context.services.live.scene_changes(info.context.viewer, scene_id,
                                                          after_version)
        async for revision, scene in stream:
            yield scene_event(revision, scene)
