"""PLOVER events: found from trigger words and their clauses (finder) and written as PLOVER JSON (plover).
The trigger lexicon itself is a language resource: rasid.lang.ar.triggers."""
