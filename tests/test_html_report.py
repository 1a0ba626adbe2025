"""The HTML report opened in a real browser (Debian's headless Chromium, installed by
tests/install-system-packages): the org chart renders, one box per post, the posts with findings highlighted,
each box below its manager's; and the page fetches nothing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from tests.conftest import REPO, check_json, raw, run

PROPOSED = "sample_structures/leicestershire/proposed.yaml"
ERROR_BACKGROUND = "rgb(255, 235, 233)"  # --bad-bg in the page's CSS


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver, "Chromium is missing: run tests/install-system-packages (the README's test command does)"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",  # the machine's network is closed: no update or sync calls
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1600,1200",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(argument)
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    try:
        yield chrome
    finally:
        chrome.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "report.html"
    previous = Path.cwd()
    os.chdir(REPO)
    try:
        exit_code, _, err = run("report", PROPOSED, "--format", "html", "--output", str(target))
    finally:
        os.chdir(previous)
    assert exit_code == 1 and "wrote the report" in err  # the proposal has errors
    return target


def test_the_page_is_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    for fetching in ("<script", "<link", "src=", "url(", "http://", "https://", "@import"):
        assert fetching not in html


@pytest.mark.slow  # headless Chromium
def test_chromium_renders_the_org_chart_with_findings_highlighted(browser: webdriver.Chrome, page: Path, at_repo: Path) -> None:
    _, document = check_json(PROPOSED)
    worst: dict[str, str] = {}
    order = ["info", "warning", "error"]
    for diagnostic in document["diagnostics"]:
        post = diagnostic["post"]
        if post and order.index(diagnostic["severity"]) >= order.index(worst.get(post, "info")):
            worst[post] = diagnostic["severity"]
    posts = [post["id"] for post in raw(REPO / PROPOSED)["posts"]]

    browser.get(page.as_uri())
    boxes: list[list[Any]] = browser.execute_script(
        """return [...document.querySelectorAll('.orgchart .post')].map(box => {
             const r = box.getBoundingClientRect();
             return [box.dataset.post, box.className, r.top + window.scrollY, r.bottom + window.scrollY, r.width, r.height,
                     getComputedStyle(box).backgroundColor];
           });"""
    )
    drawn = {box[0]: box for box in boxes}
    assert len(boxes) == len(drawn) == len(posts) == 53
    assert set(drawn) == set(posts)
    assert all(width > 0 and height > 0 for _, _, _, _, width, height, _ in boxes)
    flagged = {post for post, classes, *_ in boxes if "flagged" in classes.split()}
    assert flagged == set(worst)
    errors = {post for post, classes, *_ in boxes if "error" in classes.split()}
    assert errors == {post for post, severity in worst.items() if severity == "error"}
    assert all(drawn[post][6] == ERROR_BACKGROUND for post in errors)
    assert all(drawn[post][6] == "rgb(255, 255, 255)" for post in set(drawn) - flagged)

    # a chart, not a list: every box stands below its manager's box
    managers = browser.execute_script(
        """return [...document.querySelectorAll('.orgchart li > ul > li > .post')].map(box =>
             [box.dataset.post, box.parentElement.parentElement.parentElement.querySelector(':scope > .post').dataset.post]);"""
    )
    assert len(managers) == len(posts) - 1
    for post, manager in managers:
        assert drawn[post][2] >= drawn[manager][3], f"{post} is not below its manager {manager}"

    screenshot = page.with_suffix(".png")
    assert browser.save_screenshot(str(screenshot))
    image = screenshot.read_bytes()
    assert image.startswith(b"\x89PNG") and len(image) > 20_000
