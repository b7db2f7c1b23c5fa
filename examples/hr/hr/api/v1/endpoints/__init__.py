"""One module per entity, each with its `router` (written by `fortress generate`)."""
