"""Benchmark the renderer: a ~100k-triangle model rendered repeatedly on a warm GL context.

    .venv/bin/python bench/render.py [--frames 30] [--size 512] [--samples 4] [--format PNG]

Prints load (parse + upload), render (draw, MSAA resolve, sRGB pass, read back) and encode
times, and writes bench/results/render.json. `measure_render` is the reusable part: a job
overhead section can time a queued render job beside it.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import trimesh

from app.geometry.render import OrbitCamera, Renderer, RenderOptions, encode_image

RESULTS = Path(__file__).resolve().parent / "results" / "render.json"


@dataclass
class RenderMeasurement:
    device: str
    triangles: int
    width: int
    height: int
    samples: int
    image_format: str
    load_s: float
    render_s: list[float]
    encode_s: list[float]
    encoded_bytes: int

    def summary(self) -> dict[str, float]:
        return {
            "load_ms": self.load_s * 1e3,
            "render_p50_ms": _percentile_ms(self.render_s, 50),
            "render_p95_ms": _percentile_ms(self.render_s, 95),
            "encode_p50_ms": _percentile_ms(self.encode_s, 50),
            "encode_p95_ms": _percentile_ms(self.encode_s, 95),
        }


def _percentile_ms(samples: list[float], percentile: float) -> float:
    return float(np.percentile(samples, percentile)) * 1e3


def measure_render(renderer: Renderer, glb: bytes, options: RenderOptions,
                   frames: int) -> RenderMeasurement:
    """Load `glb` once, then render and encode `frames` turntable views after one warm-up."""
    started = time.perf_counter()
    scene = renderer.load(glb)
    load_s = time.perf_counter() - started
    render_s: list[float] = []
    encode_s: list[float] = []
    encoded = b""
    try:
        renderer.render_pixels(scene, OrbitCamera(0.0, 20.0), options)  # compiles draw state
        for frame in range(frames):
            camera = OrbitCamera(360.0 * frame / frames, 20.0)
            started = time.perf_counter()
            pixels = renderer.render_pixels(scene, camera, options)
            rendered = time.perf_counter()
            encoded = encode_image(pixels, options)
            render_s.append(rendered - started)
            encode_s.append(time.perf_counter() - rendered)
        triangles = scene.triangle_count
    finally:
        scene.release()
    return RenderMeasurement(renderer.device, triangles, options.width, options.height,
                             options.samples, options.format, load_s, render_s, encode_s,
                             len(encoded))


def benchmark_model_glb(target_triangles: int = 100_000) -> bytes:
    """A torus of about `target_triangles` smooth-shaded triangles on a flat base, as a GLB."""
    minor_sections = 200
    major_sections = max(target_triangles // (2 * minor_sections), 3)
    torus = trimesh.creation.torus(1.0, 0.35, major_sections=major_sections,
                                   minor_sections=minor_sections)
    base = trimesh.creation.box(extents=(3.2, 0.1, 3.2))
    base.apply_translation((0.0, -1.4, 0.0))
    torus.visual = trimesh.visual.TextureVisuals(
        material=trimesh.visual.material.PBRMaterial(baseColorFactor=(60, 130, 220, 255),
                                                     metallicFactor=0.1, roughnessFactor=0.5))
    scene = trimesh.Scene({"torus": torus, "base": base})
    return scene.export(file_type="glb", include_normals=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--samples", type=int, default=4)
    parser.add_argument("--format", default="PNG", choices=("PNG", "JPEG", "WEBP"))
    parser.add_argument("--triangles", type=int, default=100_000)
    arguments = parser.parse_args()
    options = RenderOptions(width=arguments.size, height=arguments.size,
                            format=arguments.format, samples=arguments.samples)
    glb = benchmark_model_glb(arguments.triangles)
    with Renderer() as renderer:
        measurement = measure_render(renderer, glb, options, arguments.frames)
    summary = measurement.summary()
    print(f"device: {measurement.device}   machine: {platform.machine()} "
          f"{platform.processor() or ''}".rstrip())
    print(f"model: {measurement.triangles} triangles   image: {options.width}x{options.height} "
          f"{options.format}, {options.samples} samples, {arguments.frames} frames")
    print(f"{'stage':<16}{'ms':>10}")
    for name, value in summary.items():
        print(f"{name:<16}{value:>10.1f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({**asdict(measurement), "summary": summary}, indent=2))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
