"""Issue 18 sections 3 and 4: statutory roles in the words people use, and the right basis on
every finding.

The "done when" tests are built on Brookfield Council (tests/data/councils/brookfield): a copy
is linted clean and with ONE mutation, and the findings that differ must be exactly those named.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from orglint.docs import BASIS_DOC_END, BASIS_DOC_START, rule_basis_markdown
from orglint.engine import LintOptions, lint
from orglint.rules.registry import registered_rules
from orglint.ruleset import RulesetError, load_ruleset
from orglint.wording import a_council_of_type

from .conftest import REPO, check_json, run, write
from .rules.councils import COUNCIL_TYPES

COUNCIL = REPO / "tests" / "data" / "councils" / "brookfield" / "structure.yaml"

Finding = tuple[str, str | None, str]


def brookfield(folder: Path, old: str = "", new: str = "") -> Path:
    """A copy of the council in ``folder``, with ``old`` (which must occur exactly once) replaced by ``new``."""
    text = COUNCIL.read_text(encoding="utf-8")
    if old:
        assert text.count(old) == 1, f"the mutation must hit exactly one place: {old!r}"
        text = text.replace(old, new)
    return write(folder, "structure.yaml", text)


def diagnostics(path: Path, ruleset: str) -> list[dict[str, Any]]:
    _, document = check_json(str(path), "--isolated", "--ruleset", ruleset)
    return list(document["diagnostics"])


def added(tmp_path: Path, old: str, new: str, ruleset: str = "uk-local-government") -> list[dict[str, Any]]:
    """The findings the mutation adds to the clean council's (it removes none)."""
    clean = diagnostics(brookfield(tmp_path / "clean"), ruleset)
    mutated = diagnostics(brookfield(tmp_path / "mutated", old, new), ruleset)

    def key(d: dict[str, Any]) -> Finding:
        return (d["code"], d["post"], d["message"])

    assert not Counter(map(key, clean)) - Counter(map(key, mutated)), "the mutation removed findings"
    before = Counter(map(key, clean))
    fresh = []
    for d in mutated:
        if before[key(d)]:
            before[key(d)] -= 1
        else:
            fresh.append(d)
    return fresh


def designations_of(post: str, designations: str) -> tuple[str, str]:
    """The lines of ``post``'s designations list in the council, and the same list written as ``designations``."""
    lines = COUNCIL.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index(f"  - id: {post}\n")
    at += next(i for i, line in enumerate(lines[at:]) if line == "    designations:\n")
    end = at + 1
    while lines[end].startswith("      - "):
        end += 1
    return "".join(lines[at:end]), f"    designations: [{designations}]\n"


def refusal(folder: Path, body: str) -> RulesetError:
    """The error loading a ruleset (extending core) with ``body`` raises."""
    write(folder, "bad.yaml", f"orglint-ruleset: 1\nname: bad\nextends: [core]\n{body}")
    with pytest.raises(RulesetError) as caught:
        load_ruleset(["./bad.yaml"], folder)
    return caught.value


# Section 3: designations accept the names people write, in any case and spacing.

ISSUE_NAMES = [
    ("DCR", "s151", "chief-finance-officer"),
    ("DCR", "s151 officer", "chief-finance-officer"),
    ("DCR", "Section 151 Officer", "chief-finance-officer"),
    ("DCR", "section-151-officer", "chief-finance-officer"),  # today: "did you mean 'scrutiny-officer'?"
    ("DCR", "CFO", "chief-finance-officer"),
    ("DCR", "Chief Finance Officer", "chief-finance-officer"),
    ("DCR", "Chief Finance Officer (s151 officer)", "chief-finance-officer"),  # its display name until Scotland shared it
    ("AD-LG", "MO", "monitoring-officer"),
    ("AD-LG", "monitoring  officer", "monitoring-officer"),
    ("CE", "HoPS, electoral-registration-officer, returning-officer", "head-of-paid-service"),
    ("CE", "Head of Paid Service, ERO, Returning Officer", "head-of-paid-service"),
    ("DCFS", "DCS", "director-of-childrens-services"),
    ("DCFS", "Director of Children's Services", "director-of-childrens-services"),
    ("DAC", "dass", "director-of-adult-social-services"),
    ("DPH", "DPH", "director-of-public-health"),
    ("DPH", "director of public health", "director-of-public-health"),
    ("HDS", "Scrutiny Officer", "scrutiny-officer"),
]


@pytest.mark.parametrize(("post", "written", "designation"), ISSUE_NAMES, ids=[n[1] for n in ISSUE_NAMES])
def test_brookfield_statutory_roles_in_the_words_people_use(tmp_path: Path, post: str, written: str, designation: str) -> None:
    old, new = designations_of(post, written)
    assert added(tmp_path, old, new) == []
    path = brookfield(tmp_path / "read", old, new)
    (structure_run,) = lint([path], LintOptions(rulesets=["uk-local-government"], isolated=True)).runs
    assert [holder.id for holder in structure_run.context.holders(designation)] == [post]


