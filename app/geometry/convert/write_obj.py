"""Write flattened triangles as a zip of `scene.obj`, `scene.mtl` and the textures they use."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from app.geometry.convert.materials import (
    base_color_factor,
    material_at,
    portable_image,
    slot_image,
)
from app.geometry.convert.model import Model
from app.geometry.convert.scene import FlatPart

OBJ_NAME = "scene.obj"
MTL_NAME = "scene.mtl"
DEFAULT_MATERIAL = "default"
# The MTL statements for each glTF texture slot (norm is the PBR extension's normal map).
MTL_TEXTURE_SLOTS = (("baseColorTexture", "map_Kd"), ("emissiveTexture", "map_Ke"),
                     ("normalTexture", "norm"))


def write_obj_zip(model: Model, parts: list[FlatPart], path: Path, max_pixels: int) -> None:
    textures: dict[int, str] = {}
    mtl = _material_library(model, {p.material for p in parts}, textures)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(OBJ_NAME, _obj_text(parts))
        archive.writestr(MTL_NAME, mtl)
        for image_index, name in textures.items():
            image = portable_image(model.images[image_index], max_pixels)
            archive.writestr(name, image.data, compress_type=zipfile.ZIP_STORED)


def _obj_text(parts: list[FlatPart]) -> str:
    out = io.StringIO()
    out.write(f"# written by Atelier\nmtllib {MTL_NAME}\n")
    counts = {"v": 0, "vt": 0, "vn": 0}
    for part in parts:
        out.write(f"o {_safe_name(part.name)}\n")
        if part.colors is not None:
            rows = np.column_stack([part.positions, part.colors[:, :3]])
            out.write(_rows("v", rows, "%.9g"))
        else:
            out.write(_rows("v", part.positions, "%.9g"))
        if part.uvs is not None:
            # OBJ puts v = 0 at the bottom of the image, glTF at the top.
            out.write(_rows("vt", np.column_stack([part.uvs[:, 0], 1.0 - part.uvs[:, 1]]), "%.9g"))
        if part.normals is not None:
            out.write(_rows("vn", part.normals, "%.6g"))
        out.write(f"usemtl {_material_name(part.material)}\n")
        out.write(_faces(part, counts))
        counts["v"] += len(part.positions)
        counts["vt"] += 0 if part.uvs is None else len(part.uvs)
        counts["vn"] += 0 if part.normals is None else len(part.normals)
    return out.getvalue()


def _rows(tag: str, values: np.ndarray, number: str) -> str:
    if len(values) == 0:
        return ""
    line: str = tag + (" " + number) * values.shape[1] + "\n"
    # One %-format over the whole array runs in C, far faster than a Python loop per row.
    return (line * len(values)) % tuple(values.astype(np.float64).ravel().tolist())


def _faces(part: FlatPart, counts: dict[str, int]) -> str:
    columns = [part.triangles + counts["v"] + 1]
    pattern = "%d"
    if part.uvs is not None:
        columns.append(part.triangles + counts["vt"] + 1)
        pattern += "/%d"
    if part.normals is not None:
        columns.append(part.triangles + counts["vn"] + 1)
        pattern += "/%d" if part.uvs is not None else "//%d"
    corners = np.stack(columns, axis=2)  # (triangles, 3 corners, references)
    line = "f" + (" " + pattern) * 3 + "\n"
    return (line * len(part.triangles)) % tuple(corners.ravel().tolist())


def _material_library(model: Model, used: set[int | None], textures: dict[int, str]) -> str:
    lines = ["# written by Atelier"]
    for index in sorted(used, key=lambda i: -1 if i is None else i):
        material = material_at(model, index)
        lines += [f"newmtl {_material_name(index)}", *_material_lines(model, material, textures),
                  ""]
    return "\n".join(lines)


def _material_lines(model: Model, material: dict[str, Any], textures: dict[int, str]) -> list[str]:
    red, green, blue, alpha = base_color_factor(material)
    pbr = material.get("pbrMetallicRoughness", {})
    emissive = material.get("emissiveFactor", (0.0, 0.0, 0.0))
    lines = [
        f"Kd {red:.6g} {green:.6g} {blue:.6g}",
        "Ka 0 0 0",
        "Ks 0 0 0",
        f"Ke {emissive[0]:.6g} {emissive[1]:.6g} {emissive[2]:.6g}",
        f"d {alpha:.6g}",
        f"Pm {float(pbr.get('metallicFactor', 1.0)):.6g}",
        f"Pr {float(pbr.get('roughnessFactor', 1.0)):.6g}",
        "illum 2",
    ]
    for slot, statement in MTL_TEXTURE_SLOTS:
        image_index = slot_image(model, material, slot)
        if image_index is not None:
            if image_index not in textures:
                kind = "jpg" if model.images[image_index].mime_type == "image/jpeg" else "png"
                textures[image_index] = f"texture_{image_index:03d}.{kind}"
            lines.append(f"{statement} {textures[image_index]}")
    return lines


def _material_name(index: int | None) -> str:
    return DEFAULT_MATERIAL if index is None else f"material_{index}"


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "object"
