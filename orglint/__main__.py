"""``python -m orglint``.

For ``-m``, Python puts the current folder first on ``sys.path``. Run inside a linted repository,
that would let the repository's own ``typer.py`` be imported as orglint's, or its ``*.dist-info``
register rule plugins: its code would run (docs/security.md). So that entry goes before anything else is
imported; plugins then come only from the installed environment. (``-P`` or ``PYTHONSAFEPATH``
keep it out in the first place.)
"""

import os
import sys

if not sys.flags.safe_path and sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from orglint.cli import main

main()
