"""Stage 1 of the pipeline: files on disk to plain data that remembers where each value came from."""
