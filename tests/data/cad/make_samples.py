"""Write the CAD samples beside this script: `python -m tests.data.cad.make_samples`.

No STEP or IGES sample of OpenCascade's own suites is at hand offline, so these are written
with OpenCascade itself (cadquery-ocp) through an XCAF document and committed; they are this
project's own work, under its licence. `bench.step` (AP214) and `bench.igs` hold the same
model, in millimetres and Z up:
- the assembly `Bench` with the components
  - `Top`: the part `Plank`, a 100 x 50 x 20 mm box at the origin, red, its top face green;
  - `Leg_0` and `Leg_1`: two instances of the part `Leg`, a cylinder of radius 10 mm and
    height 40 mm, blue, placed at (20, 25, -40) and (80, 25, -40).
The model spans x 0..100, y 0..50, z -40..20 mm.
"""

from __future__ import annotations

from pathlib import Path

from OCP.BRepPrimAPI import BRepPrimAPI_MakeBox, BRepPrimAPI_MakeCylinder
from OCP.gp import gp_Trsf, gp_Vec
from OCP.IFSelect import IFSelect_RetDone
from OCP.IGESCAFControl import IGESCAFControl_Writer
from OCP.Quantity import Quantity_Color, Quantity_TOC_RGB
from OCP.STEPCAFControl import STEPCAFControl_Writer
from OCP.STEPControl import STEPControl_AsIs
from OCP.TCollection import TCollection_ExtendedString
from OCP.TDataStd import TDataStd_Name
from OCP.TDF import TDF_Label
from OCP.TDocStd import TDocStd_Document
from OCP.TopAbs import TopAbs_FACE
from OCP.TopExp import TopExp_Explorer
from OCP.TopLoc import TopLoc_Location
from OCP.TopoDS import TopoDS, TopoDS_Face
from OCP.XCAFApp import XCAFApp_Application
from OCP.XCAFDoc import XCAFDoc_ColorSurf, XCAFDoc_DocumentTool

HERE = Path(__file__).resolve().parent
RED, GREEN, BLUE = (0.8, 0.1, 0.1), (0.1, 0.7, 0.2), (0.1, 0.2, 0.8)
LEG_PLACES = ((20.0, 25.0, -40.0), (80.0, 25.0, -40.0))


def name(label: TDF_Label, text: str) -> None:
    TDataStd_Name.Set_s(label, TCollection_ExtendedString(text))


def color(rgb: tuple[float, float, float]) -> Quantity_Color:
    return Quantity_Color(*rgb, Quantity_TOC_RGB)


def top_face(shape: object) -> TopoDS_Face:
    """The box face whose points all lie at z = 20 mm."""
    from OCP.BRepGProp import BRepGProp
    from OCP.GProp import GProp_GProps

    explorer = TopExp_Explorer(shape, TopAbs_FACE)
    while explorer.More():
        face = TopoDS.Face_s(explorer.Current())
        props = GProp_GProps()
        BRepGProp.SurfaceProperties_s(face, props)
        if abs(props.CentreOfMass().Z() - 20.0) < 1e-9:
            return face
        explorer.Next()
    raise AssertionError("the box has no top face")


def bench_document() -> TDocStd_Document:
    document = TDocStd_Document(TCollection_ExtendedString("MDTV-XCAF"))
    XCAFApp_Application.GetApplication_s().InitDocument(document)
    shapes = XCAFDoc_DocumentTool.ShapeTool_s(document.Main())
    colors = XCAFDoc_DocumentTool.ColorTool_s(document.Main())

    box = BRepPrimAPI_MakeBox(100.0, 50.0, 20.0).Shape()
    plank = shapes.AddShape(box, False)
    name(plank, "Plank")
    colors.SetColor(plank, color(RED), XCAFDoc_ColorSurf)
    face = shapes.AddSubShape(plank, top_face(box))
    colors.SetColor(face, color(GREEN), XCAFDoc_ColorSurf)

    leg = shapes.AddShape(BRepPrimAPI_MakeCylinder(10.0, 40.0).Shape(), False)
    name(leg, "Leg")
    colors.SetColor(leg, color(BLUE), XCAFDoc_ColorSurf)

    bench = shapes.NewShape()
    name(bench, "Bench")
    name(shapes.AddComponent(bench, plank, TopLoc_Location()), "Top")
    for index, place in enumerate(LEG_PLACES):
        move = gp_Trsf()
        move.SetTranslation(gp_Vec(*place))
        name(shapes.AddComponent(bench, leg, TopLoc_Location(move)), f"Leg_{index}")
    shapes.UpdateAssemblies()
    return document


def write_step(document: TDocStd_Document, path: Path) -> None:
    writer = STEPCAFControl_Writer()
    writer.SetColorMode(True)
    writer.SetNameMode(True)
    if not writer.Transfer(document, STEPControl_AsIs) or \
            writer.Write(str(path)) != IFSelect_RetDone:
        raise RuntimeError(f"OpenCascade could not write {path.name}")


def write_iges(document: TDocStd_Document, path: Path) -> None:
    writer = IGESCAFControl_Writer()
    writer.SetColorMode(True)
    writer.SetNameMode(True)
    if not writer.Transfer(document) or not writer.Write(str(path)):
        raise RuntimeError(f"OpenCascade could not write {path.name}")


def main() -> None:
    document = bench_document()
    write_step(document, HERE / "bench.step")
    write_iges(document, HERE / "bench.igs")


if __name__ == "__main__":
    main()
