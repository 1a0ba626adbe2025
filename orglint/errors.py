"""The one kind of failure a user can act on."""


class OrglintError(Exception):
    """Bad usage, configuration or ruleset, a path that does not exist, an output that cannot be
    written: the command line shows the message as one line (``orglint: error: ...``) and exits 2.
    Any other exception is an internal error."""
