"""orglint: a rules-based compliance linter for organisation structures."""

__version__ = "0.1.0"
