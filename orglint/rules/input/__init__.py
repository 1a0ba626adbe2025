"""Rules about reading input files (X)."""
