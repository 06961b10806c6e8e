"""Memex: a local-first AI second brain."""

__version__ = "0.1.0"
