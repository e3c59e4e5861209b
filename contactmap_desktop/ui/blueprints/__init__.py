"""The Contact Blueprint panel, the strategy and reference panels, and the blueprints overview."""
