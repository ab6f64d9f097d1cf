"""Format detection reads as far as a file needs: a glTF whose `"asset"` key lies past the first
64 KiB is a glTF, and a well-formed STL or OBJ with nothing in it has no geometry (not a corrupt
file); what is neither still fails as before."""

from __future__ import annotations

import base64
import io
import json
import struct
from pathlib import Path

import pytest
import trimesh

from app.errors import AtelierError
from app.geometry.formats import SNIFF_BYTES, SourceFormat, detect_stream
from app.geometry.ingest import ingest_path
from tests.geometry.ingest import uploads
from tests.geometry.validation.builders import GltfBuilder


def sphere_gltf_with_asset_last() -> tuple[bytes, int]:
    """A valid glTF of a sphere whose buffer (a data URI) comes before `"asset"`; its
    triangle count."""
    sphere = trimesh.creation.icosphere(subdivisions=4)
    builder = GltfBuilder()
    builder.scene(builder.add("nodes", {"mesh": builder.mesh(sphere.vertices, sphere.faces)}))
    document = {key: value for key, value in builder.document.items() if key != "asset"}
    document["buffers"] = [{
        "byteLength": len(builder.binary),
        "uri": "data:application/octet-stream;base64,"
               + base64.b64encode(bytes(builder.binary)).decode()}]
    data = json.dumps({**document, "asset": builder.document["asset"]}).encode()
    assert data.index(b'"asset"') > SNIFF_BYTES
    return data, len(sphere.faces)


def ingested(tmp_path: Path, data: bytes, filename: str) -> dict[str, object]:
    source = tmp_path / filename
    source.write_bytes(data)
    return ingest_path(source, filename, tmp_path / "out.glb").stats


def failure_code(tmp_path: Path, data: bytes, filename: str) -> str:
    source = tmp_path / filename
    source.write_bytes(data)
    with pytest.raises(AtelierError) as raised:
        ingest_path(source, filename, tmp_path / "out.glb")
    assert not (tmp_path / "out.glb").exists()
    return raised.value.code.value


