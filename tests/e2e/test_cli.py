"""The `atelier` command as a user meets it, run as real processes: its version, `ingest` taking
its server and token from the environment, a folder's .gltf and .obj each sent with the files it
names as one asset, skipped files named, a live display on a terminal; and every mistake (a
busy port, a bad data dir, an unknown scope, a server that is not there, does not answer or
refuses the token) one `atelier: error:` line and exit code 2, never a traceback."""

from __future__ import annotations

import asyncio
import io
import json
import os
import pty
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
import trimesh

from app.embedded.database import NOT_INSTALLED
from app.embedded.process import free_port
from tests.geometry.ingest import uploads
from tests.support import models
from tests.support.client import Api
from tests.support.stack import ROOT

ASSETS = """
query { assets(first: 20) { edges { node {
  name status sourceFormat error { code }
  stats { triangleCount textureCount } glbUrl files { role url }
} } } }"""


async def atelier(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """`python -m app ARGS` with no ATELIER_* variable but `env`: exit code, stdout, stderr."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith("ATELIER_")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", *args, cwd=ROOT, env={**clean, **(env or {})},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), timeout=180)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


def assert_one_error_line(code: int, out: str, err: str, expected: str) -> None:
    assert code == 2, (out, err)
    assert "Traceback" not in out + err
    assert err.strip().splitlines() == [f"atelier: error: {expected}"], err


def folder_with(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


async def assets_by_name(api: Api) -> dict[str, dict]:
    edges = (await api.graphql(ASSETS))["assets"]["edges"]
    return {edge["node"]["name"]: edge["node"] for edge in edges}


def gltf_naming(buffer_uri: str, image_uri: str) -> tuple[bytes, bytes, bytes]:
    """The rich crate glTF naming its buffer and texture by these URIs; its buffer and PNG."""
    document, binary, image = uploads.rich_gltf()
    document["buffers"][0]["uri"] = buffer_uri
    document["images"][0]["uri"] = image_uri
    return json.dumps(document).encode(), binary, image


def textured_obj_in_folders() -> dict[str, bytes]:
    """The textured OBJ box, its MTL naming the texture in a subfolder, behind options."""
    files = uploads.textured_obj_files()
    mtl = files["box.mtl"].replace(b"map_Kd material_0.png",
                                   b"map_Kd -s 1 1 1 textures/material_0.png")
    return {"box/box.obj": files["box.obj"], "box/box.mtl": mtl,
            "box/textures/material_0.png": files["material_0.png"]}


def glb_textures(glb: bytes) -> tuple[int, list[tuple[int, int]]]:
    """Triangles and texture sizes of a GLB, as trimesh (an independent reader) sees it."""
    scene = trimesh.load(io.BytesIO(glb), file_type="glb", force="scene")
    meshes = list(scene.geometry.values())
    sizes = [mesh.visual.material.baseColorTexture.size for mesh in meshes
             if getattr(mesh.visual.material, "baseColorTexture", None) is not None]
    return sum(len(mesh.faces) for mesh in meshes), sizes


@pytest.fixture
def listening_socket() -> Iterator[int]:
    """A port where something listens and never answers (its connections are never
    accepted)."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(8)
        yield busy.getsockname()[1]


async def test_version_is_the_installed_package_version() -> None:
    code, out, err = await atelier("--version")

    assert (code, out, err) == (0, f"atelier {metadata.version('atelier')}\n", "")


async def test_ingest_takes_server_and_token_from_the_environment_and_flags_win(
        api: Api, api_url: str, tmp_path: Path) -> None:
    folder = folder_with(tmp_path / "env", {"box.stl": models.box_stl()})

    from_env = await atelier("ingest", str(folder),
                             env={"ATELIER_SERVER": api_url, "ATELIER_TOKEN": api.token or ""})
    flag_wins = await atelier("ingest", str(folder), "--token", api.token or "",
                              env={"ATELIER_SERVER": api_url, "ATELIER_TOKEN": "stale-token"})
    neither = await atelier("ingest", str(folder))
    no_token = await atelier("ingest", str(folder), env={"ATELIER_SERVER": api_url})

    assert from_env[0] == 0, from_env
    assert "1 file: 1 ready, 0 failed" in from_env[1]
    assert flag_wins[0] == 0, flag_wins
    assert (await assets_by_name(api))["box.stl"]["status"] == "READY"
    assert_one_error_line(*neither, "no server given: pass --server URL or set ATELIER_SERVER")
    assert_one_error_line(*no_token, "no token given: pass --token T or set ATELIER_TOKEN")


async def test_a_folder_sends_each_gltf_and_obj_with_its_files_as_one_asset(
        api: Api, api_url: str, tmp_path: Path) -> None:
    gltf, binary, image = gltf_naming("crate.bin", "../textures/crate.png")
    folder = folder_with(tmp_path / "models", {
        "scenes/crate.gltf": gltf, "scenes/crate.bin": binary, "textures/crate.png": image,
        **textured_obj_in_folders(),
        "notes.txt": b"meeting notes", "stray.png": uploads.png_bytes()})

    code, out, err = await atelier("ingest", str(folder), "--server", api_url,
                                   "--token", api.token or "")

    assert code == 0, (out, err)
    assets = await assets_by_name(api)
    assert set(assets) == {"crate.gltf", "box.obj"}
    assert [assets[name]["sourceFormat"] for name in ("crate.gltf", "box.obj")] == ["GLTF", "OBJ"]
    for name, texture_size in (("crate.gltf", (4, 4)), ("box.obj", (8, 8))):
        asset = assets[name]
        assert asset["status"] == "READY", asset
        assert asset["stats"] == {"triangleCount": 12, "textureCount": 1}
        glb = (await api.download(asset["glbUrl"])).content
        assert glb_textures(glb) == (12, [texture_size])
    assert f"skipped {folder / 'notes.txt'}: not a model" in out
    assert f"skipped {folder / 'stray.png'}: not a model" in out
    assert f"READY    {folder / 'scenes/crate.gltf'}  12 triangles" in out
    assert "2 files: 2 ready, 0 failed; 2 files skipped" in out
    assert "\x1b[" not in out  # not a terminal: plain lines


async def test_files_a_model_names_outside_the_folder_are_never_sent(
        api: Api, api_url: str, tmp_path: Path) -> None:
    secret = b"-----BEGIN PRIVATE KEY----- not for the server"
    (tmp_path / "id_rsa").write_bytes(secret)
    gltf, binary, _ = gltf_naming("evil.bin", "../id_rsa")
    folder = folder_with(tmp_path / "download", {"evil.gltf": gltf, "evil.bin": binary})
    (folder / "linked.mtl").symlink_to(tmp_path / "id_rsa")
    obj = b"mtllib linked.mtl\n" + models.sphere_obj()
    (folder / "sneaky.obj").write_bytes(obj)

    code, out, err = await atelier("ingest", str(folder), "--server", api_url,
                                   "--token", api.token or "")

    assert code == 1, (out, err)  # the glTF misses its texture
    assert f"skipped ../id_rsa: named by {folder / 'evil.gltf'}, but outside {folder}" in out
    assert f"skipped linked.mtl: named by {folder / 'sneaky.obj'}, but outside {folder}" in out
    assets = await assets_by_name(api)
    assert assets["evil.gltf"]["error"]["code"] in ("MISSING_RESOURCE", "UNSAFE_REFERENCE")
    for asset in assets.values():
        original = next(f for f in asset["files"] if f["role"] == "ORIGINAL")
        sent = (await api.download(original["url"])).content
        assert secret not in sent
        if zipfile.is_zipfile(io.BytesIO(sent)):
            assert sorted(zipfile.ZipFile(io.BytesIO(sent)).namelist()) == [
                "evil.bin", "evil.gltf"]
    assert assets["sneaky.obj"]["status"] == "READY"


def run_on_a_terminal(args: list[str]) -> tuple[int, str]:
    """`python -m app ARGS` with a pseudo-terminal as stdout and stderr."""
    controller, terminal = pty.openpty()
    env = {key: value for key, value in os.environ.items() if not key.startswith("ATELIER_")}
    process = subprocess.Popen([sys.executable, "-m", "app", *args], cwd=ROOT, stdin=terminal,
                               stdout=terminal, stderr=terminal,
                               env={**env, "TERM": "xterm-256color", "COLUMNS": "200"})
    os.close(terminal)
    output = bytearray()
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    return process.wait(timeout=120), output.decode(errors="replace")


async def test_on_a_terminal_ingest_shows_a_live_display(api: Api, api_url: str, tmp_path: Path
                                                        ) -> None:
    folder = folder_with(tmp_path / "tty", {"box.stl": models.box_stl(),
                                            "sphere.obj": models.sphere_obj()})

    code, output = await asyncio.to_thread(run_on_a_terminal, [
        "ingest", str(folder), "--server", api_url, "--token", api.token or ""])

    assert code == 0, output
    assert "\x1b[" in output  # rich drew and redrew its display
    assert "ingesting 2 files" in output
    assert "box.stl  12 triangles" in output
    assert "2 files: 2 ready, 0 failed" in output


async def test_serve_on_a_busy_port_starts_nothing(listening_socket: int, tmp_path: Path
                                                   ) -> None:
    data_dir = tmp_path / "data"

    result = await atelier("serve", "--port", str(listening_socket), "--data-dir", str(data_dir))

    assert_one_error_line(*result, f"port {listening_socket} on 127.0.0.1 is already in use; "
                                   "stop what listens there or choose another with --port")
    assert "token" not in result[1].lower()
    assert not data_dir.exists()


def bad_data_dirs(tmp_path: Path) -> list[tuple[Path, str]]:
    (tmp_path / "a-file").write_text("not a folder")
    cases = [(tmp_path / "a-file", "is a file, not a folder"),
             (tmp_path / "a-file" / "data", "Not a directory"),
             (Path("/proc"), "is not writable")]
    if os.geteuid() != 0:  # root writes through permission bits
        (tmp_path / "read-only").mkdir(mode=0o500)
        cases.append((tmp_path / "read-only", "is not writable"))
    return cases


async def test_serve_with_a_bad_data_dir_says_so_in_one_line(tmp_path: Path) -> None:
    for data_dir, problem in bad_data_dirs(tmp_path):
        code, out, err = await atelier("serve", "--port", str(free_port()),
                                       "--data-dir", str(data_dir))

        assert code == 2 and "Traceback" not in out + err, (out, err)
        assert len(err.strip().splitlines()) == 1 and problem in err, err
        assert err.startswith("atelier: error: ") and str(data_dir) in err
    assert (tmp_path / "a-file").read_text() == "not a folder"


async def test_serve_without_the_embedded_database_says_how_to_get_it(tmp_path: Path) -> None:
    hidden = ("import sys; sys.modules['secantus'] = None; from app.cli import main; "
              f"main(['serve', '--port', '{free_port()}', '--data-dir', {str(tmp_path)!r}])")
    done = await asyncio.to_thread(subprocess.run, [sys.executable, "-c", hidden], cwd=ROOT,
                                   capture_output=True, text=True, timeout=120)

    assert_one_error_line(done.returncode, done.stdout, done.stderr, NOT_INSTALLED)


async def test_token_create_names_an_unknown_scope(tmp_path: Path) -> None:
    unknown = await atelier("token", "create", "--owner", "ana", "--scopes",
                            "assets_read,teleport", "--data-dir", str(tmp_path))
    no_serve = await atelier("token", "create", "--owner", "ana", "--scopes", "ASSETS_READ",
                             "--data-dir", str(tmp_path))

    assert_one_error_line(*unknown, "unknown scope 'TELEPORT' in --scopes; the scopes are "
                                    "ASSETS_READ, ASSETS_WRITE, SCENES_READ, SCENES_WRITE, "
                                    "JOBS_READ, JOBS_WRITE, ADMIN")
    assert_one_error_line(*no_serve, f"no running `atelier serve` found in {tmp_path}; start "
                                     "it, pass its --data-dir, or set ATELIER_MONGODB_URL and "
                                     "the other store settings")


async def test_ingest_to_a_server_that_is_not_there_or_does_not_answer(
        listening_socket: int, tmp_path: Path) -> None:
    folder = folder_with(tmp_path / "one", {"box.stl": models.box_stl()})
    nobody = f"http://127.0.0.1:{free_port()}"
    silent = f"http://127.0.0.1:{listening_socket}"

    unreachable = await atelier("ingest", str(folder), "--server", nobody, "--token", "t")
    unanswered = await atelier("ingest", str(folder), "--server", silent, "--token", "t")

    assert_one_error_line(*unreachable, f"cannot reach {nobody}: All connection attempts failed")
    assert_one_error_line(*unanswered, f"{silent} did not answer in time")


async def test_ingest_with_a_wrong_token_stops_before_any_file(api_url: str, tmp_path: Path
                                                               ) -> None:
    folder = folder_with(tmp_path / "one", {"wrong-token.stl": models.box_stl()})

    result = await atelier("ingest", str(folder), "--server", api_url, "--token", "not-a-token")

    assert_one_error_line(*result, "the server refused the token")
    assert "wrong-token.stl" not in result[1]


async def test_a_malformed_setting_is_named_in_one_line(tmp_path: Path) -> None:
    result = await atelier("serve", "--data-dir", str(tmp_path / "data"),
                           env={"ATELIER_WORKERS": "several"})

    assert_one_error_line(*result, "invalid setting ATELIER_WORKERS: Input should be a valid "
                                   "integer, unable to parse string as an integer")
    assert not (tmp_path / "data").exists()
