"""Hand-made articles whose events carry issue 10's fields: realis, descriptive participants,
casualties, trigger span, reporter (no pipeline run)."""
from __future__ import annotations

from rasid.doc import Article
from rasid.doc.layers import Entity, Event, Mention, Participant, Place

ARMY = "الجيش الأردني"
AMMAN = "عمّان"
INTERIOR = "وزارة الداخلية"
ENTITIES = {
    ARMY: ("ORG", "Jordanian Army", "JOR", "MIL", None),
    AMMAN: ("LOC", "Amman", "JOR", None, (31.95, 35.93)),
    INTERIOR: ("ORG", "Interior Ministry", "JOR", "GOV", None),
}

ATTACK = ("هاجم مسلحون مجهولون دورية تابعة لـ" + ARMY + " قرب " + AMMAN + " الأحد، ما أسفر عن مقتل ثلاثة جنود "
          "وإصابة خمسة آخرين، بحسب بيان لـ" + INTERIOR + ". ولم تتبن أي جهة الهجوم حتى الآن.")
ATTACK_2 = ("قتل أربعة جنود من " + ARMY + " وأصيب خمسة في هجوم شنه مسلحون على دورية قرب " + AMMAN
            + "، وفق ما ذكرت " + INTERIOR + " في بيان مساء الأحد. وتواصل القوات تمشيط المنطقة.")


def attack(text: str = ATTACK, *, published: str = "2024-03-03", realis: str = "actual",
           source_text: str = "مسلحون مجهولون", source_sector: str | None = "UAF", source_country: str | None = None,
           killed: int | None = 3, injured: int | None = 5, mode: str | None = "ambush",
           trigger: str = "هاجم", publisher: str = "صحيفة", named_target: bool = True) -> Article:
    """An article with one ASSAULT: a descriptive source (found in ``text``), the army as a named target
    (a participant, and in ``Event.target``), the interior ministry as reporter, Amman as place."""
    a = Article(raw=text, title=text[:40], published=published, publisher=publisher, source="test")
    ents: dict[str, Entity] = {}
    for i, (name, (typ, latin, country, sector, geo)) in enumerate(ENTITIES.items()):
        at = text.find(name)
        if at < 0:
            continue
        m = Mention(f"m{i}", at, at + len(name), name, typ)
        e = Entity(f"e{i}", typ, name, [m.id], name_latin=latin, country=country, sector=sector,
                   geo=Place(geo[0], geo[1], country) if geo else None)
        a.mentions.append(m)
        a.entities.append(e)
        ents[name] = e
    end = text.find(".") + 1
    parts = []
    s = text.find(source_text)
    assert s >= 0, source_text
    parts.append(Participant("source", s, s + len(source_text), source_text, kind="descriptive",
                             sector=source_sector, country=source_country))
    if named_target:
        m = a.mentions[0]
        parts.append(Participant("target", m.start, m.end, m.text, kind="named", entity=ents[ARMY].id,
                                 sector="MIL", country="JOR"))
    t = text.find(trigger)
    a.events.append(Event("v0", "ASSAULT", 0, end, mode=mode, target=[ents[ARMY].id] if named_target else [],
                          location=ents[AMMAN].id, confidence=0.8, trigger=trigger, realis=realis,
                          trigger_start=t, trigger_end=t + len(trigger), participants=parts,
                          killed=killed, injured=injured, reported_by=ents[INTERIOR].id,
                          negated=realis == "negated", future=realis == "future",
                          hypothetical=realis == "hypothetical"))
    return a


def realis_store(path, *, background: bool = True):
    """A store at ``path`` holding the same attack reported as actual, as future (a week later) and,
    unless ``background`` is false, as background (three weeks later); returns ``path``."""
    from rasid.store import Store

    with Store(path) as s:
        s.add(attack())
        s.add(attack(ATTACK + " وتابع.", realis="future", published="2024-03-10"))
        if background:
            s.add(attack(ATTACK + " وختم.", realis="background", published="2024-03-20"))
    return path
