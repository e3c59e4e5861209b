"""Coverage: findings, cell details, grade history, focus and weekly review."""
