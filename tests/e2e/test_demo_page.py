"""The demo page at `/`: served with its static files, its JavaScript parses and links, every
GraphQL document it sends validates against the running server's schema, and the typed operations
generated from them are current."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from graphql import build_client_schema, get_introspection_query, parse, validate
from starlette.applications import Starlette

from app.http import demo
from tests.support import models
from tests.support.client import Api

SOURCES = demo.DEMO_ROOT / "src"
NODE_TESTS = demo.DEMO_ROOT / "tests"
OPERATIONS = SOURCES / "operations"
ESBUILD = demo.DEMO_ROOT / "node_modules" / ".bin" / "esbuild"
CODEGEN = demo.DEMO_ROOT / "node_modules" / ".bin" / "graphql-codegen"
COMMITTED_SCHEMA = demo.DEMO_ROOT.parent / "schema.graphql"
BUILT = (demo.DEMO_ROOT / "dist" / demo.BUNDLE).is_file()
JAVASCRIPT = {"text/javascript", "application/javascript"}
RELATIVE_IMPORT = re.compile(r"import\s*\{([^}]*)\}\s*from\s*\"(\./[\w.-]+)\"")
PAGE_OPERATIONS = {"DemoAssets", "DemoAsset", "DemoActiveJobs", "DemoAssetUpload",
                   "DemoAssetDelete", "DemoJobCancel", "DemoJobRetry", "DemoJobProgress",
                   "DemoAssetReady", "DemoRenderSubmit", "DemoAssetConvert", "DemoAssetScene",
                   "DemoSceneCreateFromAsset", "DemoSceneChanged", "DemoSceneUpdate",
                   "DemoScene", "DemoScenes", "DemoJobs", "DemoViewer",
                   "DemoAssetCatalog", "DemoAssetUpdate", "DemoAssetQuality",
                   "DemoAssetVersions", "DemoAssetVersionUpload", "DemoAssetVersionRestore",
                   "DemoTrash", "DemoAssetRestore", "DemoSceneRestore", "DemoRenderLimits"}


def page_document() -> str:
    """Every operation and fragment of the page: the .graphql files codegen turns into typed
    documents (the fragments are shared across files)."""
    return "\n".join(path.read_text() for path in sorted(OPERATIONS.glob("*.graphql")))


def node() -> str:
    path = shutil.which("node")
    assert path, "node is needed to check the demo page's JavaScript"
    return path


@pytest.fixture(scope="module")
def node_bundles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The node tests bundled by esbuild: the page's modules import TypeScript documents."""
    out = tmp_path_factory.mktemp("node-tests")
    entries = [str(path) for path in sorted(NODE_TESTS.glob("*.test.js"))]
    result = subprocess.run([str(ESBUILD), *entries, str(NODE_TESTS / "follow-job.mjs"),
                             "--bundle", "--platform=node", "--format=esm", f"--outdir={out}",
                             "--log-level=warning"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return out


def follow_job(bundles: Path, base_url: str, token: str, job_id: str) -> tuple[int, list[dict]]:
    """The page's own client (client.js over graphql-ws) following a job from its first event."""
    result = subprocess.run(
        [node(), "--experimental-websocket", str(bundles / "follow-job.js"), base_url, token,
         job_id, "0"], capture_output=True, text=True, timeout=90)
    return result.returncode, [json.loads(line) for line in result.stdout.splitlines()]


def content_type(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0]


def demo_client(root: Path) -> httpx.AsyncClient:
    """The demo routes alone, in process, over `root` instead of the real frontend-demo."""
    app = Starlette(routes=demo.routes(root))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://demo")


async def test_every_page_operation_validates_against_the_live_schema(admin: Api) -> None:
    schema = build_client_schema(await admin.graphql(get_introspection_query()))
    document = parse(page_document())
    operations = {definition.name.value for definition in document.definitions
                  if definition.kind == "operation_definition" and definition.name}

    assert validate(schema, document) == []
    assert operations == PAGE_OPERATIONS


@pytest.mark.skipif(not COMMITTED_SCHEMA.is_file(), reason="schema.graphql is not committed yet")
def test_generated_operations_are_current_for_the_committed_schema() -> None:
    result = subprocess.run([str(CODEGEN), "--config", "codegen.yml", "--check"],
                            cwd=demo.DEMO_ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


def test_codegen_refuses_a_document_the_schema_does_not_have(tmp_path: Path) -> None:
    sdl = tmp_path / "schema.graphql"
    sdl.write_text("type Query { asset(id: ID!): Boolean }\n")
    result = subprocess.run([str(CODEGEN), "--config", "codegen.yml", "--check"],
                            cwd=demo.DEMO_ROOT, env={**os.environ, "ATELIER_SCHEMA": str(sdl)},
                            capture_output=True, text=True, timeout=180)
    assert result.returncode != 0
    assert 'Unknown type "Asset"' in result.stdout + result.stderr


@pytest.mark.parametrize("module", sorted(path.name for path in SOURCES.glob("*.js")))
def test_each_module_parses_as_an_es_module(module: str) -> None:
    result = subprocess.run([node(), "--check", str(SOURCES / module)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_page_helpers_pass_their_node_tests(node_bundles: Path) -> None:
    result = subprocess.run([node(), "--test", *map(str, sorted(node_bundles.glob("*.test.js")))],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
    assert passed and int(passed.group(1)) > 0


async def test_page_live_client_follows_an_upload_to_its_end(api: Api, node_bundles: Path) -> None:
    uploaded = await api.upload(models.box_stl(), "box.stl")
    assert uploaded["errors"] == []
    code, events = follow_job(node_bundles, api.base_url, api.token or "", uploaded["job"]["id"])
    assert code == 0
    assert [event["sequence"] for event in events] == list(range(1, len(events) + 1))
    assert events[0]["job"]["status"] == "QUEUED"
    assert events[-1]["job"]["status"] == "SUCCEEDED"


def test_page_live_client_reports_a_refused_token(api_url: str, node_bundles: Path) -> None:
    code, events = follow_job(node_bundles, api_url, "atl_not-a-real-token", "job_unknown")
    assert code == 2
    assert events == [{"state": "refused"}]


def test_each_relative_import_names_an_export_of_an_existing_module() -> None:
    for path in SOURCES.glob("*.js"):
        for names, target in RELATIVE_IMPORT.findall(path.read_text()):
            imported = SOURCES / target
            assert imported.is_file(), f"{path.name} imports missing {target}"
            text = imported.read_text()
            for name in (part.strip() for part in names.split(",") if part.strip()):
                declared = rf"export\s+(?:async\s+)?(?:const|let|function|class)\s+{name}\b"
                assert re.search(declared, text), f"{path.name}: {target} exports no {name}"


async def test_root_serves_the_page_when_built_else_says_how_to_build(api_url: str) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.get(f"{api_url}/")
    assert content_type(response) == "text/html"
    if BUILT:
        assert response.status_code == 200
        assert '<script type="module" src="/demo/build/app.js">' in response.text
    else:
        assert response.status_code == 503
        assert "npm --prefix frontend-demo ci" in response.text


async def test_static_files_come_with_their_content_types(api_url: str) -> None:
    expected = {"/demo/style.css": {"text/css"}, "/demo/favicon.svg": {"image/svg+xml"},
                "/demo/cube.svg": {"image/svg+xml"}}
    if BUILT:
        expected["/demo/build/app.js"] = JAVASCRIPT
    async with httpx.AsyncClient() as http:
        for path, types in expected.items():
            response = await http.get(f"{api_url}{path}")
            assert response.status_code == 200, path
            assert content_type(response) in types, path
            assert response.headers["cache-control"] == "no-cache"


async def test_every_asset_the_page_links_is_served(api_url: str) -> None:
    page = (demo.DEMO_ROOT / "public" / "index.html").read_text()
    styles = (demo.DEMO_ROOT / "public" / "style.css").read_text()
    links = set(re.findall(r"(?:href|src)=\"(/demo/[^\"]+)\"", page))
    links |= set(re.findall(r"url\(\"(/demo/[^\"]+)\"\)", styles))
    assert "/demo/style.css" in links
    async with httpx.AsyncClient() as http:
        for link in links - ({"/demo/build/app.js"} if not BUILT else set()):
            assert (await http.get(f"{api_url}{link}")).status_code == 200, link


async def test_unbuilt_demo_answers_503_with_instructions_and_404_for_the_bundle(
        tmp_path: Path) -> None:
    shutil.copytree(demo.DEMO_ROOT / "public", tmp_path / "public")
    async with demo_client(tmp_path) as client:
        page = await client.get("/")
        bundle = await client.get("/demo/build/app.js")
    assert page.status_code == 503
    assert "demo page is not built" in page.text
    assert bundle.status_code == 404


async def test_built_demo_serves_index_and_bundle_uncached(tmp_path: Path) -> None:
    shutil.copytree(demo.DEMO_ROOT / "public", tmp_path / "public")
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "app.js").write_text("export {};\n")
    async with demo_client(tmp_path) as client:
        page = await client.get("/")
        bundle = await client.get("/demo/build/app.js")

    assert page.status_code == 200
    assert 'id="signin"' in page.text
    assert page.headers["cache-control"] == "no-cache"
    assert bundle.status_code == 200
    assert content_type(bundle) in JAVASCRIPT
    assert bundle.headers["cache-control"] == "no-cache"


async def test_static_mounts_do_not_reach_outside_their_folders() -> None:
    assert (demo.DEMO_ROOT / "package.json").is_file()
    async with demo_client(demo.DEMO_ROOT) as client:
        for path in ("/demo/%2e%2e/package.json", "/demo/..%2fpackage.json",
                     "/demo/build/%2e%2e/package.json"):
            assert (await client.get(path)).status_code == 404, path
