"""Stage 2 of the pipeline: located data to validated pydantic models (docs/structure-format.md)."""
