"""The export holds what the comfort capabilities keep about the member and nothing of anyone else: safety
preferences and panels, who may reply to their posts, their decisions on held replies (not the replies' words nor
writers), their own replies that were held, and their circle posts."""

import json
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.accounts.models import User
from reconfort.comfort import callouts
from reconfort.comfort import services as comfort_services
from reconfort.comfort.circles import services as circle_services
from reconfort.comfort.guard import services as guard_services
from reconfort.comfort.guard.models import HeldReply
from reconfort.comfort.models import Call
from reconfort.comfort.safety import services as safety_services
from reconfort.comfort.safety.models import RiskSignal
from reconfort.crisis import services as crisis_services
from reconfort.privacy import services
from tests.factories import UserFactory, make_post
from tests.privacy.lives import LYON

pytestmark = pytest.mark.django_db

RISK_TEXT = "Je n'en peux plus, je veux en finir ce soir."
HOSTILE = "c o n n a r d, tout le monde s'en fout de ta mère"
STRANGER_WORDS = "Je suis un inconnu mais je pense à vous, Léa."


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


def exported(user) -> tuple[dict, list]:
    export = services.export_request(user)
    with zipfile.ZipFile(services.export_file(user, export.pk)) as archive:
        return json.loads(archive.read("comfort.json")), json.loads(archive.read("posts.json"))


@pytest.fixture
def members(user, other):
    User.objects.filter(pk__in=[user.pk, other.pk]).update(date_joined=timezone.now() - timedelta(days=60))
    user.refresh_from_db()
    other.refresh_from_db()
    return user, other


def test_safety_preferences_and_panels(members):
    user, _other = members
    safety_services.preference_set(user, "BE")
    risky = make_post(user, RISK_TEXT)
    signal = RiskSignal.objects.get(post=risky)
    safety_services.panel_dismiss(user, signal.pk)
    safety = exported(user)[0]["safety"]
    assert safety["country"] == "BE" and safety["country_chosen_at"]
    signal.refresh_from_db()
    assert safety["panels_shown"] == [
        {
            "post": str(risky.pk),
            "at": signal.created_at.isoformat(),
            "dismissed_at": signal.panel_dismissed_at.isoformat(),
        }
    ]


def test_the_guard_decisions_and_policies_of_the_member_without_the_others_words(members):
    user, other = members
    request = comfort_services.support_request_ask(user, text="Mon père est parti dimanche.", topic="grief")
    post = request.post
    guard_services.reply_policy_set(user, post, "comforters")
    guard_services.reply_policy_set(user, post, "guarded")
    stranger = UserFactory(username="inconnu")
    kind = make_post(stranger, STRANGER_WORDS, in_reply_to_id=post.pk)
    rude = make_post(stranger, HOSTILE, in_reply_to_id=post.pk)
    guard_services.held_reply_approve(user, HeldReply.objects.get(reply=kind))
    guard_services.held_reply_remove(user, HeldReply.objects.get(reply=rude))
    guard = exported(user)[0]["guard"]
    assert [(p["post"], p["audience"]) for p in guard["reply_policies"]] == [(str(post.pk), "guarded")]
    assert [(d["reply"], d["on_post"], d["decision"]) for d in guard["held_replies_decided"]] == [
        (str(kind.pk), str(post.pk), "approved"),
        (str(rude.pk), str(post.pk), "removed"),
    ]
    assert all(d["at"] for d in guard["held_replies_decided"])
    assert guard["my_held_replies"] == []
    text = json.dumps(guard, ensure_ascii=False)
    assert "inconnu" not in text and "pense à vous" not in text and "hostility" not in text  # the stranger's


