"""What `assetUpdate` may change on an asset (name, description, licence, metadata, tags) and
the checks the description, licence and metadata pass before anything is written (name and tags
are checked as uploads check them, in assets.py)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, NoReturn

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

from app.config import Settings
from app.errors import InvalidInput, LimitExceeded
from app.models.asset import AssetLicense

# BSON integers are 64-bit: a larger JSON number could not be stored as given.
_INT64 = range(-(2**63), 2**63)


class Keep(Enum):
    """The value of an edit's field that the client left out: the asset keeps its own."""

    KEEP = "KEEP"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class CatalogLimits:
    """How long free texts may be, how large and deep metadata, and how many words a search
    may have: a view of Settings."""

    max_text_length: int
    max_metadata_bytes: int
    max_metadata_depth: int
    max_search_words: int

    @classmethod
    def from_settings(cls, settings: Settings) -> CatalogLimits:
        return cls(max_text_length=settings.max_asset_description_length,
                   max_metadata_bytes=settings.max_metadata_bytes,
                   max_metadata_depth=settings.max_metadata_depth,
                   max_search_words=settings.max_search_words)


@dataclass(frozen=True)
class LicenseTerms:
    """A licence as given: an SPDX expression or a custom text, and an attribution."""

    spdx_id: str | None = None
    text: str | None = None
    attribution: str | None = None


@dataclass(frozen=True)
class AssetEdit:
    """The fields `assetUpdate` sets; KEEP leaves one as it is, None clears it (tags: none)."""

    name: str | Keep = KEEP
    description: str | Keep | None = KEEP
    license: LicenseTerms | Keep | None = KEEP
    metadata: object | Keep = KEEP
    tags: list[str] | Keep | None = KEEP


def edited_details(edit: AssetEdit, limits: CatalogLimits) -> dict[str, Any]:
    """The description, licence and metadata `edit` changes, checked (INVALID_INPUT or
    LIMIT_EXCEEDED naming the field), as values of the Asset document's attributes."""
    fields: dict[str, Any] = {}
    if edit.description is not KEEP:
        fields["description"] = _text(edit.description, limits, ["description"])
    if edit.license is not KEEP:
        fields["license"] = None if edit.license is None else _license(edit.license, limits)
    if edit.metadata is not KEEP:
        fields["metadata"] = clean_metadata(edit.metadata, limits)
    return fields


def _text(value: str | None, limits: CatalogLimits, field: list[str]) -> str | None:
    cleaned = (value or "").strip()
    if len(cleaned) > limits.max_text_length:
        raise InvalidInput(f"at most {limits.max_text_length} characters are allowed",
                           field=field)
    return cleaned or None


def _license(terms: LicenseTerms, limits: CatalogLimits) -> AssetLicense:
    spdx_id = _text(terms.spdx_id, limits, ["license", "spdx_id"])
    text = _text(terms.text, limits, ["license", "text"])
    if (spdx_id is None) == (text is None):
        raise InvalidInput("give either an SPDX id or a custom text", field=["license"])
    return AssetLicense(spdx_id=spdx_id and canonical_spdx(spdx_id, ["license", "spdx_id"]),
                        text=text,
                        attribution=_text(terms.attribution, limits, ["license", "attribution"]))


def canonical_spdx(expression: str, field: list[str]) -> str:
    """The SPDX licence expression in its canonical spelling (`mit` -> `MIT`); INVALID_INPUT
    for a name SPDX does not list."""
    try:
        return str(canonicalize_license_expression(expression))
    except InvalidLicenseExpression as exc:
        raise InvalidInput(f"not an SPDX licence expression: {expression!r}",
                           field=field) from exc


def clean_metadata(value: object, limits: CatalogLimits) -> dict[str, Any]:
    """`value` as metadata: a JSON object (null: an empty one) whose keys MongoDB can store,
    nested at most `max_metadata_depth` deep and at most `max_metadata_bytes` as compact JSON."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidInput("metadata must be a JSON object", field=["metadata"])
    _check_value(value, limits.max_metadata_depth, "")
    size = len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())
    if size > limits.max_metadata_bytes:
        raise LimitExceeded(f"metadata is {size} bytes as JSON; at most "
                            f"{limits.max_metadata_bytes} are allowed", field=["metadata"])
    return dict(value)


def _check_value(value: object, depth_left: int, pointer: str) -> None:
    """Refuse what MongoDB cannot keep as given; `pointer` (a JSON pointer into the metadata)
    goes in the message, since the field path is the whole `metadata`."""
    if isinstance(value, Mapping | list):
        if depth_left == 0:
            _refuse("is nested too deeply", pointer)
        items = value.items() if isinstance(value, Mapping) else enumerate(value)
        for key, item in items:
            if isinstance(value, Mapping) and not _storable_key(key):
                _refuse("has a key that is empty, starts with '$' or holds '.'",
                        f"{pointer}/{key}")
            _check_value(item, depth_left - 1, f"{pointer}/{key}")
    elif isinstance(value, float) and not math.isfinite(value):
        _refuse("holds a number that is not finite", pointer)
    elif isinstance(value, int) and not isinstance(value, bool) and value not in _INT64:
        _refuse("holds an integer past 64 bits", pointer)
    elif not isinstance(value, str | int | float | bool | None):
        _refuse("holds a value that is not JSON", pointer)


def _storable_key(key: object) -> bool:
    return (isinstance(key, str) and bool(key) and not key.startswith("$") and "." not in key
            and "\0" not in key)


def _refuse(problem: str, pointer: str) -> NoReturn:
    raise InvalidInput(f"metadata {problem} (at {pointer or '/'})", field=["metadata"])
