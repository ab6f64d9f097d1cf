"""The one mapping from a service error's snake_case path to the GraphQL path of the argument
at fault: segments camelCased (positions kept), placed where the mutation holds its input."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from app.errors import AtelierError, InvalidInput, NotFound, errors_under
from app.resolvers.errors import Placement, camel, errors_as_data
from app.schema.common import UserError


@dataclass
class Payload:
    errors: list[UserError] = field(default_factory=list)


@pytest.mark.parametrize(("segment", "named"), [
    ("asset_id", "assetId"), ("set_transform", "setTransform"), ("3", "3"), ("input", "input"),
    ("base_color_texture", "baseColorTexture"), ("fov_y", "fovY"), ("sha256", "sha256"),
])
def test_each_segment_is_camel_cased_and_positions_are_kept(segment: str, named: str) -> None:
    assert camel(segment) == named


@pytest.mark.parametrize(("path", "graphql"), [
    (["operations", "3", "set_transform", "node_id"],
     ["input", "operations", "3", "setTransform", "nodeId"]),
    (["expected_version"], ["expectedVersion"]),
    (["id"], ["id"]),
    (["request", "camera", "orbit", "fov_y"], ["input", "camera", "orbit", "fovY"]),
    ([], ["input"]),
])
def test_a_path_is_placed_under_the_input_unless_it_names_an_argument(
        path: list[str], graphql: list[str]) -> None:
    placement = Placement(at=("input",), placed={"request": ("input",)},
                          arguments={"id", "input", "expected_version"})

    assert placement.graphql_path(path) == graphql


async def fail(error: AtelierError) -> Payload:
    @errors_as_data(Payload, at=("input",))
    async def scene_update(id: str, input: object, expected_version: int | None = None
                           ) -> Payload:
        with errors_under("operations", "3", "set_transform"):
            raise error

    return await scene_update("scn_1", object())


async def test_a_mutation_reports_the_graphql_path_of_what_its_service_refused() -> None:
    payload = await fail(NotFound("no node with id n9", field=["node_id"]))

    assert [(e.code, e.field, e.message) for e in payload.errors] == [
        ("NOT_FOUND", ["input", "operations", "3", "setTransform", "nodeId"], "no node with id n9")]


async def test_an_argument_of_the_mutation_itself_stays_at_the_top() -> None:
    @errors_as_data(Payload, at=("input",))
    async def scene_update(id: str, input: object, expected_version: int | None = None
                           ) -> Payload:
        raise InvalidInput("stale", field=["expected_version"])

    payload = await scene_update("scn_1", object(), 3)

    assert [e.field for e in payload.errors] == [["expectedVersion"]]


async def test_an_error_that_blames_no_field_names_none() -> None:
    @errors_as_data(Payload, at=("input",))
    async def scene_create(input: object) -> Payload:
        raise InvalidInput("no field at fault")

    assert [e.field for e in (await scene_create(object())).errors] == [None]
