"""Authorisation as one policy: which scope reads each GraphQL type, applied to the built schema.

`RULES` maps a GraphQL type name to the scopes that read it, like graphql-shield's rule map.
`apply_policy` walks the built schema once and guards every field whose unwrapped return type
is guarded, wherever the field is declared or resolved: root fields, nested fields
(`Job.asset`, `Asset.ingestJob`, a scene mesh's `asset`), payload objects, Relay connections
and edges (guarded by their node's rule) and subscription events (checked when the stream
starts and again for every event). A refused field resolves to null with a FORBIDDEN error;
on a non-null field the null propagates as GraphQL says. Fields of other types are left
untouched, so they cost nothing extra.

Mutation payloads: inside a mutation, the domain's write scope also reads that domain's
objects (an ASSETS_WRITE token sees the asset `assetUpload` returns); objects of another
domain still need their own read scope (that payload's `job` needs JOBS_READ or JOBS_WRITE).

Signed URLs: a `File` reached through a guarded type obeys that type's rule (an asset's
`files` need ASSETS_READ, a job's `outputs` JOBS_READ); a field anywhere else that returns
files needs ASSETS_READ, so no URL is ever reachable without a scope that reads it.

Abstract types (interfaces, unions) are checked when their concrete type is resolved, so a
`Node` that turns out to be an Asset obeys the Asset rule, item by item in a list.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import (
    GraphQLAbstractType,
    GraphQLField,
    GraphQLFieldResolver,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    GraphQLTypeResolver,
    OperationType,
    default_field_resolver,
    default_type_resolver,
    get_named_type,
    is_abstract_type,
)

from app.errors import Forbidden
from app.models.token import Scope
from app.services.auth import Principal


@dataclass(frozen=True)
class Rule:
    """`read` reads the type anywhere; `write`, when set, reads it inside a mutation's result."""

    read: Scope
    write: Scope | None = None

    def allows(self, viewer: Principal, operation: OperationType) -> bool:
        if viewer.has(self.read):
            return True
        return (self.write is not None and operation is OperationType.MUTATION
                and viewer.has(self.write))

    def check(self, viewer: Principal, operation: OperationType, type_name: str) -> None:
        if not self.allows(viewer, operation):
            raise Forbidden(f"reading {type_name} needs the {self.read.value} scope")


ASSETS = Rule(Scope.ASSETS_READ, Scope.ASSETS_WRITE)
JOBS = Rule(Scope.JOBS_READ, Scope.JOBS_WRITE)
SCENES = Rule(Scope.SCENES_READ, Scope.SCENES_WRITE)
ADMIN = Rule(Scope.ADMIN)

RULES: Mapping[str, Rule] = {
    "Asset": ASSETS,
    "AssetVersion": ASSETS,
    "AssetEvent": ASSETS,
    "Job": JOBS,
    "JobEvent": JOBS,
    "Scene": SCENES,
    "SceneNode": SCENES,
    "SceneMaterial": SCENES,
    "SceneCamera": SCENES,
    "SceneLight": SCENES,
    "MeshReference": SCENES,
    "TextureReference": SCENES,
    "SceneEvent": SCENES,
    "ApiToken": ADMIN,
    # auditEvents itself lets only an ADMIN or a project's OWNER through (app/services/audit.py).
    "AuditEvent": ASSETS,
    "Webhook": ASSETS,
    "Project": ASSETS,
    "WebhookDelivery": ASSETS,
    # The trash list holds both kinds; each item needs its kind's read scope.
    "TrashedAsset": ASSETS,
    "TrashedScene": SCENES,
}

# Types readable wherever their parent is readable; returned by an unguarded type's field,
# they need this rule instead.
CONTAINED: Mapping[str, Rule] = {"File": ASSETS}


def apply_policy(schema: strawberry.Schema, rules: Mapping[str, Rule] = RULES,
                 contained: Mapping[str, Rule] = CONTAINED) -> strawberry.Schema:
    """Guard `schema` in place (once, at build time) and return it."""
    graphql_schema = schema._schema
    type_rules = _with_connections(graphql_schema, rules)
    for graphql_type in graphql_schema.type_map.values():
        if isinstance(graphql_type, GraphQLObjectType) and not graphql_type.name.startswith("__"):
            for field in graphql_type.fields.values():
                rule, name = _field_rule(graphql_type.name, field.type, type_rules, contained)
                if rule is not None:
                    _guard_field(field, rule, name)
        elif is_abstract_type(graphql_type):
            _guard_abstract(graphql_type, type_rules)
    return schema


def _with_connections(schema: GraphQLSchema, rules: Mapping[str, Rule]) -> dict[str, Rule]:
    """The rules, plus each Relay edge (`cursor`, `node`) and connection (`edges`,
    `pageInfo`) of a guarded node type, which takes its node's rule."""
    found = dict(rules)
    objects = [t for t in schema.type_map.values() if isinstance(t, GraphQLObjectType)]
    for wrapper, inner in (({"cursor", "node"}, "node"), ({"edges", "pageInfo"}, "edges")):
        for graphql_type in objects:
            if wrapper <= graphql_type.fields.keys():
                inner_rule = found.get(get_named_type(graphql_type.fields[inner].type).name)
                if inner_rule is not None:
                    found.setdefault(graphql_type.name, inner_rule)
    return found


def _field_rule(parent: str, field_type: GraphQLOutputType, rules: Mapping[str, Rule],
                contained: Mapping[str, Rule]) -> tuple[Rule | None, str]:
    name = get_named_type(field_type).name
    if name in rules:
        return rules[name], name
    if name in contained and parent not in rules:
        return contained[name], name
    return None, name


def _guard_field(field: GraphQLField, rule: Rule, type_name: str) -> None:
    field.resolve = _guarded(field.resolve or default_field_resolver, rule, type_name)
    if field.subscribe is not None:
        field.subscribe = _guarded(field.subscribe, rule, type_name)


def _guarded(resolve: GraphQLFieldResolver, rule: Rule, type_name: str
             ) -> GraphQLFieldResolver:
    def resolve_if_allowed(source: Any, info: GraphQLResolveInfo[Any], **args: Any) -> Any:
        rule.check(info.context.viewer, info.operation.operation, type_name)
        return resolve(source, info, **args)

    return resolve_if_allowed


def _guard_abstract(abstract: GraphQLAbstractType, rules: Mapping[str, Rule]) -> None:
    resolve_type: GraphQLTypeResolver = abstract.resolve_type or default_type_resolver

    def checked(name: str | None, info: GraphQLResolveInfo[Any]) -> str | None:
        if name is not None and name in rules:
            rules[name].check(info.context.viewer, info.operation.operation, name)
        return name

    async def checked_later(name: Awaitable[str | None], info: GraphQLResolveInfo[Any]
                            ) -> str | None:
        return checked(await name, info)

    def resolve_if_allowed(value: Any, info: GraphQLResolveInfo[Any],
                           abstract_type: GraphQLAbstractType) -> Any:
        name = resolve_type(value, info, abstract_type)
        return checked_later(name, info) if inspect.isawaitable(name) else checked(name, info)

    abstract.resolve_type = resolve_if_allowed
