"""Words around data in messages: the indefinite article before a name taken from a ruleset or a
structure ("an Assistant Director", "a Head of Service"), chosen by how the name is said, and a
list of names (``'D1', 'D2' and 'D3'``)."""

from __future__ import annotations

from collections.abc import Sequence

_SAID_WITH_A_CONSONANT = ("uni", "use", "usu", "uti", "ure", "uro", "eu", "ewe", "one", "once")
"""Words written with a vowel but said with a consonant: a unitary council, a user, a one-off."""
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")
_LETTERS_SAID_WITH_A_VOWEL = frozenset("AEFHILMNORSX")
"""Letters whose names start with a vowel sound: an HR business partner, an S151 officer, an MO."""


def _takes_an(word: str) -> bool:
    if word[0].isdigit():
        return word.startswith("8") or word in ("11", "18")  # eight, eleven, eighteen
    if len(word) == 1 or (word.isupper() and word.isalnum()) or any(c.isdigit() for c in word):
        return word[0].upper() in _LETTERS_SAID_WITH_A_VOWEL  # spelt out: initials, grades, codes
    lower = word.lower()
    if lower.startswith(_SILENT_H):
        return True
    return lower[0] in "aeiou" and not lower.startswith(_SAID_WITH_A_CONSONANT)


def a_or_an(phrase: str) -> str:
    """``phrase`` after the indefinite article its first word takes."""
    word = phrase.split(maxsplit=1)[0].strip("'\"(") if phrase.strip() else ""
    return f"{'an' if word and _takes_an(word) else 'a'} {phrase}"


_PROPER_WORDS = {"london": "London", "welsh": "Welsh", "scottish": "Scottish"}
"""Words in council type ids that are names, and are capitalised when said."""


def a_council_of_type(council_type: str) -> str:
    """How a message says "a council of this type": ``london-borough`` is "a London borough council",
    ``scottish-council`` "a Scottish council" (the id already ends in the word), ``other`` "a council"."""
    words = [_PROPER_WORDS.get(word, word) for word in council_type.split("-") if word != "other"]
    if not words or words[-1] != "council":
        words.append("council")
    return a_or_an(" ".join(words))


MAX_SHARERS = 5
"""The most records a finding names as sharing one value; the rest are counted."""


def listed(items: Sequence[str], *, conjunction: str = "and", most: int | None = None) -> str:
    """``a``; ``a and b``; ``a, b and c`` (or another ``conjunction``); beyond ``most`` items the
    rest are counted: ``a, b and 3 more``."""
    shown = list(items)
    if most is not None and len(shown) > most:
        shown = [*shown[:most], f"{len(items) - most:,} more"]
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} {conjunction} {shown[-1]}"


def shared_by(posts: Sequence[str]) -> str:
    """How a finding on a value several posts share names them: ``posts 'D1', 'D2' and 'D3'``."""
    return f"posts {listed([repr(post) for post in posts], most=MAX_SHARERS)}"
