"""Settings, the database session and the domain errors shared by every layer."""
