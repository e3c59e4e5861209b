"""Use cases: one unit of work per user operation."""
