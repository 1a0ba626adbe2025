"""Business partner rules (B), from Leicestershire's business partner model."""
