"""One conversion as a job carries it: checked, keyed, stored as plain parameters, and run.

A worker runs `run_conversion` in its sandbox child, which reports progress through `report`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.geometry.convert.options import (
    DEFAULT_MAX_LOD_LEVELS,
    OptimizeOptions,
    OptimizePreset,
    OutputFormat,
    check_supported,
    options_key,
    output_format,
)
from app.geometry.convert.pipeline import ConvertedFile, ConvertLimits, Progress, convert_glb

# Settings only COMPRESS reads; other presets leave them out of their parameters.
COMPRESS_SETTINGS = frozenset({"compression", "quantize", "position_error"})


@dataclass(frozen=True)
class ConversionRequest:
    format: OutputFormat
    options: OptimizeOptions = field(default_factory=OptimizeOptions)

    def check(self, max_lod_levels: int = DEFAULT_MAX_LOD_LEVELS) -> None:
        """Raise UnsupportedOption, InvalidInput or LimitExceeded (fields under 'format' /
        'optimize')."""
        check_supported(self.format, self.options, max_lod_levels)

    @property
    def key(self) -> str:
        """Equal for requests that give equal output (see `options_key`)."""
        return options_key(self.format, self.options)

    def to_params(self) -> dict[str, Any]:
        """Plain JSON values: the format and the settings the preset uses."""
        preset = self.options.preset
        settings = {
            name: value for name, value in asdict(self.options).items()
            if value is not None and name != "preset"
            and (name not in COMPRESS_SETTINGS or preset is OptimizePreset.COMPRESS)
        }
        return {"format": self.format.value, "optimize": {"preset": preset.value, **settings}}

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> ConversionRequest:
        """The request `to_params` wrote; raises InvalidInput for unknown names."""
        return cls(output_format(params["format"]), OptimizeOptions(**params["optimize"]))


def run_conversion(
    source: Path,
    request: ConversionRequest,
    work_dir: Path,
    limits: ConvertLimits,
    stem: str,
    *,
    report: Progress,
) -> ConvertedFile:
    """`convert_glb` with progress passed as `report`, the way app.workers.sandbox calls."""
    return convert_glb(source, request.format, request.options, work_dir, report, limits, stem)