def test_one_post_writing_one_role_twice_holds_it_once(tmp_path: Path) -> None:
    old, new = designations_of("DCR", "chief-finance-officer, s151, CFO")
    assert added(tmp_path, old, new) == []  # not L104: "also held by 'DCR'"


def test_a_spreadsheet_s_statutory_roles_column_takes_the_same_names(in_tmp: Path) -> None:
    write(
        in_tmp,
        "orglint.toml",
        'ruleset = "uk-local-government"\n\n[spreadsheet]\norganisation = "Example District Council"\n'
        'council-type = "district"\nsheet = "Posts"\n\n[spreadsheet.columns]\nid = "Post"\ntitle = "Title"\n'
        'reports_to = "Reports to"\ntier = "Tier"\ndesignations = "Statutory roles"\nqualifications = "Qualifications"\n',
    )
    book = Workbook()
    sheet = book.active
    sheet.title = "Posts"
    sheet.append(["Post", "Title", "Reports to", "Tier", "Statutory roles", "Qualifications"])
    sheet.append(["CE", "Chief Executive", None, 1, "HoPS", None])
    sheet.append(["ADR", "AD Resources", "CE", 2, "S151 Officer; Deputy MO", "CIPFA"])
    sheet.append(["ADG", "AD Governance", "CE", 2, "Monitoring Officer; deputy section 151 officer", None])
    sheet.append(["ADP", "AD Place", "CE", 2, "section 152 officer", None])
    book.save(in_tmp / "posts.xlsx")
    _, document = check_json("posts.xlsx")
    found = [(d["code"], d["post"], d["message"]) for d in document["diagnostics"]]
    assert [f[:2] for f in found] == [("X002", "ADP")], found
    assert "unknown designation 'section 152 officer'; valid designations: head-of-paid-service, " in found[0][2]


def test_a_ruleset_adds_aliases_and_one_name_means_one_designation(in_tmp: Path) -> None:
    write(
        in_tmp,
        "ours.yaml",
        "orglint-ruleset: 1\nname: ours\nextends: [uk-local-government]\n"
        "policy:\n  designation-aliases:\n    Treasurer: chief-finance-officer\n    Solicitor to the Council: monitoring-officer\n",
    )
    write(
        in_tmp,
        "structure.yaml",
        "orglint: 1\norganisation: {name: Example District Council, type: district, ruleset: ./ours.yaml}\nposts:\n"
        "  - {id: CE, title: Chief Executive, tier: 1, designations: [HoPS]}\n"
        "  - {id: T, title: Treasurer, reports_to: CE, tier: 2, designations: [TREASURER, deputy MO], qualifications: [CIPFA]}\n"
        "  - {id: S, title: Solicitor, reports_to: CE, tier: 2, designations: [solicitor to the council, deputy CFO]}\n",
    )
    exit_code, document = check_json("structure.yaml")
    assert exit_code == 0, document["diagnostics"]
    for aliases, words in [
        ("    M.O.: chief-finance-officer\n", "'M.O.' already names the designation 'monitoring-officer'"),
        ("    Monitoring Officer: chief-finance-officer\n", "already names the designation 'monitoring-officer'"),
        ("    Bursar: treasurer\n", "'treasurer' is not a designation the policy defines"),
        ("    '--': chief-finance-officer\n", "has no letter or digit"),
    ]:
        refused = refusal(in_tmp, f"policy:\n  designation-aliases:\n{aliases}")
        assert words in str(refused) and refused.span is not None and refused.span.line == 6


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("head of paid servce", " (did you mean 'head-of-paid-service'?)"),
        ("monitoring oficer", " (did you mean 'monitoring-officer'?)"),
        ("Director of Public Heath", " (did you mean 'director-of-public-health'?)"),
        ("deputy s151 oficer", " (did you mean 'deputy-chief-finance-officer'?)"),
        # Not a typo of any one role: the designations are listed, never a guess at another role.
        ("chief legal officer", None),  # today: "did you mean 'chief-finance-officer'?"
        ("deputy electoral registration officer", None),
        ("deputy returning officer", None),  # today: "did you mean 'returning-officer'?"
        ("proper officer", None),  # today: "did you mean 'returning-officer'?"
        ("section 152 officer", None),
        ("HoS", None),  # a head of service is not the head of paid service
        ("scrutiny", None),
    ],
)
def test_a_suggestion_never_proposes_a_different_statutory_role(in_tmp: Path, written: str, hint: str | None) -> None:
    write(
        in_tmp,
        "structure.yaml",
        "orglint: 1\norganisation: {name: Example District Council, type: district, ruleset: core}\nposts:\n"
        f"  - {{id: CE, title: Chief Executive, tier: 1, designations: ['{written}']}}\n",
    )
    _, document = check_json("structure.yaml", "--isolated")
    (finding,) = document["diagnostics"]
    valid = "; valid designations: " + ", ".join(load_ruleset(["core"], in_tmp).policy.designations)
    assert finding["code"] == "X002"
    assert finding["message"] == f"post 'CE': unknown designation '{written}'{hint or valid}"


