"""Kindred spirits: people who lived through something close, paired only if both accept (issue 6)."""
