"""Background work after Note events. This module is yours: Fortress writes it once.

The Note service enqueues each task after its transaction commits, with the row's id.
A Celery worker runs them (`celery -A app.core.worker worker`); without `REDIS_URL` they
run in the process that enqueues them. Keep each task's name and signature (the service calls
them); change their bodies as you like.
"""

import logging

from app.core.worker import celery_app

logger = logging.getLogger(__name__)


@celery_app.task
def note_created(note_id: int) -> None:
    """Runs after a Note is created and committed."""
    logger.info("Note %s created", note_id)


@celery_app.task
def note_updated(note_id: int) -> None:
    """Runs after a Note is updated and committed."""
    logger.info("Note %s updated", note_id)


@celery_app.task
def note_deleted(note_id: int) -> None:
    """Runs after a Note is deleted and committed (it may be gone: use the id)."""
    logger.info("Note %s deleted", note_id)