def test_brookfield_an_unknown_designation_lists_the_designations(tmp_path: Path) -> None:
    """The Head of Legal Services, deputy monitoring officer, also written "chief legal officer":
    today orglint asks "did you mean 'chief-finance-officer'?", the s151 role."""
    old, new = designations_of("HLS", "deputy-monitoring-officer, chief legal officer")
    (finding,) = added(tmp_path, old, new)
    assert (finding["code"], finding["post"]) == ("X002", "HLS")
    assert "did you mean" not in finding["message"]
    assert finding["message"].startswith("post 'HLS': unknown designation 'chief legal officer'; valid designations: ")
    assert "chief-finance-officer, monitoring-officer" in finding["message"]


# Section 4: the right basis, always.

DESIGN_NORMS = {"D101": "McKinsey", "D102": "McKinsey", "D103": "Jaques", "D104": "Jaques"}
SEEDS = ("Leicestershire", "Carlisle")


@pytest.mark.parametrize(
    ("director", "wrong_post", "designation", "cites", "never"),
    [
        # The DPH's designation on the public health commissioning AD: what places a DPH is the
        # NHS Act 2006 s73A and its guidance, not the DCS's Children Act 2004 s18 (today's basis).
        ("DPH", "AD-PH-COM", "director-of-public-health", "National Health Service Act 2006 s73A", "Children Act"),
        ("DCFS", "AD-CFS-SC", "director-of-childrens-services", "Children Act 2004 s18", "73A"),
    ],
)
def test_brookfield_a_misplaced_statutory_director_cites_its_own_grounds(
    tmp_path: Path, director: str, wrong_post: str, designation: str, cites: str, never: str
) -> None:
    old, _ = designations_of(director, "")
    text = COUNCIL.read_text(encoding="utf-8")
    # one mistake: the designation sits on an AD below the Director, not on the Director
    mutated = text.replace(old, "", 1).replace(
        f"  - id: {wrong_post}\n", f"  - id: {wrong_post}\n    designations: [{designation}]\n", 1
    )
    assert diagnostics(write(tmp_path / "clean", "structure.yaml", text), "uk-local-government") == []
    (finding,) = diagnostics(write(tmp_path / "mutated", "structure.yaml", mutated), "uk-local-government")
    assert (finding["code"], finding["post"]) == ("L110", wrong_post)
    assert finding["basis"].startswith(cites) and never not in finding["basis"]
    assert "chief executive" in finding["basis"]


def test_a_missing_upper_tier_director_cites_its_own_statute(tmp_path: Path) -> None:
    old, _ = designations_of("DPH", "")
    (finding,) = added(tmp_path, old, "")
    assert (finding["code"], finding["post"]) == ("L108", None)
    assert finding["basis"] == "National Health Service Act 2006 s73A"


def test_brookfield_a_second_top_post_cites_structural_integrity_not_a_statute(tmp_path: Path) -> None:
    old = "  - id: BP-PROP\n    title: Property Business Partner\n    reports_to: AD-ICTP\n"
    found = added(tmp_path, old, old.replace("reports_to: AD-ICTP", "reports_to: null"))
    # S006 on the same post (its tier) is section 1's business, not this test's
    (s004,) = [d for d in found if d["code"] != "S006"]
    assert (s004["code"], s004["post"]) == ("S004", "BP-PROP")
    assert s004["basis"].startswith("Structural integrity")
    assert "Act" not in s004["basis"] and "s4" not in s004["basis"]


def test_brookfield_a_reporting_loop_cites_structural_integrity_not_a_statute(tmp_path: Path) -> None:
    old = "  - id: BP-PROP\n    title: Property Business Partner\n    reports_to: AD-ICTP\n"
    (finding,) = added(tmp_path, old, old.replace("reports_to: AD-ICTP", "reports_to: BP-PROP"))
    assert (finding["code"], finding["post"]) == ("S003", "BP-PROP")
    assert finding["basis"].startswith("Structural integrity") and "Act" not in finding["basis"]


ONE_OVER_ONE = (
    "    title: Finance Business Partner (Place and Corporate)\n    reports_to: AD-FIN\n",
    "    title: Finance Business Partner (Place and Corporate)\n    reports_to: BP-FIN-PEOPLE\n",
)


