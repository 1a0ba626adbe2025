"""Stage 2 of the pipeline: located data to validated pydantic models (SPEC section 3)."""
