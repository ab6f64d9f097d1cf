"""The audit trail in GraphQL: every root mutation field of the built schema records its outcome,
and the ADMIN `auditEvents` query."""

from __future__ import annotations

import dataclasses
from inspect import isawaitable
from typing import Annotated, Any

import strawberry
from graphql import GraphQLFieldResolver, GraphQLResolveInfo, default_field_resolver

from app.context import Context
from app.errors import AtelierError, ErrorCode
from app.http.audit import actor_at
from app.models.audit import AuditEvent as AuditEventModel
from app.models.audit import AuditOutcome
from app.resolvers.pages import After, Before, First, Last, connection
from app.schema import audit as schema
from app.services.audit import Actor, AuditFilter

Info = strawberry.Info[Context, None]


def actor_of(context: Context) -> Actor:
    return actor_at(context.request.scope, context.principal)


def audit_mutations(schema: strawberry.Schema) -> strawberry.Schema:
    """Wrap each root field of the built schema's mutations (in place, once) so that it records,
    once it resolved, its name, the object it touched (the payload's object, else the
    `id`/`...Id` argument) and its outcome (SUCCEEDED, FAILED with the payload's error codes,
    or ERROR when it raised), whatever the client selected. Only these fields are wrapped: a
    schema extension's resolve hook would run on every field of every query."""
    mutation = schema._schema.mutation_type
    for field in mutation.fields.values() if mutation is not None else ():
        field.resolve = _recording(field.resolve or default_field_resolver)
    return schema


def _recording(resolve: GraphQLFieldResolver) -> GraphQLFieldResolver:
    async def recorded(source: Any, info: GraphQLResolveInfo[Any], **arguments: Any) -> Any:
        context = info.context
        if not isinstance(context, Context):
            result = resolve(source, info, **arguments)
            return await result if isawaitable(result) else result
        try:
            result = resolve(source, info, **arguments)
            payload = await result if isawaitable(result) else result
        except AtelierError as error:
            await _write(context, info.field_name, _argument_id(arguments),
                         AuditOutcome.FAILED, [error.code.value])
            raise
        except Exception:
            await _write(context, info.field_name, _argument_id(arguments), AuditOutcome.ERROR,
                         [ErrorCode.INTERNAL.value])
            raise
        codes = [error.code.value for error in getattr(payload, "errors", None) or []]
        await _write(context, info.field_name, _payload_id(payload) or _argument_id(arguments),
                     AuditOutcome.FAILED if codes else AuditOutcome.SUCCEEDED, codes)
        return payload

    return recorded


async def _write(context: Context, action: str, object_id: str | None, outcome: AuditOutcome,
                 codes: list[str]) -> None:
    audit, actor = context.services.audit, actor_of(context)
    if outcome is AuditOutcome.ERROR or ErrorCode.SERVICE_UNAVAILABLE.value in codes:
        # The database may well be down: answer now rather than after one more timeout.
        audit.record_soon(action, actor, object_id=object_id, outcome=outcome,
                          error_codes=codes)
    else:
        await audit.record(action, actor, object_id=object_id,
                           project_id=await audit.project_of(object_id), outcome=outcome,
                           error_codes=codes)


def _payload_id(payload: Any) -> str | None:
    """The id of the first object in the payload (its asset, job, scene, token...)."""
    if not dataclasses.is_dataclass(payload):
        return None
    for field in dataclasses.fields(payload):
        found = getattr(getattr(payload, field.name, None), "id", None)
        if isinstance(found, str):
            return found
    return None


def _argument_id(arguments: dict[str, Any]) -> str | None:
    for name, value in arguments.items():
        if (name == "id" or name.endswith("Id")) and isinstance(value, str):
            return value
    return None


def audit_event(event: AuditEventModel) -> schema.AuditEvent:
    return schema.AuditEvent(
        id=strawberry.ID(event.id), action=event.action, owner=event.owner,
        token_id=strawberry.ID(event.token_id) if event.token_id else None,
        object_id=strawberry.ID(event.object_id) if event.object_id else None,
        outcome=schema.AuditOutcome(event.outcome.value), error_codes=event.error_codes,
        address=event.address, request_id=event.request_id, created_at=event.created_at,
        project_id=strawberry.ID(event.project_id) if event.project_id else None)


@strawberry.type
class AuditQuery:
    @strawberry.field(description="Audit events, newest first: every one for an ADMIN token; "
                      "a project's (filter.projectId) for its OWNERs.")
    async def audit_events(
        self, info: Info, first: First = None, after: After = None,
        filter: Annotated[schema.AuditEventFilter | None, strawberry.argument(
            description="Only the events that match")] = None,
        last: Last = None, before: Before = None,
    ) -> schema.AuditEventConnection:
        chosen = filter or schema.AuditEventFilter()
        page = await info.context.services.audit.list(
            info.context.viewer,
            AuditFilter(actions=chosen.action, owner=chosen.owner, object_id=chosen.object_id,
                        outcomes=[AuditOutcome(o.value) for o in chosen.outcome or []],
                        project_id=chosen.project_id),
            first=first, after=after, last=last, before=before)
        return connection(page, audit_event)
