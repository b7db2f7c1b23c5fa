"""The read cache: Redis when `REDIS_URL` is set, this process's memory when it is not.

Services cache their reads through a `ReadCache` per entity. Every key holds what changes the
answer: the entity, its generation, the caller for owner-scoped reads, the operation and its
arguments. A write bumps the entity's generation, so every entry cached before it is never
read again and expires with its TTL; a read that raced the write stored its answer under the
old generation, where nobody looks. Values are JSON (never pickle), validated when read.

The cache never fails a request: when the backend errors, a read goes to the database and a
write's invalidation is logged (entries then live at most their TTL). The in-process backend
is one per process: run several server processes with `REDIS_URL` set, or a write in one of
them leaves the others serving what they cached until it expires.

Each event loop gets its own cashews `Cache`, made on first use: Redis connections belong to
the loop that opened them, and a server, a test runner and Schemathesis each run their own.
"""

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar
from weakref import WeakKeyDictionary

from cashews import Cache
from pydantic import BaseModel, ValidationError

from hr.core.config import get_settings

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

MEMORY_URL = "mem://?size=10000"
DEFAULT_NAMESPACE = "hr"

_redis_url = get_settings().REDIS_URL
_namespace = DEFAULT_NAMESPACE
_caches: WeakKeyDictionary[asyncio.AbstractEventLoop, Cache] = WeakKeyDictionary()


def setup_cache(redis_url: str | None, *, namespace: str = DEFAULT_NAMESPACE) -> None:
    """Point the cache at Redis (`redis_url`), or at process memory when it is None.

    Caches made before are dropped (not closed: their loops may be gone); the next use in
    each loop makes a new one.

    Args:
        redis_url: A `redis://` URL, or None for the in-process backend.
        namespace: The first part of every key (tests use their own).
    """
    global _redis_url, _namespace
    _redis_url, _namespace = redis_url, namespace
    _caches.clear()


def current_cache() -> Cache:
    """The cache of the running event loop, made on first use."""
    loop = asyncio.get_running_loop()
    cache = _caches.get(loop)
    if cache is None:
        cache = _caches[loop] = Cache()
        if _redis_url is None:
            cache.setup(MEMORY_URL)
        else:
            # JSON values only (no pickle), and a Redis that does not answer fails fast.
            cache.setup(_redis_url, pickle_type="null", socket_connect_timeout=1, socket_timeout=1)
    return cache


async def close_cache() -> None:
    """Close the running loop's cache (the server calls it when it stops)."""
    cache = _caches.pop(asyncio.get_running_loop(), None)
    if cache is not None:
        await cache.close()


def cache_key(
    entity: str, generation: int, operation: str, arguments: str, *, scope: str | None = None
) -> str:
    """The key of one cached read.

    Args:
        entity: The entity's name.
        generation: The entity's generation, bumped by every write.
        operation: The read (`get`, `list`).
        arguments: Everything else that changes the answer (an id, the query parameters).
        scope: The caller whose rows an owner-scoped read returns; None when every caller
            gets the same answer.
    """
    digest = hashlib.sha256(arguments.encode()).hexdigest()[:32]
    owner = () if scope is None else (f"for={scope}",)
    return ":".join((_namespace, entity, f"g{generation}", *owner, operation, digest))


async def clear_cache() -> None:
    """Drop every entry of this namespace (tests call it between tests)."""
    await current_cache().delete_match(f"{_namespace}:*")


class ReadCache:
    """The cached reads of one entity, and their invalidation."""

    def __init__(self, entity: str, *, ttl: int) -> None:
        self.entity = entity
        self.ttl = ttl

    async def read(
        self,
        model: type[M],
        operation: str,
        arguments: str,
        load: Callable[[], Awaitable[M]],
        *,
        scope: str | None = None,
    ) -> M:
        """The cached answer of a read, or `load()`'s, which is then cached.

        Errors raised by `load` (not found, ...) propagate and nothing is cached.
        """
        cache = current_cache()
        try:
            generation = int(await cache.get(self._generation_key, default=0))
            key = cache_key(self.entity, generation, operation, arguments, scope=scope)
            cached = await cache.get(key)
        except Exception:
            logger.warning(
                "cache read of %s failed; reading the database", self.entity, exc_info=True
            )
            return await load()
        if isinstance(cached, bytes):
            try:
                return model.model_validate_json(cached)
            except ValidationError:
                logger.warning(
                    "cache entry %s is not a valid %s; reloading it", key, model.__name__
                )
        value = await load()
        try:
            await cache.set(key, value.model_dump_json().encode(), expire=self.ttl)
        except Exception:
            logger.warning("cache write of %s failed", self.entity, exc_info=True)
        return value

    async def invalidate(self) -> None:
        """Make every cached read of the entity stale (call it after a write commits)."""
        await invalidate(self.entity)

    @property
    def _generation_key(self) -> str:
        return generation_key(self.entity)


def generation_key(entity: str) -> str:
    """The key of an entity's generation counter."""
    return f"{_namespace}:{entity}:generation"


async def invalidate(*entities: str) -> None:
    """Bump the generation of each entity, so none of their cached reads is used again."""
    for entity in entities:
        try:
            await current_cache().incr(generation_key(entity))
        except Exception:
            logger.warning("cache invalidation of %s failed", entity, exc_info=True)
