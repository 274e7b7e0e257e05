"""Event detection: the Arabic PLOVER trigger lexicon and PLOVER JSON export."""
