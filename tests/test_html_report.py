"""The HTML report opened in a real browser (Debian's headless Chromium, installed by
tests/install-system-packages), at three sizes: a council of 121 posts, the Home Office's published
organogram (1,123 posts) and a generated structure of 13,000. In each: the top post is in the first
window at 1,400 x 900; the page is never wider than the window; every post with a finding is drawn
and open (or one click away), its codes linked to its findings and back; vacant posts and department
findings are marked; and the page printed to PDF (A4 landscape) holds every post of the chart,
after the summary and the findings. Screenshots and the PDFs are saved in test-artifacts/html/ to
be looked at."""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from orglint.engine import lint
from orglint.report.statutory import is_vacant
from tests.conftest import REPO, check_json, raw, run, write

PROPOSED = "sample_structures/leicestershire/proposed.yaml"
BROOKFIELD = REPO / "tests/data/councils/brookfield/structure.yaml"
HOME_OFFICE = "tests/data/organograms/home_office-2012-09-30-senior.csv"  # its junior file is found beside it
ERROR_BACKGROUND = "rgb(255, 235, 233)"  # --bad-bg in the page's CSS
ARTIFACTS = REPO / "test-artifacts" / "html"
WIDE, HIGH, NARROW = 1400, 900, 420
A4_LANDSCAPE_POINTS = (842, 595)
MAX_BYTES_13000 = 5_000_000
BOXES = (
    "const idOf = box => box.querySelector(':scope > b').textContent;"  # a box's first bold text is its post's id
    "const boxOf = id => [...document.querySelectorAll('.tree .post')].find(box => idOf(box) === id);"
)


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
        "--hide-scrollbars",  # the window's width is the page's, so scrollWidth and innerWidth compare
        f"--window-size={WIDE},{HIGH}",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(argument)
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    try:
        yield chrome
    finally:
        chrome.quit()


def write_report(structure: str | Path, target: Path) -> tuple[int, str]:
    previous = Path.cwd()
    os.chdir(REPO)
    try:
        exit_code, _, err = run("report", str(structure), "--format", "html", "--output", str(target))
    finally:
        os.chdir(previous)
    assert "wrote the report" in err, err
    return exit_code, target.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "report.html"
    exit_code, _ = write_report(PROPOSED, target)
    assert exit_code == 1  # the proposal has errors
    return target


def test_the_page_is_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    for fetching in ("<script", "<link", "src=", "url(", "http://", "https://", "@import"):
        assert fetching not in html


def _worst_severities(structure: str) -> dict[str, str]:
    _, document = check_json(structure)
    worst: dict[str, str] = {}
    order = ["info", "warning", "error"]
    for diagnostic in document["diagnostics"]:
        post = diagnostic["post"]
        if post and order.index(diagnostic["severity"]) >= order.index(worst.get(post, "info")):
            worst[post] = diagnostic["severity"]
    return worst


