"""Data access: the only code that touches the session and builds SQL."""
