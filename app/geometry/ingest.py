"""Turn an uploaded file into a normalised GLB with its stats, validation and quality reports.

glTF keeps its own document: buffers and images are packed into one GLB and nothing is
re-encoded. OBJ goes through its own numpy parser (`obj_mesh`); STL, PLY, OFF and 3MF through
trimesh; FBX and DAE through assimp; USD through usd-core (`usd_import`); IFC through
ifcopenshell (`ifc_import`); STEP and IGES through OpenCascade (`cad_import`). A zip holds one
model and the files it refers to (`unpack_bundle` splits a zip of several models).

The report describes the upload: for glTF, Khronos-style checks of the source document with
its own JSON pointers; for every other format, the geometry of the normalised GLB. A model is
READY when its normalised GLB passes the structural checks with no error; a glTF whose source
has errors that packing repaired (a broken GLB container, say) is READY with those errors in
its report. Anything else fails, and the failure carries the report (`RejectedModel`).
"""

from __future__ import annotations

import io
import posixpath
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from app.errors import AtelierError, CorruptFile, ErrorCode, UnsupportedFormat
from app.geometry.archives import Archive, ArchiveRejected, open_archive
from app.geometry.assimp import assimp_to_glb
from app.geometry.bundles import BundleMember, write_bundle
from app.geometry.formats import SourceFormat, detect_bytes, detect_format
from app.geometry.gltf_images import resolve_external_images
from app.geometry.gltf_io import GltfAsset, load_asset, parse_json, split_glb
from app.geometry.gltf_pack import pack_glb
from app.geometry.ingest_limits import IngestLimits, check_limits
from app.geometry.obj_mesh import obj_to_glb
from app.geometry.quality import assess_quality
from app.geometry.resources import Resources
from app.geometry.source_facts import source_facts
from app.geometry.stats import AssetStats, compute_stats
from app.geometry.validation import ValidationReport, validate_bytes, validate_glb, validate_gltf

__all__ = ["GLB_WRITTEN", "IngestLimits", "IngestSummary", "RejectedModel", "ingest_path",
           "unpack_bundle"]

Report = Callable[[str, float], None]
GLTF_FORMATS = (SourceFormat.GLB, SourceFormat.GLTF)
ASSIMP_FORMATS = (SourceFormat.FBX, SourceFormat.DAE)
CAD_FORMATS = (SourceFormat.STEP, SourceFormat.IGES)
DEFAULT_LIMITS = IngestLimits()
# The stage reported once `output` holds the GLB that passed every check; only the quality
# report, which never fails an ingest, is left to compute.
GLB_WRITTEN = "quality"


@dataclass(frozen=True)
class IngestSummary:
    source_format: str
    stats: dict[str, Any]
    validation: dict[str, Any] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    quality: dict[str, Any] = field(default_factory=dict)


class RejectedModel(AtelierError):
    """A failure that keeps the validation report of the upload, so users can read it."""

    def __init__(self, message: str, *, code: ErrorCode | None = None,
                 field: list[str] | None = None, validation: dict[str, Any] | None = None,
                 ) -> None:
        super().__init__(message, code=code, field=field)
        self.validation = validation or {}

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_rejected, (self.message, self.code, self.validation))


def _rebuild_rejected(message: str, code: ErrorCode, validation: dict[str, Any]
                      ) -> RejectedModel:
    return RejectedModel(message, code=code, validation=validation)


@dataclass
class _Model:
    source_format: SourceFormat
    # The upload's bytes; or, for an OBJ on disk, its file, which the OBJ reader streams so
    # that the text (several times the GLB) is never held whole.
    content: bytes | Path
    resources: Resources

    @property
    def data(self) -> bytes:
        """All of the bytes, read from the file if need be."""
        return self.content if isinstance(self.content, bytes) else self.content.read_bytes()

    def stream(self) -> BinaryIO:
        if isinstance(self.content, bytes):
            return io.BytesIO(self.content)
        return self.content.open("rb")


