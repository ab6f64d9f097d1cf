"""Convert a normalised GLB to GLB, glTF, OBJ, STL, PLY or USDZ, optionally optimised.

Pure and synchronous: workers call `check_supported` when a request arrives, key cached
outputs with `options_key` (together with the source's sha256), and run `convert_glb`
in a process of their own.
"""

from app.geometry.convert.options import (
    OptimizeOptions,
    OptimizePreset,
    OutputFormat,
    check_supported,
    options_key,
)
from app.geometry.convert.pipeline import ConvertedFile, ConvertLimits, Progress, convert_glb

__all__ = [
    "ConvertLimits",
    "ConvertedFile",
    "OptimizeOptions",
    "OptimizePreset",
    "OutputFormat",
    "Progress",
    "check_supported",
    "convert_glb",
    "options_key",
]
