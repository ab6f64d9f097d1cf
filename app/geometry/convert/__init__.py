"""Convert a normalised GLB to GLB, glTF, OBJ, STL, PLY or USDZ, optionally optimised.

Pure and synchronous: services check a `ConversionRequest` when it arrives and key cached
outputs with its `key` (together with the source's sha256); workers rebuild it from the
job's parameters and run `run_conversion` (or `convert_glb`) in a process of their own.
"""

from app.geometry.convert.options import (
    OptimizeOptions,
    OptimizePreset,
    OutputFormat,
    check_supported,
    options_key,
)
from app.geometry.convert.pipeline import ConvertedFile, ConvertLimits, Progress, convert_glb
from app.geometry.convert.quantization import compression_summary
from app.geometry.convert.request import ConversionRequest, run_conversion

__all__ = [
    "ConversionRequest",
    "ConvertLimits",
    "ConvertedFile",
    "OptimizeOptions",
    "OptimizePreset",
    "OutputFormat",
    "Progress",
    "check_supported",
    "compression_summary",
    "convert_glb",
    "options_key",
    "run_conversion",
]
