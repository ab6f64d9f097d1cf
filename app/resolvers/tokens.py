"""Admin-only token fields: apiTokenCreate and apiTokenRevoke."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.context import Context
from app.models.token import Scope
from app.resolvers.errors import errors_as_data
from app.resolvers.mapping import api_token
from app.schema.token import (
    ApiTokenCreateInput,
    ApiTokenCreatePayload,
    ApiTokenRevokePayload,
)

Info = strawberry.Info[Context, None]


@strawberry.type
class TokenMutation:
    @strawberry.mutation(description="Admin only: a token for an owner; the secret is shown once.")
    @errors_as_data(ApiTokenCreatePayload, at=("input",))
    async def api_token_create(
        self, info: Info, input: Annotated[ApiTokenCreateInput, strawberry.argument(
            description="Whose token, its name, scopes and expiry")]
    ) -> ApiTokenCreatePayload:
        token, secret = await info.context.services.tokens.create(
            info.context.viewer, owner=input.owner, name=input.name,
            scopes=[Scope(scope.value) for scope in input.scopes],
            expires_at=input.expires_at,
        )
        return ApiTokenCreatePayload(token=api_token(token), secret=secret)

    @strawberry.mutation(description="Admin only: revoke a token at once.")
    @errors_as_data(ApiTokenRevokePayload)
    async def api_token_revoke(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
            description="The token's id (tok_...)")]) -> ApiTokenRevokePayload:
        token = await info.context.services.tokens.revoke(info.context.viewer, id)
        return ApiTokenRevokePayload(token=api_token(token))
