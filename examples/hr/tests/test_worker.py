"""The Celery application: eager without a broker, and an enqueue that never fails a request."""

import pytest
from kombu.exceptions import OperationalError

from hr.core.config import Settings
from hr.core.worker import celery_app, create_celery_app, enqueue


@celery_app.task
def double(number: int) -> int:
    return number * 2


def test_tasks_run_eagerly_without_redis() -> None:
    app = create_celery_app(Settings(REDIS_URL=None))
    assert app.conf.task_always_eager is True


def test_tasks_go_to_redis_when_it_is_set() -> None:
    app = create_celery_app(Settings(REDIS_URL="redis://localhost:6379/0"))
    assert app.conf.task_always_eager is False
    assert app.conf.broker_url == "redis://localhost:6379/0"


async def test_enqueue_runs_the_task(enqueued: list[tuple[str, list[str]]]) -> None:
    await enqueue(double, 21)
    assert enqueued == [(double.name, ["21"])]


async def test_an_unreachable_broker_is_logged_not_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def unreachable(*args: object, **kwargs: object) -> None:
        raise OperationalError("connection refused")

    monkeypatch.setattr(double, "delay", unreachable)
    await enqueue(double, 1)
    assert "could not enqueue" in caplog.text