def test_brookfield_a_design_norm_cites_a_design_source_and_a_council_its_own_paragraph(tmp_path: Path) -> None:
    """A business partner reporting to a peer: D103 on the peer cites design practice under
    uk-local-government (today: Leicestershire's framework), and Leicestershire's own paragraph
    only under leicestershire-odp."""
    found = added(tmp_path / "uk", *ONE_OVER_ONE)
    assert sorted((d["code"], d["post"]) for d in found) == [("D103", "BP-FIN-PEOPLE"), ("S006", "BP-FIN-PLACE")]
    (d103,) = [d for d in found if d["code"] == "D103"]
    assert d103["basis"] == registered_rules()["D103"].basis
    assert "Jaques" in d103["basis"] and not any(seed in d103["basis"] for seed in SEEDS)
    (d103,) = [d for d in added(tmp_path / "odp", *ONE_OVER_ONE, ruleset="leicestershire-odp") if d["code"] == "D103"]
    assert d103["basis"].startswith("Leicestershire ODP, 'Senior Management Structure'")


@pytest.mark.parametrize("code", sorted(DESIGN_NORMS))
def test_core_design_rules_cite_design_norms_and_each_council_only_its_own(code: str) -> None:
    rule = registered_rules()[code]
    assert DESIGN_NORMS[code] in rule.basis and not any(seed in rule.basis for seed in SEEDS)
    for ruleset, own in (("leicestershire-odp", "Leicestershire"), ("carlisle-2009", "Carlisle")):
        basis = load_ruleset([ruleset], REPO).basis(rule)
        other = next(seed for seed in SEEDS if seed != own)
        assert other not in basis, (ruleset, code, basis)
    assert load_ruleset(["leicestershire-odp"], REPO).basis(rule).startswith("Leicestershire ODP")


@pytest.mark.parametrize("ruleset", ["leicestershire-odp", "carlisle-2009"])
def test_a_council_ruleset_never_cites_the_other_council(ruleset: str) -> None:
    loaded = load_ruleset([ruleset], REPO)
    own, other = ("Leicestershire", "Carlisle") if ruleset == "leicestershire-odp" else ("Carlisle", "Leicestershire")
    for code in sorted(loaded.enabled()):
        basis = loaded.basis(registered_rules()[code])
        assert other not in basis, (code, basis)
    assert sum(own in loaded.basis(registered_rules()[code]) for code in loaded.enabled()) >= 10


def test_no_structure_rule_cites_a_statute() -> None:
    for code, rule in registered_rules().items():
        if code.startswith("S"):
            assert rule.basis.startswith("Structural integrity"), (code, rule.basis)
            assert not any(word in rule.basis for word in ("Act", "Carlisle", "Leicestershire")), (code, rule.basis)


# A ruleset's own `basis:` for any rule.


def test_a_ruleset_gives_any_rule_its_own_basis(in_tmp: Path) -> None:
    write(
        in_tmp,
        "ours.yaml",
        "orglint-ruleset: 1\nname: ours\nextends: [core]\nrules:\n"
        "  D101:\n    max-direct-reports: 2\n    basis: 'Our Organisation Design Standard, section 3.2'\n"
        "  one-over-one:\n    basis: 'Our Organisation Design Standard, section 3.4'\n"
        "  D102: off\n  D104: {basis: 'Our standard, section 3.5'}\n",
    )
    write(
        in_tmp,
        "structure.yaml",
        "orglint: 1\norganisation: {name: Example District Council, type: district, ruleset: ./ours.yaml}\nposts:\n"
        "  - {id: CE, title: Chief Executive, tier: 1}\n"
        "  - {id: A, title: Director A, reports_to: CE, tier: 2}\n"
        "  - {id: B, title: Director B, reports_to: CE, tier: 2}\n"
        "  - {id: C, title: Director C, reports_to: CE, tier: 2}\n"
        "  - {id: A1, title: Head A1, reports_to: A, tier: 3}\n",
    )
    _, document = check_json("structure.yaml", "--isolated")
    bases = {d["code"]: d["basis"] for d in document["diagnostics"]}
    assert bases == {
        "D101": "Our Organisation Design Standard, section 3.2",
        "D103": "Our Organisation Design Standard, section 3.4",
    }
    loaded = load_ruleset(["./ours.yaml"], in_tmp)
    # a basis alone turns nothing on or off
    assert loaded.enabled() >= {"D101", "D103", "D104"} and "D102" not in loaded.enabled()


def test_a_basis_for_an_input_rule_or_an_empty_one_is_refused(in_tmp: Path) -> None:
    for entry, words in [
        ("  X002: {basis: 'Our standard'}\n", "X002 reports on orglint's own input"),
        ("  D101: {basis: ''}\n", "at least 1 character"),
    ]:
        refused = refusal(in_tmp, f"rules:\n{entry}")
        assert words in str(refused) and refused.span is not None and refused.span.line == 5


