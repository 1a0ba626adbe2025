"""Structure integrity rules, codes S001-S006: ids, reporting lines, references, tiers."""
