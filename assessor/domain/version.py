"""The engine's version, stamped on every stored result."""

ENGINE_VERSION = "0.2.0"
"""Kept equal to the project version in pyproject.toml (a test checks)."""
