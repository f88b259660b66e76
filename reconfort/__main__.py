"""The `reconfort` command. Placeholder until the CLI is written."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconfort.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["reconfort", *sys.argv[1:]])


if __name__ == "__main__":
    main()
