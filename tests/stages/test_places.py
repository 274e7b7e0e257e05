

def test_a_state_head_alone_is_the_publishers_country():
    from rasid.extract import extract_text
    a = extract_text("وأكد أن المملكة تدعم جهود السلام في اليمن.", publisher="sabq")
    kingdom = next(e for e in a.entities if e.name == "المملكة")
    assert kingdom.country == "SAU" and kingdom.geo.feature == "country"
    b = extract_text("وأكد أن المملكة تدعم جهود السلام في اليمن.")
    assert next(e for e in b.entities if e.name == "المملكة").country is None    # nothing says which


def test_an_unknown_place_is_in_the_country_of_its_sentence():
    from rasid.extract import extract_text
    a = extract_text("وسيطرت القوات على مناطق الشيحة والدواية في محافظة الأنبار العراقية.")
    assert {e.name: e.country for e in a.entities if e.type == "LOC"}["الشيحة"] == "IRQ"


def test_a_continent_or_region_has_no_country():
    from rasid.extract import extract_text
    a = extract_text("وأضاف أن اتحادات أوروبا وآسيا وأفريقيا تدعم بلاتيني، كما زار الوفد الكاريبي وأميركا الوسطى ثم واشنطن.")
    by_name = {e.name: e for e in a.entities if e.type == "LOC"}
    for region in ("أوروبا", "آسيا", "أميركا الوسطى"):
        e = by_name[region]
        # no country; a centre and an English name only from one of the gazetteer's areas
        assert e.country is None
        assert e.geo is None or (e.geo.feature == "region" and e.geo.country is None and e.name_latin)
    assert by_name["أوروبا"].name_latin == "Europe" and by_name["أوروبا"].geo.lat > 40
    assert by_name["واشنطن"].country == "USA"
