"""`atelier backup` of a running `serve` and `atelier restore` into a fresh one, through a folder
and through a prefix of moto's S3 server: every record and every object comes back byte for
byte; damaged or partial backups and non-empty targets are refused."""

from __future__ import annotations

import asyncio
import hashlib
import json
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import boto3
import pytest
from bson import json_util
from pymongo import MongoClient

from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_render import FRONT, finished, submit
from tests.e2e.test_serve import running_serve
from tests.e2e.test_versions import job_finished, upload_version
from tests.services.test_s3_storage import CREDENTIALS, moto_url
from tests.support import models
from tests.support.client import Api

ADMIN_TOKEN = "backup-admin-token"
SERVE_ENV = {"ATELIER_ADMIN_TOKEN": ADMIN_TOKEN}
TOKEN_CREATE = """mutation($input: ApiTokenCreateInput!) {
  apiTokenCreate(input: $input) { secret errors { code } } }"""
SCENE_FROM_ASSET = """mutation($id: ID!) {
  sceneCreateFromAsset(assetId: $id) { scene { id version } errors { code } } }"""
ASSETS = "{ assets(first: 50) { edges { node { id sha256 files { role sizeBytes url } } } } }"
__all__ = ["moto_url"]  # the S3 store tests' moto server, a fixture of this module too



