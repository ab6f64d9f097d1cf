"""The Upload scalar also accepts a literal or a variable's plain value; either, given where a
file part belongs, is refused as INVALID_INPUT naming the argument, and makes no asset."""

from __future__ import annotations

import pytest

from tests.conftest import new_owner_api
from tests.support.client import Api

ASSETS = "{ assets { totalCount } }"


@pytest.mark.parametrize(("document", "variables", "payload", "field"), [
    ('mutation { assetUpload(file: "") { asset { id } errors { code field } } }', {},
     "assetUpload", ["file"]),
    ('mutation($f: Upload!) { assetUpload(file: $f) { asset { id } errors { code field } } }',
     {"f": "not a file"}, "assetUpload", ["file"]),
    ('mutation { assetUploadMany(files: ["a", "b"]) { uploads { asset { id } } '
     'errors { code field } } }', {}, "assetUploadMany", ["files", "0"]),
])
async def test_a_plain_value_for_a_file_is_invalid_input(admin: Api, document: str,
                                                         variables: dict, payload: str,
                                                         field: list[str]) -> None:
    owner = await new_owner_api(admin)

    body = (await owner.post(document, variables)).json()

    assert "errors" not in body, body
    assert body["data"][payload]["errors"] == [{"code": "INVALID_INPUT", "field": field}]
    assert (await owner.graphql(ASSETS))["assets"]["totalCount"] == 0
