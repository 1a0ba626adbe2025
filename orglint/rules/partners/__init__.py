"""Business partner rules, code B101 (B for business partners), from Leicestershire's business
partner model."""
