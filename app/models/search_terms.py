"""The words a text is searched by: lowercased runs of letters and digits, each once, in order
of first appearance; the same function splits stored fields and a search string."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")


def terms_of(*texts: str) -> list[str]:
    return list(dict.fromkeys(word for text in texts for word in _WORD.findall(text.casefold())))
