"""A council of 40 posts in four layers, for the publication (P) rules' tests: a Chief Executive,
three Directors, nine Heads of Service (the top three levels, each giving all that the Transparency
Code's organisation chart shows) and 27 Team Managers below them, who give only what a structure
usually does. Under ``TRANSPARENCY`` (``uk-transparency-code`` with the council's grade bands) it
is clean, so a test changes one thing and sees only its finding."""

from __future__ import annotations

TRANSPARENCY = """orglint-ruleset: 1
name: transparency
extends: [uk-transparency-code]
policy:
  grades:
    CE: {rank: 4, pay: {min: 145000, max: 165000}}
    DIR: {rank: 3, pay: {min: 95000, max: 110000}}
    HOS: {rank: 2, pay: {min: 60000, max: 75000}}
    TM: {rank: 1, pay: {min: 35000, max: 45000}}
"""
FILES = {"transparency.yaml": TRANSPARENCY}

DIRECTORS = {
    "RES": ("Director of Resources", "resources", "[chief-finance-officer, deputy-monitoring-officer], qualifications: [CIPFA]"),
    "LAW": ("Director of Law and Governance", "law", "[monitoring-officer, deputy-chief-finance-officer]"),
    "PLA": ("Director of Place", "place", None),
}


def _post(post_id: str, title: str, manager: str | None, tier: int, fields: str) -> str:
    reports = f", reports_to: {manager}" if manager else ""
    return f"  - {{id: {post_id}, title: {title}{reports}, tier: {tier}, {fields}}}\n"


def _disclosed(grade: str, department: str, salary: int, holder: str, contract: str = "permanent") -> str:
    return (
        f"grade: {grade}, department: {department}, contract: {contract}, "
        f"contact: {{email: {holder.split()[-1].lower()}@example.gov.uk}}, "
        f"salary: {{min: {salary}, max: {salary + 4999}}}, holder: {holder}"
    )


def council() -> str:
    lines = [
        "orglint: 1\n",
        "organisation: {name: Example District Council, type: district, ruleset: ./transparency.yaml}\n",
        "departments: [{id: resources}, {id: law}, {id: place}]\n",
        "posts:\n",
        _post(
            "CE",
            "Chief Executive",
            None,
            1,
            _disclosed("CE", "resources", 150000, "Alex Morgan") + ", designations: [head-of-paid-service]",
        ),
    ]
    for code, (title, department, designations) in DIRECTORS.items():
        fields = _disclosed("DIR", department, 100000, f"Director {code.title()}", "interim" if code == "PLA" else "permanent")
        lines.append(_post(f"D-{code}", title, "CE", 2, fields + (f", designations: {designations}" if designations else "")))
        for head in range(1, 4):
            hos = f"H-{code}{head}"
            lines.append(
                _post(
                    hos,
                    f"Head of Service {code} {head}",
                    f"D-{code}",
                    3,
                    _disclosed("HOS", department, 65000, f"Head {code}{head}"),
                )
            )
            for team in range(1, 4):
                fields = f"grade: TM, department: {department}, salary: {{min: 38000, max: 42000}}"
                lines.append(_post(f"T-{code}{head}{team}", f"Team Manager {code} {head}.{team}", hos, 4, fields))
    return "".join(lines)


COUNCIL = council()


def change(text: str, post: str, old: str, new: str) -> str:
    """``text`` with ``old`` (which must occur once on ``post``'s line) replaced by ``new`` there."""
    line = next(line for line in text.splitlines(keepends=True) if line.startswith(f"  - {{id: {post},"))
    assert line.count(old) == 1, (post, old, line)
    return text.replace(line, line.replace(old, new), 1)
