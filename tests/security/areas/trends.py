"""Authorization matrix rows of this area (see tests/security/areas/__init__.py): hashtags (follow, featured tags)
and trends."""

from __future__ import annotations

from reconfort.hashtags import services as tag_services
from tests.factories import make_post
from tests.security.matrix import EVERYONE, SIGNED_IN, others, rows


def scene_tag(w) -> dict:
    """The owner wrote a public post with #paix and follows the tag."""
    make_post(w["owner"], "Un peu de #paix ce soir")
    tag_services.tag_follow(w["owner"], "paix")
    return {"tag": "paix"}


def scene_featured_tag(w) -> dict:
    """The owner features #paix on their profile."""
    make_post(w["owner"], "Un peu de #paix ce soir")
    return {"featured": tag_services.featured_tag_add(w["owner"], "paix").pk, "tag": "paix"}


SCENES: dict = {"tag": scene_tag, "featured_tag": scene_featured_tag}

# A hashtag and the trending list are public; following a tag is for members (their own follows).
rows("tag", "GET", "/api/v1/tags/{tag}", allow=EVERYONE)
rows("tag", "GET", "/api/v1/trends/tags", allow=EVERYONE)
rows("tag", "GET", "/trends/", allow=EVERYONE)
for path in (
    "/api/v1/tags/{tag}/follow",
    "/api/v1/tags/{tag}/unfollow",
    "/tags/{tag}/follow/",
    "/tags/{tag}/unfollow/",
):
    rows("tag", "POST", path, allow=SIGNED_IN, refuse=("anonymous",))
rows("tag", "GET", "/api/v1/followed_tags", allow=SIGNED_IN, refuse=("anonymous",))
rows("tag", "GET", "/followed-tags/", allow=SIGNED_IN, refuse=("anonymous",))

# Featured tags: one's own list and additions; only the owner removes theirs; anyone who may see the profile
# sees them (not a member the owner blocked).
rows("featured_tag", "GET", "/api/v1/featured_tags", allow=SIGNED_IN, refuse=("anonymous",))
rows("featured_tag", "POST", "/api/v1/featured_tags", allow=SIGNED_IN, refuse=("anonymous",), data={"name": "espoir"})
rows("featured_tag", "GET", "/api/v1/featured_tags/suggestions", allow=SIGNED_IN, refuse=("anonymous",))
rows("featured_tag", "GET", "/featured-tags/", allow=SIGNED_IN, refuse=("anonymous",))
rows("featured_tag", "DELETE", "/api/v1/featured_tags/{featured}", allow=("owner",), refuse=others("owner"))
rows("featured_tag", "POST", "/featured-tags/{featured}/remove/", allow=("owner",), refuse=others("owner"))
rows("featured_tag", "GET", "/api/v1/accounts/{owner_id}/featured_tags", allow=others("blocked"), refuse=("blocked",))

PAGE_ALLOW_LIST: set = set()
API_ALLOW_LIST: set = set()
