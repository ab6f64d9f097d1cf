"""Give every GraphQL error an `extensions.code`; unexpected exceptions are masked and logged."""

from __future__ import annotations

import logging

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from app.availability import as_unavailable
from app.errors import AtelierError, ErrorCode

log = logging.getLogger(__name__)


class ErrorCodes(MaskErrors):
    def __init__(self) -> None:
        super().__init__(error_message="Internal server error.")

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [self._with_code(error) for error in errors]

    def _with_code(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None:
            return _coded(error, "GRAPHQL_VALIDATION_FAILED")
        if isinstance(original, AtelierError):
            return _coded(error, original.code.value)
        if isinstance(original, GraphQLError):
            return _coded(error, "BAD_USER_INPUT")
        unavailable = as_unavailable(original)
        if unavailable is not None:
            log.warning("a backing service is down: %s: %s", type(original).__name__, original)
            return _coded(self._replaced(error, unavailable), unavailable.code.value)
        log.error("unexpected error in a resolver", exc_info=original)
        return _coded(self.anonymise_error(error), ErrorCode.INTERNAL.value)

    @staticmethod
    def _replaced(error: GraphQLError, cause: AtelierError) -> GraphQLError:
        """The same error with `cause`'s message, hiding the driver's (hosts, ports)."""
        return GraphQLError(message=cause.message, nodes=error.nodes, source=error.source,
                            positions=error.positions, path=error.path, original_error=cause)


def _coded(error: GraphQLError, code: str) -> GraphQLError:
    error.extensions = {**(error.extensions or {}), "code": code}
    return error
