"""The web UI in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright's Python package).

The server runs in a thread on a free localhost port over a store built from
hand-made Articles. Every request to anything but localhost is aborted and
recorded, and the test fails if one was attempted. Screenshots go to
artifacts/screenshots/*.png.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, uvicorn) is not installed")
pytest.importorskip("uvicorn", reason="uvicorn is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed")

from rasid.web import create_app  # noqa: E402

expect = sync_api.expect
# Playwright's wait_for_function evaluates strings, which the UI's Content-Security-Policy (no eval) forbids:
# the tests wait with locators instead.
from tests.web.data import XSS_IMG, XSS_SCRIPT, XSS_TITLE, build_store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]
LOCAL = {"127.0.0.1", "localhost"}

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"{CHROMIUM} is absent (install Debian's chromium: apt-get install -y chromium)")


def serve(path):
    """Serve the store at ``path`` on a free loopback port for as long as the generator is suspended:
    yields its base url (for module fixtures: ``yield from serve(path)``)."""
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning",
                                       access_log=False))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if not th.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("ui") / "store.db"
    ids = build_store(path)
    for url in serve(path):
        yield url, ids


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


class Watch:
    """What a page did that it must not: requests off localhost, dialogs, script errors, console errors."""

    def __init__(self, page):
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("console", lambda msg: self.errors.append(f"console: {msg.text}") if msg.type == "error" else None)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def route(self, route):
        url = route.request.url
        host = urlparse(url).hostname
        if url.startswith("data:") or host in LOCAL:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def check(self):
        assert self.blocked == [], f"requests off localhost were attempted: {self.blocked}"
        assert self.dialogs == [], f"a dialog opened (script from an article ran?): {self.dialogs}"
        assert self.errors == [], f"errors in the page: {self.errors}"


def open_page(browser):
    """A fresh English page (1366×900) whose requests and console errors a Watch records; close its
    context (``pg.context.close()``) when done."""
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-US")
    pg = ctx.new_page()
    watch = Watch(pg)
    ctx.route("**/*", watch.route)
    pg.set_default_timeout(15_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    return pg, watch


@pytest.fixture()
def page(browser, server):
    pg, watch = open_page(browser)
    yield pg, watch, server[0], server[1]
    pg.context.close()


def shot(pg, name):
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_events_filter_article_actor(page):
    pg, watch, base, ids = page
    pg.goto(base + "/")
    pg.wait_for_selector("table.events tbody tr")
    assert pg.locator("table.events tbody tr").count() == 5
    assert pg.locator("nav a.active").inner_text() == "Events"
    shot(pg, "events")

    # filter by actor (a name in Arabic script)
    pg.fill("form.filters input[name=actor]", "هشام الطرابلسي")
    pg.click("form.filters button[type=submit]")
    expect(pg.locator("table.events tbody tr")).to_have_count(2)
    assert "actor=" in pg.url
    assert pg.locator(".pager").first.inner_text().startswith("1–2 of 2")
    shot(pg, "events-filtered")

    # the type filter narrows further
    pg.select_option("form.filters select[name=type]", "ACCUSE")
    pg.click("form.filters button[type=submit]")
    expect(pg.locator("table.events tbody tr")).to_have_count(1)

    # open the event's article: evidence highlighted and explained
    pg.click("table.events tbody tr a.open-article")
    pg.wait_for_selector(".article-text")
    assert pg.locator(".article-text").get_attribute("dir") == "rtl"
    assert pg.locator(".hl-event.focus").count() >= 1
    assert pg.locator(".hl-mention").count() >= 3 and pg.locator(".hl-quote").count() >= 1
    tip = pg.locator(".hl-mention.ent-per").first.get_attribute("title")
    assert "Person mention" in tip and "Hisham Trabelsi" in tip and "TUN" in tip and "وزير الخارجية" in tip
    ev_tip = pg.locator(".hl-event").first.get_attribute("title")
    assert "ACCUSE" in ev_tip and "Tammam Raad" in ev_tip
    pg.locator(".hl-quote").first.click()
    assert "quote" in pg.locator(".detail").inner_text().lower()
    pg.locator(".hl-mention.ent-per").first.hover()
    shot(pg, "article")

    # the actor page: names in both scripts, offices, events over time, quotes
    pg.locator("table.entities a", has_text="هشام الطرابلسي").click()
    pg.wait_for_selector(".actor-title")
    title = pg.locator(".actor-title").inner_text()
    assert "هشام الطرابلسي" in title and "Hisham Trabelsi" in title
    assert "وزير الخارجية" in pg.locator("table.offices").inner_text()
    assert pg.locator("svg.chart rect.bar").count() == 2
    assert "الاتفاق لن يصمد طويلاً" in pg.locator("ul.quotes").inner_text()
    shot(pg, "actor")
    watch.check()


def test_article_markup_is_text_and_never_runs(page):
    pg, watch, base, ids = page
    aid = ids["articles"][XSS_TITLE]
    pg.goto(f"{base}/#/article/{aid}")
    pg.wait_for_selector(".article-text")
    text = pg.locator(".article-text").inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text and "😀" in text
    assert pg.locator("h1.article-title").inner_text() == XSS_TITLE
    assert pg.locator("#view script").count() == 0 and pg.locator("#view img").count() == 0
    assert pg.locator("#view b").count() == 0
    assert pg.locator("a[href^='javascript']").count() == 0          # the stored url is javascript:, never a link
    # highlights still line up after the emoji (code points vs UTF-16)
    quote = pg.locator(".hl-quote").all_inner_texts()
    assert "".join(quote).startswith("النص التالي ليس شيفرة") and "".join(quote).endswith(XSS_SCRIPT)
    pg.wait_for_timeout(300)
    shot(pg, "article-markup")
    watch.check()


def test_network_map_counts_search(page):
    pg, watch, base, ids = page
    pg.goto(base + "/#/network")
    pg.wait_for_selector("svg.network a.node")
    assert pg.locator("svg.network a.node").count() == 4
    assert pg.locator("svg.network path.edge").count() == 4
    assert "ACCUSE" in pg.locator("table.pairs").inner_text()
    shot(pg, "network")
    pg.locator("svg.network a.node circle").first.click()
    pg.wait_for_selector(".actor-title")

    pg.goto(base + "/#/map")
    pg.wait_for_selector("svg.map g.place")
    assert pg.locator("svg.map g.place").count() == 3
    assert "Riyadh" in pg.locator("svg.map").inner_html()
    assert pg.locator("svg.map line.graticule").count() > 4
    shot(pg, "map")
    pg.click("text=Whole world")
    pg.wait_for_url("**view=world**")
    pg.wait_for_selector("svg.map g.place")
    shot(pg, "map-world")

    pg.goto(base + "/#/counts")
    pg.wait_for_selector("svg.chart rect.bar")
    assert pg.locator("svg.chart rect.bar").count() == 4
    shot(pg, "counts")
    pg.select_option("form.filters select[name=interval]", "day")
    pg.click("form.filters button[type=submit]")
    expect(pg.locator("svg.chart rect.bar")).to_have_count(5)

    pg.fill("#searchbox input", "الطرابلسي")
    pg.press("#searchbox input", "Enter")
    pg.wait_for_selector("table.articles tbody tr")
    assert pg.locator("table.articles tbody tr").count() == 2
    assert "Hisham Trabelsi" in pg.locator(".chips").inner_text()
    shot(pg, "search")

    pg.goto(base + "/#/event/E0000")
    pg.wait_for_selector(".error")
    assert "Not found" in pg.locator(".error").inner_text()
    # the error page's failed fetch (404) is reported by Chromium as a console error: not a page fault
    watch.errors = [e for e in watch.errors if "404" not in e]
    watch.check()


def test_off_localhost_requests_are_blocked_and_seen(page):
    """The guard itself works: a fetch to another host is aborted and recorded."""
    pg, watch, base, _ = page
    pg.goto(base + "/#/events")
    pg.wait_for_selector("table.events")
    # a fetch from the page to another host is stopped by the UI's CSP (connect-src 'self') before the network
    assert pg.evaluate("() => fetch('http://example.invalid/x').then(() => 'fetched', () => 'refused')") == "refused"
    assert watch.blocked == []
    # a navigation is not covered by connect-src: the route guard aborts it and records it
    with pytest.raises(sync_api.Error):
        pg.goto("http://example.invalid/x")
    assert watch.blocked == ["http://example.invalid/x"]
