"""The data model: Article and its layers. No NLP and no I/O here."""
from rasid.doc.alignment import Alignment, Segment
from rasid.doc.article import Article, content_id
from rasid.doc.layers import (ArticleError, Entity, Event, Mention, Place, Quote, Removed, Role,
                              Sentence, TimeExpr, Token, Word)
from rasid.doc.span import Span, check_span, check_text

__all__ = [
    "Alignment", "Segment", "Article", "content_id", "ArticleError", "Entity", "Event", "Mention",
    "Place", "Quote", "Removed", "Role", "Sentence", "TimeExpr", "Token", "Word", "Span",
    "check_span", "check_text",
]
