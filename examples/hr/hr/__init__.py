"""The service: endpoints -> services -> repositories -> models (see README.md)."""
