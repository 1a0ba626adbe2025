"""Job profile rules (R): set templates and their corporately agreed responsibilities."""
