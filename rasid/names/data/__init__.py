"""Hand-written name tables (TSV), shipped as package data."""