def _no_report(stage: str, fraction: float) -> None:
    """Progress is optional for callers that do not show it."""


def ingest_path(
    source: Path,
    filename: str,
    output: Path,
    limits: IngestLimits = DEFAULT_LIMITS,
    *,
    report: Report = _no_report,
) -> IngestSummary:
    """Read `source`, write the normalised GLB to `output`, return what was learned."""
    report("detect", 0.0)
    source_format = detect_format(source, filename)
    if source_format not in (SourceFormat.ZIP, SourceFormat.THREE_MF):
        resources = Resources(None, "", limits.max_image_pixels)
        content = source if source_format is SourceFormat.OBJ else source.read_bytes()
        return _ingest_model(_Model(source_format, content, resources), output, limits, report)
    with open_archive(source, limits.archive) as archive:
        if archive.is_3mf():
            from app.geometry.mesh_formats import refuse_xml_entities

            refuse_xml_entities(archive)
            resources = Resources(archive, "", limits.max_image_pixels)
            model = _Model(SourceFormat.THREE_MF, source.read_bytes(), resources)
        else:
            model = _archived_model(archive, limits)
        return _ingest_model(model, output, limits, report)


def unpack_bundle(source: Path, filename: str, folder: Path,
                  limits: IngestLimits = DEFAULT_LIMITS, *, report: Report = _no_report
                  ) -> list[BundleMember]:
    """Write each model of a zip of several models to `folder`, as its own upload; [] when
    `source` is not such a zip."""
    report("unpack", 0.0)
    if detect_format(source, filename) is not SourceFormat.ZIP:
        return []
    with open_archive(source, limits.archive) as archive:
        models = archive.models()
        if archive.is_3mf() or len(models) < 2:
            return []
        return write_bundle(archive, models, folder)


def _archived_model(archive: Archive, limits: IngestLimits) -> _Model:
    models = archive.models()
    if not models:
        raise UnsupportedFormat("the zip holds no 3D model (glTF, OBJ, STL, PLY, OFF, FBX, DAE "
                                "or 3MF)")
    if len(models) > 1:
        raise ArchiveRejected(f"the zip holds {len(models)} models; one zip is one model here "
                              "(its bundle is unpacked by the ingest job)")
    name = models[0]
    data = archive.read(name)
    source_format = detect_bytes(data, name)
    if source_format is SourceFormat.ZIP:
        raise ArchiveRejected(f"'{name}' is an archive inside the zip; nested zips are refused")
    if source_format is SourceFormat.THREE_MF:
        from app.geometry.mesh_formats import refuse_xml_entities

        with open_archive(io.BytesIO(data), limits.archive) as package:
            refuse_xml_entities(package)
    resources = Resources(archive, posixpath.dirname(name), limits.max_image_pixels)
    return _Model(source_format, data, resources)


def _ingest_model(model: _Model, output: Path, limits: IngestLimits, report: Report
                  ) -> IngestSummary:
    report("parse", 0.1)
    if model.source_format in GLTF_FORMATS:
        glb, source_report = _gltf_to_glb(model)
    else:
        glb, source_report = _other_to_glb(model, limits), None
    report("analyse", 0.6)
    try:
        asset = load_asset(glb)
        checked = validate_gltf(asset) if source_report else validate_glb(asset)
    except AtelierError as error:
        raise _with_report(error, source_report) from error
    validation = _with_warnings(source_report or checked, model.resources)
    if checked.num_errors:
        code = ErrorCode.INVALID_GLTF if source_report else ErrorCode.CORRUPT_FILE
        shown = validation if validation.num_errors else checked
        raise RejectedModel(f"the model has {checked.num_errors} validation errors, the first: "
                            f"{_first_error(checked)}", code=code,
                            validation=shown.to_dict())
    stats = compute_stats(asset)
    try:
        check_limits(asset, stats, limits)
    except AtelierError as error:
        raise _with_report(error, validation) from error
    # An OBJ states no facts, so its file is not read back whole for them.
    data = b"" if model.source_format is SourceFormat.OBJ else model.data
    facts = source_facts(model.source_format, data, asset.document, model.resources.archive)
    report("write", 0.75)
    output.write_bytes(glb)
    # The GLB is final from here on: the worker may render its thumbnail meanwhile.
    report(GLB_WRITTEN, 0.8)
    quality = _quality(asset, stats, limits)
    return IngestSummary(model.source_format.value, stats.to_dict(), validation.to_dict(),
                         facts.to_dict(), quality)


