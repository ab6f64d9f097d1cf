"""Benchmark PATH_TRACED: Atelier's path tracer against Mitsuba rendering the same scene alone.

    .venv/bin/python -m bench.path_traced [--size 256] [--samples 64] [--repeat 3]

Both sides trace the same ~20k-triangle torus with the same principled material, lights,
camera and sample count on Mitsuba's scalar_rgb variant:

- atelier: `PathTracer` from the GLB bytes (read the GLB, build the Mitsuba meshes, trace in
  passes with a seed each, average, encode sRGB pixels);
- mitsuba alone: the torus as a PLY file Mitsuba loads itself, and one `mi.render` call with
  every sample, the pixels read back as an array.

Writes bench/results/path_traced.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import trimesh

from app.geometry.render import OrbitCamera, RenderLimits, RenderOptions
from app.geometry.render.cameras import resolve_view
from app.geometry.render.mitsuba_scene import mitsuba, scene_dict
from app.geometry.render.path_tracer import PathTracer, pass_samples
from app.geometry.render.scene_reader import read_scene

RESULTS = Path(__file__).resolve().parent / "results" / "path_traced.json"
CAMERA = OrbitCamera(yaw_deg=30.0, pitch_deg=20.0)
MATERIAL = {"type": "principled", "base_color": {"type": "rgb", "value": [0.6, 0.3, 0.1]},
            "metallic": 0.0, "roughness": 0.5}


def torus() -> trimesh.Trimesh:
    mesh = trimesh.creation.torus(1.0, 0.35, major_sections=100, minor_sections=100)
    mesh.visual = trimesh.visual.TextureVisuals(material=trimesh.visual.material.PBRMaterial(
        baseColorFactor=(153, 76, 25, 255), metallicFactor=0.0, roughnessFactor=0.5))
    return mesh


def atelier_seconds(glb: bytes, options: RenderOptions) -> float:
    started = time.perf_counter()
    PathTracer(glb, RenderLimits()).render_pixels(CAMERA, options)
    return time.perf_counter() - started


def mitsuba_alone_seconds(ply: Path, glb: bytes, options: RenderOptions) -> float:
    """Mitsuba loading the PLY and rendering every sample in one call; the sensor and lights
    are the ones Atelier would give it, built before the clock starts."""
    mi = mitsuba()
    data = read_scene(glb, RenderLimits())
    view = resolve_view(CAMERA, data.bounds, 1.0, data.camera_names, data.cameras)
    scene = scene_dict(data, [], view, (options.width, options.height))
    started = time.perf_counter()
    loaded = mi.load_dict({**scene, "torus": {"type": "ply", "filename": str(ply),
                                              "bsdf": MATERIAL}})
    np.asarray(mi.render(loaded, spp=options.samples, seed=0))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--samples", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    mesh = torus()
    glb = bytes(trimesh.Scene(mesh).export(file_type="glb"))
    options = RenderOptions(width=args.size, height=args.size, renderer="PATH_TRACED",
                            samples=args.samples)
    with tempfile.TemporaryDirectory() as work:
        ply = Path(work) / "torus.ply"
        # glTF export of a trimesh keeps its vertices; the PLY is the same triangles.
        mesh.export(ply)
        atelier_seconds(glb, options)  # warm-up: Mitsuba's import and plugin loading
        ours: list[float] = []
        alone: list[float] = []
        for _ in range(args.repeat):  # interleaved, so a busy machine slows both alike
            ours.append(atelier_seconds(glb, options))
            alone.append(mitsuba_alone_seconds(ply, glb, options))
    result = {
        "machine": platform.processor() or platform.machine(),
        "triangles": len(mesh.faces), "size": args.size, "samples": args.samples,
        "passes": len(pass_samples(options)),
        "atelier_median_s": statistics.median(ours), "mitsuba_alone_median_s":
            statistics.median(alone),
        "ratio": statistics.median(ours) / statistics.median(alone),
        "atelier_s": ours, "mitsuba_alone_s": alone,
    }
    print(f"| what | median of {args.repeat} |\n| --- | --- |")
    print(f"| Atelier PATH_TRACED {args.size}² x {args.samples} spp, {result['passes']} "
          f"passes, {result['triangles']} triangles | {result['atelier_median_s']:.2f} s |")
    print(f"| Mitsuba alone (PLY, one render call) | {result['mitsuba_alone_median_s']:.2f} s |")
    print(f"| ratio | {result['ratio']:.2f}x |")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
