"""Two posts that share an id (S001): every view shows both, tells them apart by where each is
written, and puts each finding on the post it is about; every count counts both, as `check` does."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import SAMPLES, STRUCTURE_HEAD, check_json, findings, run, write

BROKEN = str(SAMPLES / "broken" / "structure.yaml")
"""Two posts are HOS-C2: Head of Customer Services (line 112, with an S005 of its own) and Head of
Benefits (line 121, the S001)."""


def _shared_id_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if " HOS-C2 " in f" {line.split('── ', 1)[-1]}"]


def test_the_tree_draws_both_posts_each_with_its_own_findings(at_repo: Path) -> None:
    _, out, _ = run("tree", BROKEN)
    first, second = _shared_id_lines(out)
    assert "Head of Customer Services" in first and "structure.yaml:112" in first and first.endswith("✖ S005")
    assert "Head of Benefits" in second and "structure.yaml:121" in second and second.endswith("✖ S001")
    assert first.index("HOS-C2") == second.index("HOS-C2")  # both under their manager, DIR-C
    post_lines = [line for line in out.splitlines()[1:] if "Outside the reporting lines" not in line]
    assert len(post_lines) == check_json(BROKEN)[1]["summary"]["posts"] == 46


def test_the_report_counts_both_posts(at_repo: Path) -> None:
    _, document = check_json(BROKEN)
    posts = document["summary"]["posts"]
    (s001,) = [d for d in document["diagnostics"] if d["code"] == "S001"]
    assert (s001["post"], s001["line"], posts) == ("HOS-C2", 121, 46)
    for output_format in ("terminal", "markdown"):
        _, out, _ = run("report", BROKEN, "--format", output_format)
        assert re.search(rf"\bPosts\b\W+{posts}\b", out), output_format
        per_tier = out[out.index("Posts per tier") :]
        tier_3 = re.search(r"^\W*3\W+(\d+)\b", per_tier, re.MULTILINE)
        assert tier_3 is not None and int(tier_3.group(1)) == Path(BROKEN).read_text(encoding="utf-8").count("    tier: 3\n")


class _Boxes(HTMLParser):
    """Each post box of the chart: its id attribute and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[tuple[str, list[str]]] = []
        self.anchors: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.anchors.append(str(attributes["id"]))
        if self._depth:
            self._depth += tag == "span"
        elif tag == "span" and "post" in str(attributes.get("class", "")).split():
            self.boxes.append((str(attributes.get("id") or ""), []))  # the legend's boxes have none
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "span":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.boxes[-1][1].append(data)


def test_the_html_chart_draws_both_posts_each_with_its_own_findings(at_repo: Path) -> None:
    _, html, _ = run("report", BROKEN, "--format", "html")
    page = _Boxes()
    page.feed(html)
    assert len(page.anchors) == len(set(page.anchors))  # every link target once
    boxes = {anchor: "".join(text) for anchor, text in page.boxes if anchor.startswith("post")}
    shared = {anchor: text for anchor, text in boxes.items() if text.startswith("HOS-C2")}
    assert len(boxes) == 46 and len(shared) == 2
    (first, first_text), (second, second_text) = shared.items()
    assert first == "post-HOS-C2" and second != first  # the first keeps the id's own link target
    assert "Head of Customer Services" in first_text and "S005" in first_text and "S001" not in first_text
    assert "Head of Benefits" in second_text and "S001" in second_text and "S005" not in second_text
    assert "structure.yaml:121" in second_text
    rows = {
        row.group(1): row.group(2)
        for row in re.finditer(r'<tr class="finding"[^>]*><td><a href="#([^"]+)">HOS-C2</a>(.*?)</tr>', html)
    }
    assert "already used by" in rows[second] and "finanse" in rows[first]  # each finding links to its own post
    assert "46 posts in" in html