def _quality(asset: GltfAsset, stats: AssetStats, limits: IngestLimits) -> dict[str, Any]:
    """The quality report, or {} when the model is too large to check within the job's memory
    cap (near the triangle limit): a report is never worth failing an ingest for."""
    try:
        return assess_quality(asset, stats, limits.quality_max_texture_size).to_dict()
    except MemoryError:
        return {}


def _gltf_to_glb(model: _Model) -> tuple[bytes, ValidationReport]:
    """The packed GLB and the report of the source document (resources inside the upload)."""
    source_report = validate_bytes(model.data, resolve_uri=model.resources.strict_bytes)
    try:
        if model.source_format is SourceFormat.GLB:
            document, binary = split_glb(model.data)
        else:
            document, binary = parse_json(model.data), None
        return pack_glb(document, binary, model.resources.strict), source_report
    except AtelierError as error:
        raise _with_report(error, source_report) from error
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise _with_report(CorruptFile(f"the glTF document is malformed: {exc}"),
                           source_report) from exc


def _other_to_glb(model: _Model, limits: IngestLimits) -> bytes:
    if model.source_format is SourceFormat.OBJ:
        with model.stream() as stream:
            return obj_to_glb(stream, model.resources, limits.max_triangles)
    if model.source_format is SourceFormat.USD:
        # USD's libraries take about 60 MiB and most of a second to load: only USD pays.
        from app.geometry.usd_import import usd_to_glb

        return usd_to_glb(model.data, model.resources, limits)
    if model.source_format is SourceFormat.IFC:
        # ifcopenshell and its OpenCascade take about 100 MiB to load: only IFC pays.
        from app.geometry.ifc_import import ifc_to_glb

        return ifc_to_glb(model.data, limits)
    if model.source_format in CAD_FORMATS:
        # OpenCascade's libraries load in about a second: only STEP and IGES pay.
        from app.geometry.cad_import import cad_to_glb

        return cad_to_glb(model.data, model.source_format, model.resources, limits)
    # trimesh and scipy take most of a second to load: a plain OBJ never needs them.
    from app.geometry.mesh_formats import MESH_FORMATS, mesh_bytes_to_glb

    if model.source_format in MESH_FORMATS:
        return mesh_bytes_to_glb(model.data, model.source_format, model.resources)
    if model.source_format in ASSIMP_FORMATS:
        with tempfile.TemporaryDirectory(prefix="atelier-assimp-") as work:
            source = Path(work) / f"model.{model.source_format.value.lower()}"
            source.write_bytes(model.data)
            converted = assimp_to_glb(source, Path(work), limits.converter_timeout_seconds)
        document, binary = split_glb(converted)
        images = resolve_external_images(document, model.resources)
        return pack_glb(document, binary, lambda uri: (images[uri], None))
    raise UnsupportedFormat(f"{model.source_format.value} files are not supported")


def _with_warnings(report: ValidationReport, resources: Resources) -> ValidationReport:
    if not resources.warnings:
        return report
    return ValidationReport(issues=[*report.issues, *resources.warnings],
                            truncated=report.truncated)


def _with_report(error: AtelierError, report: ValidationReport | None) -> RejectedModel:
    return RejectedModel(error.message, code=error.code, field=error.field,
                         validation=report.to_dict() if report else None)


def _first_error(report: ValidationReport) -> str:
    first = next(i for i in report.issues if i.severity == "ERROR")
    return f"{first.code} at {first.pointer}: {first.message}" if first.pointer else (
        f"{first.code}: {first.message}")
