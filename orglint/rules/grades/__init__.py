"""Grade and pay rules, codes G101-G105 (G for grades): grades per tier, pay bands, grade order,
team manager lines. Shared by G101, G102 and the report: ``_bands`` (the bands a post's grade and
pay must fall in)."""
