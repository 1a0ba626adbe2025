"""How every message naming an unknown key, rule, post or value suggests the one probably meant
("did you mean"):

    f"unknown key {key!r}{did_you_mean(closest(key, keys))}"
    f"unknown key {key!r}{did_you_mean(closest(key, keys), otherwise=f'; known keys: {listed}')}"

A name is suggested in this order: one that differs only in case (ids are compared exactly, so
``hos-fin`` for ``HOS-FIN`` is the likeliest slip there is); else one a single edit away (a letter
wrong, missing, added, or two swapped), found by looking up each such edit of the name written,
which costs the same for ten names as for a hundred thousand; else, for up to ``FAR_LIMIT`` names,
the nearest by edit distance (rapidfuzz's optimal string alignment: a letter replaced, inserted or
deleted, or two neighbours swapped, is one edit). Every suggestion is at most a third of its length
in edits away (``DIR-OPS`` is not a slip for ``DIR-CORP``), and of several, the fewest edits away
is suggested, then the first written.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

FAR_LIMIT = 20_000
"""Above this many names, only names differing in case or by one edit are suggested: a search
further afield compares the name written with every known one, a cost per unknown name that would
grow with the structure."""

FAR_SEARCHES = 200
"""How many searches further afield one set of names answers: the rest of its unknown names get
only near misses (a structure whose every ``reports_to`` uses another scheme of ids would otherwise
pay a search of every post for every post)."""

_CANDIDATES = 10
"""How many of the nearest names a search further afield weighs."""

_ONE_EDIT_BUDGET = 100_000
"""The most one-edit variants of a name made to look up (its length times the letters in use);
past it, only the search further afield suggests."""

LONGEST_SUGGESTED = 200
"""Text longer than this gets no suggestion: no key, id or word is that long, and both searches
cost more than the length's square (a hostile file's 12,000-character key took gigabytes)."""


def edit_distance(first: str, second: str) -> int:
    """The fewest edits (a character replaced, inserted or deleted, or two neighbours swapped) that
    make one string the other: the optimal string alignment distance."""
    from rapidfuzz.distance import OSA  # imported when a name is unknown, not at every start

    return int(OSA.distance(first, second))


def _near_enough(written: str, known: str, distance: int) -> bool:
    """A slip, not another name: at most a third of the longer name's characters edited."""
    return distance <= max(len(written), len(known)) // 3


class Suggester:
    """The names a suggestion is chosen from, indexed once for any number of suggestions (one per
    unknown reporting line of a structure, say)."""

    def __init__(self, known: Iterable[str], far_searches: float = FAR_SEARCHES) -> None:
        """``far_searches``: how many searches further afield it answers (``math.inf`` for a few
        names, such as a record's fields, which cost nothing to search)."""
        self.known = list(dict.fromkeys(known))
        self._far_searches_left = far_searches

    @cached_property
    def _by_folded(self) -> dict[str, list[str]]:
        """Each name case aside (``casefold``), to the names written so, in their order."""
        folded: dict[str, list[str]] = {}
        for name in self.known:
            folded.setdefault(name.casefold(), []).append(name)
        return folded

    @cached_property
    def _letters_by_length(self) -> dict[int, str]:
        """The letters of the names of each length: a letter replaced can only be one of a name as
        long as the text, a letter added one of a name a letter longer (so one hostile id of a
        thousand letters does not multiply the variants of every short name)."""
        letters: dict[int, set[str]] = {}
        for name in self._by_folded:
            letters.setdefault(len(name), set()).update(name)
        return {length: "".join(sorted(found)) for length, found in letters.items()}

    def _one_edit(self, folded: str) -> list[str]:
        """The names (case aside) one edit from ``folded``, in the order of the names; none past the
        budget (every variant is a string: ids of a thousand letters, a hostile file's, would make
        millions)."""
        replacing = self._letters_by_length.get(len(folded), "")
        adding = self._letters_by_length.get(len(folded) + 1, "")
        if len(folded) * (len(replacing) + len(adding)) > _ONE_EDIT_BUDGET:
            return []
        splits = [(folded[:i], folded[i:]) for i in range(len(folded) + 1)]
        edits = {left + right[1:] for left, right in splits if right}
        edits |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
        edits |= {left + letter + right[1:] for left, right in splits if right for letter in replacing}
        edits |= {left + letter + right for left, right in splits for letter in adding}
        edits.discard(folded)
        found = [name for edit in edits for name in self._by_folded.get(edit, ())]
        order = {name: index for index, name in enumerate(self.known)} if len(found) > 1 else {}
        return sorted(found, key=lambda name: order.get(name, 0))

    def candidates(self, written: str) -> list[str]:
        """The names ``written`` may be a slip for, likeliest first; only the nearest kind of slip
        found (differing in case, else by one edit, else further) is given."""
        folded = written.casefold()
        same = self._by_folded.get(folded, [])
        if same:
            return [written] if written in same else same  # a known name is itself
        if not folded or len(folded) > LONGEST_SUGGESTED:
            return []
        near = [name for name in self._one_edit(folded) if _near_enough(written, name, 1)]
        if near:
            return sorted(near, key=lambda name: edit_distance(written, name))  # the case, too, where it tells
        if len(self.known) > FAR_LIMIT or self._far_searches_left <= 0:
            return []
        self._far_searches_left -= 1
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        # no name more than half its length in edits away can be near enough (see _near_enough)
        alike = process.extract(
            folded, list(self._by_folded), scorer=OSA.distance, score_cutoff=len(folded) // 2, limit=_CANDIDATES
        )
        ranked: list[tuple[int, int, str]] = []
        for match, distance, index in alike:
            if _near_enough(written, match, int(distance)):
                ranked.extend((int(distance), index, name) for name in self._by_folded[match])
        return [name for _, _, name in sorted(ranked)]

    def closest(self, written: str) -> str | None:
        """The name ``written`` is most probably a slip for, if any is close enough."""
        found = self.candidates(written)
        return found[0] if found else None

    def only_close(self, written: str) -> str | None:
        """The one name close enough to ``written`` to be its slip, if exactly one is: a
        suggestion certain enough to act on (``--fix`` renames a key; a post under a misspelt
        manager counts in that manager's span), not merely to show."""
        found = self.candidates(written)
        return found[0] if len(found) == 1 else None


def closest(written: str, known: Iterable[str]) -> str | None:
    """The known name ``written`` is most probably a misspelling of, if any is close enough."""
    return Suggester(known).closest(written)


def only_close(written: str, known: Iterable[str]) -> str | None:
    """The one known name close enough to ``written`` to be its misspelling, if exactly one is: a
    suggestion certain enough to apply (``orglint check --fix``), not merely to show."""
    return Suggester(known).only_close(written)


def did_you_mean(meant: str | None, otherwise: str = "") -> str:
    """The suggestion to append to a message (`` (did you mean 'grade'?)``), or ``otherwise``
    when there is nothing to suggest."""
    return f" (did you mean {meant!r}?)" if meant is not None else otherwise
