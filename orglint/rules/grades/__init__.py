"""Grade and pay rules (G): grades per tier, pay bands, grade order, team manager lines."""
