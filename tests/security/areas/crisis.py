"""Authorization matrix rows of this area (see tests/security/areas/__init__.py): crisis pages, check-ins and the
moderators' crisis tools.

Scene: the moderator opened a crisis around Lyon; the owner (who lives there) checked in, wrote a public post under
its hashtag, wrote an appeal and trusts nobody; a published memorial and a "helper" member exist. Check-ins are
never public: the list is only what the viewer follows, and only the person (or someone they trust) marks them.
"""

from __future__ import annotations

import datetime

from reconfort.appeals import services as appeal_services
from reconfort.crisis import services
from reconfort.memorials import services as memorial_services
from reconfort.memorials.models import Memorial
from tests.factories import UserFactory, make_post
from tests.security.matrix import EVERYONE, SIGNED_IN, STAFF, others, rows


def _crisis(w, **overrides):
    kwargs = {"name": "Crue du Rhône", "place": "Lyon", "radius_km": 30, "tags": "#CrueLyon"}
    return services.crisis_create(w["moderator"], **{**kwargs, **overrides})


def scene_crisis(w) -> dict:
    crisis = _crisis(w)
    services.home_area_set(w["owner"], place="Lyon")
    services.checkin_set(w["owner"], crisis, "safe")
    post = make_post(w["owner"], "Nous sommes à l'abri #CrueLyon")
    notice = services.notice_add(w["moderator"], crisis, text="Évitez les quais.")
    appeal = appeal_services.appeal_create(
        w["owner"],
        kind="help",
        title="Repas pour les sinistrés",
        details={"need": "meals", "recurrence": "recurring", "when": "Tuesday evenings"},
        place="Lyon",
    )
    memorial = memorial_services.memorial_create(
        w["owner"], full_name="Jeanne Martin", death_date=datetime.date(2024, 3, 14), visibility="public"
    )
    memorial_services.memorial_set_state(w["owner"], memorial, Memorial.State.PUBLISHED)
    helper = UserFactory(username="helper")
    return {
        "crisis": crisis.slug,
        "post": post.pk,
        "notice": notice.pk,
        "appeal": appeal.pk,
        "memorial": memorial.key,
        "helper": helper.username,
    }


def scene_crisis_proposed(w) -> dict:
    crisis = _crisis(w, name="Peut-être")
    type(crisis).objects.filter(pk=crisis.pk).update(state="proposed")
    return {"crisis": crisis.slug}


SCENES: dict = {"crisis": scene_crisis, "crisis:proposed": scene_crisis_proposed}
ANON = ("anonymous",)

# Reading: the directory, the page and its feeds are public; a proposal is for moderators only.
for path in ("/crises/", "/crises/{crisis}/", "/crises/{crisis}/feed/rss/", "/crises/{crisis}/feed/atom/"):
    rows("crisis", "GET", path, allow=EVERYONE)
rows("crisis", "GET", "/api/v1/crises", allow=EVERYONE)
rows("crisis", "GET", "/api/v1/crises/{crisis}", allow=EVERYONE)
rows("crisis:proposed", "GET", "/crises/{crisis}/", allow=STAFF, refuse=others(*STAFF))
rows("crisis:proposed", "GET", "/api/v1/crises/{crisis}", allow=STAFF, refuse=others(*STAFF))
# The check-in list answers only with the people the viewer follows (tested in tests/crisis and tests/api).
rows("crisis", "GET", "/api/v1/crises/{crisis}/check_ins", allow=SIGNED_IN, refuse=("anonymous",))

