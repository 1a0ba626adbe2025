"""``orglint diff``: what a restructure changes (posts, designations), what it costs, how its
shape moves, and which findings it introduces and resolves; and ``check --new-only``. How the
comparison looks is ``orglint.output``'s (``output.diff``, ``output.diff_json``)."""
