"""`fortress check`: the architecture validator (rules in `rules/`, codes in `registry`)."""
