"""The one place domain errors become data: mutation payloads get `errors`, never exceptions."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

from app.availability import DEPENDENCY_FAULTS, unavailable
from app.errors import AtelierError
from app.schema.common import UserError

P = ParamSpec("P")
R = TypeVar("R")


def user_error(error: AtelierError) -> UserError:
    return UserError(field=error.field, message=error.message, code=error.code)


def errors_as_data(
    payload: Callable[..., Any],
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    """Decorate a mutation resolver so an AtelierError returns `payload(errors=[...])`, and a
    database or Redis that is down returns SERVICE_UNAVAILABLE the same way."""

    def decorate(resolver: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(resolver)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return await resolver(*args, **kwargs)
            except AtelierError as error:
                return payload(errors=[user_error(error)])  # type: ignore[no-any-return]
            except DEPENDENCY_FAULTS as fault:
                return payload(errors=[user_error(unavailable(fault))])  # type: ignore[no-any-return]

        return wrapper

    return decorate
