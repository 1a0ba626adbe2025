"""``orglint server``: a Language Server (LSP over stdio, built on pygls) that lints structure
files, rulesets and configuration files as they are edited (docs/editor.md).

``session`` lints what the editor holds (the load layer reads its unsaved text: see
``orglint.load.overlay``); ``language_server`` speaks the protocol; ``hover``, ``related``,
``actions`` and ``positions`` make the protocol's values from orglint's.
"""
