"""Training entry points (build models from ../shared/data)."""
