"""A service department split into commissioning and providing, for the commissioning (C) and
business partner (B) rules' tests: levels come from tiers (1 Director, 2 Assistant Director,
3 Head of Service), and the management team has a lead for each side."""

RULESET = """orglint-ruleset: 1
name: split
extends: [core]
rules:
  C101: {required-functions: [strategic-commissioning, operational-commissioning, provider], department-kinds: [service]}
  C102: {director-role: director, lead-role: assistant-director, split-role: head-of-service, department-kinds: [service]}
  C103: {line-roles: [head-of-service], lead-roles: [assistant-director]}
  C104: {roles: [assistant-director, head-of-service]}
  B101: {areas: [hr, finance]}
policy:
  roles:
    director: {name: Director}
    assistant-director: {name: Assistant Director}
    head-of-service: {name: Head of Service}
  tiers: {1: {role: director}, 2: {role: assistant-director}, 3: {role: head-of-service}}
"""
FILES = {"split.yaml": RULESET}

SPLIT = """orglint: 1
organisation: {name: Example County Council, type: other, ruleset: ./split.yaml}
departments:
  - {id: people, name: People, business_partners: {hr: HR, finance: FIN}}
posts:
  - {id: DIR, title: Director of People, tier: 1, department: people}
  - {id: ADS, title: AD Strategic Commissioning, reports_to: DIR, tier: 2, department: people, function: strategic-commissioning}
  - {id: ADO, title: AD Operational Commissioning, reports_to: DIR, tier: 2, department: people, function: operational-commissioning}
  - {id: ADP, title: AD Provider Services, reports_to: DIR, tier: 2, department: people, function: provider}
  - {id: HR, title: HR Business Partner, reports_to: DIR, tier: 2, department: people, function: support}
  - {id: FIN, title: Finance Business Partner, reports_to: DIR, tier: 2, department: people, function: support}
"""
