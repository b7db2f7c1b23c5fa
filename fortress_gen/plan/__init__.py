"""Plans: what a run will do to each file, decided before anything is written."""
