"""Background work after Note events. This module is yours: Fortress writes it once.

The Note service enqueues each task after its transaction commits, with the row's id.
A Celery worker runs them (`celery -A notes_api.core.worker worker`); without `REDIS_URL` they
run in the process that enqueues them. Keep each task's name and signature (the service calls
them); change their bodies as you like.
"""

import logging
from uuid import UUID

from notes_api.core.worker import celery_app

logger = logging.getLogger(__name__)


@celery_app.task
def note_created(note_id: UUID) -> None:
    """Runs after a Note is created and committed."""
    logger.info("Note %s created", note_id)
