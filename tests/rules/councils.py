"""Clean councils for the statutory (L) rules' tests: every designation the council's type needs,
each on a post of its own, so a test changes one thing and sees only its finding."""

from typing import get_args

import pytest

from orglint.model.schema import CouncilType
from orglint.testing import Expected

DISTRICT = """orglint: 1
organisation: {name: Example District Council, type: district, ruleset: uk-local-government}
posts:
  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
  - {id: AD1, title: AD Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer], qualifications: [CIPFA]}
  - {id: AD2, title: AD Governance, reports_to: CE, tier: 2, designations: [monitoring-officer]}
  - {id: AD3, title: AD Place, reports_to: CE, tier: 2, designations: [deputy-chief-finance-officer, deputy-monitoring-officer]}
"""

UNITARY = """orglint: 1
organisation: {name: Example Borough Council, type: unitary, ruleset: uk-local-government}
posts:
  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
  - {id: DCS, title: Director of Children's Services, reports_to: CE, tier: 2, designations: [director-of-childrens-services]}
  - {id: DASS, title: Director of Adult Services, reports_to: CE, tier: 2, designations: [director-of-adult-social-services]}
  - {id: DPH, title: Director of Public Health, reports_to: CE, tier: 2, designations: [director-of-public-health]}
  - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [ACCA]}
  - {id: DL, title: Director of Law, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
  - {id: HDS, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [scrutiny-officer]}
  - {id: HL, title: Head of Law, reports_to: DL, tier: 3}
  - {id: HE, title: Head of Elections, reports_to: DL, tier: 3}
"""


WELSH = """orglint: 1
organisation: {name: Example County Borough Council, type: welsh-county-borough, ruleset: uk-local-government}
posts:
  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
  - {id: DSS, title: Director of Social Services, reports_to: CE, tier: 2, designations: [director-of-social-services]}
  - {id: DR, title: Director of Resources, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [CIPFA]}
  - {id: DL, title: Director of Law and Democracy, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
  - {id: HDS, title: Head of Democratic Services, reports_to: DL, tier: 3, designations: [head-of-democratic-services]}
  - {id: HL, title: Head of Legal Services, reports_to: DL, tier: 3}
  - {id: HE, title: Head of Elections, reports_to: DL, tier: 3}
"""

SCOTTISH = """orglint: 1
organisation: {name: Example Council, type: scottish-council, ruleset: uk-local-government}
posts:
  - {id: CE, title: Chief Executive, tier: 1, designations: [head-of-paid-service]}
  - {id: CSWO, title: Chief Social Work Officer, reports_to: CE, tier: 2, designations: [chief-social-work-officer]}
  - {id: CEDO, title: Chief Education Officer, reports_to: CE, tier: 2, designations: [chief-education-officer]}
  - {id: DR, title: Director of Finance, reports_to: CE, tier: 2, designations: [chief-finance-officer, deputy-monitoring-officer], qualifications: [CIPFA]}
  - {id: DL, title: Head of Legal and Democratic Services, reports_to: CE, tier: 2, designations: [monitoring-officer, deputy-chief-finance-officer]}
"""


def designate(text: str, post: str, designations: str) -> str:
    """``text`` with the designations of ``post`` (``"[a, b]"``) replaced."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if f"{{id: {post}," in line:
            start = line.index("designations: [") if "designations: [" in line else None
            if start is None:
                lines[index] = line.replace("}\n", f", designations: {designations}}}\n")
            else:
                end = line.index("]", start)
                lines[index] = line[: start + len("designations: ")] + designations + line[end + 1 :]
            return "".join(lines)
    raise ValueError(f"no post {post}")


COUNCIL_TYPES = list(get_args(CouncilType))
"""Every type of council the structure format allows."""


def council(council_type: str, post: str, designations: str, ruleset: str = "uk-local-government") -> str:
    """``DISTRICT`` as a council of ``council_type`` under ``ruleset``, with ``post``'s designations replaced."""
    text = DISTRICT.replace("type: district", f"type: {council_type}").replace(
        "ruleset: uk-local-government", f"ruleset: {ruleset}"
    )
    return designate(text, post, designations)


def required_designation_cases(holder: str, title: str, names: list[str], deputy: str | None = None) -> list[object]:
    """What every rule requiring a designation (``orglint/rules/statutory/_required.py``) answers
    alike, ``holder``'s designations replaced in ``DISTRICT``: each case (structure, the findings
    expected, whether the rule runs alone rather than beside its ruleset). ``names`` are the ways
    the designation may be written, its own name first; ``deputy``, how its deputy is written."""
    missing = [Expected(None, "2:1")]
    message = f"no post is designated {title} ({names[0]}), which a district council must have"
    return [
        *(pytest.param(council(kind, holder, "[]"), missing, True, id=f"a {kind} council needs one") for kind in COUNCIL_TYPES),
        pytest.param(DISTRICT, [], False, id="the clean council is clean"),
        pytest.param(
            council("district", holder, "[returning-officer]"),
            [Expected(None, "2:1", message)],
            False,
            id="reported once at the organisation key and nothing else fires",
        ),
        *(pytest.param(council("district", holder, f"[{name}]"), [], True, id=f"written as {name}") for name in names),
        pytest.param(council("district", holder, "[]", ruleset="core"), [], True, id="a ruleset requiring none asks for none"),
        *([pytest.param(council("district", holder, deputy), missing, True, id="a deputy is not the officer")] if deputy else []),
    ]
