"""The edges of a real server: security headers and a CSP the demo page and GraphiQL run under,
files served as attachments, unambiguous URL signatures, single-use upload URLs, logs without
secrets, readiness details for admins only, the signing key's mode, the demo's sign-in link."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from app.http.demo import DEMO_ROOT
from app.serve import load_or_create_secret
from app.services.storage.signing import UrlSigner
from tests.conftest import new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_uploads import complete, create, put
from tests.services import test_s3_storage as s3_tests
from tests.support import models
from tests.support.client import Api
from tests.support.stack import TEST_SIGNING_KEY

# The storage tests' S3 servers (moto, nanio) and their credentials, as fixtures of this module.
aws_credentials, moto_url, nanio_url = (s3_tests.aws_credentials, s3_tests.moto_url,
                                        s3_tests.nanio_url)
FIXED_HEADERS = {"x-frame-options": "DENY", "x-content-type-options": "nosniff",
                 "referrer-policy": "no-referrer"}


def assert_hardened(response: httpx.Response) -> None:
    for name, value in FIXED_HEADERS.items():
        assert response.headers.get(name) == value, (response.url, name)
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def file_url(asset: dict, role: str) -> str:
    return next(f["url"] for f in asset["files"] if f["role"] == role)


@pytest.fixture
async def ready_asset(admin: Api, worker: None) -> tuple[Api, dict]:
    owner = await new_owner_api(admin)
    asset = await upload_and_wait(owner, models.box_stl(), "box.stl")
    assert asset["status"] == "READY", asset["error"]
    return owner, asset


async def test_every_response_carries_the_security_headers(api_url: str, api: Api,
                                                           ready_asset: tuple[Api, dict]) -> None:
    _, asset = ready_asset
    async with httpx.AsyncClient(timeout=30) as http:
        responses = [
            await http.get(f"{api_url}/"),
            await http.get(f"{api_url}/graphql", headers={"Accept": "text/html"}),
            await http.post(f"{api_url}/graphql", json={"query": "{ __typename }"},
                            headers=api.headers),
            await http.post(f"{api_url}/graphql", json={"query": "{ __typename }"}),
            await http.get(f"{api_url}/healthz"),
            await http.get(file_url(asset, "GLB")),
            await http.get(f"{api_url}/files/nothing?exp=1&sig=x"),
            await http.get(f"{api_url}/no-such-page"),
        ]

    assert [r.status_code for r in responses] == [200, 200, 200, 401, 200, 200, 403, 404]
    for response in responses:
        assert_hardened(response)
    assert responses[5].headers["content-security-policy"].startswith("default-src 'none'")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium")
@pytest.mark.parametrize("path", ["/", "/graphql"])
def test_the_demo_page_and_graphiql_run_under_their_policy(api_url: str, api: Api,
                                                           path: str) -> None:
    # Signed in, the demo page loads its bundle, lists assets and opens its websocket.
    url = f"{api_url}{path}" + (f"#token={api.token}" if path == "/" else "")
    result = subprocess.run(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
         "--v=0", "--virtual-time-budget=5000", "--dump-dom", url],
        capture_output=True, text=True, timeout=90, check=False)

    violations = [line for line in result.stderr.splitlines()
                  if "Content Security Policy" in line]
    assert violations == []
    assert ("graphiql" in result.stdout.lower()) if path == "/graphql" else (
        'id="app"' in result.stdout)


async def test_files_download_as_attachments_unless_a_safe_type(
        ready_asset: tuple[Api, dict]) -> None:
    _, asset = ready_asset
    async with httpx.AsyncClient(timeout=30) as http:
        original = await http.get(file_url(asset, "ORIGINAL"))
        glb = await http.get(file_url(asset, "GLB"))
        thumbnail = await http.get(file_url(asset, "THUMBNAIL"))

    assert original.headers["content-disposition"].startswith("attachment;")
    assert glb.headers["content-disposition"].startswith("inline;")
    assert thumbnail.headers["content-type"] == "image/png"
    assert thumbnail.headers["content-disposition"].startswith("inline;")


async def test_a_name_holding_type_cannot_be_resigned_as_another_type(
        ready_asset: tuple[Api, dict]) -> None:
    _, asset = ready_asset
    parts = urlsplit(file_url(asset, "ORIGINAL"))
    key = parts.path.removeprefix("/files/")
    base = f"{parts.scheme}://{parts.netloc}/files/{key}"
    # A file whose name carries `&type=text/html`, signed as the server signs every download.
    named = {"name": "evil&type=text/html", "type": "application/octet-stream"}
    genuine, _ = UrlSigner(TEST_SIGNING_KEY).url(f"{parts.scheme}://{parts.netloc}", "/files",
                                                 "GET", key, 60, named)
    signature = parse_qs(urlsplit(genuine).query)
    forged = {"name": "evil", "type": "text/html&type=application/octet-stream",
              "exp": signature["exp"][0], "sig": signature["sig"][0]}

    async with httpx.AsyncClient(timeout=30) as http:
        honest = await http.get(genuine)
        attack = await http.get(f"{base}?{urlencode(forged)}")

    assert honest.status_code == 200
    assert honest.headers["content-type"].startswith("application/octet-stream")
    assert attack.status_code == 403


async def test_signatures_in_the_old_canonical_form_stop_verifying(
        ready_asset: tuple[Api, dict]) -> None:
    _, asset = ready_asset
    parts = urlsplit(file_url(asset, "GLB"))
    query = {name: values[0] for name, values in parse_qs(parts.query).items()}
    key = parts.path.removeprefix("/files/")
    canonical = "&".join(f"{n}={query[n]}" for n in ("name", "type"))
    message = f"GET\n{key}\n{query['exp']}\n{canonical}".encode()
    digest = hmac.new(TEST_SIGNING_KEY.encode(), message, hashlib.sha256).digest()
    query["sig"] = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    async with httpx.AsyncClient(timeout=30) as http:
        old = await http.get(f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}")

    assert old.status_code == 403


async def test_an_upload_url_cannot_replace_what_was_completed(api: Api) -> None:
    original, replacement = models.box_stl(), models.box_stl((9.0, 9.0, 9.0))
    assert len(original) == len(replacement)
    created = await create(api, original, "part.stl")

    first = await put(created, original)
    again = await put(created, replacement)
    completed = await complete(api, created["asset"]["id"])
    after = await put(created, replacement)
    async with httpx.AsyncClient(timeout=30) as http:
        stored = await http.get(file_url(completed["asset"], "ORIGINAL"))

    assert first.status_code == 200
    assert (again.status_code, after.status_code) == (409, 409)
    assert completed["errors"] == []
    assert stored.content == original
    assert completed["asset"]["sha256"] == hashlib.sha256(original).hexdigest()


async def test_bytes_that_fail_completion_are_removed_so_the_url_can_be_used_again(
        api: Api) -> None:
    data = models.box_stl()
    created = await create(api, data, "short.stl")

    short = await put(created, data[:100])
    refused = await complete(api, created["asset"]["id"])
    whole = await put(created, data)
    completed = await complete(api, created["asset"]["id"])

    assert (short.status_code, whole.status_code) == (200, 200)
    assert [e["code"] for e in refused["errors"]] == ["CONFLICT"]
    assert completed["errors"] == []
    assert completed["asset"]["sha256"] == hashlib.sha256(data).hexdigest()


# moto enforces If-None-Match but not signatures; nanio signatures but not If-None-Match; AWS S3
# and MinIO both. Between them each half of the mechanism is seen refusing.
async def test_a_presigned_put_never_overwrites_an_object(moto_url: str) -> None:
    store = await s3_tests.new_store(moto_url)
    target = await store.upload_target("uploads/a/model.stl", content_type="model/stl",
                                       base_url="unused", expires_in=60)
    async with httpx.AsyncClient() as http:
        first = await http.put(target.url, content=b"solid first", headers=target.headers)
        second = await http.put(target.url, content=b"solid other", headers=target.headers)
    stored = b"".join([chunk async for chunk in store.get_stream("uploads/a/model.stl")])
    await store.aclose()

    assert target.headers["If-None-Match"] == "*"
    assert (first.status_code, second.status_code) == (200, 412)
    assert stored == b"solid first"


async def test_a_presigned_put_without_its_condition_is_refused(nanio_url: str) -> None:
    store = await s3_tests.new_store(nanio_url)
    target = await store.upload_target("uploads/b/model.stl", content_type="model/stl",
                                       base_url="unused", expires_in=60)
    async with httpx.AsyncClient() as http:
        dropped = await http.put(target.url, content=b"solid x",
                                 headers={"Content-Type": "model/stl"})
    missing = await store.info("uploads/b/model.stl")
    await store.aclose()

    assert dropped.status_code == 403
    assert missing is None


async def test_access_logs_hold_no_signatures_or_tokens(stack_dir: Path,
                                                        ready_asset: tuple[Api, dict]) -> None:
    owner, asset = ready_asset
    url = file_url(asset, "GLB")
    signature = parse_qs(urlsplit(url).query)["sig"][0]
    async with httpx.AsyncClient(timeout=30) as http:
        assert (await http.get(url)).status_code == 200
        await http.get(f"{owner.base_url}/graphql?token={owner.token}",
                       headers={"Accept": "text/html"})

    log = (stack_dir / "api.log").read_text(errors="replace")
    assert "sig=[redacted]" in log
    assert signature not in log
    assert owner.token is not None and owner.token not in log


async def test_readiness_details_are_for_admins_only(api_url: str, admin: Api, api: Api) -> None:
    async with httpx.AsyncClient(timeout=30) as http:
        anonymous = await http.get(f"{api_url}/readyz")
        owner = await http.get(f"{api_url}/readyz", headers=api.headers)
        wrong = await http.get(f"{api_url}/readyz", headers={"Authorization": "Bearer nope"})
        administrator = await http.get(f"{api_url}/readyz", headers=admin.headers)

    assert anonymous.json() == owner.json() == wrong.json() == {"status": "ready"}
    assert administrator.json()["checks"] == {"database": "ok", "queue": "ok", "storage": "ok"}


def test_the_signing_key_is_created_owner_only_and_once(tmp_path: Path) -> None:
    path = tmp_path / "secret.key"
    previous = os.umask(0)
    try:
        keys: list[str] = []
        threads = [threading.Thread(target=lambda: keys.append(load_or_create_secret(path)))
                   for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        os.umask(previous)

    assert path.stat().st_mode & 0o777 == 0o600
    assert len(set(keys)) == 1 and len(keys[0]) >= 48
    assert load_or_create_secret(path) == keys[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret.key"]


SESSION_SCRIPT = """
const [sessionModule, storage, answer] = process.argv.slice(2);
const store = new Map(Object.entries(JSON.parse(storage)));
globalThis.sessionStorage = {getItem: (k) => store.get(k) ?? null,
                             setItem: (k, v) => store.set(k, v),
                             removeItem: (k) => store.delete(k)};
