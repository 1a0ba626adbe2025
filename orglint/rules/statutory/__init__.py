"""Statutory officer rules (L): the designations UK local-government law requires."""
