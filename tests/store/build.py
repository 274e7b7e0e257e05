"""Articles built by hand for the store tests (no pipeline run)."""
from __future__ import annotations

from rasid.doc import Article
from rasid.doc.layers import Entity, Event, Mention, Place, Quote, Role, TimeExpr

PEOPLE = {
    # name: (type, latin, country, sector, title)
    "رائد أبو السعود": ("PER", "Raed Abu al-Saud", "JOR", "GOV", "وزير المياه"),
    "تمام رعد": ("PER", "Tammam Raad", "SYR", "GOV", "وزير الموارد المائية"),
    "الأردن": ("LOC", "Jordan", "JOR", None, None),
    "عمّان": ("LOC", "Amman", "JOR", None, None),
    "هشام الطرابلسي": ("PER", "Hisham Trabelsi", "TUN", "GOV", "وزير الخارجية"),
    "فيصل بن فرحان": ("PER", "Faisal bin Farhan", "SAU", "GOV", "وزير الخارجية"),
}


def article(text: str, *, published: str = "2024-03-03", title: str | None = None,
            events: list[tuple[str, list[str], list[str]]] = (), quotes: list[tuple[str, str]] = (),
            publisher: str | None = "صحيفة", names: list[str] | None = None, event_date: str | None = None,
            location: str | None = None) -> Article:
    """An Article over ``text`` with an entity for every name of PEOPLE found in it (first occurrence),
    ``events`` as (type, source names, target names) with the first sentence as evidence, and
    ``quotes`` as (quoted text, speaker name)."""
    a = Article(raw=text, title=title, published=published, publisher=publisher)
    ents: dict[str, Entity] = {}
    for i, name in enumerate(names if names is not None else PEOPLE):
        at = text.find(name)
        if at < 0:
            continue
        typ, latin, country, sector, title_ = PEOPLE[name]
        m = Mention(f"m{i}", at, at + len(name), name, typ)
        e = Entity(f"e{i}", typ, name, [m.id], name_latin=latin, country=country, sector=sector,
                   roles=[Role(title_, country=country)] if title_ else [],
                   geo=Place(31.95, 35.93, country) if typ == "LOC" else None)
        a.mentions.append(m)
        a.entities.append(e)
        ents[name] = e
    end = text.find(".") + 1 or len(text)
    for j, (typ, src, tgt) in enumerate(events):
        a.events.append(Event(f"v{j}", typ, 0, end, source=[ents[n].id for n in src],
                              target=[ents[n].id for n in tgt], date=event_date,
                              location=ents[location].id if location else None, confidence=0.7,
                              trigger=typ.lower()))
    for k, (qt, speaker) in enumerate(quotes):
        at = text.find(qt)
        a.quotes.append(Quote(f"q{k}", at, at + len(qt), qt, kind="direct", cue="قال",
                              speaker=ents[speaker].id))
    at = text.find("الأحد")
    if at >= 0:
        a.times.append(TimeExpr("t0", at, at + 5, "الأحد", value=published, precision="day"))
    return a


WATER = ("بحث وزير المياه والري الأردني رائد أبو السعود مع نظيره السوري تمام رعد، الأحد، في العاصمة عمّان "
         "سبل تنظيم تقاسم مياه نهر اليرموك وتحسين تخزين سد الوحدة. وقال أبو السعود في بيان صحفي إن الجانبين "
         "اتفقا على «تشكيل لجنة فنية مشتركة تجتمع كل ثلاثة أشهر»، مشيراً إلى أن كميات الأمطار تراجعت هذا العام "
         "بنسبة ثلاثين في المئة عن المعدل العام في المملكة.")

WATER_EDITED = ("بحث وزير المياه والري الأردني رائد أبو السعود مع نظيره السوري تمام رعد، الأحد، في العاصمة عمّان "
                "سبل تنظيم تقاسم مياه نهر اليرموك وتحسين تخزين سد الوحدة. وقال أبو السعود في بيان صحفى إن الجانبين "
                "اتفقا على «تشكيل لجنة فنية مشتركة تجتمع كل ثلاثة أشهر»، مشيرا إلى أن كميات الأمطار تراجعت هذا العام "
                "بنسبة ثلاثين في المئة عن المعدل العام في المملكة الأردنية.")

TUNIS = ("التقى وزير الخارجية التونسي هشام الطرابلسي نظيره السعودي فيصل بن فرحان في الرياض لبحث العلاقات "
         "الثنائية والتعاون الاقتصادي بين البلدين. وأكد الجانبان أهمية تعزيز الاستثمار المشترك في مجالات الطاقة "
         "والنقل والسياحة خلال المرحلة المقبلة.")


def water(**kw) -> Article:
    kw.setdefault("events", [("CONSULT", ["رائد أبو السعود"], ["تمام رعد"])])
    kw.setdefault("quotes", [("تشكيل لجنة فنية مشتركة تجتمع كل ثلاثة أشهر", "رائد أبو السعود")])
    kw.setdefault("location", "عمّان")
    return article(kw.pop("text", WATER), **kw)


def tunis(**kw) -> Article:
    kw.setdefault("events", [("CONSULT", ["هشام الطرابلسي"], ["فيصل بن فرحان"])])
    return article(kw.pop("text", TUNIS), **kw)


def filler(i: int, published: str = "2024-02-01") -> Article:
    """An unrelated article with no entities, distinct per ``i``."""
    words = ["سوق", "أسعار", "النفط", "ارتفعت", "اليوم", "الأسهم", "المحلية", "تداول", "مؤشر", "البورصة"]
    text = " ".join(words[(i * 7 + k * 3) % len(words)] + str(i) for k in range(40)) + "."
    return article(text, published=published, names=[])


def all_articles(n: int = 6) -> list[Article]:
    """The articles the killed-ingest test writes (imported by its child process too)."""
    return [water(), tunis(), *(filler(i) for i in range(n - 2))]


def committed(path) -> int:
    """Articles committed in the store at ``path`` as another connection sees them (0 when there
    is no store yet): what the killed-ingest tests watch."""
    import sqlite3

    try:
        conn = sqlite3.connect(path, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def with_id(article: Article, article_id: str) -> Article:
    """``article`` under the id ``article_id`` (as a record with an ``id`` field gives it)."""
    article.id = article_id
    return article