def atelier(*args: str | Path, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    env_free = {"PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], env=env_free,
                          capture_output=True, text=True, timeout=180)


@pytest.fixture
def s3_env(moto_url: str) -> dict[str, str]:
    """What `atelier` needs to reach moto: its endpoint and credentials."""
    return {"ATELIER_BACKUP_S3_ENDPOINT_URL": moto_url, **CREDENTIALS}


def s3_client(moto_url: str) -> Any:
    return boto3.client("s3", endpoint_url=moto_url, region_name="us-east-1",
                        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"])


def bucket_objects(moto_url: str, bucket: str, prefix: str) -> dict[str, bytes]:
    s3 = s3_client(moto_url)
    listed = s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    return {item["Key"].removeprefix(prefix): s3.get_object(
        Bucket=bucket, Key=item["Key"])["Body"].read() for item in listed}


def records(data_dir: Path) -> dict[str, list[Any]]:
    """Every document of every collection of a running serve's database, in `_id` order."""
    url = json.loads((data_dir / "runtime.json").read_text())["mongodb_url"]
    with MongoClient[dict[str, Any]](url) as client:
        database = client["atelier"]
        return {name: list(database[name].find({}, sort=[("_id", 1)]))
                for name in sorted(database.list_collection_names())}


async def first_storage_sweep(data_dir: Path) -> None:
    """Until a worker of the serve has recorded its first storage sweep, which it makes a
    moment after it starts; the next is an interval away, so the records stay as backed up."""
    for _ in range(240):
        if any("succeeded_at" in sweep for sweep in records(data_dir).get("storage_sweep", [])):
            return
        await asyncio.sleep(0.25)
    raise AssertionError("no storage sweep was recorded within 60 s")


def objects(data_dir: Path) -> dict[str, bytes]:
    root = data_dir / "objects"
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*")
            if path.is_file() and not path.relative_to(root).parts[0].startswith(".")}


async def fill(url: str) -> Api:
    """An owner with two READY assets (one at its second version), a scene made from one, a
    render and a failed upload."""
    admin = Api(url, ADMIN_TOKEN)
    created = (await admin.graphql(TOKEN_CREATE, {"input": {
        "owner": "backup-owner", "name": "t", "scopes": [
            "ASSETS_READ", "ASSETS_WRITE", "SCENES_READ", "SCENES_WRITE", "JOBS_READ",
            "JOBS_WRITE"]}}))["apiTokenCreate"]
    owner = admin.with_token(created["secret"])
    box = await upload_and_wait(owner, models.box_stl(), "box.stl")
    cylinder = await upload_and_wait(owner, models.cylinder_glb(), "cylinder.glb")
    broken = await upload_and_wait(owner, b"solid nothing\nendsolid nothing\n" * 3, "bad.stl")
    assert (box["status"], cylinder["status"], broken["status"]) == ("READY", "READY", "FAILED")
    second = await upload_version(owner, box["id"], models.box_stl((2.0, 1.0, 1.0)), "box.stl")
    assert second["errors"] == []
    assert await job_finished(owner, second["job"]["id"]) == "SUCCEEDED"
    scene = (await owner.graphql(SCENE_FROM_ASSET, {"id": box["id"]}))["sceneCreateFromAsset"]
    assert scene["errors"] == []
    render = await submit(owner, assetId=cylinder["id"], camera=FRONT, width=64, height=64,
                          format="PNG")
    assert render["errors"] == []
    await finished(owner, render["job"]["id"])
    return owner


async def downloads(owner: Api) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for edge in (await owner.graphql(ASSETS))["assets"]["edges"]:
        for file in edge["node"]["files"]:
            response = await owner.download(file["url"])
            assert response.status_code == 200
            files[f"{edge['node']['id']}/{file['role']}"] = response.content
    return files


async def back_up_and_restore(tmp_path: Path, backup: str | Path, env: dict[str, str]
                              ) -> dict[str, bytes]:
    """A running serve with assets, a scene, jobs and their files, backed up to `backup` while
    it runs and restored into an empty data dir, where a serve then holds every record and
    object byte for byte; the objects of the source."""
    source, target = tmp_path / "source", tmp_path / "target"
    with running_serve(source, SERVE_ENV) as (url, _, _):
        owner = await fill(url)
        before_files = await downloads(owner)
        await first_storage_sweep(source)
        backed_up = atelier("backup", "--data-dir", source, "--to", backup, env=env)
        assert backed_up.returncode == 0, backed_up.stderr
        assert backed_up.stdout.rstrip().endswith(f"objects to {backup}")
        before_records, before_objects = records(source), objects(source)
    restored = atelier("restore", "--from", backup, "--data-dir", target, env=env)
    assert restored.returncode == 0, restored.stderr

    with running_serve(target, SERVE_ENV) as (url, _, _):
        assert json_util.dumps(records(target)) == json_util.dumps(before_records)
        assert objects(target) == before_objects
        assert await downloads(Api(url, owner.token)) == before_files
    return before_objects


def check_manifest(raw: bytes, files: dict[str, bytes], source_objects: dict[str, bytes]
                   ) -> None:
    """The manifest lists every source object and every collection with the sha256 of the
    backup's own file."""
    manifest = json.loads(raw)
    assert manifest["missing_objects"] == []
    assert set(manifest["objects"]) == set(source_objects)
    assert manifest["collections"]["assets"]["documents"] == 3
    assert manifest["collections"]["asset_versions"]["documents"] >= 2
    for key, entry in manifest["objects"].items():
        assert entry["sha256"] == hashlib.sha256(files[f"objects/{key}"]).hexdigest()
    for name, entry in manifest["collections"].items():
        assert entry["sha256"] == hashlib.sha256(files[f"database/{name}.jsonl"]).hexdigest()


@pytest.mark.slow
async def test_a_running_server_restores_into_a_fresh_one_byte_for_byte(tmp_path: Path) -> None:
    backup = tmp_path / "backup"

    source_objects = await back_up_and_restore(tmp_path, backup, {})

    files = {path.relative_to(backup).as_posix(): path.read_bytes()
             for path in backup.rglob("*") if path.is_file()}
    check_manifest(files.pop("manifest.json"), files, source_objects)


@pytest.mark.slow
async def test_a_backup_through_s3_restores_byte_for_byte(
        tmp_path: Path, moto_url: str, s3_env: dict[str, str]) -> None:
    bucket = f"backups-{uuid.uuid4().hex[:12]}"

    source_objects = await back_up_and_restore(
        tmp_path, f"s3://{bucket}/nightly/one", s3_env)

    files = bucket_objects(moto_url, bucket, "nightly/one/")
    check_manifest(files.pop("manifest.json"), files, source_objects)
    assert {key.split("/")[0] for key in files} == {"database", "objects"}


async def test_an_s3_backup_damaged_incomplete_or_cut_short_is_refused(
        tmp_path: Path, moto_url: str, s3_env: dict[str, str]) -> None:
    # Given a backup of an empty data dir in a bucket, its manifest made to list an object
    bucket = f"backups-{uuid.uuid4().hex[:12]}"
    backup = f"s3://{bucket}/b"
    source = tmp_path / "source"
    (source / "db").mkdir(parents=True)
    assert atelier("backup", "--data-dir", source, "--to", backup, env=s3_env).returncode == 0
    s3 = s3_client(moto_url)
    manifest = json.loads(s3.get_object(Bucket=bucket, Key="b/manifest.json")["Body"].read())
    manifest["objects"]["assets/a/model.glb"] = {
        "sha256": hashlib.sha256(b"glb").hexdigest(), "size_bytes": 3,
        "content_type": "model/gltf-binary"}
    s3.put_object(Bucket=bucket, Key="b/manifest.json", Body=json.dumps(manifest).encode())

    # When the prefix is backed up to again; restored with the object changed, then without
    # it, then without the manifest (a backup cut short)
    again = atelier("backup", "--data-dir", source, "--to", backup, env=s3_env)
    s3.put_object(Bucket=bucket, Key="b/objects/assets/a/model.glb", Body=b"GLB")
    damaged = atelier("restore", "--from", backup, "--data-dir", tmp_path / "t1", env=s3_env)
    s3.delete_object(Bucket=bucket, Key="b/objects/assets/a/model.glb")
    incomplete = atelier("restore", "--from", backup, "--data-dir", tmp_path / "t2",
                         env=s3_env)
    s3.delete_object(Bucket=bucket, Key="b/manifest.json")
    partial = atelier("restore", "--from", backup, "--data-dir", tmp_path / "t3", env=s3_env)

    # Then each is refused with one line, and nothing was restored anywhere
    assert [run.returncode for run in (again, damaged, incomplete, partial)] == [2, 2, 2, 2]
    assert [run.stderr.splitlines()[-1] for run in (again, damaged, incomplete, partial)] == [
        f"atelier: error: --to {backup} is not empty; back up into a new or empty prefix",
        "atelier: error: the backup is damaged: object assets/a/model.glb "
        "(objects/assets/a/model.glb) does not match its sha256",
        "atelier: error: the backup is incomplete: object assets/a/model.glb "
        "(objects/assets/a/model.glb) is missing",
        f"atelier: error: {backup} holds no manifest.json: not a complete backup"]
    assert not any((tmp_path / name).exists() for name in ("t1", "t2", "t3"))


def write_backup_of_nothing(tmp_path: Path) -> Path:
    """A backup of a stopped, freshly made data dir (one admin-less, empty database)."""
    source = tmp_path / "source"
    (source / "db").mkdir(parents=True)
    backup = tmp_path / "backup"
    backed_up = atelier("backup", "--data-dir", source, "--to", backup)
    assert backed_up.returncode == 0, backed_up.stderr
    return backup


def test_restore_refuses_a_data_dir_that_is_not_empty(tmp_path: Path) -> None:
    backup = write_backup_of_nothing(tmp_path)
    target = tmp_path / "target"
    target.mkdir()
    (target / "keep.txt").write_text("mine")

    restored = atelier("restore", "--from", backup, "--data-dir", target)

    assert restored.returncode == 2
    assert restored.stderr.strip().splitlines() == [
        f"atelier: error: --data-dir {target} is not empty; restore into a new or empty folder"]
    assert [path.name for path in target.iterdir()] == ["keep.txt"]


@pytest.mark.slow
async def test_restore_refuses_a_damaged_backup_before_writing_anything(tmp_path: Path) -> None:
    source, backup = tmp_path / "source", tmp_path / "backup"
    with running_serve(source, SERVE_ENV) as (url, _, _):
        admin = Api(url, ADMIN_TOKEN)
        asset = await upload_and_wait(admin, models.box_stl(), "box.stl")
        assert atelier("backup", "--data-dir", source, "--to", backup).returncode == 0
    glb = next((backup / "objects").rglob("*.glb"))
    glb.write_bytes(glb.read_bytes()[:-1] + b"!")
    target = tmp_path / "target"

    restored = atelier("restore", "--from", backup, "--data-dir", target)

    assert restored.returncode == 2
    assert "the backup is damaged: object" in restored.stderr
    assert asset["id"] in restored.stderr
    assert not target.exists()


def test_backup_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    backup = write_backup_of_nothing(tmp_path)
    manifest = (backup / "manifest.json").read_bytes()

    again = atelier("backup", "--data-dir", tmp_path / "source", "--to", backup)

    assert again.returncode == 2
    assert "is not empty; back up into a new or empty folder" in again.stderr
    assert (backup / "manifest.json").read_bytes() == manifest


async def test_a_backup_taken_during_uploads_is_consistent_across_collections(
        api: Api, env: dict[str, str], tmp_path: Path) -> None:
    # Given uploads and ingests running while the split deployment's stores are backed up
    backup = tmp_path / "backup"

    async def upload_many() -> None:
        for n in range(6):
            assert (await api.upload(models.box_stl((1.0 + n, 2.0, 1.0)), f"b{n}.stl"))[
                "errors"] == []

    uploads = asyncio.create_task(upload_many())
    await asyncio.sleep(0.3)
    backed_up = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "app", "backup", "--to", str(backup)], env=env,
        capture_output=True, text=True, timeout=180)
    await uploads
    assert backed_up.returncode == 0, backed_up.stderr

    # When it is restored into an empty database and store of the same deployment
    restored_env = {**env, "ATELIER_DATABASE_NAME": f"restored_{uuid.uuid4().hex[:8]}",
                    "ATELIER_STORAGE_DIR": str(tmp_path / "restored-objects")}
    restored = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "app", "restore", "--from", str(backup)],
        env=restored_env, capture_output=True, text=True, timeout=180)
    assert restored.returncode == 0, restored.stderr

    # Then every job's events reach its sequence, every asset's job and files are there
    with MongoClient[dict[str, Any]](env["ATELIER_MONGODB_URL"]) as client:
        database = client[restored_env["ATELIER_DATABASE_NAME"]]
        jobs = {job["_id"]: job for job in database["jobs"].find()}
        last_events = {row["_id"]: row["last"] for row in database["job_events"].aggregate(
            [{"$group": {"_id": "$job_id", "last": {"$max": "$sequence"}}}])}
        assets = list(database["assets"].find())
    assert jobs and assets
    assert {job_id: job["sequence"] for job_id, job in jobs.items()} == {
        job_id: last_events.get(job_id) for job_id in jobs}
    for asset in assets:
        assert asset.get("ingest_job_id") is None or asset["ingest_job_id"] in jobs
        for file in asset["files"]:
            stored = tmp_path / "restored-objects" / file["key"]
            assert stored.stat().st_size == file["size_bytes"]

    again = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "app", "restore", "--from", str(backup)],
        env=restored_env, capture_output=True, text=True, timeout=180)
    assert again.returncode == 2
    assert again.stderr.strip().splitlines() == [
        f"atelier: error: database {restored_env['ATELIER_DATABASE_NAME']!r} is not empty "
        "(collection 'api_tokens' has documents); restore into an empty one"]
