"""What a query asks for below the field being resolved, so work nobody asked for is skipped."""

from __future__ import annotations

from strawberry.types.nodes import SelectedField, Selection


def selects(selections: list[Selection], name: str) -> bool:
    """Whether a field called `name` is asked for anywhere in `selections`."""
    return any((isinstance(s, SelectedField) and s.name == name) or selects(s.selections, name)
               for s in selections)
