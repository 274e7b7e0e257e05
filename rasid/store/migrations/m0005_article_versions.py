"""0005: edited articles replace their stored version, which is kept.

* ``article_versions``: one row per replaced version of an article (its id, the content hash
  and the compressed document it had, and when it was replaced); see ``Store.add``.
* ``articles_url``: an index on ``articles(url)``, through which an edited article without an
  id of its own finds its earlier version.
"""

NAME = "0005_article_versions"

SQL = """
CREATE TABLE article_versions (
    seq           INTEGER PRIMARY KEY,
    article_id    TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    raw_json      BLOB NOT NULL,
    replaced_at   TEXT NOT NULL
);
CREATE INDEX article_versions_article ON article_versions(article_id);
CREATE INDEX articles_url ON articles(url);
"""
