"""The words a text is searched by: lowercased runs of letters and digits, each once, in order
of first appearance; the same function splits stored fields and a search string."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_WORD = re.compile(r"[^\W_]+")


def terms_of(*texts: str) -> list[str]:
    return list(dict.fromkeys(word for text in texts for word in _WORD.findall(text.casefold())))


def search_keys(name: str, description: str | None, tags: Iterable[str]) -> dict[str, Any]:
    """What an asset stores to be searched and sorted by name: the words of its name,
    description and tags, those of its name alone (which weigh more in relevance), and its
    case-folded name."""
    return {"search_terms": terms_of(name, description or "", *tags),
            "name_terms": terms_of(name), "name_key": name.casefold()}
