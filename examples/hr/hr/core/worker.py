"""The Celery application: Redis as broker and result backend, or eager without Redis.

A worker runs the tasks:

    celery -A hr.core.worker worker --loglevel=INFO

When `REDIS_URL` is unset (and in the tests) a task runs in the process that enqueues it, as soon
as it is enqueued, so the service needs no other service in development.
"""

import asyncio
import logging
import pkgutil
from typing import Any, ParamSpec

from celery import Celery, Task
from kombu.exceptions import OperationalError

from hr import tasks
from hr.core.config import Settings, get_settings

logger = logging.getLogger(__name__)

P = ParamSpec("P")


def _task_modules() -> list[str]:
    """Every module of the `tasks` package, for the worker to import."""
    return sorted(
        f"{tasks.__name__}.{module.name}" for module in pkgutil.iter_modules(tasks.__path__)
    )


def create_celery_app(settings: Settings) -> Celery:
    """The Celery application for `settings`."""
    app = Celery(
        "hr",
        # Without Redis tasks run eagerly and no broker is contacted; "memory://" says so.
        broker=settings.REDIS_URL or "memory://",
        backend=settings.REDIS_URL,
        include=_task_modules(),
    )
    app.conf.update(
        task_always_eager=settings.REDIS_URL is None or settings.CELERY_TASK_ALWAYS_EAGER,
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_time_limit=settings.CELERY_TASK_TIME_LIMIT,
        result_expires=3600,
        broker_connection_retry_on_startup=True,
    )
    return app


celery_app = create_celery_app(get_settings())


async def enqueue(task: "Task[P, Any]", *args: P.args, **kwargs: P.kwargs) -> None:
    """Send `task` to the workers without blocking the event loop.

    Services call it after their transaction commits. The write has happened by then, so a
    broker that cannot be reached is logged, not raised: the request still succeeds.
    """
    try:
        await asyncio.to_thread(task.delay, *args, **kwargs)
    except OperationalError:
        logger.exception("could not enqueue %s; the broker is unreachable", task.name)
