"""The committed schema.graphql is the schema the code builds: a change to the API shows in
review as a diff of that file (`atelier schema > schema.graphql` writes it)."""

from __future__ import annotations

from pathlib import Path

from app.schema.schema import build_schema

COMMITTED = Path(__file__).resolve().parents[1] / "schema.graphql"


def test_the_committed_sdl_matches_the_code() -> None:
    built = build_schema(max_query_depth=15).as_str() + "\n"

    assert COMMITTED.read_text() == built, "run `atelier schema > schema.graphql` and commit it"
