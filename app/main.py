"""The Starlette application: GraphQL, health, files and metrics; its lifespan opens the stores."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route, WebSocketRoute

from app import tracing
from app.config import Settings
from app.http import demo, files, health, metrics
from app.http.auth import BearerAuth
from app.http.cors import cors_middleware
from app.http.graphql import AtelierGraphQL
from app.http.limits import BodySizeLimit
from app.http.metrics import RequestMetrics
from app.http.outages import DependencyOutages
from app.http.persisted_queries import PersistedQueries
from app.http.rate_limits import RequestRateLimit
from app.http.request_id import RequestId
from app.http.sdl import schema_route
from app.http.security_headers import SecurityHeaders
from app.resolvers.cost import QueryGuards
from app.schema.schema import build_schema
from app.services.container import Services
from app.services.projects import migrate_to_personal_projects

# Young collections this far apart: a request allocates thousands of short-lived objects (its
# documents, the GraphQL result), and at the default 700 the collector ran several times per
# request, a fifth of the API's CPU under load.
YOUNG_COLLECTION_THRESHOLD = 50_000


def settle_heap() -> None:
    """Keep what startup built (modules, the schema, the app) out of every later collection's
    scan, and collect young objects less often: for the API process, once its app is built."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)


def create_app(settings: Settings) -> Starlette:
    """The API; routes find the services the lifespan opened on `app.state.services`."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        services = await Services.open(settings)
        await migrate_to_personal_projects()  # before a request lists assets; the reaper goes on
        app.state.services = services
        try:
            yield
        finally:
            await services.close()

    schema = build_schema(settings.max_query_depth, QueryGuards.from_settings(settings),
                          tracing=tracing.resolver_tracing(settings))
    graphql = BearerAuth(AtelierGraphQL(
        schema, allowed_origins=settings.cors_origins,
        persisted_queries=PersistedQueries.from_settings(settings)))
    return Starlette(
        routes=[
            schema_route(schema, introspection=settings.introspection),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", health.healthz),
            Route("/readyz", health.readyz),
            Route("/metrics", metrics.metrics),
            Route("/files/{key:path}", files.download, methods=["GET", "HEAD"]),
            Route("/uploads/{key:path}", files.upload, methods=["PUT"]),
            *demo.routes(),
        ],
        middleware=[
            Middleware(RequestId),
            *tracing.request_middleware(settings),
            cors_middleware(settings.cors_origins),
            Middleware(RequestMetrics, max_operation_names=settings.metrics_max_operation_names),
            Middleware(SecurityHeaders),
            Middleware(DependencyOutages),
            Middleware(RequestRateLimit, redis_url=settings.redis_url,
                       per_ip=settings.rate_limit_per_ip, per_token=settings.rate_limit_per_token,
                       timeout_seconds=settings.dependency_timeout_seconds),
            Middleware(BodySizeLimit, max_upload_bytes=settings.max_upload_bytes,
                       max_json_bytes=settings.max_json_body_bytes, paths=("/graphql", "/uploads")),
        ],
        lifespan=lifespan,
    )
