"""Every type, field, argument, input field and enum value of the schema has a description, so
GraphiQL's documentation explorer and generated clients explain the whole API."""

from __future__ import annotations

from enum import Enum

import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
)
from graphql.type.scalars import specified_scalar_types

from app.schema.schema import build_schema


def undescribed(schema: GraphQLSchema) -> list[str]:
    """`Type`, `Type.field`, `Type.field(argument)` and `Enum.VALUE` of everything without a
    description, leaving out GraphQL's own introspection types and scalars."""
    missing: list[str] = []
    for name, named in sorted(schema.type_map.items()):
        if name.startswith("__") or name in specified_scalar_types:
            continue
        missing.extend(_undescribed_type(name, named))
    return missing


def _undescribed_type(name: str, named: GraphQLNamedType) -> list[str]:
    missing = [] if named.description else [name]
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        for field_name, field in named.fields.items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
            missing.extend(f"{name}.{field_name}({argument})"
                           for argument, value in field.args.items() if not value.description)
    elif isinstance(named, GraphQLInputObjectType):
        missing.extend(f"{name}.{field_name}" for field_name, field in named.fields.items()
                       if not field.description)
    elif isinstance(named, GraphQLEnumType):
        missing.extend(f"{name}.{value_name}" for value_name, value in named.values.items()
                       if not value.description)
    else:
        assert isinstance(named, GraphQLScalarType | GraphQLUnionType), named
    return missing


def test_every_part_of_the_schema_is_described() -> None:
    assert undescribed(build_schema(max_query_depth=15)._schema) == []


@strawberry.enum(description="A colour.")
class Colour(Enum):
    RED = strawberry.enum_value("RED", description="Red.")
    BLUE = "BLUE"


@strawberry.input(description="A filter.")
class Filter:
    colour: Colour | None = None


@strawberry.type
class Query:
    @strawberry.field(description="Paint.")
    def paint(self, filter: Filter | None = None) -> Colour:
        return Colour.RED


def test_the_check_names_each_kind_of_part_left_undescribed() -> None:
    schema = strawberry.Schema(query=Query)._schema

    assert undescribed(schema) == ["Colour.BLUE", "Filter.colour", "Query",
                                   "Query.paint(filter)"]
