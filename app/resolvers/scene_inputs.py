"""sceneCreate's and sceneUpdate's operation inputs turned into the scene service's operations."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import strawberry

from app.resolvers.scene_node_ids import local_node_id
from app.schema import scene_inputs as inputs
from app.services.scenes import operations as ops


def given(value: Any) -> Any:
    """An input as plain data: the fields that were given, nested inputs and enums unwrapped."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: given(getattr(value, f.name)) for f in dataclasses.fields(value)
                if getattr(value, f.name) is not strawberry.UNSET}
    if isinstance(value, list):
        return [given(item) for item in value]
    return value


def _transform(value: Any) -> ops.Transform:
    return ops.Transform(**{key: None if getattr(value, key) is None else
                            tuple(getattr(value, key))
                            for key in ("translation", "rotation", "scale", "matrix")})


def _mesh(value: inputs.MeshReferenceInput) -> ops.MeshUse:
    return ops.MeshUse(asset_id=str(value.asset_id), mesh_index=value.mesh_index,
                       asset_version=value.asset_version)


def _add_node(edit: inputs.SceneNodeAddInput) -> ops.AddNode:
    return ops.AddNode(
        id=edit.id, name=edit.name, parent_id=edit.parent_id, index=edit.index,
        transform=_transform(edit), mesh=_mesh(edit.mesh) if edit.mesh else None,
        material_id=edit.material_id, camera_id=edit.camera_id, light_id=edit.light_id)


def _add_camera(edit: inputs.SceneCameraInput) -> ops.AddCamera:
    fields = given(edit)
    return ops.AddCamera(node_id=fields.pop("node_id", None), fields=fields)


def _add_light(edit: inputs.SceneLightInput) -> ops.AddLight:
    fields = given(edit)
    return ops.AddLight(node_id=fields.pop("node_id", None), fields=fields)


# One converter per field of SceneOperationInput.
CONVERTERS: dict[str, Callable[[Any], ops.Operation]] = {
    "add_node": _add_node,
    "remove_node": lambda edit: ops.RemoveNode(node_id=edit.node_id),
    "reparent_node": lambda edit: ops.ReparentNode(node_id=edit.node_id,
                                                   parent_id=edit.parent_id, index=edit.index),
    "set_transform": lambda edit: ops.SetTransform(node_id=edit.node_id,
                                                   transform=_transform(edit)),
    "attach_mesh": lambda edit: ops.AttachMesh(node_id=edit.node_id, mesh=_mesh(edit.mesh),
                                               material_id=edit.material_id),
    "detach_mesh": lambda edit: ops.DetachMesh(node_id=edit.node_id),
    "set_material": lambda edit: ops.SetMaterial(node_id=edit.node_id,
                                                 material_id=edit.material_id),
    "rename_node": lambda edit: ops.RenameNode(node_id=edit.node_id, name=edit.name),
    "add_material": lambda edit: ops.AddMaterial(fields=given(edit)),
    "edit_material": lambda edit: ops.EditMaterial(material_id=edit.material_id,
                                                   fields=given(edit.set)),
    "add_camera": _add_camera,
    "add_light": _add_light,
}


def operation(chosen: inputs.SceneOperationInput) -> ops.Operation:
    # oneOf: GraphQL has checked that exactly one field is given.
    name, edit = next((name, value) for name, value in vars(chosen).items() if value)
    return CONVERTERS[name](edit)


# The fields of operations that name a node, by its local id or its global one.
NODE_REFERENCES = ("node_id", "parent_id")


def _in_scene(converted: ops.Operation, scene_id: str) -> ops.Operation:
    """`converted` with the global ids it gives of nodes of `scene_id` as their local ids."""
    local = {name: local_node_id(scene_id, value) for name in NODE_REFERENCES
             if isinstance(value := getattr(converted, name, None), str)}
    edited: Any = converted  # replace() on a union of dataclasses is beyond mypy
    return dataclasses.replace(edited, **local) if local else converted


def operations(given_inputs: list[inputs.SceneOperationInput], scene_id: str | None = None
               ) -> list[ops.Operation]:
    """The operations, their node ids local to `scene_id` (the scene being updated)."""
    converted = [operation(chosen) for chosen in given_inputs]
    return converted if scene_id is None else [_in_scene(op, scene_id) for op in converted]
