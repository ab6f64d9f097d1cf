"""The facts a file states about itself, read at ingest: glTF's generator and copyright (and its
fixed metres and +Y), COLLADA's contributor, unit and up axis, 3MF's unit; nothing from formats
that state none, nor from a document with a DTD."""

from __future__ import annotations

from pathlib import Path

from app.geometry.formats import SourceFormat
from app.geometry.ingest import ingest_path
from app.geometry.source_facts import MAX_TEXT, SourceFacts, source_facts
from tests.geometry.ingest import uploads
from tests.support.models import box_stl

COLLADA = b"""<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
  <asset>
    <contributor><authoring_tool>Blender 4.1</authoring_tool>
      <copyright>(c) Ada</copyright></contributor>
    <unit name="centimeter" meter="0.01"/>
    <up_axis>Z_UP</up_axis>
  </asset>
  <library_geometries/>
</COLLADA>"""


def ingested(tmp_path: Path, data: bytes, filename: str) -> dict[str, object]:
    source = tmp_path / filename
    source.write_bytes(data)
    return ingest_path(source, filename, tmp_path / "out.glb").facts


def test_a_gltf_upload_keeps_its_generator_and_copyright(tmp_path: Path) -> None:
    document, binary, image = uploads.rich_gltf()
    document["asset"].update(generator="  Blender glTF exporter ", copyright="x" * 5000)

    facts = ingested(tmp_path, uploads.embedded_gltf(document, binary, image), "crate.gltf")

    assert facts == {"generator": "Blender glTF exporter", "copyright": "x" * MAX_TEXT,
                     "unit_meters": 1.0, "up_axis": "Y"}


def test_a_3mf_upload_keeps_its_unit_and_an_stl_states_nothing(tmp_path: Path) -> None:
    assert ingested(tmp_path, uploads.three_mf(), "parts.3mf") == {
        "generator": None, "copyright": None, "unit_meters": 0.001, "up_axis": "Z"}
    assert ingested(tmp_path, box_stl(), "box.stl") == SourceFacts().to_dict()


def test_collada_states_its_contributor_unit_and_up_axis() -> None:
    assert source_facts(SourceFormat.DAE, COLLADA, {}, None) == SourceFacts(
        generator="Blender 4.1", copyright="(c) Ada", unit_meters=0.01, up_axis="Z")


def test_collada_without_them_has_its_defaults_and_broken_or_dtd_documents_none() -> None:
    bare = b'<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema"><asset/></COLLADA>'
    with_dtd = b"<!DOCTYPE x [<!ENTITY a \"b\">]>" + COLLADA.split(b"\n", 1)[1]

    assert source_facts(SourceFormat.DAE, bare, {}, None) == SourceFacts(unit_meters=1.0,
                                                                          up_axis="Y")
    assert source_facts(SourceFormat.DAE, with_dtd, {}, None) == SourceFacts()
    assert source_facts(SourceFormat.DAE, b"<COLLADA><asset>", {}, None) == SourceFacts()
