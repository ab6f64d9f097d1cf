"""The schema: root types merged from every domain, with depth limits and error codes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types.base import get_object_definition

from app.config import Settings
from app.resolvers.asset_catalog import AssetCatalogMutation
from app.resolvers.asset_versions import AssetVersionMutation
from app.resolvers.assets import AssetMutation, AssetQuery, AssetSubscription
from app.resolvers.audit import AuditQuery, audit_mutations
from app.resolvers.conversions import ConversionMutation
from app.resolvers.cost import QueryGuards
from app.resolvers.imports import ImportMutation
from app.resolvers.jobs import JobMutation, JobQuery, JobSubscription
from app.resolvers.log_context import LogContext
from app.resolvers.nodes import NodeQuery
from app.resolvers.permissions import apply_policy
from app.resolvers.projects import ProjectMutation, ProjectQuery
from app.resolvers.renders import RenderMutation
from app.resolvers.scenes import SceneMutation, SceneQuery, SceneSubscription
from app.resolvers.shared_events import SharedEventExecution
from app.resolvers.tokens import TokenMutation
from app.resolvers.trash import TrashMutation, TrashQuery
from app.resolvers.viewer import ViewerQuery
from app.resolvers.webhooks import WebhookMutation, WebhookQuery
from app.schema.error_codes import ErrorCodes
from app.schema.scalars import SCALARS
from app.schema.trash import TrashedAsset, TrashedScene

Query = merge_types("Query", (AssetQuery, JobQuery, SceneQuery, WebhookQuery,
                              AuditQuery, ViewerQuery, NodeQuery, ProjectQuery,
                              TrashQuery))
Mutation = merge_types("Mutation", (AssetMutation, AssetVersionMutation, AssetCatalogMutation,
                                    JobMutation, TokenMutation, RenderMutation,
                                    ConversionMutation, SceneMutation, WebhookMutation,
                                    ImportMutation, TrashMutation, ProjectMutation))
Subscription = merge_types("Subscription", (AssetSubscription, JobSubscription, SceneSubscription))
for root, description in (
    (Query, "What a token may read: each owner sees only its own objects."),
    (Mutation, "Changes; each returns a payload whose `errors` hold expected failures."),
    (Subscription, "Live streams over the websocket on /graphql (graphql-transport-ws or "
     "graphql-ws); each can resume from a position after a reconnect."),
):
    get_object_definition(root, strict=True).description = description


def build_schema(max_query_depth: int, guards: QueryGuards | None = None,
                 tracing: Sequence[Callable[[], SchemaExtension]] = ()) -> strawberry.Schema:
    """The schema under `guards` (depth, cost, aliases, tokens, introspection); without them,
    the default limits at `max_query_depth` and no per-token budget. `tracing`: the span
    extensions, when tracing is on."""
    guards = guards or QueryGuards.from_settings(
        Settings(max_query_depth=max_query_depth, redis_url=None))
    # Outermost, the audit records each root mutation field's outcome, a refusal included.
    return audit_mutations(apply_policy(strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        # The trash list's items, reached only through their TrashItem interface.
        types=[TrashedAsset, TrashedScene],
        # Parsing and validating a document costs more than most resolvers: cache both.
        extensions=[
            *tracing,
            *guards.extensions(),
            lambda: ParserCache(maxsize=512),
            lambda: ValidationCache(maxsize=512),
            # Before ErrorCodes, so its request id reaches the errors ErrorCodes masks too.
            LogContext,
            ErrorCodes,
        ],
        config=StrawberryConfig(scalar_map=SCALARS),
        # Subscribers of one live event with the same query share one execution of it.
        execution_context_class=SharedEventExecution,
    )))
