"""Query cost limits: each operation's depth and cost are measured before it runs and refused over
the caps (QUERY_TOO_COMPLEX); what runs is charged to its token's budget per minute
(RATE_LIMITED, HTTP 429 with Retry-After).

Cost counts the objects an operation can resolve: every object a field returns costs 1, and a
list of them costs its length times (1 + what is selected inside each). A paged field (one
taking `first`/`last`) is as long as its literal argument, or its cap when the argument is a
variable or absent; an unpaged list of objects is assumed UNPAGED_LIST_SIZE long; a
connection's `edges` repeat its page, not again.
Aliases count like the fields they name, fragments are expanded, and introspection fields obey
the same depth and cost as the rest (Strawberry's QueryDepthLimiter skips `__schema`).

A document is measured once: the rule's verdict is cached with the other validation results,
and the costs by query text in the schema's Measured cache, which the budget reads for the
operation it charges.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLCompositeType,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
    get_nullable_type,
    is_composite_type,
)
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    SchemaExtension,
)

from app.config import Settings
from app.errors import QueryTooComplex, RateLimited
from app.services.rate_limits import RateLimiter, rate

# Scene trees, files and validation issues have no page; this many stands for each list.
UNPAGED_LIST_SIZE = 10
PAGE_ARGUMENTS = ("first", "last")
MEASURED_DOCUMENTS = 512


@dataclass(frozen=True)
class QueryLimits:
    max_depth: int
    max_cost: int
    page_size: int
    # Paged fields whose cap is not the page size, as (type name, field name).
    field_caps: dict[tuple[str, str], int] = field(default_factory=dict)


@dataclass(frozen=True)
class QueryGuards:
    """Every limit an operation passes before it runs, as the schema's extensions."""

    limits: QueryLimits
    max_aliases: int
    max_tokens: int
    max_bytes: int
    introspection: bool
    cost_per_minute: int
    redis_url: str | None
    redis_timeout_seconds: float

    @classmethod
    def from_settings(cls, settings: Settings) -> QueryGuards:
        limits = QueryLimits(max_depth=settings.max_query_depth, max_cost=settings.max_query_cost,
                             page_size=settings.max_page_size,
                             field_caps={("Scene", "nodes"): settings.max_scene_nodes})
        return cls(limits=limits, max_aliases=settings.max_aliases,
                   max_tokens=settings.max_query_tokens, max_bytes=settings.max_query_bytes,
                   introspection=settings.introspection,
                   cost_per_minute=settings.query_cost_per_minute, redis_url=settings.redis_url,
                   redis_timeout_seconds=settings.dependency_timeout_seconds)

    def extensions(self) -> list[Callable[[], SchemaExtension]]:
        # Validation results are cached per (document, rules): the rules are built once here so
        # they stay the same objects across requests and the cache hits.
        measured = Measured(MEASURED_DOCUMENTS, self.limits)
        rules = [cost_rule(self.limits, measured),
                 *MaxAliasesLimiter(self.max_aliases).validation_rules]
        if not self.introspection:
            rules.append(NoSchemaIntrospectionCustomRule)
        tokens, document_bytes = self.max_tokens, self.max_bytes
        limiter = (RateLimiter(self.redis_url, self.redis_timeout_seconds) if self.redis_url
                   else None)
        guards: list[Callable[[], SchemaExtension]] = [
            lambda: DocumentLimits(document_bytes), lambda: MaxTokensLimiter(tokens),
            lambda: AddValidationRules(rules)]
        if limiter is not None:
            per_minute = self.cost_per_minute
            guards.append(lambda: CostBudget(limiter, per_minute, measured))
        return guards


@dataclass(frozen=True)
class Measure:
    depth: int
    cost: int


