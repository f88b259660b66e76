"""Comfort of strangers: support requests, the comfort queue, comforters, gratitude (issue 6)."""
