"""A representative evolution of the shop specs, one spec set per revision, for the tests."""

from __future__ import annotations

from typing import Any

from migrate_samples import customer, order, spec

from fortress_gen.spec.model import EntitySpec


def _with(entity: EntitySpec, **changes: Any) -> EntitySpec:
    data = entity.model_dump(exclude_none=True, exclude_defaults=True)
    data.update(changes)
    return spec(data)


def _fields(entity: EntitySpec) -> dict[str, Any]:
    return {
        name: field.model_dump(exclude_none=True, exclude_defaults=True)
        for name, field in entity.fields.items()
    }


CHANNEL = {"type": "enum", "values": ["web", "shop"], "required": False}


def step_1() -> list[EntitySpec]:
    """The starting point: customers and their orders."""
    return [customer(), _with(order(), fields={**_fields(order()), "channel": CHANNEL})]


def step_2() -> list[EntitySpec]:
    """Every non-destructive change kind at once."""
    fields = _fields(step_1()[1])
    # enum value added and made required, its NULLs filled with the new value
    fields["channel"] = {"type": "enum", "values": ["web", "shop", "phone"], "default": "phone"}
    fields["number"]["max_length"] = 64  # widened
    fields["status"]["values"] = ["pending", "paid", "shipped", "cancelled"]  # enum value added
    fields["notes"] = {"type": "text", "default": "none"}  # optional -> required, NULLs filled
    fields["total"]["index"] = True  # index added
    rating = fields.pop("rating")
    fields["score"] = {**rating, "required": False, "renamed_from": "rating"}  # rename + null
    fields["priority"] = {"type": "int", "default": 0}  # required, with a default
    fields["gift_note"] = {"type": "text", "required": False}  # optional
    orders = _with(
        order(),
        fields=fields,
        relations={
            "buyer": {
                "target": "Customer",
                "required": True,
                "on_delete": "restrict",  # on_delete changed
                "renamed_from": "customer",  # relation renamed
            }
        },
    )
    customer_fields = _fields(customer())
    customer_fields["name"]["unique"] = True  # unique added
    customer_fields["email"]["unique"] = False  # unique removed
    return [_with(customer(), fields=customer_fields), orders]


def step_3() -> list[EntitySpec]:
    """Destructive changes: a dropped field, a removed enum value, a narrowed string."""
    customers, orders = step_2()
    fields = _fields(orders)
    del fields["gift_note"]
    fields["status"]["values"] = ["pending", "paid", "cancelled"]
    fields["number"]["max_length"] = 40
    return [customers, _with(orders, fields=fields)]
