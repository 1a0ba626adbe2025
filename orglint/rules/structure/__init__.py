"""Structure integrity rules (S): ids, reporting lines, references, tiers."""
