"""Moderation's background jobs. The purge of members suspended more than 30 days ago runs in privacy.tasks, next
to the erasure of deleted accounts it shares (files, archives and sessions go too)."""
