"""schemathesis's GraphQL fuzzing against the real server: a few hundred generated queries and
mutations, valid and invalid, from the schema the server introspects; none may get a 5xx or an
INTERNAL error."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.graphql import nodes

from tests.conftest import new_owner_api
from tests.support.client import Api

EXAMPLES = 300
# Values for the schema's own scalars, as GraphQL literals: an Upload can only be null in a JSON
# request (the file comes by multipart), so the fuzz sends null or junk.
schemathesis.graphql.scalar("Upload", st.one_of(st.just(nodes.Null), st.text().map(nodes.String)))
schemathesis.graphql.scalar("JSON", st.one_of(st.just(nodes.Null), st.text().map(nodes.String),
                                              st.integers().map(nodes.Int)))


def problems(response: Any) -> list[str]:
    """What is wrong with one answer: a 5xx, or an error without a code or with INTERNAL."""
    if response.status_code >= 500:
        return [f"HTTP {response.status_code}: {response.text[:500]}"]
    try:
        body = response.json()
    except ValueError:
        return [] if response.status_code >= 400 else [f"not JSON: {response.text[:200]}"]
    errors = body.get("errors") or [] if isinstance(body, dict) else []
    codes = [(error.get("extensions") or {}).get("code") for error in errors]
    return [f"{code}: {error.get('message')}" for code, error in zip(codes, errors, strict=True)
            if code in (None, "INTERNAL")]


@pytest.mark.slow
async def test_fuzzed_operations_never_get_a_5xx_or_internal(api_url: str, admin: Api) -> None:
    owner = await new_owner_api(admin)
    schema = schemathesis.graphql.from_url(f"{api_url}/graphql", headers=owner.headers,
                                           timeout=30)
    operations = [result.ok() for result in schema.get_all_operations()]
    cases = st.one_of([operation.as_strategy(generation_mode=mode) for operation in operations
                       for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)])
    found: list[str] = []
    answered: list[int] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=cases)
    def call(case: Any) -> None:
        response = case.call(headers=owner.headers, timeout=30)
        answered.append(response.status_code)
        found.extend(f"{case.operation.label}: {problem}" for problem in problems(response))

    call()

    assert len(operations) > 20
    assert len(answered) >= EXAMPLES // 2
    assert found == []
