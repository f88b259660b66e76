"""Demo content of this area (being built: nothing yet)."""


def load(users: dict) -> None:
    return None
