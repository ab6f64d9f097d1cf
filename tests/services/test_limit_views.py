"""Every limit is a Settings field: the limit objects the services and the geometry pipeline
receive are views of Settings, so none keeps a default of its own once Settings says otherwise."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from typing import Any

from app.config import Settings
from app.geometry.convert import ConvertLimits
from app.geometry.render import RenderLimits
from app.services.assets import LabelLimits
from app.services.conversions import conversion_limits
from app.services.renders import render_limits
from app.services.scenes import SceneLimits

# Values no default has, so a limit that ignores Settings shows.
UNUSUAL = Settings(
    max_triangles=1_234, max_image_pixels=2_345, job_timeout_seconds=34,
    convert_max_source_bytes=4_567, convert_max_output_bytes=5_678,
    render_max_width=61, render_max_height=62, render_max_samples=3,
    render_max_path_samples=64, render_max_frames=7, render_max_fps=8, lod_max_levels=6,
    max_scene_nodes=71, max_scene_operations=72, max_page_size=73, max_scene_name_length=74,
    max_scene_document_bytes=75_000, max_scene_export_bytes=76, scene_revisions_kept=77,
    max_asset_tags=81, max_asset_tag_length=82, max_asset_name_length=83,
)


def defaults_kept(limits: Any, *, except_for: Collection[str] = ()) -> list[str]:
    """The fields of a limits dataclass still at their declared default."""
    return [field.name for field in dataclasses.fields(limits)
            if field.name not in except_for and field.default is not dataclasses.MISSING
            and getattr(limits, field.name) == field.default]


def test_conversion_limits_are_a_view_of_settings() -> None:
    assert defaults_kept(conversion_limits(UNUSUAL)) == []
    assert conversion_limits(UNUSUAL) == ConvertLimits(
        max_source_bytes=4_567, max_triangles=1_234, max_texture_pixels=2_345,
        max_output_bytes=5_678, max_seconds=34, max_lod_levels=6)


def test_render_limits_are_a_view_of_settings() -> None:
    # max_texture_size is what textures are downscaled to, never a refusal.
    assert defaults_kept(render_limits(UNUSUAL), except_for={"max_texture_size"}) == []
    assert render_limits(UNUSUAL) == RenderLimits(
        max_width=61, max_height=62, max_samples=3, max_path_samples=64, max_frames=7,
        max_fps=8, max_triangles=1_234, max_texture_pixels=2_345)


def test_scene_and_label_limits_are_views_of_settings() -> None:
    # update_attempts bounds retries under contention; no client asks for more of anything.
    assert defaults_kept(SceneLimits.from_settings(UNUSUAL), except_for={"update_attempts"}) == []
    assert SceneLimits.from_settings(UNUSUAL) == SceneLimits(
        max_nodes=71, max_operations=72, max_page_size=73, max_name_length=74,
        max_document_bytes=75_000, max_export_bytes=76, revisions_kept=77)
    assert LabelLimits.from_settings(UNUSUAL) == LabelLimits(
        max_tags=81, max_tag_length=82, max_name_length=83)
