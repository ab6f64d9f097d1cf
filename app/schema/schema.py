"""The schema: root types merged from every domain, with depth limits and error codes."""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from app.resolvers.assets import AssetMutation, AssetQuery, AssetSubscription
from app.resolvers.conversions import ConversionMutation
from app.resolvers.jobs import JobMutation, JobQuery, JobSubscription
from app.resolvers.permissions import apply_policy
from app.resolvers.renders import RenderMutation
from app.resolvers.scenes import SceneMutation, SceneQuery, SceneSubscription
from app.resolvers.tokens import TokenMutation
from app.resolvers.webhooks import WebhookMutation, WebhookQuery
from app.schema.error_codes import ErrorCodes
from app.schema.scalars import SCALARS

Query = merge_types("Query", (AssetQuery, JobQuery, SceneQuery, WebhookQuery))
Mutation = merge_types("Mutation", (AssetMutation, JobMutation, TokenMutation, RenderMutation,
                                    ConversionMutation, SceneMutation, WebhookMutation))
Subscription = merge_types("Subscription", (AssetSubscription, JobSubscription, SceneSubscription))


def build_schema(max_query_depth: int) -> strawberry.Schema:
    # Validation results are cached per (document, rules): the depth rule is built once so the
    # rules stay the same object across requests and the cache hits.
    depth_rules = QueryDepthLimiter(max_depth=max_query_depth).validation_rules
    return apply_policy(strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        # Parsing and validating a document costs more than most resolvers: cache both.
        extensions=[
            lambda: ParserCache(maxsize=512),
            lambda: AddValidationRules(depth_rules),
            lambda: ValidationCache(maxsize=512),
            ErrorCodes,
        ],
        config=StrawberryConfig(scalar_map=SCALARS),
    ))