def test_the_ruleset_schema_offers_basis_on_every_rule() -> None:
    exit_code, out, _ = run("schema", "ruleset")
    assert exit_code == 0
    assert '"basis": {' in out and "its own policy reference" in out


def test_the_audit_report_groups_one_rule_s_findings_by_the_grounds_they_cite(in_tmp: Path) -> None:
    write(
        in_tmp,
        "structure.yaml",
        "orglint: 1\norganisation: {name: Example Borough Council, type: unitary, ruleset: uk-local-government}\nposts:\n"
        "  - {id: CE, title: Chief Executive, tier: 1, designations: [HoPS]}\n"
        "  - {id: DASS, title: Director of Adults, reports_to: CE, tier: 2, designations: [DASS]}\n"
        "  - {id: DCS, title: Director of Children's Services, reports_to: DASS, tier: 3, designations: [DCS]}\n"
        "  - {id: DPH, title: Director of Public Health, reports_to: DASS, tier: 3, designations: [DPH]}\n"
        "  - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [s151, deputy MO], qualifications: [ACCA]}\n"
        "  - {id: DL, title: Director of Law, reports_to: CE, tier: 2, designations: [MO, deputy CFO]}\n"
        "  - {id: HDS, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [scrutiny officer]}\n",
    )
    _, markdown, _ = run("report", "structure.yaml", "--format", "markdown", "--isolated")
    assert "L110 statutory-director-line. Basis: Children Act 2004 s18" in markdown
    assert "L110 statutory-director-line. Basis: National Health Service Act 2006 s73A" in markdown


# The table of every rule's basis, in the docs.


def test_the_rule_basis_table_in_the_docs_is_in_step_with_the_code() -> None:
    text = (REPO / "docs" / "rule-basis.md").read_text(encoding="utf-8")
    generated = text[text.index(BASIS_DOC_START) + len(BASIS_DOC_START) + 1 : text.index(BASIS_DOC_END)]
    assert generated == rule_basis_markdown(), "docs/rule-basis.md is stale: run `python -m orglint.docs`"
    for code, rule in registered_rules().items():
        assert f"| {code} | {rule.name} |" in generated


# Issue 23 section 1: Wales and Scotland, each nation's officers by its own statute.

ENGLISH_DISTRICT = {"CE": "head-of-paid-service", "AD1": "chief-finance-officer", "AD2": "monitoring-officer"}
ENGLISH_UPPER_TIER = {
    "CE": "head-of-paid-service",
    "DR": "chief-finance-officer",
    "DL": "monitoring-officer",
    "DCS": "director-of-childrens-services",
    "DASS": "director-of-adult-social-services",
    "DPH": "director-of-public-health",
    "HDS": "scrutiny-officer",
}
WALES = {
    "CE": "head-of-paid-service",
    "DR": "chief-finance-officer",
    "DL": "monitoring-officer",
    "HDS": "head-of-democratic-services",
    "DSS": "director-of-social-services",
}
SCOTLAND = {
    "CE": "head-of-paid-service",
    "DR": "chief-finance-officer",
    "DL": "monitoring-officer",
    "CSWO": "chief-social-work-officer",
    "CEDO": "chief-education-officer",
}
MISSING_RULE = {
    "head-of-paid-service": "L101",
    "chief-finance-officer": "L102",
    "monitoring-officer": "L103",
    "scrutiny-officer": "L109",
}  # every other required designation is L108's


def _council(council_type: str) -> tuple[str, dict[str, str]]:
    """A clean council of the type under uk-local-government, and which post holds each required designation."""
    from .rules.councils import DISTRICT, SCOTTISH, UNITARY, WELSH

    if council_type in ("district", "other"):
        return DISTRICT.replace("type: district", f"type: {council_type}"), ENGLISH_DISTRICT
    if council_type.startswith("welsh-"):
        return WELSH.replace("type: welsh-county-borough", f"type: {council_type}"), WALES
    if council_type == "scottish-council":
        return SCOTTISH, SCOTLAND
    return UNITARY.replace("type: unitary", f"type: {council_type}"), ENGLISH_UPPER_TIER


def _without(text: str, post: str, designation: str) -> str:
    """``text`` with ``designation`` taken off ``post``'s inline designations list."""
    line = next(line for line in text.splitlines() if f"{{id: {post}," in line)
    start = line.index("designations: [") + len("designations: [")
    held = [entry.strip() for entry in line[start : line.index("]", start)].split(",")]
    assert designation in held, (post, designation, held)
    rest = ", ".join(entry for entry in held if entry != designation)
    return text.replace(line, line[:start] + rest + line[line.index("]", start) :], 1)


