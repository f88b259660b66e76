"""The `reconfort` command line: serve, worker, migrate, demo, and every Django management command."""
