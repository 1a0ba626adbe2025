"""An example orglint plugin."""
