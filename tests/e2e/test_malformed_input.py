"""Malformed input against a real server: every body, content type, header, cursor and id shape
answers a clear 4xx or a GraphQL error with a code, never a 500 or INTERNAL."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.support.client import Api

NOT_JSON_OBJECTS = [
    pytest.param(b"\xff\xfe{\"query\": \"{ __typename }\"}", id="invalid-utf8"),
    pytest.param(b'"{ __typename }"', id="json-string"),
    pytest.param(b"42", id="json-number"),
    pytest.param(b"null", id="json-null"),
    pytest.param(b"true", id="json-true"),
    pytest.param(b"[1, 2]", id="json-array-of-numbers"),
    pytest.param(b'["{ __typename }"]', id="json-array-of-strings"),
    pytest.param(b"[" * 100_000 + b"]" * 100_000, id="deeply-nested"),
    pytest.param(b"{\"query\": ", id="truncated"),
    pytest.param(b"", id="empty"),
    pytest.param(b'{"query": 42}', id="query-not-a-string"),
    pytest.param(b'{"query": "{ __typename }", "variables": "x"}', id="variables-a-string"),
    pytest.param(b'{"query": "{ __typename }", "variables": [1]}', id="variables-a-list"),
    pytest.param(b'{"query": "{ __typename }", "operationName": 7}', id="operation-name-a-number"),
    pytest.param(b'{"query": "{ __typename }", "extensions": 1}', id="extensions-a-number"),
]


def assert_clear_answer(response: httpx.Response) -> None:
    """No 5xx, and every GraphQL error carries a code other than INTERNAL."""
    assert response.status_code < 500, response.text
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        errors = body.get("errors", []) if isinstance(body, dict) else []
        codes = [error.get("extensions", {}).get("code") for error in errors]
        assert None not in codes, body
        assert "INTERNAL" not in codes, body


async def post_raw(api: Api, body: bytes, content_type: str | None = "application/json",
                   extra: dict[str, str] | None = None) -> httpx.Response:
    headers = [(name.encode(), value.encode("latin-1"))
               for name, value in {**api.headers, **(extra or {})}.items()]
    if content_type is not None:
        headers.append((b"Content-Type", content_type.encode("latin-1")))
    async with httpx.AsyncClient(timeout=30) as http:
        return await http.post(f"{api.base_url}/graphql", content=body, headers=headers)


@pytest.mark.parametrize("body", NOT_JSON_OBJECTS)
async def test_json_bodies_that_are_not_a_request_get_400(api: Api, body: bytes) -> None:
    response = await post_raw(api, body)

    assert 400 <= response.status_code < 500
    assert_clear_answer(response)


@pytest.mark.parametrize("content_type", [
    None, "text/plain", "application/xml", "application/x-www-form-urlencoded",
    "multipart/form-data", "multipart/form-data; boundary=", "application/json; charset=latin-9",
    "application/graphql", "\u00e9/\u00e9".encode().decode("latin-1"),
])
async def test_other_content_types_get_a_4xx(api: Api, content_type: str | None) -> None:
    response = await post_raw(api, b'{"query": "{ __typename }"}', content_type)

    assert_clear_answer(response)


# Multipart fields and GET parameters reach Strawberry's JSON decoding, which the view routes
# through the same check as JSON bodies (AtelierGraphQL.decode_json).


@pytest.mark.parametrize(("operations", "mapping"), [
    ('"just a string"', "{}"),
    ("[1]", "{}"),
    ('{"query": "mutation($f: Upload!) { assetUpload(file: $f) { errors { code } } }", '
     '"variables": {"f": null}}', '"not a map"'),
    ('{"query": "mutation($f: Upload!) { assetUpload(file: $f) { errors { code } } }", '
     '"variables": {"f": null}}', '{"0": "variables.f"}'),
    ('{"query": "mutation($f: Upload!) { assetUpload(file: $f) { errors { code } } }", '
     '"variables": {"f": null}}', '{"0": ["variables.nothing.here"]}'),
    ("{not json", "{}"),
])
async def test_broken_multipart_requests_get_a_4xx(api: Api, operations: str, mapping: str
                                                    ) -> None:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(f"{api.base_url}/graphql", headers=api.headers,
                                   data={"operations": operations, "map": mapping},
                                   files={"0": ("a.stl", b"solid a\nendsolid a\n")})

    assert_clear_answer(response)


async def test_a_multipart_body_cut_mid_part_gets_a_4xx(api: Api) -> None:
    body = (b'--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query": "{ __ty')
    response = await post_raw(api, body, "multipart/form-data; boundary=b")

    assert_clear_answer(response)


@pytest.mark.parametrize("query_string", [
    "query=%7B__typename%7D&variables=%7Bnot-json",
    "query=%7B__typename%7D&variables=%22a-string%22",
    "query=%7B__typename%7D&variables=" + "%5B" * 5000 + "%5D" * 5000,
    "query=%FF%FE",
    "query=",
    "%71uery=%7B__typename%7D",
])
async def test_bad_get_requests_get_a_4xx_or_a_coded_error(api: Api, query_string: str) -> None:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.get(f"{api.base_url}/graphql?{query_string}", headers=api.headers)

    assert_clear_answer(response)


@pytest.mark.parametrize("cursor", [
    "\u00e9\u00e8", "\U0001f4a5", "!!!!", "Zm9v", "====", "a" * 10_000, "\u0000", " ",
    "eyJfaWQiOiB7IiRndCI6ICIifX0",  # base64 of {"_id": {"$gt": ""}}
])
@pytest.mark.parametrize("field", ["assets", "jobs", "scenes"])
async def test_garbage_cursors_are_refused_or_ignored_with_a_code(api: Api, cursor: str,
                                                                  field: str) -> None:
    response = await api.post(f"query($c: String) {{ {field}(first: 2, after: $c) "
                              "{ totalCount edges { cursor } } }", {"c": cursor})

    assert_clear_answer(response)
    body = response.json()
    assert body.get("errors") is None or [e["extensions"]["code"] for e in body["errors"]] == [
        "INVALID_INPUT"]


@pytest.mark.parametrize("cursor", ["12", "true", "{}", "[]"])
async def test_a_cursor_of_the_wrong_type_is_a_validation_error(api: Api, cursor: str) -> None:
    response = await api.post(f"{{ assets(first: 2, after: {cursor}) {{ totalCount }} }}")

    assert_clear_answer(response)
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == [
        "GRAPHQL_VALIDATION_FAILED"]


GARBAGE_IDS = ["", " ", "\u0000", "\U0001f4a5", "x" * 100_000, "../../etc/passwd", "$where",
               '{"$gt": ""}', "ast_", "ast_\u00e9", "job_" + "0" * 64, "scn_-1", "null",
               "' OR 1=1 --", "\ud800", "a/b/c", "%00"]


@pytest.mark.parametrize("identifier", GARBAGE_IDS)
async def test_garbage_ids_find_nothing_with_a_code_or_null(api: Api, identifier: str) -> None:
    query = """query($id: ID!) {
      asset(id: $id) { id } job(id: $id) { id } scene(id: $id) { id } }"""
    mutation = """mutation($id: ID!) {
      assetDelete(id: $id) { errors { code } } jobCancel(id: $id) { errors { code } }
      assetUploadComplete(assetId: $id) { errors { code } } }"""

    for document in (query, mutation):
        # Encoded by hand: a lone surrogate is valid JSON text but not encodable as UTF-8.
        body = json.dumps({"query": document, "variables": {"id": identifier}}).encode()
        response = await post_raw(api, body)
        assert_clear_answer(response)
        data = response.json().get("data") or {}
        for payload in data.values():
            if isinstance(payload, dict) and "errors" in payload:
                assert [e["code"] for e in payload["errors"]] in (["NOT_FOUND"],
                                                                  ["INVALID_INPUT"])


@pytest.mark.parametrize("value", [1.5, True, ["a"], {"a": 1}, None])
async def test_ids_of_the_wrong_type_are_validation_errors(api: Api, value: object) -> None:
    response = await api.post("query($id: ID!) { asset(id: $id) { id } }", {"id": value})

    assert_clear_answer(response)
    assert response.json()["errors"][0]["extensions"]["code"] in (
        "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT")


@pytest.mark.parametrize("headers", [
    {"Authorization": "Bearer"},
    {"Authorization": "Basic dXNlcjpwYXNz"},
    {"Authorization": "Bearer " + "x" * 8000},
    {"Authorization": "Bearer a b c"},
    {"Authorization": "bearer\ttoken"},
    {"Accept": "\u00ff\u00fe"},
    {"X-Forwarded-For": "not an address, also not"},
    {"Cookie": "=" * 2000},
])
async def test_bad_headers_get_a_clear_answer(api: Api, headers: dict[str, str]) -> None:
    async with httpx.AsyncClient(timeout=30) as http:
        request = http.build_request("POST", f"{api.base_url}/graphql",
                                     content=json.dumps({"query": "{ __typename }"}).encode(),
                                     headers={**api.headers, "Content-Type": "application/json"})
        for name, value in headers.items():
            request.headers[name] = value
        response = await http.send(request)

    assert_clear_answer(response)
    if "Authorization" in headers:
        assert response.status_code == 401
