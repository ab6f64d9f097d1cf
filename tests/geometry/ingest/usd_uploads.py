"""USD uploads for the ingest tests: the committed samples of tests/data/usd, small layers
written with pxr, and USDZ packages zipped here (stored, 64-byte aligned) so a package can
hold what usd-core's own packager would refuse to write."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from pxr import Sdf, Usd, UsdGeom, UsdShade

DATA = Path(__file__).resolve().parents[2] / "data" / "usd"
USDZ_ALIGNMENT = 64
_LOCAL_HEADER_BYTES = 30
_PADDING_HEADER_BYTES = 4  # an extra field's id and length


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


def usdz_of(files: dict[str, bytes]) -> bytes:
    """A USDZ package of `files` in order: stored, each one's data 64-byte aligned."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_STORED) as package:
        for name, data in files.items():
            start = stream.tell() + _LOCAL_HEADER_BYTES + len(name.encode())
            padding = -(start + _PADDING_HEADER_BYTES) % USDZ_ALIGNMENT
            info = zipfile.ZipInfo(name)
            info.extra = struct.pack("<HH", 0x1986, padding) + b"\x00" * padding
            package.writestr(info, data)
    return stream.getvalue()


def quad_layer(*, texture: str | None = None, sublayer: str | None = None,
               reference: str | None = None, clip: str | None = None,
               orientation: str = "rightHanded") -> bytes:
    """A USDA layer: one quad (its default prim), Y up in metres, bound to a UsdPreviewSurface
    whose diffuse colour reads `texture` when given; `sublayer`, `reference` and `clip` add
    those arcs and value clips."""
    stage = Usd.Stage.CreateInMemory()
    UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.y)
    UsdGeom.SetStageMetersPerUnit(stage, 1.0)
    mesh = UsdGeom.Mesh.Define(stage, "/Quad")
    mesh.CreatePointsAttr([(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0)])
    mesh.CreateFaceVertexCountsAttr([4])
    mesh.CreateFaceVertexIndicesAttr([0, 1, 2, 3])
    mesh.CreateOrientationAttr(orientation)
    mesh.CreateSubdivisionSchemeAttr(UsdGeom.Tokens.none)
    stage.SetDefaultPrim(mesh.GetPrim())
    UsdGeom.PrimvarsAPI(mesh).CreatePrimvar(
        "st", Sdf.ValueTypeNames.TexCoord2fArray, UsdGeom.Tokens.vertex).Set(
        [(0, 0), (1, 0), (1, 1), (0, 1)])
    material = UsdShade.Material.Define(stage, "/Looks/Paint")
    surface = UsdShade.Shader.Define(stage, "/Looks/Paint/Surface")
    surface.CreateIdAttr("UsdPreviewSurface")
    diffuse = surface.CreateInput("diffuseColor", Sdf.ValueTypeNames.Color3f)
    if texture is not None:
        reader = UsdShade.Shader.Define(stage, "/Looks/Paint/Image")
        reader.CreateIdAttr("UsdUVTexture")
        reader.CreateInput("file", Sdf.ValueTypeNames.Asset).Set(texture)
        diffuse.ConnectToSource(reader.CreateOutput("rgb", Sdf.ValueTypeNames.Float3))
    material.CreateSurfaceOutput().ConnectToSource(surface.ConnectableAPI(), "surface")
    UsdShade.MaterialBindingAPI.Apply(mesh.GetPrim()).Bind(material)
    if sublayer is not None:
        stage.GetRootLayer().subLayerPaths.append(sublayer)
    if reference is not None:
        stage.DefinePrim("/Other").GetReferences().AddReference(reference)
    if clip is not None:
        Usd.ClipsAPI(mesh.GetPrim()).SetClipAssetPaths([Sdf.AssetPath(clip)])
    return stage.GetRootLayer().ExportToString().encode()
