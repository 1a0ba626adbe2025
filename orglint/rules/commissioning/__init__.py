"""Commissioner/provider split rules (C), from Leicestershire's Organisational Design Principles."""
