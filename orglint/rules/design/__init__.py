"""Design norm rules (D): spans of control and layers."""
