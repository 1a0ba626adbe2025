"""Commissioner/provider split rules, codes C101-C104 (C for commissioning), from Leicestershire's
Organisational Design Principles. Shared by the rules: ``_functions`` (how departments and posts
are classed as commissioning or providing)."""
