"""The power map tab: the client's org chart with our relationships on it."""