@pytest.mark.slow  # headless Chromium
def test_chromium_renders_the_org_chart_with_findings_highlighted(browser: webdriver.Chrome, page: Path, at_repo: Path) -> None:
    worst = _worst_severities(PROPOSED)
    posts = [post["id"] for post in raw(REPO / PROPOSED)["posts"]]

    browser.get(page.as_uri())
    browser.execute_script("document.querySelectorAll('.tree details').forEach(block => block.open = true)")
    boxes: list[list[Any]] = browser.execute_script(
        BOXES
        + """return [...document.querySelectorAll('.tree .post')].map(box => {
             const r = box.getBoundingClientRect();
             return [idOf(box), box.className, r.top + window.scrollY, r.bottom + window.scrollY, r.width, r.height,
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

    assert {"error", "info"} <= _readable_kinds(browser)  # (the proposal's one warning is about its department)

    # an outline: every box stands below its manager's box, and is indented from it
    managers = browser.execute_script(
        BOXES
        + """return [...document.querySelectorAll('.tree .post')].flatMap(box => {
             const own = box.closest('details');
             const block = own && own.querySelector(':scope > summary').contains(box) ? own.parentElement.closest('details') : own;
             return block ? [[idOf(box), idOf(block.querySelector(':scope > summary .post'))]] : [];
           });"""
    )
    assert len(managers) == len(posts) - 1
    by_post = {post["id"]: post for post in raw(REPO / PROPOSED)["posts"]}
    for post, manager in managers:
        assert by_post[post]["reports_to"] == manager
        assert drawn[post][2] >= drawn[manager][3], f"{post} is not below its manager {manager}"


def _luminance(css_colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_colour)[:3])
    linear = [channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4 for channel in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(foreground: str, background: str) -> float:
    """WCAG 2's contrast ratio of two opaque CSS colours (``rgb(r, g, b)``)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _readable_kinds(browser: webdriver.Chrome) -> set[str]:
    """Colour is not the only signal: each code has its severity's mark; and the text on every box
    with findings meets WCAG AA (4.5:1). Returns the kinds of box (error, warning, info) seen."""
    pairs = browser.execute_script(
        """return [...document.querySelectorAll('.tree .post.flagged')].flatMap(box =>
             [...box.querySelectorAll('b, span, small, a')].map(text =>
               [box.className, getComputedStyle(text).color, getComputedStyle(box).backgroundColor, text.textContent]));"""
    )
    for classes, color, background, text in pairs:
        assert _contrast(color, background) >= 4.5, f"{text!r} on a {classes} box: {color} on {background}"
    marked = browser.execute_script(
        "return [...document.querySelectorAll('.tree .post.flagged .codes a')].map(a => a.textContent)"
    )
    assert marked and all(text[0] in "✖▲●" for text in marked)
    return {classes.split()[-1] for classes, *_ in pairs}


@dataclass
class Sized:
    """One of the three sizes the report is tried at."""

    name: str
    structure: Path
    html: str
    top_post: str
    posts: dict[str, str]
    """Each post's id and title."""
    flagged: dict[str, list[str]]
    """Each post with findings: its codes."""
    department_findings: dict[str, list[str]]
    """Each department with findings about it: their codes."""
    vacant: set[str]


def _mutated_brookfield(folder: Path) -> Path:
    """Brookfield Council (121 posts, 5 departments, no findings) with two vacancies, a post whose
    tier is wrong (a finding deep in a department) and a department missing a business partner
    (a finding about the department, B101)."""
    text = BROOKFIELD.read_text(encoding="utf-8")
    for before, after in (
        ("    holder: Jessica Hart\n", "    holder: vacant\n"),
        ("    holder: Marcus Okafor\n", "    holder: vacant\n"),
        ("  - id: TM-PH-HL-2\n    title: Team Manager, Weight Management\n    reports_to: HOS-PH-HL\n    tier: 5\n", None),
    ):
        assert before in text, before
        text = text.replace(before, after if after is not None else before.replace("tier: 5", "tier: 4"))
    adults = re.compile(
        r"(  - id: adults-and-communities\n    name: Adults and Communities\n    business_partners: \{[^}]*?), property: BP-PROP\}"
    )
    text, replaced = adults.subn(r"\1}", text)
    assert replaced == 1
    target = folder / "structure.yaml"
    target.write_text(text, encoding="utf-8")
    return target


SYNTHETIC_SPAN = 8
SYNTHETIC_DIRECTORATES = 8


def _synthetic_yaml(posts: int) -> str:
    """A balanced structure (up to 8 reports each, filled breadth-first, as bench/generate.py's)
    whose departments are the directorates under the top post, with a vacancy in every 50 posts,
    a tier one too high in every 97 (S006 findings), a department whose HR partner is no post
    (S005, a finding about the department), and a post under the top one with an id too long to
    keep on one line of a phone's box, and a finding (S006)."""
    lines = [
        "orglint: 1\n",
        "organisation: {name: Synthetic Metropolitan Council, type: metropolitan-district, ruleset: core}\n",
        "departments:\n",
    ]
    for number in range(1, SYNTHETIC_DIRECTORATES + 1):
        partners = "\n    business_partners: {hr: NOBODY}" if number == 3 else ""
        lines.append(f"  - id: directorate-{number}\n    name: Directorate {number}{partners}\n")
    lines.append("posts:\n")
    department_of: dict[int, str] = {}
    for index in range(posts):
        manager = (index - 1) // SYNTHETIC_SPAN if index else None
        depth, ancestor = 0, index
        while ancestor > 0:
            ancestor = (ancestor - 1) // SYNTHETIC_SPAN
            depth += 1
        if manager is not None:
            department_of[index] = department_of.get(manager) or f"directorate-{index}"
        tier = depth + 1 + (1 if index and index % 97 == 0 else 0)
        holder = "vacant" if index % 50 == 49 else f"Holder {index}"
        lines.append(
            f"  - {{id: P{index:05d}, title: Officer {index}, reports_to: {'null' if manager is None else f'P{manager:05d}'}, "
            f"tier: {tier}, grade: G{10 + index % 8}, holder: {holder}"
            + (f", department: {department_of[index]}" if index in department_of else "")
            + "}\n"
        )
    lines.append(
        "  - {id: ASSISTANT-DIRECTOR-CHILDRENS-SERVICES-COMMISSIONING-AND-PERFORMANCE, title: Assistant Director, "
        "reports_to: P00000, tier: 3}\n"
    )
    return "".join(lines)


def _sized(name: str, structure: Path, html: str) -> Sized:
    result = lint([structure])  # the posts and findings as the report reads them (an organogram's rows included)
    (structure_run,) = result.runs
    graph = structure_run.graph
    flagged: dict[str, list[str]] = {}
    department_findings: dict[str, list[str]] = {}
    for diagnostic in result.diagnostics:
        if diagnostic.post is not None:
            flagged.setdefault(diagnostic.post, []).append(diagnostic.code)
        elif diagnostic.department is not None:
            department_findings.setdefault(diagnostic.department, []).append(diagnostic.code)
    return Sized(
        name=name,
        structure=structure,
        html=html,
        top_post=graph.top_posts[0].id,
        posts={post.id: post.title for post in graph.posts.values()},
        flagged=flagged,
        department_findings=department_findings,
        vacant={post.id for post in graph.posts.values() if is_vacant(post)},
    )


@pytest.fixture(scope="module", params=["council", "home-office", "synthetic-13000"])
def sized(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Sized:
    folder = tmp_path_factory.mktemp(request.param)
    structure: Path
    if request.param == "council":
        structure = _mutated_brookfield(folder)
    elif request.param == "home-office":
        structure = REPO / HOME_OFFICE
    else:
        structure = folder / "structure.yaml"
        structure.write_text(_synthetic_yaml(13_000), encoding="utf-8")
    _, html = write_report(structure, folder / "report.html")
    return _sized(request.param, structure, html)


@pytest.fixture(scope="module")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def _open(browser: webdriver.Chrome, sized: Sized, tmp_path: Path, width: int, height: int) -> None:
    target = tmp_path / f"{sized.name}.html"
    target.write_text(sized.html, encoding="utf-8")
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
    )
    browser.get(target.as_uri())


@pytest.mark.slow  # headless Chromium, and a 13,000-post structure
def test_the_report_is_small(sized: Sized) -> None:
    assert len(sized.html.encode("utf-8")) < MAX_BYTES_13000
    for fetching in ("<script", "<link", "src=", "url(", "http://", "https://", "@import"):
        assert fetching not in sized.html


@pytest.mark.slow
def test_the_top_post_is_in_the_first_window_and_the_page_fits_the_width(
    browser: webdriver.Chrome, sized: Sized, tmp_path: Path, artifacts: Path
) -> None:
    _open(browser, sized, tmp_path, WIDE, HIGH)
    top = browser.execute_script(
        BOXES + "const r = boxOf(arguments[0]).getBoundingClientRect();"
        "return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight];",
        sized.top_post,
    )
    left, upper, right, lower, window_width, window_height = top
    assert (window_width, window_height) == (WIDE, HIGH)
    assert 0 <= left < right <= WIDE and 0 <= upper < lower <= HIGH, f"the top post's box is at {top}"
    assert browser.save_screenshot(str(artifacts / f"{sized.name}-{WIDE}x{HIGH}.png"))
    for width in (WIDE, 900, NARROW):
        _open(browser, sized, tmp_path, width, HIGH)
        # every block open: the widest the chart can be
        browser.execute_script("document.querySelectorAll('details').forEach(block => block.open = true)")
        scroll_width, inner_width = browser.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
        assert scroll_width <= inner_width == width
        _assert_no_id_is_split(browser)
    browser.execute_script("document.querySelector('.chart').scrollIntoView()")
    assert browser.save_screenshot(str(artifacts / f"{sized.name}-{NARROW}-wide-all-open.png"))


@pytest.mark.slow
def test_every_post_with_findings_is_drawn_open_and_linked_both_ways(
    browser: webdriver.Chrome, sized: Sized, tmp_path: Path, artifacts: Path
) -> None:
    assert sized.flagged
    if sized.name != "home-office":  # the organogram has no vacancy and no finding about a unit
        assert sized.department_findings and sized.vacant
    _open(browser, sized, tmp_path, WIDE, HIGH)
    boxes: dict[str, dict[str, Any]] = browser.execute_script(
        BOXES
        + """const found = {};
           for (const box of document.querySelectorAll('.tree .post')) {
             // blocks that must be opened to see the box: the closed ones it is inside, not in the summary of
             const closed = [];
             for (let block = box.closest('details'); block; block = block.parentElement.closest('details'))
               if (!block.open && !block.querySelector(':scope > summary').contains(box)) closed.push(block);
             found[idOf(box)] = {
               closed: closed.length, shown: box.getClientRects().length > 0, vacant: box.classList.contains('vacant'),
               tag: [...box.querySelectorAll('.tag')].map(tag => tag.textContent).join(),
               codes: [...box.querySelectorAll('.codes a')].map(link => [link.textContent, link.getAttribute('href')]),
             };
           }
           return found;"""
    )
    assert set(boxes) == set(sized.posts), "every post has one box"
    for post, codes in sized.flagged.items():
        box = boxes[post]
        assert box["closed"] == 0 and box["shown"], f"{post} has findings but is folded away"
        assert sorted(text.split()[-1] for text, _ in box["codes"]) == sorted(codes)
        for _, link in box["codes"]:  # each code leads to its finding, which leads back to the box
            back = browser.execute_script(
                "const row = document.getElementById(arguments[0].slice(1));"
                "return row && row.classList.contains('finding') ? row.querySelector('a').getAttribute('href') : null;",
                link,
            )
            assert back is not None, f"{post}'s {link} leads nowhere"
            assert browser.execute_script(BOXES + "return idOf(document.getElementById(arguments[0].slice(1)))", back) == post
    clean = {post: box for post, box in boxes.items() if post not in sized.flagged}
    assert all(box["closed"] <= len(sized.posts) for box in clean.values())
    folded = [post for post, box in clean.items() if box["closed"] == 1]
    assert folded, "clean branches are folded"
    assert "warning" in _readable_kinds(browser)
    assert {post for post, box in boxes.items() if box["vacant"]} == sized.vacant
    assert all(boxes[post]["tag"] == "vacant" for post in sized.vacant)  # a text mark, not only a dashed border

    # a folded post is one click away: opening its block shows it
    summary = browser.execute_script(
        BOXES + "const box = boxOf(arguments[0]);"
        "let block = box.closest('details');"
        "if (block.querySelector(':scope > summary').contains(box)) block = block.parentElement.closest('details');"
        "return block.querySelector(':scope > summary');",
        folded[0],
    )
    summary.find_element(By.CSS_SELECTOR, ".count").click()
    assert browser.execute_script(
        BOXES + "return boxOf(arguments[0]).getClientRects().length > 0",
        folded[0],
    )

    # department findings sit on the department's block, linked to the list and back
    for department, codes in sized.department_findings.items():
        on_block = browser.execute_script(
            "const heading = document.querySelector('.department-name[id][data-department=\"' + CSS.escape(arguments[0]) + '\"]');"
            "return heading ? [...heading.parentElement.querySelectorAll('.department-findings a')].map(a => a.textContent) : null;",
            department,
        )
        assert on_block is not None and sorted(text.split()[-1] for text in on_block) == sorted(codes)
    assert browser.execute_script(
        "return [...document.querySelectorAll('.findings .finding a')].every(a => document.getElementById(a.getAttribute('href').slice(1)))"
    )


def _assert_no_id_is_split(browser: webdriver.Chrome) -> None:
    """No post's id, in its box or in a link to it, is broken over two lines (at a hyphen, say);
    a group's key (grade, title, ...), or an id too long for a phone's box, may wrap."""
    split_ids = browser.execute_script(
        "return [...document.querySelectorAll('.post > b:not(.wraps), a[href^=\"#post-\"]:not(.wraps)')]"
        ".filter(id => id.getClientRects().length > 1).map(id => id.textContent)"
    )
    assert not split_ids, f"{len(split_ids)} post ids are split over two lines, such as {split_ids[:3]}"


def _compact(text: str) -> str:
    """Text with no white space, as a PDF's text compares: its lines break where the page's did,
    words too (long ids); its ligatures (ﬁ) are letters again."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.slow
def test_the_printed_pdf_holds_every_post_after_the_summary_and_findings(
    browser: webdriver.Chrome, sized: Sized, tmp_path: Path, artifacts: Path
) -> None:
    _open(browser, sized, tmp_path, WIDE, HIGH)
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    pdf = base64.b64decode(printed["data"])
    (artifacts / f"{sized.name}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert all(
        (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4_LANDSCAPE_POINTS for page in reader.pages
    )
    pages = [page.extract_text() for page in reader.pages]
    text = _compact("\n".join(pages))
    summary, findings, chart = (
        text.find(_compact(heading)) for heading in ("structure audit", "Findings by severity", "Org chart")
    )
    assert 0 <= summary < findings < chart, "the summary, then the findings, then the chart"
    chart_text = text[chart:]
    missing = [
        post for post, title in sized.posts.items() if _compact(post) not in chart_text or _compact(title) not in chart_text
    ]
    assert not missing, f"{len(missing)} posts are not in the printed chart, such as {missing[:5]}"
    # each department below the top starts a page
    starts = [_compact(page)[:200] for page in pages]
    headings: list[str] = browser.execute_script(
        "return [...document.querySelectorAll('details.department.top-level > summary > .department-name')].map(h => h.textContent)"
    )
    assert headings
    for heading in headings:
        assert any(start.startswith(_compact(heading)) for start in starts), f"{heading} does not start a page"
    # no page ends with a heading: it goes over with what it heads
    titles: list[str] = browser.execute_script("return [...document.querySelectorAll('h2, h3')].map(h => h.textContent)")
    ends = [_compact(page)[-200:] for page in pages[:-1]]
    stranded = [title for title in titles for end in ends if end.endswith(_compact(title))]
    assert not stranded, f"a page ends with the heading {stranded[0]!r}"

    # and the print layout, as seen: A4 landscape's width less the margins, all blocks open
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 1047, "height": 740, "deviceScaleFactor": 1, "mobile": False}
    )
    hidden = browser.execute_script(
        "return [...document.querySelectorAll('.tree .post')].filter(box => box.getClientRects().length === 0).length"
    )
    assert hidden == 0, "every box is shown in print"
    assert browser.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    _assert_no_id_is_split(browser)
    browser.execute_script("document.querySelector('.chart').scrollIntoView()")
    assert browser.save_screenshot(str(artifacts / f"{sized.name}-print-chart.png"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


class _Links(HTMLParser):
    """The page's ids and the in-page links to them."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
            elif name == "href" and value is not None:
                assert value.startswith("#"), value  # nothing is fetched: every link is within the page
                self.links.append(value[1:])


def test_every_link_leads_to_one_place_in_the_page(in_tmp: Path) -> None:
    """Posts whose ids are not plain (spaces, quotes) get numbered anchors; a department no post
    heads has its findings drawn apart; posts in a reporting loop are drawn apart too, and linked."""
    write(
        in_tmp,
        "structure.yaml",
        """orglint: 1
organisation: {name: Example Council, type: district, ruleset: core}
departments:
  - {id: resources, name: Resources}
  - {id: ghost, name: Ghost Department, business_partners: {hr: NOBODY}}
posts:
  - {id: CE, title: Chief Executive, tier: 1, holder: vacant}
  - {id: 'Head "of" Resources', title: Director, reports_to: CE, tier: 2, department: resources}
  - {id: R 1, title: Officer, reports_to: 'Head "of" Resources', tier: 2, department: resources}
  - {id: R2, title: Officer, reports_to: 'Head "of" Resources', tier: 3, department: resources}
  - {id: LOOP-A, title: Loop, reports_to: LOOP-B}
  - {id: LOOP-B, title: Loop, reports_to: LOOP-A}
""",
    )
    _, html, _ = run("report", "structure.yaml", "--format", "html")
    page = _Links()
    page.feed(html)
    assert len(page.ids) == len(set(page.ids))
    assert page.links and set(page.links) <= set(page.ids)
    assert 'id="post-CE"' in html and 'id="post-R2"' in html and 'id="post~' in html
    assert "<b>Head &quot;of&quot; Resources</b>" in html
    ghost = html.index("Departments no post heads in the chart")
    assert html.index('data-department="ghost"') > ghost and "hr business partner &#x27;NOBODY&#x27;" in html[ghost:]
    assert html.count('<span class="tag">vacant</span>') == 2  # the legend's and the Chief Executive's
    assert ">Resources: 3 posts, 2 with findings<" in html  # the head's post and its team, counted
    outside = html.index("Outside the reporting lines: 2 posts")
    assert html.index('id="post-LOOP-A"') > outside and html.index('id="post-LOOP-B"') > outside
    assert '<a href="#post-LOOP-A">' in html  # its finding (a reporting loop) links to its box


@pytest.mark.slow  # headless Chromium
def test_a_structure_thousands_deep_still_fits_a_narrow_window(
    browser: webdriver.Chrome, tmp_path: Path, artifacts: Path
) -> None:
    chain = "".join(f"  - {{id: P{i}, title: Post {i}, reports_to: P{i - 1}}}\n" for i in range(1, 2000))
    structure = write(
        tmp_path,
        "structure.yaml",
        "orglint: 1\norganisation: {name: Deep, type: other}\nposts:\n  - {id: P0, title: Top}\n" + chain,
    )
    _, html = write_report(structure, tmp_path / "report.html")
    sized = Sized("deep", structure, html, "P0", {}, {}, {}, set())
    _open(browser, sized, tmp_path, NARROW, HIGH)
    browser.execute_script("document.querySelectorAll('details').forEach(block => block.open = true)")
    assert browser.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    last = browser.execute_script(BOXES + "const r = boxOf('P1999').getBoundingClientRect(); return [r.left, r.right]")
    assert 0 < last[0] < last[1] <= NARROW
    browser.execute_script(BOXES + "boxOf('P20').scrollIntoView()")
    assert browser.save_screenshot(str(artifacts / f"deep-2000-{NARROW}-all-open.png"))


CROSS_DEPARTMENT = REPO / "tests/data/cross_department/structure.yaml"


def _pay_bill_posts(html: str) -> dict[str, int]:
    """The pay bill's by-department table, as the page shows it: each department's posts."""
    table = html[html.index("<caption>By department</caption>") :]
    table = table[: table.index("</table>")]
    return {name: int(posts) for name, posts in re.findall(r'<tr><td>([^<]+)</td><td class="num">([\d,]+)</td>', table)}


def test_a_department_block_counts_its_own_posts_as_the_pay_bill_does(at_repo: Path) -> None:
    """The head of waste (Operations) reports to the director of Place and Communities: the chart's
    Place block said 16 posts (its director's whole team, Operations' block inside it too) where the
    pay bill says 9. Each block now counts its department's own posts, and says "of its N" where
    the department's other posts are in another block (the head of fleet's, under Corporate Services)."""
    posts = raw(CROSS_DEPARTMENT)["posts"]
    names = {department["id"]: department["name"] for department in raw(CROSS_DEPARTMENT)["departments"]}
    by_id = {post["id"]: post for post in posts}
    totals = Counter(post.get("department") for post in posts)

    def manager_department(post: dict[str, Any]) -> str | None:
        return by_id[post["reports_to"]].get("department") if post.get("reports_to") else None

    # a block: a post of a department under a manager of another, and the posts of its department
    # below it, down to (not into) the next such post
    heads = [post for post in posts if post.get("department") and post["department"] != manager_department(post)]
    expected = []
    for head in heads:
        block, pending = [head], [head["id"]]
        while pending:
            manager = pending.pop()
            below = [post for post in posts if post.get("reports_to") == manager]
            inside = [post for post in below if post.get("department") == head["department"]]  # none here is of no department
            block += inside
            pending += [post["id"] for post in inside]
        total = totals[head["department"]]
        counted = f"{len(block)} posts" if len(block) == total else f"{len(block)} of its {total} post{'s' * (total != 1)}"
        expected.append(f"{names[head['department']]}: {counted}")
    assert sorted(expected) == [
        "Corporate Services: 9 posts",
        "Operations: 1 of its 8 posts",  # the head of fleet, a leaf under the director of Corporate Services
        "Operations: 7 of its 8 posts",  # the head of waste and the six below, under the director of Place
        "Place and Communities: 9 posts",
    ]

    exit_code, html, _ = run("report", str(CROSS_DEPARTMENT), "--format", "html")
    assert exit_code in (0, 1)
    headings = re.findall(r'<span class="department-name"[^>]*>([^<]+)</span>', html)
    assert sorted(headings) == sorted(expected)
    # where a department's posts are in one block, its count is the pay bill's
    pay_bill = _pay_bill_posts(html)
    for heading in headings:
        name, counted = heading.split(": ")
        if " of its " not in counted:
            assert int(counted.split()[0]) == pay_bill[name]
        else:
            assert int(counted.split(" of its ")[1].split()[0]) == pay_bill[name]
