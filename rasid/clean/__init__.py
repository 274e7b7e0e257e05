"""Boilerplate removal by deletion only (see rasid.clean.core and rasid/lang/ar/lexicons/boilerplate.json)."""
from rasid.clean.core import Cleaning, find_removals
from rasid.clean.dateline import find_dateline
from rasid.clean.rules import line_key, load_rules, title_key

__all__ = ["Cleaning", "find_removals", "find_dateline", "line_key", "load_rules", "title_key"]
