"""The jobs of the `mentions` stage (rasid.stages.mentions wires them), one module each:

* :mod:`~rasid.mentions.candidates` -- proposals: the tagger's spans per sentence, the rule
  walkers' (rasid.entities.rules) and gazetteer places the tagger missed;
* :mod:`~rasid.mentions.merge` -- overlapping token spans resolved, new mentions made and
  merged into the list in text order;
* :mod:`~rasid.mentions.trim` -- a span's edges adjusted (لقاء X, مطار X, وزارة X الليبية)
  and one-word spans kept, dropped or relabelled;
* :mod:`~rasid.mentions.propagate` -- a name found once is found everywhere in the article.

Spans are ``(i, j, label, source)`` token ranges, ``source`` being "model" or "rule".
"""
