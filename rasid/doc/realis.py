"""The realis values of an event (see :class:`rasid.doc.layers.Event`): kept apart from the data
model so that the store's readers know them without loading it."""

REALIS = ("actual", "negated", "future", "hypothetical", "background", "generic")