class CountingReader(io.BytesIO):
    """A file that counts the bytes read from it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


def test_a_gltf_whose_asset_key_is_past_the_head_is_ingested(tmp_path: Path) -> None:
    gltf, triangles = sphere_gltf_with_asset_last()

    stats = ingested(tmp_path, gltf, "sphere.gltf")

    assert stats["triangle_count"] == triangles


def test_the_same_gltf_inside_a_zip_is_ingested(tmp_path: Path) -> None:
    gltf, triangles = sphere_gltf_with_asset_last()

    stats = ingested(tmp_path, uploads.zip_of({"models/sphere.gltf": gltf}), "sphere.zip")

    assert stats["triangle_count"] == triangles


def test_detection_reads_on_only_until_the_asset_key() -> None:
    document = b'{"buffers": [{"byteLength": 1, "uri": "' + b"A" * (200 * 1024) + b'"}], '
    padding = b'"extras": "' + b"B" * (40 * 1024 * 1024) + b'"}'
    reader = CountingReader(document + b'"asset": {"version": "2.0"}, ' + padding)

    assert detect_stream(reader, len(reader.getvalue()), "big.gltf") is SourceFormat.GLTF
    assert reader.bytes_read < 4 * 1024 * 1024


def test_a_large_json_without_an_asset_key_is_still_not_a_gltf(tmp_path: Path) -> None:
    not_gltf = json.dumps({"points": list(range(40_000)), "note": "no asset here"}).encode()
    assert len(not_gltf) > SNIFF_BYTES

    assert failure_code(tmp_path, not_gltf, "data.gltf") == "CORRUPT_FILE"
    assert failure_code(tmp_path, not_gltf, "data.json") == "UNSUPPORTED_FORMAT"


@pytest.mark.parametrize(("filename", "data"), [
    ("empty.stl", b"solid empty\nendsolid empty\n"),
    ("empty-crlf.stl", b"solid \r\n  endsolid\r\n"),
    ("empty-binary.stl", b"binary STL".ljust(80, b" ") + struct.pack("<I", 0)),
    ("empty-binary-solid.stl", b"solid made by a binary exporter".ljust(80) + bytes(4)),
    ("points.obj", b"# a point cloud\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvn 0 0 1\n"),
    ("comments.obj", b"# exported by a tool that wrote nothing else\n\n# the end\n"),
], ids=lambda value: value if isinstance(value, str) else "")
def test_a_well_formed_model_with_nothing_in_it_has_no_geometry(
        tmp_path: Path, filename: str, data: bytes) -> None:
    assert failure_code(tmp_path, data, filename) == "NO_GEOMETRY"


def test_an_obj_whose_first_face_follows_a_long_comment_header_is_ingested(
        tmp_path: Path) -> None:
    header = b"".join(b"# licence line %d of a long header\n" % n for n in range(3000))
    assert len(header) > SNIFF_BYTES
    box = trimesh.creation.box()

    stats = ingested(tmp_path, header + box.export(file_type="obj").encode(), "box.obj")

    assert stats["triangle_count"] == 12


@pytest.mark.parametrize(("filename", "data", "code"), [
    ("notes.obj", b"# a heading\nthese are meeting notes, not a model\n", "CORRUPT_FILE"),
    ("comments.txt", b"# only comments, but not named as an OBJ\n", "UNSUPPORTED_FORMAT"),
    ("short.stl", b"solid x\nfacet normal 0 0 1\n", "CORRUPT_FILE"),
    ("faces-only.obj", b"o lonely\nf 1 2 3\n", "CORRUPT_FILE"),
    ("truncated.stl", b"\x00" * 80 + struct.pack("<I", 2) + b"\x00" * 50, "CORRUPT_FILE"),
    ("words.stl", b"solid ground is what we stand on\n", "CORRUPT_FILE"),
], ids=lambda value: value if isinstance(value, str) and "." in value else "")
def test_what_only_looks_like_an_empty_model_still_fails_as_before(
        tmp_path: Path, filename: str, data: bytes, code: str) -> None:
    assert failure_code(tmp_path, data, filename) == code


IFC4_HEADER = (b"ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('ViewDefinition [CoordinationView]'),"
               b"'2;1');\nFILE_NAME('wall.ifc','2024-01-01T00:00:00',(''),(''),'','','');\n"
               b"FILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n")
AP214_HEADER = (b"ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\n"
                b"FILE_NAME('part.step','2024-01-01T00:00:00',(''),(''),'','','');\n"
                b"FILE_SCHEMA(('AUTOMOTIVE_DESIGN { 1 0 10303 214 1 1 1 1 }'));\nENDSEC;\n")
IGES_START = (b"a box".ljust(72) + b"S      1\n"
              + b"1H,,1H;,4Hpart,8Hpart.igs;".ljust(72) + b"G      1\n")


@pytest.mark.parametrize(("data", "filename", "expected"), [
    (IFC4_HEADER, "wall.ifc", SourceFormat.IFC),
    (IFC4_HEADER.replace(b"IFC4", b"IFC2X3"), "any.name", SourceFormat.IFC),
    (AP214_HEADER, "part.stp", SourceFormat.STEP),
    (AP214_HEADER, "part.step", SourceFormat.STEP),
    (IGES_START, "part.igs", SourceFormat.IGES),
    (IGES_START.replace(b"S      1\n", b"S      1\r\n", 1), "part.iges", SourceFormat.IGES),
    (IGES_START.replace(b"a box", b"     "), "blank-start.igs", SourceFormat.IGES),
])
def test_cad_formats_are_told_apart_by_their_headers(data: bytes, filename: str,
                                                     expected: SourceFormat) -> None:
    assert detect_stream(io.BytesIO(data), len(data), filename) is expected


def test_a_file_named_iges_that_is_not_one_is_corrupt() -> None:
    data = b"a box of 79 columns".ljust(79) + b"\n"
    with pytest.raises(AtelierError) as raised:
        detect_stream(io.BytesIO(data), len(data), "part.igs")
    assert raised.value.code.value == "CORRUPT_FILE"
