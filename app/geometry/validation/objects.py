"""Walks glTF JSON objects against their kinds, reporting schema and extension-placement issues.

An object comes back sanitised: absent members stay absent, invalid ones become None, so later
checks skip what is already reported. Every object read is also recorded with its pointer.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import Any

from .context import Context, join, show
from .kinds import EXTENSION_HOSTS, STANDALONE, Kinds
from .schema import Child, Children, Raw, Spec, read_value, type_name

MISSING = object()


@dataclass(frozen=True)
class Found:
    kind: str
    pointer: str
    value: dict[str, Any]


@dataclass
class ObjectReader:
    ctx: Context
    kinds: Kinds
    found: list[Found] = field(default_factory=list)
    _by_item: dict[str, list[Found]] | None = field(default=None, repr=False)

    def object(self, obj: dict[str, Any], kind: str, pointer: str) -> dict[str, Any]:
        members = self.kinds[kind]
        for key in obj:
            if key not in members and key not in ("extensions", "extras"):
                self.ctx.add("UNEXPECTED_PROPERTY", join(pointer, key))
        result: dict[str, Any] = {}
        for name, spec in members.items():
            value = self.member(obj, name, spec, pointer)
            if value is not MISSING:
                result[name] = value
        result["extensions"] = self.extensions(obj, kind, pointer)
        extras = obj.get("extras")
        if extras is not None and not isinstance(extras, dict):
            self.ctx.add("NON_OBJECT_EXTRAS", join(pointer, "extras"))
        self.found.append(Found(kind, pointer, result))
        return result

    def member(self, obj: dict[str, Any], name: str, spec: Spec, pointer: str) -> Any:
        """One member: its sanitised value, None when invalid, MISSING when absent."""
        if name not in obj:
            if spec.required or isinstance(spec, Children):
                self.ctx.add("UNDEFINED_PROPERTY", pointer, name)
            return MISSING
        value, where = obj[name], join(pointer, name)
        if isinstance(spec, Raw):
            return value
        if value is None:
            self.ctx.add("TYPE_MISMATCH", where, "null", type_name(spec))
            return None
        if isinstance(spec, Child):
            if not isinstance(value, dict):
                self.ctx.add("TYPE_MISMATCH", where, show(value), "object")
                return None
            return self.object(value, spec.kind, where)
        if isinstance(spec, Children):
            return self.children(value, spec.kind, where)
        return read_value(self.ctx, value, spec, where)

    def child(self, obj: dict[str, Any], name: str, kind: str, pointer: str, *,
              required: bool) -> Any:
        """A nested object read on demand (camera projections, spot lights)."""
        value = self.member(obj, name, Child(required=required, kind=kind), pointer)
        return None if value is MISSING else value

    # builtins.object: inside this class `object` names the method above.
    def children(self, value: builtins.object, kind: str,
                 where: str) -> list[dict[str, Any]] | None:
        if not isinstance(value, list):
            self.ctx.add("TYPE_MISMATCH", where, show(value), "array")
            return None
        if not value:
            self.ctx.add("EMPTY_ENTITY", where)
            return None
        broken = [item for item in value if not isinstance(item, dict)]
        for item in broken:
            self.ctx.add("ARRAY_TYPE_MISMATCH", where, show(item), "object")
        if broken:
            return None
        return [self.object(item, kind, join(where, i)) for i, item in enumerate(value)]

    def collection(self, root: dict[str, Any], name: str, kind: str) -> list[dict[str, Any] | None]:
        """A top-level array; items that are not objects are reported and left as None."""
        if name not in root:
            return []
        value, where = root[name], join("", name)
        if not isinstance(value, list):
            self.ctx.add("TYPE_MISMATCH", where, show(value), "array")
            return []
        if not value:
            self.ctx.add("EMPTY_ENTITY", where)
            return []
        items: list[dict[str, Any] | None] = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                items.append(self.object(item, kind, join(where, i)))
            else:
                self.ctx.add("TYPE_MISMATCH", join(where, i), show(item), "object")
                items.append(None)
        return items

    def under(self, pointer: str, *kinds: str) -> list[Found]:
        """Objects of these kinds read below `pointer`, a top-level item such as /materials/0."""
        if self._by_item is None:
            self._by_item = {}
            for found in self.found:
                item = "/".join(found.pointer.split("/", 3)[:3])
                self._by_item.setdefault(item, []).append(found)
        return [f for f in self._by_item.get(pointer, []) if f.kind in kinds
                and f.pointer != pointer]

    def extensions(self, obj: dict[str, Any], kind: str, pointer: str) -> dict[str, Any]:
        value = obj.get("extensions")
        where = join(pointer, "extensions")
        if value is None:
            if "extensions" in obj:
                self.ctx.add("TYPE_MISMATCH", where, "null", "object")
            return {}
        if not isinstance(value, dict):
            self.ctx.add("TYPE_MISMATCH", where, show(value), "object")
            return {}
        result: dict[str, Any] = {}
        for name, body in value.items():
            at = join(where, name)
            if not isinstance(body, dict):
                self.ctx.add("TYPE_MISMATCH", at, show(body), "object")
                body = {}
            if name not in self.ctx.extensions_loaded:
                if name not in self.ctx.extensions_used:
                    self.ctx.add("UNDECLARED_EXTENSION", at)
                result[name] = body
                continue
            extension_kind = EXTENSION_HOSTS[name].get(kind)
            if extension_kind is None:
                self.ctx.add("UNEXPECTED_EXTENSION_OBJECT", at)
                continue
            if len(value) > 1 and name in STANDALONE:
                self.ctx.add("MULTIPLE_EXTENSIONS", at)
            result[name] = self.object(body, extension_kind, at)
        return result
