"""FBX and DAE (Collada) read by the `assimp` command-line tool and written as a GLB.

assimp runs as a subprocess of the sandboxed ingest process: it inherits that process's memory
cap, has its own time limit, and dies with its parent (PR_SET_PDEATHSIG), so a job killed at
its deadline leaves no converter behind. Textures stay external references in assimp's GLB;
the caller resolves them inside the upload.
"""

from __future__ import annotations

import ctypes
import shutil
import signal
import subprocess
from pathlib import Path

from app.errors import AtelierError, CorruptFile, ErrorCode, JobTimeout

# Triangulate, add smooth normals where missing, drop invalid data, check the result.
ASSIMP_STEPS = ("-tri", "-gsn", "-fid", "-vds")
_PR_SET_PDEATHSIG = 1
_MAX_MESSAGE = 300


def assimp_to_glb(source: Path, work_dir: Path, timeout_seconds: float) -> bytes:
    """The GLB assimp makes of `source`; raises CorruptFile, TIMEOUT or INTERNAL."""
    program = shutil.which("assimp")
    if program is None:
        raise AtelierError("FBX and DAE need the 'assimp' tool (Debian's assimp-utils), which "
                           "is not installed", code=ErrorCode.INTERNAL)
    output = work_dir / "assimp.glb"
    try:
        completed = subprocess.run(
            [program, "export", str(source), str(output), "-fglb2", *ASSIMP_STEPS],
            cwd=work_dir, capture_output=True, timeout=timeout_seconds,
            preexec_fn=_die_with_parent, env={"PATH": "/usr/bin:/bin"}, check=False)
    except subprocess.TimeoutExpired as exc:
        raise JobTimeout(f"assimp took longer than {timeout_seconds:g}s") from exc
    if completed.returncode != 0 or not output.is_file():
        raise CorruptFile(f"assimp could not read the {source.suffix.lstrip('.').upper()} "
                          f"file: {_reason(completed)}")
    return output.read_bytes()


def _reason(completed: subprocess.CompletedProcess[bytes]) -> str:
    if completed.returncode < 0:
        return f"it was killed by {signal.Signals(-completed.returncode).name}"
    lines = [line for line in (completed.stderr + completed.stdout).decode(
        "utf-8", "replace").splitlines() if "ERROR" in line.upper()]
    return (lines[-1] if lines else f"exit code {completed.returncode}")[:_MAX_MESSAGE]


def _die_with_parent() -> None:
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
