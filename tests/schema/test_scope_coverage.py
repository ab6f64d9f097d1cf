"""Every type that carries owners' data is behind a scope: walking the built schema from its
roots without entering a type the policy guards (app/resolvers/permissions.py) reaches only the
roots, mutation payloads, the viewer and error types. A new data type reachable without a rule
fails here until it gets one (or is deliberately added to the open list)."""

from __future__ import annotations

from graphql import (
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
    is_abstract_type,
)

from app.resolvers.permissions import CONTAINED, RULES
from app.schema.schema import build_schema

# Reachable with any valid token: what they hold is either the viewer's own (Viewer, Usage),
# a refusal (UserError), an upload's instructions, or guarded objects inside.
OPEN = {
    "Query", "Mutation", "Subscription", "Node", "Viewer", "Usage", "UserError", "UploadHeader",
    "ApiTokenCreatePayload", "ApiTokenRevokePayload", "AssetDeletePayload", "AssetPayload",
    "AssetUploadCreatePayload", "AssetUploadManyPayload", "AssetUploadPayload", "JobPayload",
    "SceneDeletePayload", "ScenePayload", "WebhookPayload", "ProjectPayload",
    "UsageLimits", "RenderLimits",
    # The trash list's page and interface: each item's concrete type (TrashedAsset,
    # TrashedScene) is guarded by its kind's rule.
    "TrashItemConnection", "TrashItemEdge", "TrashItem", "PageInfo",
}


def guarded_types(schema: GraphQLSchema) -> set[str]:
    """The ruled types with their Relay edges and connections, which take their node's rule."""
    guarded = set(RULES)
    objects = [t for t in schema.type_map.values() if isinstance(t, GraphQLObjectType)]
    for wrapper, inner in (({"cursor", "node"}, "node"), ({"edges", "pageInfo"}, "edges")):
        guarded |= {t.name for t in objects if wrapper <= t.fields.keys()
                    and get_named_type(t.fields[inner].type).name in guarded}
    return guarded


def reachable_unguarded(schema: GraphQLSchema) -> set[str]:
    guarded = guarded_types(schema)
    roots = (schema.query_type, schema.mutation_type, schema.subscription_type)
    pending = [root.name for root in roots if root is not None]
    reached: set[str] = set()
    while pending:
        name = pending.pop()
        if name in reached or name in guarded:
            continue
        reached.add(name)
        found: GraphQLNamedType = schema.type_map[name]
        if is_abstract_type(found):
            pending += [t.name for t in schema.get_possible_types(found)]
        elif isinstance(found, GraphQLObjectType):
            for field in found.fields.values():
                named = get_named_type(field.type)
                if isinstance(named, GraphQLObjectType) or is_abstract_type(named):
                    pending.append(named.name)
    return reached


def test_only_payloads_the_viewer_and_errors_are_reachable_without_a_scope() -> None:
    schema = build_schema(max_query_depth=15)._schema

    assert reachable_unguarded(schema) == OPEN


def test_contained_types_are_reached_only_through_guarded_ones() -> None:
    schema = build_schema(max_query_depth=15)._schema

    assert not set(CONTAINED) & reachable_unguarded(schema)