globalThis.location = {hash: "#token=new-token", pathname: "/", search: ""};
globalThis.history = {replaceState: (s, t, url) => { location.hash = url.split("#")[1] ?? ""; }};
const asked = [];
const { adoptTokenFromUrl, storedToken } = await import(`file://${sessionModule}`);
const adopted = adoptTokenFromUrl((question) => {
  asked.push(question);
  return answer === "yes";
});
const outcome = {adopted, token: storedToken(), asked: asked.length, hash: location.hash};
console.log(JSON.stringify(outcome));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
@pytest.mark.parametrize(("stored", "answer", "adopted", "token", "asked"), [
    (None, "no", True, "new-token", 0),
    ("old-token", "no", False, "old-token", 1),
    ("old-token", "yes", True, "new-token", 1),
    ("new-token", "no", False, "new-token", 0),
])
def test_a_sign_in_link_asks_before_replacing_a_session(
        tmp_path: Path, stored: str | None, answer: str, adopted: bool, token: str,
        asked: int) -> None:
    script = tmp_path / "session.mjs"
    script.write_text(SESSION_SCRIPT)
    storage = {} if stored is None else {"atelier.token": stored}

    result = subprocess.run(["node", str(script), str(DEMO_ROOT / "src" / "session.js"),
                             json.dumps(storage), answer],
                            capture_output=True, text=True, timeout=30, check=True)

    outcome = json.loads(result.stdout)
    assert outcome == {"adopted": adopted, "token": token, "asked": asked, "hash": ""}
