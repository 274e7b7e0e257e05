"""0008: names waiting for a second article before they become registry actors.

* ``actor_candidates``: one row per entity of a stored article that the evidence model admits but
  that no lexicon, office or earlier article vouches for (rasid.store.evidence ``admission`` says
  ``"recurs"``). ``key`` is the registry's key of its name with its type (``PER|جيمي بيل``). When
  another article names the same key, the actor is made and every waiting entity of that key is
  linked to it (rasid.store.pending); their rows go. A row goes with its article.
"""

NAME = "0008_actor_candidates"

SQL = """
CREATE TABLE actor_candidates (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL,
    key         TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX actor_candidates_key ON actor_candidates(key);
"""
