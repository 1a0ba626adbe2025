"""``orglint server``: the language server, for editors (docs/editor.md)."""

from __future__ import annotations

from orglint.cli.app import BadUsage

INSTALL_HINT = "orglint server needs the language-server extra: pip install 'orglint[server]'"


def server() -> None:
    """Run the language server on stdin and stdout (for an editor to start: docs/editor.md)."""
    try:
        import pygls  # noqa: F401  (an optional dependency: say how to install it, not a traceback)
    except ImportError:
        raise BadUsage(INSTALL_HINT) from None
    from orglint.server.language_server import serve

    serve()
