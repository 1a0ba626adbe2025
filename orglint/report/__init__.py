"""The auditor's facts for ``orglint report`` (and ``diff``, ``tree``): computed from a lint run
(``audit``: compliance, statutory officers, shape, pay bill, evaluation coverage), with a module
per kind of fact. How they look is ``orglint.output``'s: laid out as a document
(``output.report``) and drawn by its terminal, Markdown and HTML renderers. Nothing here is
imported by ``orglint check``.
"""
