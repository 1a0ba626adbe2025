"""A graded structure for the grade (G) rules' tests: a ruleset whose policy ranks and bands four
grades, one to each tier's role, and a clean structure on it, a manager of three at each tier."""

RULESET = """orglint-ruleset: 1
name: graded
extends: [core]
rules:
  G101: error
  G102: error
  G103: warning
  G104: error
  G105: {role: team-manager, reports-to-role: head-of-service}
policy:
  grades:
    CE: {rank: 4, pay: {min: 150000, max: 180000}}
    DIR: {rank: 3, pay: {min: 100000, max: 120000}}
    HOS: {rank: 2, pay: {min: 60000, max: 75000}}
    TM: {rank: 1, pay: {min: 40000, max: 50000}}
    APPRENTICE: {rank: 0}
  roles:
    chief-executive: {name: Chief Executive, grades: [CE]}
    director: {name: Director, grades: [DIR]}
    head-of-service: {name: Head of Service, grades: [HOS]}
    team-manager: {name: Team Manager, grades: [TM]}
  tiers: {1: {role: chief-executive}, 2: {role: director}, 3: {role: head-of-service}, 4: {role: team-manager}}
"""
FILES = {"graded.yaml": RULESET}

GRADED = """orglint: 1
organisation: {name: Example District Council, type: district, ruleset: ./graded.yaml}
posts:
  - {id: CE, title: Chief Executive, tier: 1, grade: CE, salary: {min: 150000, max: 180000}}
  - {id: DIR1, title: Director, reports_to: CE, tier: 2, grade: DIR, salary: {min: 100000, max: 120000}}
  - {id: DIR2, title: Director, reports_to: CE, tier: 2, grade: DIR}
  - {id: DIR3, title: Director, reports_to: CE, tier: 2, grade: DIR}
  - {id: HOS1, title: Head of Service, reports_to: DIR1, tier: 3, grade: HOS, salary: {min: 60000, max: 75000}}
  - {id: HOS2, title: Head of Service, reports_to: DIR1, tier: 3, grade: HOS}
  - {id: HOS3, title: Head of Service, reports_to: DIR1, tier: 3, grade: HOS}
  - {id: TM1, title: Team Manager, reports_to: HOS1, tier: 4, grade: TM, salary: {min: 40000, max: 50000}}
  - {id: TM2, title: Team Manager, reports_to: HOS1, tier: 4, grade: TM}
  - {id: TM3, title: Team Manager, reports_to: HOS1, tier: 4, grade: TM}
"""


def regrade(text: str, post: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced by ``new`` on the line of ``post`` alone."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if f"{{id: {post}," in line:
            assert old in line, f"{old!r} is not on {post}'s line"
            lines[index] = line.replace(old, new, 1)
            return "".join(lines)
    raise ValueError(f"no post {post}")
