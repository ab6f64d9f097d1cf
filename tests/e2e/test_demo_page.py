"""The demo page at `/`: served with its static files, its JavaScript parses and links, and every
GraphQL document it sends validates against the running server's schema."""

from __future__ import annotations

import json
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
BUILT = (demo.DEMO_ROOT / "dist" / demo.BUNDLE).is_file()
JAVASCRIPT = {"text/javascript", "application/javascript"}
GQL_LITERAL = re.compile(r"const\s+(\w+)\s*=\s*gql`([^`]*)`")
INTERPOLATION = re.compile(r"\$\{(\w+)\}")
RELATIVE_IMPORT = re.compile(r"import\s*\{([^}]*)\}\s*from\s*\"(\./[\w.-]+)\"")
PAGE_OPERATIONS = {"DemoAssets", "DemoAsset", "DemoActiveJobs", "DemoAssetUpload",
                   "DemoAssetDelete", "DemoJobCancel", "DemoJobProgress", "DemoAssetReady",
                   "DemoRenderSubmit", "DemoAssetConvert", "DemoAssetScene",
                   "DemoSceneCreateFromAsset", "DemoSceneChanged"}


def page_documents() -> dict[str, str]:
    """Each gql`...` constant of the page's modules, with interpolated fragments spliced in as
    the page's `gql` tag does at run time."""
    literals = {name: body for path in sorted(SOURCES.glob("*.js"))
                for name, body in GQL_LITERAL.findall(path.read_text())}

    def resolve(body: str) -> str:
        return INTERPOLATION.sub(lambda match: resolve(literals[match.group(1)]), body)

    return {name: resolve(body) for name, body in literals.items()}


def node() -> str:
    path = shutil.which("node")
    assert path, "node is needed to check the demo page's JavaScript"
    return path


def follow_job(base_url: str, token: str, job_id: str) -> tuple[int, list[dict]]:
    """The page's own websocket client (live.js) following a job from its first event."""
    result = subprocess.run(
        [node(), "--experimental-websocket", str(NODE_TESTS / "follow-job.mjs"), base_url, token,
         job_id, "0"], capture_output=True, text=True, timeout=90)
    return result.returncode, [json.loads(line) for line in result.stdout.splitlines()]


def content_type(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0]


def demo_client(root: Path) -> httpx.AsyncClient:
    """The demo routes alone, in process, over `root` instead of the real frontend-demo."""
    app = Starlette(routes=demo.routes(root))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://demo")


def test_every_gql_literal_is_extracted() -> None:
    written = sum(path.read_text().count("gql`") for path in SOURCES.glob("*.js"))
    assert written == len(page_documents()) > 0


async def test_every_page_operation_validates_against_the_live_schema(admin: Api) -> None:
    schema = build_client_schema(await admin.graphql(get_introspection_query()))
    operations: set[str] = set()
    for name, text in page_documents().items():
        document = parse(text)
        names = {definition.name.value for definition in document.definitions
                 if definition.kind == "operation_definition" and definition.name}
        if not names:
            continue  # a fragment: validated inside every operation that spreads it
        assert validate(schema, document) == [], name
        operations |= names
    assert operations == PAGE_OPERATIONS


@pytest.mark.parametrize("module", sorted(path.name for path in SOURCES.glob("*.js")))
def test_each_module_parses_as_an_es_module(module: str) -> None:
    result = subprocess.run([node(), "--check", str(SOURCES / module)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_page_helpers_pass_their_node_tests() -> None:
    result = subprocess.run([node(), "--test", str(NODE_TESTS)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
    assert passed and int(passed.group(1)) > 0


async def test_page_live_client_follows_an_upload_to_its_end(api: Api) -> None:
    uploaded = await api.upload(models.box_stl(), "box.stl")
    assert uploaded["errors"] == []
    code, events = follow_job(api.base_url, api.token or "", uploaded["job"]["id"])
    assert code == 0
    assert [event["sequence"] for event in events] == list(range(1, len(events) + 1))
    assert events[0]["job"]["status"] == "QUEUED"
    assert events[-1]["job"]["status"] == "SUCCEEDED"


def test_page_live_client_reports_a_refused_token(api_url: str) -> None:
    code, events = follow_job(api_url, "atl_not-a-real-token", "job_unknown")
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
