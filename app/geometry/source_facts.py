"""What a model file says about itself, read at ingest and kept on the asset: the tool that
wrote it and its copyright (glTF's `asset`, COLLADA's contributor), its unit in metres and its
up axis, where the format states them (glTF fixes metres and +Y; COLLADA's `<unit>` and
`<up_axis>`; 3MF's model `unit`, millimetres by default, with +Z up). Formats that say none of
this (STL, PLY, OFF, OBJ, FBX through assimp) give nothing."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from app.geometry.archives import Archive
from app.geometry.formats import SourceFormat

# A file's own strings are shown, not trusted: long ones are cut.
MAX_TEXT = 1_000
THREE_MF_MODEL = "3D/3dmodel.model"
THREE_MF_UNITS = {"micron": 1e-6, "millimeter": 1e-3, "centimeter": 1e-2, "inch": 0.0254,
                  "foot": 0.3048, "meter": 1.0}
COLLADA_UP = {"X_UP": "X", "Y_UP": "Y", "Z_UP": "Z"}
# A document declaring a DTD is not read for facts (no entity is ever expanded).
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class SourceFacts:
    generator: str | None = None
    copyright: str | None = None
    unit_meters: float | None = None
    up_axis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def source_facts(source_format: SourceFormat, data: bytes, document: dict[str, Any],
                 archive: Archive | None) -> SourceFacts:
    """The facts of an upload of `source_format` (`data` its bytes, `document` the glTF JSON
    of its normalised GLB, `archive` the zip or 3MF package it came in); none it cannot read."""
    if source_format in (SourceFormat.GLB, SourceFormat.GLTF):
        info = document.get("asset")
        info = info if isinstance(info, dict) else {}
        return SourceFacts(generator=_text(info.get("generator")),
                           copyright=_text(info.get("copyright")), unit_meters=1.0, up_axis="Y")
    if source_format is SourceFormat.DAE:
        return _collada_facts(data)
    if source_format is SourceFormat.THREE_MF and archive is not None:
        name = archive.find(THREE_MF_MODEL)
        return _three_mf_facts(archive.read(name)) if name else SourceFacts()
    return SourceFacts()


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip()[:MAX_TEXT] or None


def _local(element: ElementTree.Element) -> str:
    return element.tag.rpartition("}")[2]


def _elements(data: bytes, event: Literal["start", "end"]) -> Iterator[ElementTree.Element]:
    """The document's elements as they start or end; none for one with a DTD or broken XML."""
    if _DOCTYPE.search(data):
        return
    try:
        for _, element in ElementTree.iterparse(io.BytesIO(data), events=(event,)):
            yield element
    except ElementTree.ParseError:
        return


def _collada_facts(data: bytes) -> SourceFacts:
    """From the document's first `<asset>`, which COLLADA puts before any geometry."""
    for element in _elements(data, "end"):
        if _local(element) == "asset":
            return _collada_asset(element)
    return SourceFacts()


def _collada_asset(asset: ElementTree.Element) -> SourceFacts:
    found: dict[str, Any] = {}
    for child in asset.iter():
        name = _local(child)
        if name == "authoring_tool":
            found.setdefault("generator", _text(child.text))
        elif name == "copyright":
            found.setdefault("copyright", _text(child.text))
        elif name == "unit":
            found["unit_meters"] = _number(child.get("meter"))
        elif name == "up_axis":
            found["up_axis"] = COLLADA_UP.get((child.text or "").strip())
    # COLLADA's defaults: one metre, +Y up.
    return SourceFacts(generator=found.get("generator"), copyright=found.get("copyright"),
                       unit_meters=found.get("unit_meters", 1.0),
                       up_axis=found.get("up_axis", "Y"))


def _number(value: str | None) -> float | None:
    try:
        number = float(value or "")
    except ValueError:
        return None
    return number if 0 < number < float("inf") else None


def _three_mf_facts(model: bytes) -> SourceFacts:
    root = next(_elements(model, "start"), None)
    if root is None:
        return SourceFacts()
    return SourceFacts(unit_meters=THREE_MF_UNITS.get(root.get("unit", "millimeter")),
                       up_axis="Z")
