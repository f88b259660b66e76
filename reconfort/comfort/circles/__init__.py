"""Support circles: groups with rules, moderators and a join policy (issue 6)."""