def _lint(folder: Path, text: str) -> list[Any]:
    path = write(folder, "structure.yaml", text)
    return list(lint([path], LintOptions(isolated=True)).diagnostics)


def test_the_matrix_knows_every_council_type_the_format_allows() -> None:
    policy = load_ruleset(["uk-local-government"], REPO).policy
    assert set(policy.council_types) == set(COUNCIL_TYPES)
    for council_type in COUNCIL_TYPES:
        assert set(policy.required_designations(council_type)) == set(_council(council_type)[1].values())


@pytest.mark.parametrize("council_type", COUNCIL_TYPES)
def test_each_council_type_s_clean_council_is_clean(tmp_path: Path, council_type: str) -> None:
    text, _ = _council(council_type)
    assert [(d.code, d.post, d.message) for d in _lint(tmp_path, text)] == []


SAID = {
    "district": "a district council",
    "county": "a county council",
    "unitary": "a unitary council",
    "metropolitan-district": "a metropolitan district council",
    "london-borough": "a London borough council",
    "other": "a council",
    "welsh-county": "a Welsh county council",
    "welsh-county-borough": "a Welsh county borough council",
    "scottish-council": "a Scottish council",
}
"""How a message names a council of each type: never "a scottish-council council"."""


def test_every_council_type_is_said_as_people_say_it() -> None:
    assert set(SAID) == set(COUNCIL_TYPES)
    assert {council_type: a_council_of_type(council_type) for council_type in COUNCIL_TYPES} == SAID


ROLES = [(council_type, post) for council_type in COUNCIL_TYPES for post in _council(council_type)[1]]


@pytest.mark.parametrize(("council_type", "post"), ROLES, ids=[f"{t}-{p}" for t, p in ROLES])
def test_each_council_type_missing_each_role_in_turn_gives_exactly_that_role_s_finding(
    tmp_path: Path, council_type: str, post: str
) -> None:
    text, holders = _council(council_type)
    designation = holders[post]
    (finding,) = _lint(tmp_path, _without(text, post, designation))
    policy = load_ruleset(["uk-local-government"], REPO).policy
    assert (finding.code, finding.post) == (MISSING_RULE.get(designation, "L108"), None)
    name = policy.designation_name(designation)
    assert name.casefold() in finding.message.casefold()
    # s9FB binds a council operating executive arrangements, which the structure does not say
    condition = " operating executive arrangements" if designation == "scrutiny-officer" else ""
    assert f"which {SAID[council_type]}{condition} must have" in finding.message
    # the type's own section where the nation's differs (a Scottish s95 officer), the missing director's
    # own statute for L108, else the rule's own basis, which cites the same section
    own_grounds = designation in policy.council_types[council_type].grounds
    section = policy.required_by(council_type, designation)
    assert section is not None
    if own_grounds or finding.code == "L108":
        assert finding.basis == section
    else:
        assert finding.basis == registered_rules()[finding.code].basis and section.split(" s")[0] in finding.basis


def test_a_scottish_council_s_missing_cfo_cites_s95_not_s151(tmp_path: Path) -> None:
    from .rules.councils import SCOTTISH

    (finding,) = _lint(tmp_path, _without(SCOTTISH, "DR", "chief-finance-officer"))
    assert finding.code == "L102" and finding.basis.startswith("Local Government (Scotland) Act 1973 s95")
    assert "151" not in finding.basis


@pytest.mark.parametrize(
    ("council_type", "post", "designation", "cites"),
    [
        pytest.param(
            "scottish-council", "CSWO", "chief-education-officer", "Education (Scotland) Act 1980 s78", id="scottish-ceo"
        ),
        pytest.param(
            "scottish-council", "CSWO", "chief-finance-officer", "Local Government (Scotland) Act 1973 s95", id="scottish-cfo"
        ),
        pytest.param(
            "welsh-county", "DSS", "head-of-democratic-services", "Local Government (Wales) Measure 2011 s8", id="welsh-hods"
        ),
        pytest.param("district", "AD2", "chief-finance-officer", "Local Government Act 1972 s151", id="english-cfo"),
    ],
)
def test_a_duplicate_designation_cites_that_designation_s_own_statute(
    tmp_path: Path, council_type: str, post: str, designation: str, cites: str
) -> None:
    """A second Scottish chief education officer is not a matter of English Acts: L104 cites the
    section that makes the office, in the council's nation."""
    from .rules.councils import designate

    text, _ = _council(council_type)
    held = next(line for line in text.splitlines() if f"{{id: {post}," in line).split("designations: [")[1].split("]")[0]
    duplicated = [d for d in _lint(tmp_path, designate(text, post, f"[{held}, {designation}]")) if d.code == "L104"]
    (finding,) = duplicated
    assert finding.basis.startswith(cites)
    assert ("Children Act" in finding.basis) is False and ("151" in finding.basis) is (cites.endswith("s151"))


