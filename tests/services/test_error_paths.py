"""No service speaks GraphQL: every path a service puts on an error is snake_case, relative to
its own input (never starting at a mutation's `input` argument); only app/resolvers/errors.py
turns paths into camelCase GraphQL ones."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"
SNAKE = re.compile(r"[a-z0-9_]*")


def path_literals(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, text) of each string that can become part of an error path: in a `field=`
    argument, an assignment to `.field`, an `errors_under(...)` call or an operation's `kind`."""
    for node in ast.walk(tree):
        places: list[ast.AST] = []
        if isinstance(node, ast.Call):
            places += [keyword.value for keyword in node.keywords if keyword.arg == "field"]
            if getattr(node.func, "id", getattr(node.func, "attr", None)) == "errors_under":
                places += node.args
        elif isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Attribute) and target.attr == "field"
                for target in node.targets):
            places.append(node.value)
        elif isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "kind":
            places += [node.value] if node.value else []
        for place in places:
            for part in ast.walk(place):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    yield part.lineno, part.value


def first_segments(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, text) of the first segment of each literal `field=[...]` path."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                value = keyword.value
                if (keyword.arg == "field" and isinstance(value, ast.List) and value.elts
                        and isinstance(value.elts[0], ast.Constant)):
                    yield value.lineno, str(value.elts[0].value)


@pytest.mark.parametrize("path", sorted(SERVICES.rglob("*.py")),
                         ids=lambda path: str(path.relative_to(SERVICES)))
def test_no_service_puts_a_camel_case_name_in_an_error_path(path: Path) -> None:
    tree = ast.parse(path.read_text(), filename=str(path))

    camel_cased = [(line, text) for line, text in path_literals(tree)
                   if not SNAKE.fullmatch(text)]

    assert camel_cased == []


@pytest.mark.parametrize("path", sorted(SERVICES.rglob("*.py")),
                         ids=lambda path: str(path.relative_to(SERVICES)))
def test_no_service_path_starts_at_a_graphql_argument(path: Path) -> None:
    tree = ast.parse(path.read_text(), filename=str(path))

    assert [line for line, first in first_segments(tree) if first == "input"] == []


def test_the_check_finds_the_camel_case_paths_services_used_to_build() -> None:
    old = ast.parse('raise NotFound("gone", field=["input", "assetId"])\n'
                    'error.field = ["input", "operations", *(error.field or [])]\n'
                    'with errors_under("input", "camera", "lookAt"):\n    pass\n'
                    'class AddNode:\n    kind: ClassVar[str] = "addNode"\n')

    assert sorted(text for _, text in path_literals(old) if not SNAKE.fullmatch(text)) == [
        "addNode", "assetId", "lookAt"]
