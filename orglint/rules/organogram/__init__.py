"""Organogram publication rules (T): the data.gov.uk rules for senior and junior staff tables."""