def test_the_members_own_held_replies(members):
    user, other = members
    memorial_post = make_post(other, "En mémoire de ma grand-mère.", kind="memorial")
    mine = make_post(user, HOSTILE, in_reply_to_id=memorial_post.pk)
    assert mine.held
    comfort, posts = exported(user)
    [held] = comfort["guard"]["my_held_replies"]
    assert held["reply"] == str(mine.pk) and held["in_reply_to"] == str(memorial_post.pk)
    assert held["state"] == "held" and "hostility" in held["screened_as"]
    assert "not_followed" not in held["screened_as"]  # whom the author follows is theirs, not the writer's
    assert [p["held"] for p in posts if p["id"] == mine.pk] == [True]
    # the author of the memorial post sees none of it in their own export
    theirs = exported(other)[0]["guard"]
    assert theirs["my_held_replies"] == [] and theirs["held_replies_decided"] == []


def test_circle_posts_are_in_the_export(members):
    user, other = members
    circle = circle_services.circle_create(other, name="Jeunes parents", join_policy="open")
    circle_services.circle_join(user, circle)
    circle_services.circle_post_create(user, circle, text="Trois nuits sans dormir, et vous ?")
    export = services.export_request(user)
    with zipfile.ZipFile(services.export_file(user, export.pk)) as archive:
        circles = json.loads(archive.read("circles.json"))
    assert [p["text"] for p in circles["posts"]] == ["Trois nuits sans dormir, et vous ?"]


def test_call_outs_and_requests_opened_say_nothing_of_the_askers(members, third):
    user, _other = members
    User.objects.filter(pk=third.pk).update(date_joined=timezone.now() - timedelta(days=60))
    comfort_services.comforter_save(user, languages=["fr"], guide_read=True)
    callouts.call_settings_save(user, on_call=True, from_hour=0, until_hour=0)  # any hour
    lonely = comfort_services.support_request_ask(third, text="Personne ne m'écrit jamais.", anonymous=True)
    [call] = callouts.calls_send(now=timezone.now() + timedelta(hours=2))
    assert call.comforter_id == user.pk
    comfort_services.claim_open(user, lonely)
    comfort_services.claim_release(user, lonely)
    comfort = exported(user)[0]
    assert comfort["call_outs"] == {
        "on_call": True,
        "from_hour": 0,
        "until_hour": 0,
        "calls_received": [{"language": "fr", "at": Call.objects.get().created_at.isoformat()}],
    }
    assert [c["state"] for c in comfort["requests_opened"]] == ["released"]
    text = json.dumps(comfort, ensure_ascii=False)
    assert "amina" not in text and "écrit jamais" not in text and lonely.pseudonym not in text


def test_circles_hosted_and_crises_as_their_pages_show_them(members, third):
    user, other = members
    circle = circle_services.circle_create(user, name="Veuves et veufs", join_policy="open")
    circle_services.circle_join(other, circle)
    circle_services.circle_join(third, circle)
    spam = circle_services.circle_post_create(other, circle, text="Achetez mon livre")
    circle_services.circle_post_remove(user, spam, reason="Publicité")
    circle_services.circle_ban(user, circle, third, reason="Moqueries")
    moderator = UserFactory(username="modo", role="moderator")
    flood = crisis_services.crisis_create(moderator, name="Crue du Rhône", place="Lyon", radius_km=30)
    crisis_services.trusted_add(third, user)
    crisis_services.location_share(user, flood, latitude=LYON[0], longitude=LYON[1])
    crisis_services.checkin_set(user, flood, "safe", account=third)
    export = services.export_request(user)
    with zipfile.ZipFile(services.export_file(user, export.pk)) as archive:
        circles = json.loads(archive.read("circles.json"))
        crises = json.loads(archive.read("crises.json"))
    assert circles["circles_created"][0]["name"] == "Veuves et veufs"
    [removed] = circles["messages_removed"]
    assert (removed["circle"], removed["message"], removed["reason"]) == (circle.slug, str(spam.pk), "Publicité")
    assert "Achetez" not in json.dumps(circles)  # the removed message is its writer's
    assert [(b["account"], b["reason"]) for b in circles["bans_made"]] == [("amina", "Moqueries")]
    assert crises["i_may_mark_safe"] == ["amina"]
    assert [(m["account"], m["status"]) for m in crises["marked_by_me"]] == [("amina", "safe")]
    assert crises["locations_shared"][0]["latitude"] == LYON[0]
