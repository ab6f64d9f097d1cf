"""Hostile uploads fail with a precise code, reading nothing outside the upload."""

from __future__ import annotations

import json
import stat
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from app.errors import AtelierError
from app.geometry.archives import ArchiveLimits
from app.geometry.gltf_io import build_glb
from app.geometry.ingest import DEFAULT_LIMITS, IngestLimits, RejectedModel, ingest_path
from tests.geometry.ingest import uploads
from tests.geometry.validation.builders import box_builder
from tests.support import models


def failure(tmp_path: Path, data: bytes, filename: str,
            limits: IngestLimits = DEFAULT_LIMITS) -> AtelierError:
    source = tmp_path / filename
    source.write_bytes(data)
    with pytest.raises(AtelierError) as raised:
        ingest_path(source, filename, tmp_path / "out.glb", limits)
    assert not (tmp_path / "out.glb").exists()
    return raised.value


def gltf_with_buffer_uri(uri: str) -> bytes:
    builder = box_builder()
    document = builder.document
    document["buffers"] = [{"uri": uri, "byteLength": len(builder.binary)}]
    return json.dumps(document).encode()


@pytest.mark.parametrize("uri", [
    "http://example.com/box.bin", "https://example.com/box.bin", "file:///etc/passwd",
    "/etc/passwd", "../outside.bin", "textures/../../outside.bin", "C:\\box.bin"])
def test_references_that_leave_the_upload_are_refused(tmp_path: Path, uri: str) -> None:
    (tmp_path / "outside.bin").write_bytes(b"\x00" * 1024)
    upload = uploads.zip_of({"box.gltf": gltf_with_buffer_uri(uri)})

    error = failure(tmp_path, upload, "box.zip")

    assert error.code == "UNSAFE_REFERENCE"
    assert isinstance(error, RejectedModel) and error.validation["num_errors"] >= 1


def test_a_gltf_alone_cannot_reach_files_beside_it(tmp_path: Path) -> None:
    (tmp_path / "box.bin").write_bytes(box_builder().binary)

    error = failure(tmp_path, gltf_with_buffer_uri("box.bin"), "box.gltf")

    assert error.code == "MISSING_RESOURCE"


def zip_with_entry(name: str, data: bytes = b"v 0 0 0\n", mode: int | None = None) -> bytes:
    path_info = zipfile.ZipInfo(name)
    if mode is not None:
        path_info.external_attr = mode << 16
    files = uploads.zip_of({"model.obj": uploads.textured_obj_files()["box.obj"]})
    stream = uploads.io.BytesIO(files)
    with zipfile.ZipFile(stream, "a") as archive:
        archive.writestr(path_info, data)
    return stream.getvalue()


@pytest.mark.parametrize("entry", ["../evil.obj", "/abs/evil.obj", "a/../../evil.obj",
                                   "C:/evil.obj", "..\\evil.obj"])
def test_zip_slip_names_reject_the_archive(tmp_path: Path, entry: str) -> None:
    error = failure(tmp_path, zip_with_entry(entry), "slip.zip")

    assert error.code == "ARCHIVE_REJECTED"
    assert not (tmp_path.parent / "evil.obj").exists()


def test_links_in_a_zip_are_refused(tmp_path: Path) -> None:
    link = zip_with_entry("texture.png", b"/etc/passwd", mode=stat.S_IFLNK | 0o777)

    assert failure(tmp_path, link, "link.zip").code == "ARCHIVE_REJECTED"


def test_a_zip_bomb_is_refused_by_its_ratio(tmp_path: Path) -> None:
    bomb = uploads.zip_of({"box.obj": uploads.textured_obj_files()["box.obj"],
                           "padding.bin": b"\x00" * (64 * 1024 * 1024)})

    error = failure(tmp_path, bomb, "bomb.zip")

    assert error.code == "ARCHIVE_REJECTED" and "inflates" in error.message


def test_a_zip_over_the_inflated_size_limit_is_refused(tmp_path: Path) -> None:
    files = {f"part{i}.bin": bytes(range(256)) * 64 for i in range(8)}
    limits = IngestLimits(archive=ArchiveLimits(max_total_bytes=64 * 1024))

    error = failure(tmp_path, uploads.zip_of(files, zipfile.ZIP_STORED), "big.zip", limits)

    assert error.code == "ARCHIVE_REJECTED"


def test_a_zip_with_too_many_entries_is_refused(tmp_path: Path) -> None:
    files = {f"note{i}.txt": b"x" for i in range(50)}

    error = failure(tmp_path, uploads.zip_of(files), "many.zip",
                    IngestLimits(archive=ArchiveLimits(max_entries=20)))

    assert error.code == "ARCHIVE_REJECTED" and "50 entries" in error.message


def test_an_entry_that_understates_its_size_cannot_inflate_past_it(tmp_path: Path) -> None:
    obj = uploads.textured_obj_files()["box.obj"]
    data = bytearray(uploads.zip_of({"box.obj": obj}, zipfile.ZIP_DEFLATED))
    # Shrink the declared size in the central directory (local header sizes are not used).
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 10)

    error = failure(tmp_path, bytes(data), "liar.zip")

    assert error.code in ("ARCHIVE_REJECTED", "CORRUPT_FILE")


