"""Design norm rules, codes D101-D104 (D for design): spans of control and layers."""
