"""Background work after Order events. This module is yours: Fortress writes it once.

The Order service enqueues each task after its transaction commits, with the row's id.
A Celery worker runs them (`celery -A app.core.worker worker`); without `REDIS_URL` they
run in the process that enqueues them. Keep each task's name and signature (the service calls
them); change their bodies as you like.
"""

import logging

from app.core.worker import celery_app

logger = logging.getLogger(__name__)


@celery_app.task
def order_created(order_id: int) -> None:
    """Runs after an Order is created and committed."""
    logger.info("Order %s created", order_id)