def test_a_copy_of_the_top_post_is_drawn_as_a_top_post_of_its_own(in_tmp: Path) -> None:
    """And a post reporting to the id the two share is drawn outside the reporting lines: which of
    them it reports to is the question S001 asks, not one for the tree to guess."""
    posts = "  - {id: CE, title: Chief Executive, tier: 1}\n  - {id: D1, title: Director, reports_to: CE, tier: 2}\n"
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + posts + "  - {id: CE, title: Chief Executive (acting), tier: 1}\n")
    _, out, _ = run("tree", "s.yaml")
    assert [line.split("── ", 1)[0] for line in out.splitlines()[1:]] == ["├", "├", "└", "    └"]
    assert out.splitlines()[2].startswith("├── CE Chief Executive (acting)") and out.splitlines()[2].endswith("✖ S001")
    assert out.splitlines()[4] == "    └── D1 Director"


def test_a_copy_whose_id_comes_from_a_merged_anchor_is_placed_at_its_own_entry(in_tmp: Path) -> None:
    """Its id is written in the anchor, in the first post: the tree tells the two apart by where
    each post itself is written."""
    text = STRUCTURE_HEAD + (
        "  - {id: CE, title: Chief Executive, tier: 1}\n"
        "  - &a {id: X, title: First, reports_to: CE, tier: 2}\n"
        "  - {<<: *a, title: Second}\n"
    )
    write(in_tmp, "s.yaml", text)
    _, out, _ = run("tree", "s.yaml")
    first, second = (line for line in out.splitlines() if " X " in line)
    assert "First (s.yaml:5)" in first and "Second (s.yaml:6)" in second


def test_thousands_of_posts_with_one_id_are_all_drawn_each_with_its_finding(in_tmp: Path) -> None:
    """A hostile file can write one id thousands of times: each finding is placed by bisection,
    not by trying every post (which took minutes at 8,000 copies)."""
    copies = "".join(f'  - {{id: X, title: "t{n}", reports_to: CE, tier: 2}}\n' for n in range(3000))
    write(in_tmp, "s.yaml", STRUCTURE_HEAD + "  - {id: CE, title: Chief Executive, tier: 1}\n" + copies)
    _, out, _ = run("tree", "s.yaml")
    drawn = [line for line in out.splitlines() if " X t" in line]
    assert len(drawn) == 3000 and sum("S001" in line for line in drawn) == 2999 and "S001" not in drawn[0]


def test_a_post_given_another_s_id_is_the_one_finding(in_tmp: Path) -> None:
    """An assistant director pasted with the Director of Children's Services' id, written first:
    the DCS's designation still counts (no L108), and the posts reporting to the shared id are
    judged under neither post (no S006 or G103 from the wrong manager, no --fix of right tiers)."""
    from tests.rules.councils import UNITARY

    slip = "  - {id: DCS, title: Assistant Director Adults, reports_to: DASS, tier: 3, grade: AD}\n"
    text = UNITARY.replace("  - {id: DCS,", slip + "  - {id: DCS,", 1).replace(
        "designations: [director-of-childrens-services]}", "grade: DIR, designations: [director-of-childrens-services]}"
    )
    text += "".join(f"  - {{id: AD-{n}, title: AD {n}, reports_to: DCS, tier: 3, grade: AD}}\n" for n in "ABC")
    text += "".join(f"  - {{id: AD-{n}, title: AD {n}, reports_to: DASS, tier: 3, grade: AD}}\n" for n in "DE")
    write(in_tmp, "s.yaml", text)
    assert [(code, post) for code, post, _ in findings("s.yaml")] == [("S001", "DCS")]
    assert "tier:" not in run("check", "--diff", "s.yaml")[1]


def test_one_post_written_three_times_holds_its_designation_once(in_tmp: Path) -> None:
    """The first without the designation, two copies with it: one holder, not an L104 of two."""
    from tests.rules.councils import UNITARY

    copy = "  - {id: DL, title: Director of Law, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}\n"
    text = UNITARY.replace(
        copy,
        copy.replace(
            "designations: [monitoring-officer, deputy-chief-finance-officer]", "designations: [deputy-chief-finance-officer]"
        )
        + copy
        + copy,
    )
    write(in_tmp, "s.yaml", text)
    assert [code for code, _, _ in findings("s.yaml")] == ["S001", "S001"]