def test_nested_zips_are_refused(tmp_path: Path) -> None:
    inner = uploads.zip_of({"box.obj": uploads.textured_obj_files()["box.obj"]})

    error = failure(tmp_path, uploads.zip_of({"inner.glb": inner}), "nested.zip")

    assert error.code == "ARCHIVE_REJECTED"


def test_a_buffer_longer_than_its_data_fails_with_the_report(tmp_path: Path) -> None:
    builder = box_builder()
    builder.document["buffers"] = [{"byteLength": len(builder.binary) * 4}]
    glb = build_glb(builder.document, bytes(builder.binary))

    error = failure(tmp_path, glb, "short.glb")

    assert error.code == "CORRUPT_FILE"
    assert isinstance(error, RejectedModel)
    assert "BUFFER_BYTE_LENGTH_MISMATCH" in {i["code"] for i in error.validation["issues"]}


def test_an_accessor_counting_past_its_data_is_invalid_gltf(tmp_path: Path) -> None:
    builder = box_builder()
    builder.document["accessors"][0]["count"] = 2**31

    error = failure(tmp_path, builder.glb(), "liar.glb")

    assert error.code == "INVALID_GLTF"
    assert isinstance(error, RejectedModel) and error.validation["num_errors"] >= 1
    assert any(i["pointer"] and i["pointer"].startswith("/accessors/0")
               for i in error.validation["issues"])


def test_a_decompression_bomb_image_is_refused_before_decoding(tmp_path: Path) -> None:
    files = uploads.textured_obj_files()
    png_name = next(name for name in files if name.endswith(".png"))
    files[png_name] = huge_png(40_000, 40_000)

    error = failure(tmp_path, uploads.zip_of(files), "bomb.zip")

    assert error.code == "LIMIT_EXCEEDED" and "40000x40000" in error.message


def test_an_embedded_bomb_image_in_a_glb_is_refused(tmp_path: Path) -> None:
    builder = box_builder()
    png = huge_png(30_000, 30_000)
    view = builder.add("bufferViews", {"buffer": 0, "byteOffset": len(builder.binary),
                                       "byteLength": len(png)})
    builder.binary += png
    builder.add("images", {"bufferView": view, "mimeType": "image/png"})

    error = failure(tmp_path, builder.glb(), "bomb.glb")

    assert error.code == "LIMIT_EXCEEDED"


def huge_png(width: int, height: int) -> bytes:
    """A PNG header that declares a huge image, with one tiny compressed row."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def test_a_node_cycle_is_invalid_gltf(tmp_path: Path) -> None:
    builder = box_builder()
    builder.document["nodes"] += [{"children": [2]}, {"children": [1]}]

    error = failure(tmp_path, builder.glb(), "loop.glb")

    assert error.code == "INVALID_GLTF"
    assert "NODE_LOOP" in {i["code"] for i in error.validation["issues"]}


def test_an_absurdly_deep_node_tree_is_refused(tmp_path: Path) -> None:
    builder = box_builder()
    depth = 300
    builder.document["nodes"] += [{"children": [k + 2]} for k in range(depth - 1)]
    builder.document["nodes"].append({"name": "bottom"})
    builder.document["scenes"][0]["nodes"].append(1)

    error = failure(tmp_path, builder.glb(), "deep.glb", IngestLimits(max_node_depth=256))

    assert error.code == "LIMIT_EXCEEDED" and "300 levels" in error.message


def test_a_model_over_the_triangle_limit_is_refused(tmp_path: Path) -> None:
    error = failure(tmp_path, models.box_stl(), "box.stl", IngestLimits(max_triangles=11))

    assert error.code == "LIMIT_EXCEEDED" and "12 triangles" in error.message


def test_3mf_with_xml_entities_is_refused(tmp_path: Path) -> None:
    package = uploads.io.BytesIO(uploads.three_mf())
    with zipfile.ZipFile(package) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    model = next(name for name in parts if name.endswith(".model"))
    parts[model] = parts[model].replace(
        b"?>", b'?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)

    error = failure(tmp_path, uploads.zip_of(parts), "entities.3mf")

    assert error.code == "CORRUPT_FILE" and "entities" in error.message


@pytest.mark.parametrize(("filename", "data", "code"), [
    ("photo.glb", uploads.png_bytes(), "CORRUPT_FILE"),
    ("model.stl", b"\x00\x01garbage" * 10, "CORRUPT_FILE"),
    ("notes.txt", b"plain words, not geometry\n" * 5, "UNSUPPORTED_FORMAT"),
    ("empty.zip", uploads.zip_of({"readme.txt": b"no model here"}), "UNSUPPORTED_FORMAT"),
    ("broken.ply", b"ply\nformat ascii 1.0\nelement vertex 99\nend_header\n1 2\n",
     "CORRUPT_FILE"),
])
def test_files_that_lie_about_what_they_are_fail(tmp_path: Path, filename: str, data: bytes,
                                                 code: str) -> None:
    assert failure(tmp_path, data, filename).code == code
