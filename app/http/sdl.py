"""`GET /graphql/schema.graphql`: the schema's SDL, for codegen and other tools; it answers 404
when introspection is turned off, since the SDL tells the same."""

from __future__ import annotations

import strawberry
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

SDL_MEDIA_TYPE = "application/graphql"


def schema_route(schema: strawberry.Schema, *, introspection: bool) -> Route:
    sdl = schema.as_str() + "\n"

    async def schema_sdl(request: Request) -> Response:
        if not introspection:
            return PlainTextResponse("introspection is turned off", status_code=404)
        return PlainTextResponse(sdl, media_type=SDL_MEDIA_TYPE,
                                 headers={"Cache-Control": "no-cache"})

    return Route("/graphql/schema.graphql", schema_sdl, methods=["GET", "HEAD"])