def test_a_welsh_council_s_head_of_paid_service_is_its_2021_act_chief_executive(tmp_path: Path) -> None:
    from .rules.councils import WELSH

    (finding,) = _lint(tmp_path, _without(WELSH, "CE", "head-of-paid-service"))
    assert finding.code == "L101"
    assert finding.basis.startswith("Local Government and Elections (Wales) Act 2021 s54(1)")


@pytest.mark.parametrize("council_type", ["welsh-county", "welsh-county-borough", "scottish-council"])
def test_no_english_director_or_scrutiny_officer_is_asked_of_wales_or_scotland(council_type: str) -> None:
    required = load_ruleset(["uk-local-government"], REPO).policy.required_designations(council_type)
    english = {
        "director-of-childrens-services",
        "director-of-adult-social-services",
        "director-of-public-health",
        "scrutiny-officer",
    }
    assert not english & set(required)


@pytest.mark.parametrize("council_type", ["district", "county", "unitary", "metropolitan-district", "london-borough", "other"])
def test_no_welsh_or_scottish_officer_is_asked_of_england(council_type: str) -> None:
    required = load_ruleset(["uk-local-government"], REPO).policy.required_designations(council_type)
    assert not set(required) & set(WALES.values()) - {"head-of-paid-service", "chief-finance-officer", "monitoring-officer"}
    assert not set(required) & {"chief-social-work-officer", "chief-education-officer"}


def test_in_scotland_the_head_of_paid_service_may_be_monitoring_officer(tmp_path: Path) -> None:
    from .rules.councils import SCOTTISH

    text = _without(SCOTTISH, "DL", "monitoring-officer").replace(
        "designations: [head-of-paid-service]", "designations: [head-of-paid-service, monitoring-officer]"
    )
    assert [(d.code, d.post) for d in _lint(tmp_path, text)] == []


def test_in_scotland_the_monitoring_officer_still_may_not_be_the_cfo(tmp_path: Path) -> None:
    from .rules.councils import SCOTTISH

    text = _without(SCOTTISH, "DL", "monitoring-officer").replace(
        "designations: [chief-finance-officer, deputy-monitoring-officer]",
        "designations: [chief-finance-officer, monitoring-officer]",
    )
    found = _lint(tmp_path, text)
    assert [(d.code, d.post) for d in found if d.code != "L112"] == [("L105", "DR")]


@pytest.mark.parametrize(
    ("council_type", "cites"),
    [
        ("welsh-county-borough", "Local Government and Housing Act 1989 s5(1BA)"),
        ("welsh-county", "Local Government and Housing Act 1989 s5(1BA)"),
        ("district", "Local Government and Housing Act 1989 s5(1A)-(1B)"),
    ],
)
def test_the_monitoring_officer_may_not_be_the_head_in_england_or_wales_each_by_its_own_section(
    tmp_path: Path, council_type: str, cites: str
) -> None:
    from .rules.councils import DISTRICT, WELSH, designate

    base = WELSH.replace("type: welsh-county-borough", f"type: {council_type}") if council_type != "district" else DISTRICT
    mo = "DL" if council_type != "district" else "AD2"
    text = designate(_without(base, mo, "monitoring-officer"), "CE", "[head-of-paid-service, monitoring-officer]")
    (finding,) = [d for d in _lint(tmp_path, text) if d.code == "L106"]
    assert finding.post == "CE" and finding.basis.startswith(cites)


def test_a_scottish_cfo_needs_no_accountancy_body_but_a_welsh_one_does(tmp_path: Path) -> None:
    from .rules.councils import SCOTTISH, WELSH

    unqualified = {"scottish": SCOTTISH.replace("qualifications: [CIPFA]", "qualifications: [MBA]")}
    unqualified["welsh"] = WELSH.replace("qualifications: [CIPFA]", "qualifications: [MBA]")
    assert _lint(tmp_path / "scottish", unqualified["scottish"]) == []
    assert [(d.code, d.post) for d in _lint(tmp_path / "welsh", unqualified["welsh"])] == [("L107", "DR")]
    reason = load_ruleset(["uk-local-government"], REPO).rules["L107"].settings["not-required-for"]["scottish-council"]
    assert reason.startswith("No statutory qualification")


@pytest.mark.parametrize(
    ("written", "designation"),
    [
        ("HoDS", "head-of-democratic-services"),
        ("Head of Democratic Services", "head-of-democratic-services"),
        ("DSS", "director-of-social-services"),
        ("CSWO", "chief-social-work-officer"),
        ("Director of Social Work", "chief-social-work-officer"),
        ("Chief Education Officer", "chief-education-officer"),
        ("s95 officer", "chief-finance-officer"),
        ("Proper Officer for Financial Affairs", "chief-finance-officer"),
    ],
)
def test_the_new_designations_take_the_names_people_write(tmp_path: Path, written: str, designation: str) -> None:
    assert load_ruleset(["uk-local-government"], REPO).policy.designation_for(written) == designation


