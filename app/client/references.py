"""The files a .gltf or .obj names (buffers and images; material libraries and their textures),
read from the documents themselves, and found on disk only inside the folder the user gave."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from app.geometry.mtl_options import MTL_FILE_KEYS, texture_file_name


@dataclass
class References:
    """What a model names: the files found inside the root, and those left out because they
    lie outside it (an attacker's `../../.ssh/id_rsa` as a texture is never sent)."""

    found: list[Path] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


def gltf_uris(document: bytes) -> list[str]:
    """The relative file URIs of a glTF's buffers and images (not data: or web URIs), decoded;
    [] when the document is not JSON (the server says what is wrong with it)."""
    try:
        parsed = json.loads(document)
    except ValueError:
        return []
    if not isinstance(parsed, dict):
        return []
    uris = []
    for section in ("buffers", "images"):
        items = parsed.get(section)
        for item in items if isinstance(items, list) else []:
            uri = item.get("uri") if isinstance(item, dict) else None
            if isinstance(uri, str) and not urlsplit(uri).scheme:
                uris.append(unquote(urlsplit(uri).path))
    return [uri for uri in uris if uri]


def obj_material_libraries(text: str) -> list[str]:
    """The `mtllib` names of an OBJ: the whole rest of the line (a name may hold spaces), and
    each word of it when it lists several."""
    names: list[str] = []
    for rest in _statements(text, frozenset({"mtllib"})):
        names.extend([rest, *rest.split()] if " " in rest else [rest])
    return names


def mtl_textures(text: str) -> list[str]:
    """The texture files of an MTL, its options (`-s 1 1 1`, `-bm 0.5`...) left out."""
    return [name for rest in _statements(text, MTL_FILE_KEYS) if (name := texture_file_name(rest))]


def _statements(text: str, keys: frozenset[str]) -> Iterator[str]:
    for line in text.splitlines():
        words = line.split(maxsplit=1)
        if len(words) == 2 and words[0].lower() in keys:
            yield words[1].strip()


def gltf_references(model: Path, root: Path) -> References:
    references = References()
    for uri in gltf_uris(model.read_bytes()):
        _find(references, model.parent, uri, root, fallback=False)
    return references


def obj_references(model: Path, root: Path) -> References:
    """An OBJ's material libraries, then the textures each library names. Authors' absolute
    texture paths are common, so a name not found where it points is looked for by its base
    name beside the library and the model, as the server's loader does."""
    references = References()
    for library in obj_material_libraries(model.read_text(errors="replace")):
        mtl = _find(references, model.parent, library, root, fallback=True)
        if mtl is None:
            continue
        for texture in mtl_textures(mtl.read_text(errors="replace")):
            _find(references, mtl.parent, texture, root, fallback=True, also=model.parent)
    return references


def normalised(path: Path) -> Path:
    """`path` made absolute with `.` and `..` taken out by name: links keep the names the
    model uses for them, while containment is judged on the resolved path."""
    return Path(os.path.normpath(path.absolute()))


def _find(references: References, folder: Path, name: str, root: Path, *, fallback: bool,
          also: Path | None = None) -> Path | None:
    """The file `name` (read from `folder`) inside `root`, recorded in `references`."""
    relative = name.replace("\\", "/")
    candidates = [folder / relative]
    if fallback:
        base_name = PurePosixPath(relative).name
        candidates += [folder / base_name] + ([also / base_name] if also else [])
    outside = False
    for candidate in map(normalised, candidates):
        if not candidate.is_file():
            continue
        if not candidate.resolve().is_relative_to(root.resolve()):
            outside = True
            continue
        if candidate not in references.found:
            references.found.append(candidate)
        return candidate
    if outside:
        references.outside.append(name)
    return None
