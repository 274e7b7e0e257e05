"""A small store for the web tests, built from hand-made Articles (no NER model, no pipeline)."""
from __future__ import annotations

from pathlib import Path

from rasid.doc import Article
from rasid.doc.layers import Entity, Event, Mention, Place, Quote, Role, TimeExpr
from rasid.store import Store

# name: (type, latin, country, sector, office, (lat, lon) for places)
ACTORS = {
    "رائد أبو السعود": ("PER", "Raed Abu al-Saud", "JOR", "GOV", "وزير المياه", None),
    "تمام رعد": ("PER", "Tammam Raad", "SYR", "GOV", "وزير الموارد المائية", None),
    "هشام الطرابلسي": ("PER", "Hisham Trabelsi", "TUN", "GOV", "وزير الخارجية", None),
    "فيصل بن فرحان": ("PER", "Faisal bin Farhan", "SAU", "GOV", "وزير الخارجية", None),
    "عمّان": ("LOC", "Amman", "JOR", None, None, (31.95, 35.93)),
    "الرياض": ("LOC", "Riyadh", "SAU", None, None, (24.69, 46.72)),
    "تونس": ("LOC", "Tunis", "TUN", None, None, (36.80, 10.18)),
}

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_TITLE = "عنوان <b>عريض</b> <script>alert(2)</script>"


def make(text: str, *, published: str, title: str | None = None, events=(), quotes=(), url: str | None = None,
         publisher: str = "صحيفة الاختبار", time_word: str | None = None) -> Article:
    """An Article with an entity (and a mention at every occurrence) for each ACTORS name in ``text``;
    ``events``: (type, sources, targets, location, evidence substring); ``quotes``: (text, speaker)."""
    a = Article(raw=text, title=title, published=published, publisher=publisher, url=url, source="test")
    ents: dict[str, Entity] = {}
    k = 0
    for i, (name, (typ, latin, country, sector, office, geo)) in enumerate(ACTORS.items()):
        at, mids = text.find(name), []
        while at >= 0:
            m = Mention(f"m{k}", at, at + len(name), name, typ)
            k += 1
            a.mentions.append(m)
            mids.append(m.id)
            at = text.find(name, at + len(name))
        if mids:
            e = Entity(f"e{i}", typ, name, mids, name_latin=latin, country=country, sector=sector,
                       roles=[Role(office, country=country)] if office else [],
                       geo=Place(geo[0], geo[1], country, feature="city") if geo else None)
            a.entities.append(e)
            ents[name] = e
    for j, (typ, src, tgt, loc, evidence) in enumerate(events):
        s = text.find(evidence)
        assert s >= 0, evidence
        a.events.append(Event(f"v{j}", typ, s, s + len(evidence), source=[ents[n].id for n in src],
                              target=[ents[n].id for n in tgt], location=ents[loc].id if loc else None,
                              confidence=0.8, trigger=typ.lower()))
    for j, (qt, speaker) in enumerate(quotes):
        s = text.find(qt)
        assert s >= 0, qt
        a.quotes.append(Quote(f"q{j}", s, s + len(qt), qt, kind="direct", cue="قال", speaker=ents[speaker].id))
    if time_word:
        s = text.find(time_word)
        a.times.append(TimeExpr("t0", s, s + len(time_word), time_word, value=published, precision="day"))
    return a


WATER = ("بحث وزير المياه الأردني رائد أبو السعود مع نظيره السوري تمام رعد، الأحد، في العاصمة عمّان "
         "سبل تقاسم مياه نهر اليرموك. وقال أبو السعود إن الجانبين اتفقا على «تشكيل لجنة فنية مشتركة»، "
         "مشيراً إلى تراجع الأمطار.")
TUNIS = ("التقى وزير الخارجية التونسي هشام الطرابلسي نظيره السعودي فيصل بن فرحان في الرياض لبحث العلاقات "
         "الثنائية والتعاون الاقتصادي بين البلدين.")
ACCUSE = ("اتهم هشام الطرابلسي في تونس الوزير السوري تمام رعد بعرقلة اتفاق المياه، وقال الطرابلسي إن "
          "«الاتفاق لن يصمد طويلاً».")
THREAT = ("هدد فيصل بن فرحان في الرياض بقطع العلاقات مع دمشق إذا لم يتراجع تمام رعد عن تصريحاته.")
XSS = (f"قال رائد أبو السعود في عمّان إن النص التالي ليس شيفرة: {XSS_SCRIPT} وكذلك {XSS_IMG} "
       "ويجب أن يظهر كما هو. 😀 وانتهى الخبر هنا.")
FILLER = "ارتفعت أسعار النفط في الأسواق العالمية اليوم مع تراجع المخزونات الأمريكية للأسبوع الثالث."


def articles() -> list[Article]:
    return [
        make(WATER, published="2024-03-03", title="الأردن وسوريا يبحثان تقاسم مياه اليرموك", time_word="الأحد",
             events=[("CONSULT", ["رائد أبو السعود"], ["تمام رعد"], "عمّان",
                      "بحث وزير المياه الأردني رائد أبو السعود مع نظيره السوري تمام رعد")],
             quotes=[("تشكيل لجنة فنية مشتركة", "رائد أبو السعود")], url="https://example.org/water"),
        make(TUNIS, published="2024-04-10", title="لقاء تونسي سعودي في الرياض",
             events=[("CONSULT", ["هشام الطرابلسي"], ["فيصل بن فرحان"], "الرياض", TUNIS[:-1])]),
        make(ACCUSE, published="2024-05-02", title="الطرابلسي يتهم رعد",
             events=[("ACCUSE", ["هشام الطرابلسي"], ["تمام رعد"], "تونس", "اتهم هشام الطرابلسي في تونس الوزير السوري تمام رعد بعرقلة اتفاق المياه")],
             quotes=[("الاتفاق لن يصمد طويلاً", "هشام الطرابلسي")]),
        make(THREAT, published="2024-05-20", title="تهديد بقطع العلاقات",
             events=[("THREATEN", ["فيصل بن فرحان"], ["تمام رعد"], "الرياض", THREAT[:-1])]),
        make(XSS, published="2024-06-01", title=XSS_TITLE, url="javascript:alert(3)",
             events=[("CONSULT", ["رائد أبو السعود"], [], "عمّان", f"ليس شيفرة: {XSS_SCRIPT} وكذلك {XSS_IMG}")],
             quotes=[(f"النص التالي ليس شيفرة: {XSS_SCRIPT}", "رائد أبو السعود")]),
        make(FILLER, published="2024-02-15", title="أسعار النفط"),
    ]


def build_store(path: Path) -> dict:
    """Write the articles to a store at ``path``; return {"articles": {title: id}, "actors": {name: id}}."""
    ids: dict = {"articles": {}, "actors": {}}
    with Store(path) as s:
        for a in articles():
            res = s.add(a)
            assert res.inserted
            ids["articles"][a.title] = res.article_id
        for r in s.conn.execute("SELECT actor_id, name FROM actor_names WHERE script = 'ar'"):
            ids["actors"][r["name"]] = r["actor_id"]
    return ids