def test_a_ruleset_s_council_type_grounds_and_pairs_name_designations_it_requires_or_defines(in_tmp: Path) -> None:
    for body, words in [
        (
            "policy:\n  council-types:\n    ours:\n      requires: [head-of-paid-service]\n      grounds: {monitoring-officer: x}\n",
            "grounds given for monitoring-officer",
        ),
        (
            "policy:\n  council-types:\n    ours:\n      lawful-together: [[head-of-paid-service, treasurer]]\n",
            "'treasurer' is not a designation",
        ),
    ]:
        assert words in str(refusal(in_tmp, body))


@pytest.mark.parametrize("code", ["L108", "L114", "P101", "P102", "P103"])
def test_orglint_rule_shows_each_new_rule_s_docs_with_its_basis(code: str) -> None:
    exit_code, out, _ = run("rule", code)
    rule = registered_rules()[code]
    flat = " ".join(out.split())
    assert exit_code == 0 and f"{code} {rule.name}" in flat
    assert "Basis: " + " ".join(rule.basis.split())[:60] in flat
    assert "Why" in flat and rule.summary()[:40] in flat


def test_the_transparency_code_ruleset_extends_the_statutory_one() -> None:
    loaded = load_ruleset(["uk-transparency-code"], REPO)
    assert loaded.names == ["core", "uk-local-government", "uk-transparency-code"]
    assert {"P101", "P102", "P103", "L101", "L114"} <= loaded.enabled()
    assert "P101" not in load_ruleset(["uk-local-government"], REPO).enabled()


def test_the_audit_report_cites_each_nation_s_section_for_its_officers() -> None:
    _, markdown, _ = run("report", str(REPO / "sample_structures" / "glenmuir" / "structure.yaml"), "--format", "markdown")
    cfo = next(line for line in markdown.splitlines() if line.startswith("| Chief Finance Officer"))
    assert "Local Government (Scotland) Act 1973 s95" in cfo and "s151" not in cfo  # nor "(s151 officer)" in its name
    deputy = next(line for line in markdown.splitlines() if line.startswith("| Deputy Chief Finance Officer"))
    assert "No statute in Scotland" in deputy and "Finance Act 1988 s114(6) |" not in deputy
    assert "| Chief Social Work Officer | Social Work (Scotland) Act 1968 s3 | yes | CO-HSCP |" in markdown


def test_the_statutory_officers_table_marks_only_the_designations_a_finding_is_about() -> None:
    """Afoncwm's Corporate Director of Resources is CFO, deputy monitoring officer and head of
    democratic services: L114 (s8(4)(c)) puts the first and the last in conflict, not the deputy
    monitoring officer beside them, and the CFO's L107 is not the deputy's either; the monitoring
    officer may head democratic services since May 2022, but here does not."""
    _, markdown, _ = run(
        "report", str(REPO / "sample_structures" / "afoncwm" / "proposed.yaml"), "--format", "markdown", "--exit-zero"
    )
    rows = {
        (cells[1], cells[4]): (cells[7], cells[8])
        for line in markdown.splitlines()
        if line.startswith("| ") and len(cells := [cell.strip() for cell in line.split("|")]) == 10
    }
    assert rows["Chief Finance Officer", "CD-RES"] == ("**in conflict**", "L107, L114")
    assert rows["Head of Democratic Services", "CD-RES"] == ("**in conflict**", "L114")
    assert rows["Deputy Monitoring Officer", "CD-RES"] == ("held", "")
    assert rows["Monitoring Officer", "CO-LAW"] == ("held", "")
    assert rows["Deputy Chief Finance Officer", "CO-LAW"] == ("held", "")


def test_l106_for_a_council_of_no_given_type_cites_the_condition(in_tmp: Path) -> None:
    """s5(1A) bars the pair only in the authorities s5(1B) lists; for any other, s5(1) allows it. A
    council of type `other` (the default) may be either, so the finding says on what it rests."""
    write(
        in_tmp,
        "s.yaml",
        "orglint: 1\norganisation: {name: Example Council, ruleset: uk-local-government}\nposts:\n"
        "  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service, monitoring-officer]}\n"
        "  - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}\n",
    )
    _, document = check_json("s.yaml", "--isolated")
    (finding,) = [d for d in document["diagnostics"] if d["code"] == "L106"]
    assert finding["basis"].startswith(
        "Local Government and Housing Act 1989 s5(1A)-(1B), where the authority is one s5(1B) lists"
    )
    assert "give the council's `type`" in finding["basis"]
