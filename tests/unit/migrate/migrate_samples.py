"""Spec sets for the migration tests."""

from __future__ import annotations

from typing import Any

from fortress_gen.spec.model import EntitySpec


def spec(data: dict[str, Any]) -> EntitySpec:
    return EntitySpec.model_validate(data)


def customer() -> EntitySpec:
    return spec(
        {
            "entity": "Customer",
            "id": "uuid",
            "fields": {
                "name": "str",
                "email": {"type": "email", "unique": True},
                "active": {"type": "bool", "default": True},
            },
            "relations": {"referrer": {"target": "Customer", "required": False}},
        }
    )


def order() -> EntitySpec:
    return spec(
        {
            "entity": "Order",
            "soft_delete": True,
            "fields": {
                "number": {"type": "str", "max_length": 32, "unique": True},
                "status": {
                    "type": "enum",
                    "values": ["pending", "paid", "shipped"],
                    "default": "pending",
                    "index": True,
                },
                "total": {"type": "decimal", "max_digits": 12, "decimal_places": 2, "ge": 0},
                "placed_at": {"type": "datetime"},
                "notes": "text?",
                "rating": "int",
            },
            "relations": {
                "customer": {"target": "Customer", "required": True, "on_delete": "cascade"}
            },
        }
    )


def shop() -> list[EntitySpec]:
    return [order(), customer()]


def all_types() -> list[EntitySpec]:
    return [
        spec(
            {
                "entity": "Sample",
                "timestamps": False,
                "fields": {
                    "title": {"type": "str", "default": 'say "hi"'},
                    "code": {"type": "str", "max_length": 8, "unique": True, "index": True},
                    "body": {"type": "text", "required": False, "default": "hello"},
                    "count": {"type": "int", "default": 0},
                    "big": {"type": "bigint", "default": -5, "index": True},
                    "ratio": {"type": "float", "default": 1.5},
                    "price": {"type": "decimal", "default": 9.99},
                    "amount": {"type": "decimal", "max_digits": 20, "decimal_places": 0},
                    "flag": {"type": "bool", "default": False},
                    "day": {"type": "date", "default": "2024-02-29"},
                    "moment": {"type": "datetime", "required": False},
                    "clock": {"type": "time", "default": "12:30:00"},
                    "token": {"type": "uuid", "unique": True},
                    "contact": {"type": "email", "required": False},
                    "homepage": {"type": "url", "max_length": 500, "required": False},
                    "level": {"type": "enum", "values": ["low", "medium_high"], "default": "low"},
                    "payload": {"type": "json", "required": False},
                    "blob": {"type": "bytes", "required": False},
                },
            }
        )
    ]


def graph() -> list[EntitySpec]:
    """A chain (City -> Region -> Country), a self-reference and a cycle of optional FKs."""
    return [
        spec({"entity": "City", "relations": {"region": {"target": "Region"}}}),
        spec(
            {
                "entity": "Region",
                "id": "uuid",
                "relations": {"country": {"target": "Country", "on_delete": "restrict"}},
            }
        ),
        spec({"entity": "Country", "fields": {"name": {"type": "str", "unique": True}}}),
        spec(
            {
                "entity": "Employee",
                "relations": {
                    "manager": {"target": "Employee", "required": False},
                    "department": {"target": "Department", "required": False},
                    "city": {"target": "City", "required": False, "on_delete": "set_null"},
                },
            }
        ),
        spec(
            {
                "entity": "Department",
                "fields": {"title": {"type": "str", "index": True}},
                "relations": {"head": {"target": "Employee", "required": False}},
            }
        ),
    ]
