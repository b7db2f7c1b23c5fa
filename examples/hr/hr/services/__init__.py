"""Business logic: one service per entity; raises domain errors and commits explicitly."""
