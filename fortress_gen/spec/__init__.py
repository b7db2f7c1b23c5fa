"""Entity specs: the validated, immutable description of what to generate."""
