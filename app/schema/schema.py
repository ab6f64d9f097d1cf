"""The schema: root types merged from every domain, with depth limits and error codes."""

from __future__ import annotations

import strawberry
from strawberry.extensions import QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from app.resolvers.assets import AssetMutation, AssetQuery, AssetSubscription
from app.resolvers.conversions import ConversionMutation
from app.resolvers.jobs import JobMutation, JobQuery, JobSubscription
from app.resolvers.renders import RenderMutation
from app.resolvers.scenes import SceneMutation, SceneQuery, SceneSubscription
from app.resolvers.tokens import TokenMutation
from app.schema.error_codes import ErrorCodes
from app.schema.scalars import SCALARS

Query = merge_types("Query", (AssetQuery, JobQuery, SceneQuery))
Mutation = merge_types("Mutation", (AssetMutation, JobMutation, TokenMutation, RenderMutation,
                                    ConversionMutation, SceneMutation))
Subscription = merge_types("Subscription", (AssetSubscription, JobSubscription, SceneSubscription))


def build_schema(max_query_depth: int) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=[lambda: QueryDepthLimiter(max_depth=max_query_depth), ErrorCodes],
        config=StrawberryConfig(scalar_map=SCALARS),
    )
