"""Statutory officer rules, codes L101-L114 (L for the law: S is the structure family): the
designations UK local-government law requires. Shared by the rules: ``_required`` (a designation
the council type requires) and ``_incompatible`` (two designations one post may not hold)."""
