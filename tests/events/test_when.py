"""rasid.events.when: an event is dated by the time expression of its clause."""
from rasid.doc.layers import TimeExpr
from rasid.events.when import event_time
from rasid.extract import extract_text


def _article(text, times, published="2015-07-21"):
    a = extract_text(text, published=published)
    a.times = [TimeExpr(f"t{n}", text.index(s), text.index(s) + len(s), s, v, p)
               for n, (s, v, p) in enumerate(times)]
    a.quotes = []
    return a


def _when(a, trigger):
    at = a.text.index(trigger)
    sent = next(s for s in a.sentences if s.start <= at < s.end)
    t, source = event_time(a, sent, at)
    return t.value if t else None, source


def test_a_year_in_a_relative_clause_does_not_date_the_event():
    a = _article("هاجم مسلحون مركزا للشرطة الذي افتتح عام 1998 في المدينة.", [("عام 1998", "1998", "year")])
    assert _when(a, "هاجم") == (None, "text")           # the caller falls back to the publication date
    assert _when(a, "افتتح") == ("1998", "text")         # the opening is dated by its own clause


def test_a_recent_day_elsewhere_in_the_sentence_dates_it():
    a = _article("قالت الشرطة أمس إن مسلحين هاجموا مركزا في المدينة.", [("أمس", "2015-07-20", "day")])
    assert _when(a, "هاجموا") == ("2015-07-20", "text")


def test_an_old_date_elsewhere_in_the_sentence_does_not():
    a = _article("منذ عام 2003 تعاني المدينة، وقد هاجم مسلحون مركزا فيها.", [("عام 2003", "2003", "year")])
    assert _when(a, "هاجم") == (None, "text")


def test_the_nearest_time_of_the_clause_wins():
    a = _article("هاجم مسلحون يوم الاثنين مركزا للشرطة بعد اجتماع عقد في مارس.",
                 [("يوم الاثنين", "2015-07-20", "day"), ("في مارس", "2015-03", "month")])
    assert _when(a, "هاجم") == ("2015-07-20", "text")
