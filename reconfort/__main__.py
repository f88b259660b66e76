"""`reconfort …` and `python -m reconfort …`: see reconfort/cli/."""

from reconfort.cli.main import main

if __name__ == "__main__":
    main()
