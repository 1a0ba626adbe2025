"""How everything orglint shows looks: every renderer of findings and documents, and nothing else.

* ``check/``: ``orglint check``'s findings, one module per ``--output-format`` (full, concise,
  json, sarif, junit, github).
* ``document``: the one document model (titled sections of tables, paragraphs and lists);
  ``figures``: the words figures and lists of posts are shown in.
* ``report`` and ``diff``: the audit report and the comparison of two versions, laid out as
  documents; ``diff_json``: the comparison as JSON.
* ``terminal``, ``markdown``, ``html``: the three renderers that draw a document (HTML adds an
  org chart).
* ``tree`` (``orglint tree``) and ``outline``, the reporting lines cut at a depth that the tree
  and the org chart draw.
* ``workbook``: the structure workbook ``orglint template`` writes (the layout of
  ``orglint.load.workbook_layout``), empty or filled from a structure.

What they show is computed elsewhere: the report's facts in ``orglint.report``, the comparison in
``orglint.diff``. Only ``check/`` is imported by ``orglint check``.
"""
