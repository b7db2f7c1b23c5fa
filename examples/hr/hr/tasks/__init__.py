"""Background tasks, one module per entity with `events:`; yours to fill in."""
