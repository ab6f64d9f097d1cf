"""Checks of the values an update brings: pydantic errors as InvalidInput naming the field,
and transforms glTF can hold (finite, a unit rotation, a matrix that is translation, rotation
and scale)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from pydantic import BaseModel, ValidationError

from app.errors import InvalidInput
from app.geometry.scene_graph import Node
from app.geometry.scene_transforms import decompose
from app.services.scenes.operations import Transform


def invalid(error: ValidationError) -> InvalidInput:
    first = error.errors()[0]
    path = [str(part) for part in first["loc"]]
    where = ".".join(path)
    return InvalidInput(f"{where}: {first['msg']}" if where else first["msg"], field=path)


def validated(model: type[BaseModel], values: Mapping[str, Any]) -> Any:
    """`model` built from `values`; raises InvalidInput naming the first bad field."""
    try:
        return model.model_validate(dict(values))
    except ValidationError as error:
        raise invalid(error) from None


def transform_fields(transform: Transform) -> dict[str, Any]:
    """The node fields a transform sets, rotation normalised; raises InvalidInput for a
    transform glTF cannot hold."""
    given = [key for key, value in vars(transform).items() if value is not None]
    if "matrix" in given and len(given) > 1:
        raise InvalidInput("give a matrix or translation/rotation/scale, not both",
                           field=["matrix"])
    checked = validated(Node, {"id": "check", **{key: getattr(transform, key) for key in given}})
    fields = {key: getattr(checked, key) for key in given}
    if checked.rotation is not None:
        norm = math.sqrt(sum(v * v for v in checked.rotation))
        if norm < 1e-6:
            raise InvalidInput("rotation must be a unit quaternion, not zero", field=["rotation"])
        fields["rotation"] = tuple(v / norm for v in checked.rotation)
    if checked.matrix is not None and decompose(
            np.array(checked.matrix, dtype=np.float64).reshape(4, 4).T) is None:
        raise InvalidInput("matrix must be a translation, rotation and scale, without shear "
                           "or projection", field=["matrix"])
    return fields
