"""Rendering: spec -> view models -> Jinja templates -> source text."""