# Checking in: any member, for themselves; marking the owner: only the owner (who trusts nobody here).
rows("crisis", "POST", "/crises/{crisis}/check-in/", allow=SIGNED_IN, refuse=("anonymous",), data={"status": "safe"})
rows(
    "crisis",
    "POST",
    "/crises/{crisis}/check-in/",
    allow=("owner",),
    refuse=others("owner"),
    data={"status": "safe", "account": "{owner}"},
)
rows(
    "crisis",
    "POST",
    "/api/v1/crises/{crisis}/check_in",
    allow=SIGNED_IN,
    refuse=("anonymous",),
    data={"status": "safe"},
)
rows(
    "crisis",
    "POST",
    "/api/v1/crises/{crisis}/check_in",
    allow=("owner",),
    refuse=others("owner"),
    data={"status": "safe", "account_id": "{owner_id}"},
)
rows("crisis", "POST", "/crises/{crisis}/check-in/remove/", allow=SIGNED_IN, refuse=("anonymous",))
rows("crisis", "DELETE", "/api/v1/crises/{crisis}/check_in", allow=SIGNED_IN, refuse=("anonymous",))
rows(
    "crisis", "POST", "/crises/{crisis}/location/", allow=SIGNED_IN, refuse=("anonymous",), data={"where-place": "Lyon"}
)
rows("crisis", "POST", "/crises/{crisis}/location/forget/", allow=SIGNED_IN, refuse=("anonymous",))

# "Are you safe?": only a follower of the person asks.
rows("crisis", "POST", "/crises/{crisis}/ask/{owner}/", allow=("follower",), refuse=others("follower"))
rows("crisis", "POST", "/api/v1/crises/{crisis}/ask/{owner_id}", allow=("follower",), refuse=others("follower"))

# Linking an appeal: its author or a moderator.
rows("crisis", "POST", "/crises/{crisis}/appeals/link/", allow=("owner", *STAFF), refuse=others("owner", *STAFF),
     data={"appeal": "{appeal}"})  # fmt: skip
rows("crisis", "POST", "/crises/{crisis}/appeals/{appeal}/unlink/", allow=("owner", *STAFF),
     refuse=others("owner", *STAFF))  # fmt: skip

# One's own private settings.
rows("crisis", "GET", "/crises/settings/", allow=SIGNED_IN, refuse=("anonymous",))
rows("crisis", "POST", "/crises/settings/", allow=SIGNED_IN, refuse=("anonymous",), data={"place": "Lyon"})
rows(
    "crisis", "POST", "/crises/settings/trusted/", allow=SIGNED_IN, refuse=("anonymous",), data={"username": "{helper}"}
)
rows("crisis", "POST", "/crises/settings/trusted/{helper}/remove/", allow=SIGNED_IN, refuse=("anonymous",))

# Moderators' tools (pages behind the staff second factor; the API with a moderator's token).
for method, path, data in (
    ("GET", "/crises/manage/", None),
    ("GET", "/crises/new/", None),
    ("POST", "/crises/new/", {"name": "Séisme", "place": "Nice", "radius_km": "40", "tags": "#SeismeNice"}),
    ("GET", "/crises/{crisis}/edit/", None),
    ("POST", "/crises/{crisis}/edit/", {"name": "Crue du Rhône et de la Saône", "radius_km": "40"}),
    ("POST", "/crises/{crisis}/state/", {"state": "winding_down"}),
    ("POST", "/crises/{crisis}/notices/", {"text": "Abris ouverts."}),
    ("POST", "/crises/{crisis}/notices/{notice}/remove/", None),
    ("POST", "/crises/{crisis}/posts/{post}/hide/", None),
    ("POST", "/crises/{crisis}/posts/{post}/unhide/", None),
    ("POST", "/crises/{crisis}/memorials/link/", {"memorial": "{memorial}"}),
    ("POST", "/crises/{crisis}/memorials/{memorial}/unlink/", None),
    ("POST", "/api/v1/crises", {"name": "Séisme", "place": "Nice", "radius_km": 40}),
    ("POST", "/api/v1/crises/{crisis}/state", {"state": "winding_down"}),
    ("POST", "/api/v1/crises/{crisis}/notices", {"text": "Abris ouverts."}),
):
    rows("crisis", method, path, allow=STAFF, refuse=others(*STAFF), data=data)

# Every crisis route has rows above.
PAGE_ALLOW_LIST: set = set()
API_ALLOW_LIST: set = set()
