"""What an IFC entity's glTF node keeps in `extras`: its class, GlobalId, name and property sets.

`extras` is `{"ifcClass", "globalId", "name", "psets": {set name: {property: value}}}`: the
property sets (IfcPropertySet, and IfcElementQuantity with them, the type's included) nested
by set name, as ifcopenshell reads them. A value is kept when JSON holds it as a scalar (a
string, a finite number, a boolean) or a list of them (an enumerated value); anything else
(a reference, a table, a complex property, an unset value) is left out.
"""

from __future__ import annotations

import math
from typing import Any

import ifcopenshell
import ifcopenshell.util.element

JsonScalar = str | int | float | bool
PSET_ID = "id"  # ifcopenshell's own key: the set's step id, not a property


def entity_extras(entity: ifcopenshell.entity_instance) -> dict[str, Any]:
    psets = {name: kept for name, values in ifcopenshell.util.element.get_psets(entity).items()
             if (kept := _properties(values))}
    extras: dict[str, Any] = {"ifcClass": entity.is_a(),
                              "globalId": getattr(entity, "GlobalId", None) or "",
                              "name": getattr(entity, "Name", None) or ""}
    if psets:
        extras["psets"] = psets
    return extras


def _properties(values: dict[str, Any]) -> dict[str, JsonScalar | list[JsonScalar]]:
    kept: dict[str, JsonScalar | list[JsonScalar]] = {}
    for name, value in values.items():
        if name == PSET_ID:
            continue
        if _scalar(value):
            kept[name] = value
        elif isinstance(value, list | tuple) and value and all(_scalar(v) for v in value):
            kept[name] = list(value)
    return kept


def _scalar(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, str | int | bool)
