"""The web UI shows descriptive parties with their codes, realis, mode and casualties, and lists
actual events unless its realis filter asks (headless Chromium, as tests/web/test_browser.py)."""
from __future__ import annotations

import os

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, uvicorn) is not installed")
pytest.importorskip("uvicorn", reason="uvicorn is not installed")
pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed")

from tests.store.events_build import realis_store  # noqa: E402
from tests.web.test_browser import CHROMIUM, browser, expect, open_page, serve, shot  # noqa: E402,F401

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"{CHROMIUM} is absent (install Debian's chromium: apt-get install -y chromium)")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    yield from serve(realis_store(tmp_path_factory.mktemp("ui-realis") / "store.db", background=False))


def test_events_realis_and_descriptive_parties(browser, base):
    pg, watch = open_page(browser)
    pg.goto(base + "/")
    pg.wait_for_selector("table.events tbody tr")
    assert pg.locator("table.events tbody tr").count() == 1           # the future event is left out
    row = pg.locator("table.events tbody tr").first
    party = row.locator(".party.descriptive")
    assert party.locator("bdi").inner_text() == "مسلحون مجهولون" and party.locator(".codes").inner_text() == "UAF"
    assert "Descriptive actor" in party.get_attribute("title")
    assert row.locator(".mode").inner_text() == "ambush"
    assert row.locator(".casualties").inner_text() == "3 killed, 5 injured"
    assert row.locator("a.actor").count() == 1                         # the army, named
    shot(pg, "events-realis")

    pg.select_option("form.filters select[name=realis]", "all")
    pg.click("form.filters button[type=submit]")
    expect(pg.locator("table.events tbody tr")).to_have_count(2)
    assert "realis=all" in pg.url and pg.locator("table.events .realis.r-future").count() == 1

    # the event page: realis, casualties, reporter
    pg.select_option("form.filters select[name=realis]", "future")
    pg.click("form.filters button[type=submit]")
    expect(pg.locator("table.events tbody tr")).to_have_count(1)
    pg.locator("table.events tbody tr td.num a").click()
    pg.wait_for_selector("dl.facts")
    facts = pg.locator("dl.facts").inner_text()
    assert "future (future or planned)" in facts and "3 killed, 5 injured" in facts and "وزارة الداخلية" in facts

    # the article: the event's explanation names its realis and its descriptive party
    pg.goto(base + "/#/events?realis=future")
    pg.wait_for_selector("table.events tbody tr")
    pg.click("table.events tbody tr a.open-article")
    pg.wait_for_selector(".article-text")
    tip = pg.locator(".hl-event").first.get_attribute("title")
    assert "Realis: future" in tip and "مسلحون مجهولون [UAF]" in tip and "Casualties: 3 killed, 5 injured" in tip
    assert pg.locator("ul.ev-list .party.descriptive").count() == 1
    watch.check()
    pg.context.close()
