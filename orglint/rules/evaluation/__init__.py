"""Job evaluation rules, codes E101-E105 (E for evaluation): every post evaluated, with a complete
and consistent record. Shared by the rules and the report: ``_records`` (what is wrong with a
record) and ``_scope`` (which posts the rules look at)."""
