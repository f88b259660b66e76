"""Demo kindred spirits: a few members who chose to say what they lived through (as their bios and posts tell it),
so suggestions have someone to show and a reason to give (Anne-Sophie and Yann: « Vous avez tous deux perdu un
parent cette année. Vous pouvez parler en français. »; their causes differ and stay private), and one request waiting
for an answer (Dan asked Anne-Sophie). Martine and Grace both lost their partner this year but share no language:
they are not suggested to each other."""

from __future__ import annotations

from reconfort.comfort.kindred import services

# username: facets (through the same service as the page)
PROFILES = {
    "anne_sophie": {
        "loss": "parent",
        "since": "this_year",
        "languages": ["fr", "en"],
        "cause": "cancer",
        "cause_use": "share",
    },
    "yann_legall": {
        "loss": "parent",
        "since": "this_year",
        "languages": ["fr"],
        "region": "Bretagne",
        "cause": "accident",
        "cause_use": "match",
    },
    "dan_walsh": {"loss": "parent", "since": "this_year", "languages": ["en"]},
    "alex_dupont": {"loss": "parent", "since": "one_to_three", "languages": ["fr", "en"], "region": "London"},
    "martine_b": {"loss": "partner", "since": "this_year", "languages": ["fr"], "region": "Bretagne"},
    "grace_mitchell": {
        "loss": "partner",
        "since": "this_year",
        "languages": ["en"],
        "region": "Scotland",
        "cause": "cancer",
        "cause_use": "share",
    },
}
# (who asks, whom): waiting for an answer
REQUESTS = [("dan_walsh", "anne_sophie")]


def load(users: dict) -> None:
    for username, facets in PROFILES.items():
        if username in users:
            services.profile_save(users[username], **facets)
    for asker, asked in REQUESTS:
        if asker in users and asked in users:
            services.kindred_request(users[asker], users[asked])
