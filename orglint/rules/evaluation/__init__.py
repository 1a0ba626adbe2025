"""Job evaluation rules (E): every post evaluated, with a complete and consistent record."""
