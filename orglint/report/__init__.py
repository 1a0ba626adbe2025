"""The auditor's view: ``orglint report`` and ``orglint tree``.

Facts are computed from a lint run (``audit``: compliance, statutory officers, shape, pay bill,
evaluation coverage), laid out once as titled sections of tables and text (``sections``), and
drawn by one renderer per medium: the terminal (rich), Markdown and a self-contained HTML page
with an org chart. Nothing here is imported by ``orglint check``.
"""
