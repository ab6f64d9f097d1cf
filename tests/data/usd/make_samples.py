"""Write the USD samples beside this script: `python -m tests.data.usd.make_samples`.

No USD sample of the libraries' own suites is at hand offline, so these are written with
usd-core (pxr) itself and committed; they are this project's own work, under its licence.
`crate.usda`, `crate.usdc` and `crate.usdz` hold the same stage /World, Z up in centimetres:
- Crate (translated 100 cm along X) > Box: a 20 cm cube of 6 quads (12 triangles) with
  faceVarying normals and UVs, bound to `Wood` (UsdPreviewSurface: a diffuse texture in the
  USDZ, a diffuse colour in the layers, metallic 0.25, roughness 0.75, an emissive colour);
- Crate > Lid: one pentagon (3 triangles by fan) with per-vertex displayColor, no material;
- Bolts > Bolt_0 and Bolt_1: two instances of Prototypes/Bolt (a 2-triangle quad, uniform
  red displayColor, `Metal` with opacity 0.5).
19 triangles are drawn: 12 + 3 + 2 x 2 (Bolt's mesh is shared, so the GLB stores 17).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

from PIL import Image
from pxr import Gf, Kind, Sdf, Usd, UsdGeom, UsdShade, UsdUtils, Vt

HERE = Path(__file__).resolve().parent
TEXTURE = "textures/wood.png"
CUBE_POINTS = [(x, y, z) for z in (0, 20) for y in (-10, 10) for x in (-10, 10)]
CUBE_FACES = [(0, 2, 3, 1), (4, 5, 7, 6), (0, 1, 5, 4), (2, 6, 7, 3), (0, 4, 6, 2),
              (1, 3, 7, 5)]
CUBE_NORMALS = [(0, 0, -1), (0, 0, 1), (0, -1, 0), (0, 1, 0), (-1, 0, 0), (1, 0, 0)]


def wood_png() -> bytes:
    image = Image.new("RGB", (8, 8), (150, 100, 50))
    stream = io.BytesIO()
    image.save(stream, format="PNG")
    return stream.getvalue()


def surface(stage: Usd.Stage, path: str, **inputs: object) -> UsdShade.Shader:
    material = UsdShade.Material.Define(stage, path)
    shader = UsdShade.Shader.Define(stage, f"{path}/Surface")
    shader.CreateIdAttr("UsdPreviewSurface")
    types = {"diffuseColor": Sdf.ValueTypeNames.Color3f,
             "emissiveColor": Sdf.ValueTypeNames.Color3f}
    for name, value in inputs.items():
        shader.CreateInput(name, types.get(name, Sdf.ValueTypeNames.Float)).Set(value)
    material.CreateSurfaceOutput().ConnectToSource(shader.ConnectableAPI(), "surface")
    return shader


def textured(stage: Usd.Stage, shader: UsdShade.Shader, material_path: str) -> None:
    reader = UsdShade.Shader.Define(stage, f"{material_path}/St")
    reader.CreateIdAttr("UsdPrimvarReader_float2")
    reader.CreateInput("varname", Sdf.ValueTypeNames.Token).Set("st")
    texture = UsdShade.Shader.Define(stage, f"{material_path}/WoodTexture")
    texture.CreateIdAttr("UsdUVTexture")
    texture.CreateInput("file", Sdf.ValueTypeNames.Asset).Set(TEXTURE)
    texture.CreateInput("wrapS", Sdf.ValueTypeNames.Token).Set("repeat")
    texture.CreateInput("wrapT", Sdf.ValueTypeNames.Token).Set("mirror")
    texture.CreateInput("st", Sdf.ValueTypeNames.Float2).ConnectToSource(
        reader.ConnectableAPI(), "result")
    rgb = texture.CreateOutput("rgb", Sdf.ValueTypeNames.Float3)
    shader.GetInput("diffuseColor").ConnectToSource(rgb)


def build(stage: Usd.Stage, *, texture: bool) -> None:
    UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.z)
    UsdGeom.SetStageMetersPerUnit(stage, UsdGeom.LinearUnits.centimeters)
    world = UsdGeom.Xform.Define(stage, "/World")
    Usd.ModelAPI(world.GetPrim()).SetKind(Kind.Tokens.component)
    stage.SetDefaultPrim(world.GetPrim())
    wood = surface(stage, "/World/Looks/Wood", diffuseColor=Gf.Vec3f(0.6, 0.4, 0.2),
                   metallic=0.25, roughness=0.75, emissiveColor=Gf.Vec3f(0.1, 0.0, 0.0))
    if texture:
        textured(stage, wood, "/World/Looks/Wood")
    surface(stage, "/World/Looks/Metal", diffuseColor=Gf.Vec3f(0.8, 0.8, 0.8), metallic=1.0,
            roughness=0.2, opacity=0.5)

    crate = UsdGeom.Xform.Define(stage, "/World/Crate")
    crate.AddTranslateOp().Set(Gf.Vec3d(100, 0, 0))
    box = UsdGeom.Mesh.Define(stage, "/World/Crate/Box")
    box.CreatePointsAttr(CUBE_POINTS)
    box.CreateFaceVertexCountsAttr([4] * 6)
    box.CreateFaceVertexIndicesAttr([i for face in CUBE_FACES for i in face])
    box.CreateNormalsAttr([n for n in CUBE_NORMALS for _ in range(4)])
    box.SetNormalsInterpolation(UsdGeom.Tokens.faceVarying)
    box.CreateSubdivisionSchemeAttr(UsdGeom.Tokens.none)
    st = UsdGeom.PrimvarsAPI(box).CreatePrimvar("st", Sdf.ValueTypeNames.TexCoord2fArray,
                                                UsdGeom.Tokens.faceVarying)
    st.Set(Vt.Vec2fArray([(0, 0), (1, 0), (1, 1), (0, 1)] * 6))
    bind(box.GetPrim(), "/World/Looks/Wood")

    lid = UsdGeom.Mesh.Define(stage, "/World/Crate/Lid")
    lid.AddTranslateOp().Set(Gf.Vec3d(0, 0, 25))
    lid.CreatePointsAttr([(-10, -10, 0), (10, -10, 0), (12, 5, 0), (0, 12, 0), (-12, 5, 0)])
    lid.CreateFaceVertexCountsAttr([5])
    lid.CreateFaceVertexIndicesAttr([0, 1, 2, 3, 4])
    lid.CreateDisplayColorPrimvar(UsdGeom.Tokens.vertex).Set(
        [(1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (0, 1, 1)])

    prototypes = stage.DefinePrim("/World/Prototypes", "Scope")
    prototypes.SetSpecifier(Sdf.SpecifierClass)  # not drawn itself, only through instances
    bolt = UsdGeom.Mesh.Define(stage, "/World/Prototypes/Bolt/Shape")
    bolt.CreatePointsAttr([(0, 0, 0), (2, 0, 0), (2, 2, 0), (0, 2, 0)])
    bolt.CreateFaceVertexCountsAttr([4])
    bolt.CreateFaceVertexIndicesAttr([0, 1, 2, 3])
    bolt.CreateDisplayColorPrimvar(UsdGeom.Tokens.uniform).Set([(1, 0, 0)])
    bind(bolt.GetPrim(), "/World/Looks/Metal")
    for number in range(2):
        instance = UsdGeom.Xform.Define(stage, f"/World/Bolts/Bolt_{number}")
        instance.AddTranslateOp().Set(Gf.Vec3d(0, 30 * number, 0))
        instance.GetPrim().GetReferences().AddInternalReference("/World/Prototypes/Bolt")
        instance.GetPrim().SetInstanceable(True)


def bind(prim: Usd.Prim, material: str) -> None:
    UsdShade.MaterialBindingAPI.Apply(prim).Bind(
        UsdShade.Material.Get(prim.GetStage(), material))


def main() -> None:
    for name in ("crate.usda", "crate.usdc"):
        stage = Usd.Stage.CreateNew(str(HERE / name))
        build(stage, texture=False)
        stage.GetRootLayer().Save()
    with tempfile.TemporaryDirectory() as scratch:
        layer = Path(scratch) / "crate.usdc"
        (Path(scratch) / "textures").mkdir()
        (Path(scratch) / TEXTURE).write_bytes(wood_png())
        stage = Usd.Stage.CreateNew(str(layer))
        build(stage, texture=True)
        stage.GetRootLayer().Save()
        packed = Path(scratch) / "crate.usdz"
        assert UsdUtils.CreateNewUsdzPackage(Sdf.AssetPath(str(layer)), str(packed))
        shutil.copyfile(packed, HERE / "crate.usdz")


if __name__ == "__main__":
    main()
