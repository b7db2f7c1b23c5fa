"""The read cache: hits, keys that hold everything that changes the answer, invalidation,
scoping by caller, and a broken backend that degrades to a database read."""

from collections.abc import Awaitable, Callable

import pytest
from pydantic import BaseModel

from hr.core import cache as cache_module
from hr.core.cache import (
    ReadCache,
    cache_key,
    current_cache,
    invalidate,
)
from hr.core.config import get_settings


class Thing(BaseModel):
    name: str


def counting_loader(name: str) -> tuple[list[str], Callable[[], Awaitable[Thing]]]:
    """A loader standing in for the database, and the list of the loads it did."""
    loads: list[str] = []

    async def load() -> Thing:
        loads.append(name)
        return Thing(name=name)

    return loads, load


async def test_a_second_read_is_a_hit() -> None:
    things = ReadCache("Thing", ttl=60)
    loads, load = counting_loader("a")
    assert await things.read(Thing, "get", "1", load) == Thing(name="a")
    assert await things.read(Thing, "get", "1", load) == Thing(name="a")
    assert loads == ["a"]


async def test_arguments_and_operations_are_part_of_the_key() -> None:
    things = ReadCache("Thing", ttl=60)
    first, load_first = counting_loader("a")
    second, load_second = counting_loader("b")
    third, load_third = counting_loader("c")
    assert await things.read(Thing, "get", "1", load_first) == Thing(name="a")
    assert await things.read(Thing, "get", "2", load_second) == Thing(name="b")
    assert await things.read(Thing, "list", "1", load_third) == Thing(name="c")
    assert (first, second, third) == (["a"], ["b"], ["c"])


async def test_one_callers_entry_is_never_served_to_another() -> None:
    things = ReadCache("Thing", ttl=60)
    _, load_alice = counting_loader("alice's")
    bobs_loads, load_bob = counting_loader("bob's")
    assert await things.read(Thing, "get", "1", load_alice, scope="1") == Thing(name="alice's")
    assert await things.read(Thing, "get", "1", load_bob, scope="2") == Thing(name="bob's")
    assert await things.read(Thing, "get", "1", load_bob, scope="2") == Thing(name="bob's")
    assert bobs_loads == ["bob's"]
    assert cache_key("Thing", 1, "get", "1", scope="1") != cache_key("Thing", 1, "get", "1")


async def test_invalidation_makes_every_read_of_the_entity_stale() -> None:
    things = ReadCache("Thing", ttl=60)
    others = ReadCache("Other", ttl=60)
    loads, load = counting_loader("a")
    other_loads, load_other = counting_loader("o")
    await things.read(Thing, "get", "1", load)
    await things.read(Thing, "list", "{}", load)
    await others.read(Thing, "get", "1", load_other)
    await things.invalidate()
    await things.read(Thing, "get", "1", load)
    await things.read(Thing, "list", "{}", load)
    await others.read(Thing, "get", "1", load_other)
    assert loads == ["a"] * 4
    assert other_loads == ["o"]
    await invalidate("Thing", "Other")
    await others.read(Thing, "get", "1", load_other)
    assert other_loads == ["o", "o"]


async def test_an_entry_that_is_not_valid_any_more_is_reloaded() -> None:
    things = ReadCache("Thing", ttl=60)
    loads, load = counting_loader("a")
    await current_cache().set(cache_key("Thing", 0, "get", "1"), b'{"unexpected": 1}', expire=60)
    assert await things.read(Thing, "get", "1", load) == Thing(name="a")
    assert loads == ["a"]


async def test_a_failing_backend_degrades_to_the_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise ConnectionError("the cache is down")

    cache = current_cache()
    monkeypatch.setattr(cache, "get", broken)
    monkeypatch.setattr(cache, "set", broken)
    monkeypatch.setattr(cache, "incr", broken)
    things = ReadCache("Thing", ttl=60)
    loads, load = counting_loader("a")
    assert await things.read(Thing, "get", "1", load) == Thing(name="a")
    assert await things.read(Thing, "get", "1", load) == Thing(name="a")
    await things.invalidate()
    assert loads == ["a", "a"]


async def test_an_unreachable_redis_degrades_to_the_database(cache_namespace: str) -> None:
    cache_module.setup_cache("redis://127.0.0.1:1/0", namespace=cache_namespace)
    try:
        things = ReadCache("Thing", ttl=60)
        loads, load = counting_loader("a")
        assert await things.read(Thing, "get", "1", load) == Thing(name="a")
        await things.invalidate()
        assert loads == ["a"]
    finally:
        cache_module.setup_cache(get_settings().REDIS_URL, namespace=cache_namespace)
