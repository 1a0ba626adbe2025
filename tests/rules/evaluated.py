"""A structure with job-evaluation records for the evaluation (E) rules' tests: a ruleset whose
policy gives each grade a rank and a Hay points range, and a clean structure on it in which every
post has a complete HAY record at its own grade."""

RULESET = """orglint-ruleset: 1
name: evaluated
extends: [core]
rules:
  E101: error
  E102: {required: [scheme, date, grade, rationale], schemes: [HAY]}
  E103: error
  E104: error
  E105: error
policy:
  grades:
    CE: {rank: 3, hay-points: {min: 2000, max: 3000}}
    AD: {rank: 2, hay-points: {min: 1000, max: 1200}}
    SO: {rank: 1}
"""
FILES = {"evaluated.yaml": RULESET}

RECORD = "{scheme: HAY, date: 2024-01-15, grade: GRADE, rationale: Leads the service}"

EVALUATED = f"""orglint: 1
organisation: {{name: Example District Council, type: district, ruleset: ./evaluated.yaml}}
profiles:
  - {{id: ad, title: Assistant Director, updated: 2023-06-01}}
posts:
  - {{id: CE, title: Chief Executive, tier: 1, grade: CE, evaluation: {RECORD.replace("GRADE", "CE")}}}
  - {{id: AD1, title: Assistant Director, reports_to: CE, tier: 2, grade: AD, profile: ad, evaluation: {RECORD.replace("GRADE", "AD")}}}
  - {{id: AD2, title: Assistant Director, reports_to: CE, tier: 2, grade: AD, evaluation: {RECORD.replace("GRADE", "AD")}}}
  - {{id: AD3, title: Assistant Director, reports_to: CE, tier: 2, grade: AD, evaluation: {RECORD.replace("GRADE", "AD")}}}
"""