class _Walk:
    """Depth and cost of the operations of one document against one schema."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits
                 ) -> None:
        self.schema = schema
        self.limits = limits
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}

    def operation(self, operation: OperationDefinitionNode) -> Measure:
        root = self.schema.get_root_type(operation.operation)
        if root is None:
            return Measure(depth=0, cost=0)
        return self.selections(operation.selection_set, root, 0, frozenset())

    def selections(self, selection_set: SelectionSetNode, parent: GraphQLCompositeType,
                   level: int, fragments_seen: frozenset[str]) -> Measure:
        depth, cost = level, 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                measure = self.field(selection, parent, level, fragments_seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                if not is_composite_type(target):
                    continue
                measure = self.selections(selection.selection_set, target, level,
                                          fragments_seen)
            elif isinstance(selection, FragmentSpreadNode):
                measure = self.spread(selection, level, fragments_seen)
            else:
                continue
            depth, cost = max(depth, measure.depth), cost + measure.cost
        return Measure(depth=depth, cost=cost)

    def spread(self, spread: FragmentSpreadNode, level: int, fragments_seen: frozenset[str]
               ) -> Measure:
        name = spread.name.value
        fragment = self.fragments.get(name)
        target = self.schema.get_type(fragment.type_condition.name.value) if fragment else None
        # A cycle of fragments is refused by graphql-core's own rule; here it just ends.
        if fragment is None or name in fragments_seen or not is_composite_type(target):
            return Measure(depth=level, cost=0)
        return self.selections(fragment.selection_set, target, level, fragments_seen | {name})

    def field(self, node: FieldNode, parent: GraphQLCompositeType, level: int,
              fragments_seen: frozenset[str]) -> Measure:
        definition = field_definition(self.schema, parent, node.name.value)
        # Past the depth cap the operation is refused anyway: stop before Python's stack does.
        if definition is None or node.selection_set is None or level > self.limits.max_depth:
            return Measure(depth=level, cost=0)
        returned = get_named_type(definition.type)
        if not is_composite_type(returned):
            return Measure(depth=level, cost=0)
        inner = self.selections(node.selection_set, returned, level + 1, fragments_seen)
        size = self.list_size(node, parent, definition)
        return Measure(depth=inner.depth, cost=size * (1 + inner.cost))

    def list_size(self, node: FieldNode, parent: GraphQLCompositeType,
                  definition: GraphQLField) -> int:
        if any(name in definition.args for name in PAGE_ARGUMENTS):
            cap = self.limits.field_caps.get((parent.name, node.name.value),
                                             self.limits.page_size)
            literals = [int(argument.value.value) for argument in node.arguments or ()
                        if argument.name.value in PAGE_ARGUMENTS
                        and isinstance(argument.value, IntValueNode)]
            return max(0, *literals) if literals else cap
        if not isinstance(get_nullable_type(definition.type), GraphQLList):
            return 1
        return 1 if node.name.value == "edges" else UNPAGED_LIST_SIZE


def field_definition(schema: GraphQLSchema, parent: GraphQLCompositeType, name: str
                     ) -> GraphQLField | None:
    if name == "__schema":
        return SchemaMetaFieldDef
    if name == "__type":
        return TypeMetaFieldDef
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        found: GraphQLField | None = parent.fields.get(name)
        return found
    return None


class Measured:
    """A bounded LRU of each document's operation measures under `limits`, keyed by the query
    text (one per schema: the measures depend on its limits)."""

    def __init__(self, maxsize: int, limits: QueryLimits) -> None:
        self.maxsize = maxsize
        self.limits = limits
        self._entries: OrderedDict[str, dict[str | None, Measure]] = OrderedDict()

    def of(self, schema: GraphQLSchema, document: DocumentNode) -> dict[str | None, Measure]:
        text = document.loc.source.body if document.loc else None
        if text is not None and text in self._entries:
            self._entries.move_to_end(text)
            return self._entries[text]
        walk = _Walk(schema, document, self.limits)
        measures = {(d.name.value if d.name else None): walk.operation(d)
                    for d in document.definitions if isinstance(d, OperationDefinitionNode)}
        if text is not None:
            self._entries[text] = measures
            if len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)
        return measures


def cost_rule(limits: QueryLimits, measured: Measured) -> type[ValidationRule]:
    """A validation rule refusing operations deeper or costlier than `limits`."""

    class QueryCostRule(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            measures = measured.of(context.schema, context.document)
            for name, measure in measures.items():
                label = f"'{name or 'anonymous'}'"
                if measure.depth > limits.max_depth:
                    # Worded and coded as Strawberry's depth limiter words it, which clients know.
                    self.report_error(GraphQLError(
                        f"{label} exceeds maximum operation depth of {limits.max_depth}"))
                elif measure.cost > limits.max_cost:
                    self.refuse(f"{label} costs {measure.cost}, over the limit of "
                                f"{limits.max_cost} (lists count at their page size)")

        def refuse(self, message: str) -> None:
            self.report_error(GraphQLError(message, original_error=QueryTooComplex(message)))

    return QueryCostRule


class DocumentLimits(SchemaExtension):
    """Refuses a document longer than `max_bytes` before it is parsed, and codes documents that
    do not parse: QUERY_TOO_COMPLEX over a cap, GRAPHQL_PARSE_FAILED otherwise.

    graphql-core's lexer is pure Python (about 20 µs a token, 0.4 µs a character of a string):
    the token cap bounds the first, the length cap the second, so no document holds the event
    loop for long. ParserCache parses inside its own hook, so a syntax error leaves the
    operation as an exception: the hooks that run after an operation (ErrorCodes among them)
    never see it, and only an operation hook is handed the exception on its way out.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes

    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except GraphQLError as error:
            if "code" not in (error.extensions or {}):
                too_complex = (isinstance(error.original_error, QueryTooComplex)
                               or "tokens. Parsing aborted" in error.message)
                code = QueryTooComplex.code.value if too_complex else "GRAPHQL_PARSE_FAILED"
                error.extensions = {**(error.extensions or {}), "code": code}
            raise

    def on_parse(self) -> Iterator[None]:
        query = self.execution_context.query or ""
        if len(query) > self.max_bytes or len(query.encode()) > self.max_bytes:
            message = f"the document is longer than the limit of {self.max_bytes} bytes"
            raise GraphQLError(message, original_error=QueryTooComplex(message))
        yield


class CostBudget(SchemaExtension):
    """Charges each operation's cost to its token's budget per minute, before it executes."""

    def __init__(self, limiter: RateLimiter, per_minute: int, measured: Measured) -> None:
        self.limiter = limiter
        self.budget = rate(f"{per_minute}/minute")
        self.measured = measured

    async def on_execute(self) -> AsyncIterator[None]:
        await self.charge()
        yield

    async def charge(self) -> None:
        execution = self.execution_context
        principal = getattr(execution.context, "principal", None)
        if principal is None or execution.graphql_document is None:
            return
        measures = self.measured.of(execution.schema._schema, execution.graphql_document)
        measure = measures.get(execution.operation_name) or next(iter(measures.values()), None)
        if measure is None or measure.cost == 0:
            return
        key = f"cost:{principal.token_id or principal.owner}"
        retry_after = await self.limiter.spend(self.budget, key, cost=measure.cost)
        if retry_after is None:
            return
        response = getattr(execution.context, "response", None)
        if response is not None and hasattr(response, "status_code"):
            response.status_code = 429
            response.headers["Retry-After"] = str(retry_after)
        message = f"this token's query cost budget is spent; retry in {retry_after} s"
        # A result set here is returned instead of executing (an exception raised from a hook
        # would skip the extensions that give errors their codes).
        execution.result = ExecutionResult(data=None, errors=[
            GraphQLError(message, original_error=RateLimited(message))])
