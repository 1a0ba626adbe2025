"""Organogram publication rules, codes T101-T117 (T for the tables: an organogram is published
as senior and junior staff tables): the data.gov.uk rules for those tables. Shared by the rules:
``_table_rule`` (reading the tables cell by cell, and pointing at cells)."""
