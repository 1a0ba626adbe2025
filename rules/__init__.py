"""The built-in rulesets (installed from the repository's top-level rules/ folder)."""
