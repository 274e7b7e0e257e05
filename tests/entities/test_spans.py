

def test_a_given_name_opening_with_a_proclitic_letter_stays_whole():
    """بسام is not ب + سام, ليلى not ل + يلى (the corpus sees سام and يلي more often than the
    names, so the corpus counts alone would cut them); بطرابلس still loses its ب."""
    from rasid.extract import extract_text
    a = extract_text("التقى بسام العامري مع ليلى علوي بطرابلس أمس.")
    names = {e.name for e in a.entities}
    assert "بسام العامري" in names and "ليلى علوي" in names and "طرابلس" in names
