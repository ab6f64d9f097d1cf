"""Fuzzing the readers: damaged uploads of every format end in an AtelierError, never a crash
or a hang (each example runs under a time limit)."""

from __future__ import annotations

import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import trimesh
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import AtelierError
from app.geometry.archives import ArchiveLimits
from app.geometry.ingest import IngestLimits, ingest_path, unpack_bundle
from tests.geometry.ingest import uploads
from tests.geometry.validation.builders import box_builder

SECONDS_PER_EXAMPLE = 20
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LIMITS = IngestLimits(converter_timeout_seconds=10,
                      archive=ArchiveLimits(max_total_bytes=64 * 1024 * 1024))
SEEDS: dict[str, Callable[[], bytes]] = {
    "box.glb": lambda: box_builder().glb(),
    "crate.zip": uploads.rich_gltf_zip,
    "box.obj": lambda: uploads.textured_obj_files()["box.obj"],
    "box.stl": lambda: bytes(trimesh.creation.box().export(file_type="stl")),
    "ascii.stl": lambda: trimesh.creation.box().export(file_type="stl_ascii").encode(),
    "sphere.ply": uploads.colored_ply,
    "sphere.off": lambda: trimesh.creation.icosphere(1).export(file_type="off").encode(),
    "parts.3mf": uploads.three_mf,
}


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def hang(signum: int, frame: object) -> None:
        raise AssertionError(f"the reader hung for more than {seconds}s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def mutations(seed: bytes) -> st.SearchStrategy[bytes]:
    """Flipped bytes, cut tails and spliced noise of a valid file."""
    flips = st.lists(st.tuples(st.integers(0, len(seed) - 1), st.integers(0, 255)),
                     min_size=1, max_size=12)
    flipped = flips.map(lambda changes: _apply(seed, changes))
    cut = st.integers(1, len(seed) - 1).map(lambda end: seed[:end])
    spliced = st.tuples(st.integers(0, len(seed)), st.binary(min_size=1, max_size=64)).map(
        lambda pair: seed[:pair[0]] + pair[1] + seed[pair[0]:])
    return st.one_of(flipped, cut, spliced)


def _apply(seed: bytes, changes: list[tuple[int, int]]) -> bytes:
    data = bytearray(seed)
    for position, value in changes:
        data[position] = value
    return bytes(data)


def ingest_or_refuse(data: bytes, filename: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / filename
        source.write_bytes(data)
        with time_limit(SECONDS_PER_EXAMPLE):
            try:
                ingest_path(source, filename, Path(folder) / "out.glb", LIMITS)
                unpack_bundle(source, filename, Path(folder), LIMITS)
            except AtelierError:
                pass


@pytest.mark.parametrize("filename", list(SEEDS))
def test_damaged_uploads_fail_cleanly(filename: str) -> None:
    seed = SEEDS[filename]()

    @SETTINGS
    @given(mutations(seed))
    def check(data: bytes) -> None:
        ingest_or_refuse(data, filename)

    check()


@SETTINGS
@given(st.binary(max_size=2048), st.sampled_from([*sorted(SEEDS), "noise.bin"]))
def test_random_bytes_fail_cleanly(data: bytes, filename: str) -> None:
    ingest_or_refuse(data, filename)
