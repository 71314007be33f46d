"""The real page in a real browser: search -> entity -> graph -> click an edge -> evidence.

Starts uvicorn on a free loopback port over the hand-made sample network (which names
actors ``<script>alert(1)</script> Holdings`` and ``<img src=x onerror=...> Trading``),
and drives Debian's Chromium through Playwright. Any dialog, any console error (a CSP
violation is one) or any ``<img>`` injected from report text fails the test.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.sample import IMG_NAME, SCRIPT_NAME, build_store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
VENDOR = ROOT / "src" / "sanctrace" / "web" / "static" / "vendor" / "cytoscape.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from sanctrace.api import create_app

    url = build_store(tmp_path_factory.mktemp("browser") / "sample.db")
    port = _free_port()
    config = uvicorn.Config(
        create_app(url, token=None), host="127.0.0.1", port=port, log_level="warning"
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's Chromium is not installed at /usr/bin/chromium "
            "(`make test` installs it via scripts/ensure-chromium.sh)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def test_search_entity_graph_edge_evidence(server: str, browser) -> None:  # noqa: ANN001
    assert VENDOR.exists(), "Cytoscape is not vendored: run `make test` or scripts/vendor-js.sh"
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    # home -> search for the hostile actor
    page.goto(server + "/")
    assert page.locator("h1").first.inner_text() == "Who supplies whom"
    page.locator("main form.search input[name=q]").fill("Holdings")
    page.locator("main form.search input[name=q]").press("Enter")
    page.wait_for_url("**/search?q=Holdings")
    page.get_by_role("link", name=SCRIPT_NAME).click()

    # entity page: the name is literal text, not markup
    page.wait_for_url("**/entity/**")
    assert page.locator("h1").inner_text().startswith(SCRIPT_NAME)
    evidence = page.locator("blockquote").first.inner_text()
    assert evidence == f"{SCRIPT_NAME} supplied Tula Armour with fibre cable."

    # graph focused on it: click the edge to Tula Armour, see its evidence
    page.get_by_role("link", name="Show in the network").click()
    page.wait_for_selector("body[data-graph-ready=true]", timeout=10_000)
    point = page.evaluate(
        """(name) => {
            const cy = window.sanctraceGraph;
            const edge = cy.edges().filter((e) => e.source().data('name') === name)[0];
            const box = cy.container().getBoundingClientRect();
            const mid = edge.renderedMidpoint();
            return {x: box.left + mid.x, y: box.top + mid.y};
        }""",
        SCRIPT_NAME,
    )
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#panel[data-kind=edge]", timeout=5_000)
    panel = page.locator("#panel")
    title = panel.locator("h2").inner_text()
    assert SCRIPT_NAME in title and "supplied" in title and "Tula Armour" in title
    assert panel.locator("blockquote").first.inner_text() == evidence
    assert "1 report" in panel.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser.png"), full_page=True)

    # the evidence link opens the report with the claim highlighted
    panel.locator("a", has_text="Optics for the front").click()
    page.wait_for_url("**/document/**#claim-*")
    target = page.locator("mark.evidence:target")
    assert target.inner_text() == evidence

    # the whole network: click the node named like an <img> tag
    page.goto(server + "/graph")
    page.wait_for_selector("body[data-graph-ready=true]", timeout=10_000)
    point = page.evaluate(
        """(name) => {
            const cy = window.sanctraceGraph;
            const node = cy.nodes().filter((n) => n.data('name') === name)[0];
            const box = cy.container().getBoundingClientRect();
            const pos = node.renderedPosition();
            return {x: box.left + pos.x, y: box.top + pos.y};
        }""",
        IMG_NAME,
    )
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#panel[data-kind=node] .evidence-list", timeout=5_000)
    assert page.locator("#panel h2").inner_text() == IMG_NAME
    assert "denied supplying Tula Armour" in page.locator("#panel").inner_text()
    assert page.locator("img").count() == 0

    assert dialogs == [], f"a dialog fired: {dialogs}"
    assert errors == [], f"console errors: {errors}"
    page.close()
