"""A structure with job profiles for the profile (R) rules' tests: a ruleset whose policy gives
each level its grades and corporately agreed responsibilities, and a clean structure on it in
which every post from Head of Service up uses its level's template."""

RULESET = """orglint-ruleset: 1
name: profiled
extends: [core]
rules:
  R101: {from-grade: HOS}
  R102: error
  R103: error
policy:
  grades: {CE: {rank: 4}, DIR: {rank: 3}, HOS: {rank: 2}, TM: {rank: 1}}
  roles:
    chief-executive: {name: Chief Executive, grades: [CE]}
    director:
      name: Director
      grades: [DIR]
      responsibilities: {strategy: The development of strategy, budget: Budget accountability}
    head-of-service: {name: Head of Service, grades: [HOS], responsibilities: {budget: Budget accountability}}
    team-manager: {name: Team Manager, grades: [TM]}
  tiers: {1: {role: chief-executive}, 2: {role: director}, 3: {role: head-of-service}, 4: {role: team-manager}}
"""
FILES = {"profiled.yaml": RULESET}

PROFILED = """orglint: 1
organisation: {name: Example District Council, type: district, ruleset: ./profiled.yaml}
profiles:
  - {id: ce, title: Chief Executive, level: chief-executive}
  - {id: dir, title: Director, level: director, responsibilities: [strategy, budget]}
  - {id: hos, title: Head of Service, level: head-of-service, responsibilities: [budget]}
posts:
  - {id: CE, title: Chief Executive, tier: 1, grade: CE, profile: ce}
  - {id: DIR1, title: Director, reports_to: CE, tier: 2, grade: DIR, profile: dir}
  - {id: DIR2, title: Director, reports_to: CE, tier: 2, grade: DIR, profile: dir}
  - {id: DIR3, title: Director, reports_to: CE, tier: 2, grade: DIR, profile: dir}
  - {id: HOS1, title: Head of Service, reports_to: DIR1, tier: 3, grade: HOS, profile: hos}
  - {id: HOS2, title: Head of Service, reports_to: DIR1, tier: 3, grade: HOS, profile: hos}
  - {id: HOS3, title: Head of Service, reports_to: DIR1, tier: 3, grade: HOS, profile: hos}
  - {id: TM1, title: Team Manager, reports_to: HOS1, tier: 4, grade: TM}
  - {id: TM2, title: Team Manager, reports_to: HOS1, tier: 4, grade: TM}
  - {id: TM3, title: Team Manager, reports_to: HOS1, tier: 4, grade: TM}
"""
