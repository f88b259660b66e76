"""RSS/Atom feeds for public profiles, tags and crisis pages (issue 7)."""
