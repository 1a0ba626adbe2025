"""Input rules, codes X001-X004: a file that cannot be read as a structure, an include that leaves the
repository, a suppression that hides nothing. X for the input itself, read before any other family."""
