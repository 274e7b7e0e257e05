"""The data model: Article and its layers. No NLP and no I/O here.

The names below are imported from their modules on first use (PEP 562), so that importing one
small module of the package (``rasid.doc.realis``) does not load the whole data model.
"""
import importlib

_HOME = {
    "Alignment": "alignment", "Segment": "alignment", "Article": "article", "content_id": "article",
    "ArticleError": "layers", "Entity": "layers", "Event": "layers", "Mention": "layers", "Place": "layers",
    "Quote": "layers", "Removed": "layers", "Role": "layers", "Sentence": "layers", "TimeExpr": "layers",
    "Token": "layers", "Word": "layers", "Span": "span", "check_span": "span", "check_text": "span",
}

__all__ = [
    "Alignment", "Segment", "Article", "content_id", "ArticleError", "Entity", "Event", "Mention",
    "Place", "Quote", "Removed", "Role", "Sentence", "TimeExpr", "Token", "Word", "Span",
    "check_span", "check_text",
]


def __getattr__(name: str):
    if name in _HOME:
        return getattr(importlib.import_module(f"rasid.doc.{_HOME[name]}"), name)
    raise AttributeError(f"module 'rasid.doc' has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *_HOME])
