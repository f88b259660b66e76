"""Trending hashtags that a human approved: burst detection and review (issue 7)."""
