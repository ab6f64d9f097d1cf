"""A STEP or IGES upload read by OpenCascade into an XCAF document, and what the document
says of each label: its name, colour, visibility, placement and place in the assembly tree.

XCAF keeps what the file states beside its shapes: product and instance names
(TDataStd_Name), surface colours of parts, instances and faces (XCAFDoc_ColorTool) and the
assembly tree (XCAFDoc_ShapeTool: assemblies, components that refer to a shape with a
location, and simple shapes, the parts). Shapes come in millimetres: the document's length
unit is set to them before the transfer, so a file in inches or metres is converted.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from OCP.IFSelect import IFSelect_RetDone
from OCP.IGESCAFControl import IGESCAFControl_Reader
from OCP.Message import Message, Message_Gravity, Message_PrinterOStream
from OCP.Quantity import Quantity_ColorRGBA
from OCP.STEPCAFControl import STEPCAFControl_Reader
from OCP.TCollection import TCollection_AsciiString, TCollection_ExtendedString
from OCP.TDataStd import TDataStd_Name
from OCP.TDF import TDF_Label, TDF_LabelSequence, TDF_Tool
from OCP.TDocStd import TDocStd_Document
from OCP.TopoDS import TopoDS_Shape
from OCP.XCAFApp import XCAFApp_Application
from OCP.XCAFDoc import (
    XCAFDoc_ColorGen,
    XCAFDoc_ColorSurf,
    XCAFDoc_ColorTool,
    XCAFDoc_DocumentTool,
    XCAFDoc_ShapeTool,
)

from app.errors import AtelierError, CorruptFile, ErrorCode
from app.geometry.formats import SourceFormat
from app.geometry.iges_records import check_iges_records

MILLIMETRE = 0.001  # XCAF's length unit, in metres
Rgba = tuple[float, float, float, float]
Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class CadDocument:
    document: TDocStd_Document
    shapes: XCAFDoc_ShapeTool

    def roots(self) -> Iterator[TDF_Label]:
        """The labels of the free shapes: those no assembly uses."""
        yield from _sequence(self.shapes.GetFreeShapes)


def read_cad(data: bytes, source_format: SourceFormat) -> CadDocument:
    """The XCAF document of a STEP or IGES file; CorruptFile, with OpenCascade's first failure
    message, when it cannot read the file or transfer its shapes."""
    if source_format is SourceFormat.IGES:
        check_iges_records(data)
    reader = STEPCAFControl_Reader() if source_format is SourceFormat.STEP else \
        IGESCAFControl_Reader()
    reader.SetColorMode(True)
    reader.SetNameMode(True)
    document = TDocStd_Document(TCollection_ExtendedString("MDTV-XCAF"))
    XCAFApp_Application.GetApplication_s().InitDocument(document)
    XCAFDoc_DocumentTool.SetLengthUnit_s(document, MILLIMETRE)
    kind = source_format.value
    with tempfile.TemporaryDirectory(prefix="atelier-cad-") as work:
        # OpenCascade's readers take a path: the bytes are written to a private folder.
        path = Path(work) / f"model.{kind.lower()}"
        path.write_bytes(data)
        with _failures(Path(work) / "messages.log") as failures:
            try:
                status = reader.ReadFile(str(path))
                if status != IFSelect_RetDone:
                    raise CorruptFile(f"OpenCascade cannot read the {kind} file: "
                                      f"{failures() or status.name}")
                if _roots(reader) == 0:
                    raise AtelierError(f"the {kind} file holds no shapes",
                                       code=ErrorCode.NO_GEOMETRY)
                if not reader.Transfer(document):
                    raise CorruptFile(f"OpenCascade read the {kind} file but could not "
                                      f"transfer its shapes: {failures() or 'no reason given'}")
            except Exception as exc:
                if not opencascade_error(exc):
                    raise
                raise CorruptFile(f"OpenCascade failed on the {kind} file: {exc}") from exc
    return CadDocument(document, XCAFDoc_DocumentTool.ShapeTool_s(document.Main()))


def opencascade_error(exc: BaseException) -> bool:
    """Whether `exc` is one of OpenCascade's exceptions: OCP makes each its own class, with
    no common base in Python (Standard_NumericError is no Standard_Failure there)."""
    return type(exc).__module__.startswith("OCP.")


def _roots(reader: STEPCAFControl_Reader | IGESCAFControl_Reader) -> int:
    """How many shapes the file offers for transfer (STEP's reader keeps its own inner one)."""
    inner = reader.Reader() if isinstance(reader, STEPCAFControl_Reader) else reader
    return int(inner.NbRootsForTransfer())


@contextmanager
def _failures(log: Path) -> Iterator[Callable[[], str | None]]:
    """OpenCascade's failure messages while reading, through a printer to `log`; the
    statistics and warnings it prints to stdout are silenced."""
    messenger = Message.DefaultMessenger_s()
    for printer in messenger.Printers():
        printer.SetTraceLevel(Message_Gravity.Message_Fail)
    printer = Message_PrinterOStream(str(log), False, Message_Gravity.Message_Fail)
    messenger.AddPrinter(printer)

    def first() -> str | None:
        lines = log.read_text(errors="replace").splitlines() if log.exists() else []
        return next((line.strip(" *") for line in lines if line.strip(" *")), None)

    try:
        yield first
    finally:
        messenger.RemovePrinter(printer)


def _sequence(fill: Callable[[TDF_LabelSequence], object]) -> Iterator[TDF_Label]:
    labels = TDF_LabelSequence()
    fill(labels)
    for index in range(1, labels.Length() + 1):
        yield labels.Value(index)


def label_entry(label: TDF_Label) -> str:
    """The label's path in the document ("0:1:1:2"), which names it uniquely."""
    entry = TCollection_AsciiString()
    TDF_Tool.Entry_s(label, entry)
    return str(entry.ToCString())


def label_name(label: TDF_Label) -> str | None:
    # FindAttribute crashes in OCP for a label without the attribute, so it is asked first.
    if not label.IsAttribute(TDataStd_Name.GetID_s()):
        return None
    attribute = TDataStd_Name()
    label.FindAttribute(TDataStd_Name.GetID_s(), attribute)
    return str(attribute.Get().ToExtString()).strip() or None


def label_color(label: TDF_Label) -> Rgba | None:
    """The label's surface colour, else its generic one (linear RGB and alpha)."""
    color = Quantity_ColorRGBA()
    for kind in (XCAFDoc_ColorSurf, XCAFDoc_ColorGen):
        if XCAFDoc_ColorTool.GetColor_s(label, kind, color):
            rgb = color.GetRGB()
            return (rgb.Red(), rgb.Green(), rgb.Blue(), color.Alpha())
    return None


def is_visible(label: TDF_Label) -> bool:
    return bool(XCAFDoc_ColorTool.IsVisible_s(label))


def is_assembly(label: TDF_Label) -> bool:
    return bool(XCAFDoc_ShapeTool.IsAssembly_s(label))


def components(label: TDF_Label) -> Iterator[TDF_Label]:
    yield from _sequence(lambda labels: XCAFDoc_ShapeTool.GetComponents_s(label, labels, False))


def sub_shapes(label: TDF_Label) -> Iterator[TDF_Label]:
    """The labels of a part's faces, shells or solids that carry their own attributes."""
    yield from _sequence(lambda labels: XCAFDoc_ShapeTool.GetSubShapes_s(label, labels))


def referred(label: TDF_Label) -> TDF_Label:
    """The shape a component is an instance of (the label itself for any other)."""
    target = TDF_Label()
    return target if XCAFDoc_ShapeTool.GetReferredShape_s(label, target) else label


def shape_of(label: TDF_Label) -> TopoDS_Shape:
    return XCAFDoc_ShapeTool.GetShape_s(label)


def placement(component: TDF_Label) -> Matrix:
    """The component's location as a 4 x 4 matrix of column vectors (identity for a label
    that is no component)."""
    transform = XCAFDoc_ShapeTool.GetLocation_s(component).Transformation()
    matrix = np.eye(4)
    for row in range(3):
        for column in range(4):
            matrix[row, column] = transform.Value(row + 1, column + 1)
    return matrix
