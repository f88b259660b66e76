"""A member's whole life on Réconfort, written through the services, touching as many links to the member as a
test can: what the export must hold and the erasure must take away (reconfort/privacy/coverage.py).

A few rows that only a background job or a moderator's rare path writes are created directly, said so below."""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from oauth2_provider.models import (
    Grant,
    get_access_token_model,
    get_application_model,
    get_refresh_token_model,
)
from PIL import Image

from reconfort.accounts import services as accounts
from reconfort.accounts import two_factor
from reconfort.accounts.models import Role, User
from reconfort.appeals import services as appeals
from reconfort.comfort import callouts
from reconfort.comfort import services as comfort
from reconfort.comfort.circles import services as circles
from reconfort.comfort.guard import services as guard
from reconfort.comfort.guard.models import HeldReply
from reconfort.comfort.kindred import services as kindred
from reconfort.comfort.models import Call
from reconfort.comfort.safety import services as safety
from reconfort.crisis import services as crisis
from reconfort.crisis.models import Invitation
from reconfort.hashtags import services as tags
from reconfort.memorials import services as memorials
from reconfort.memorials.models import AccountMemorial, AnniversaryReminder, Memorial, Tribute
from reconfort.moderation import services as moderation
from reconfort.notifications.models import Marker
from reconfort.posts import services as posts
from reconfort.posts.models import IdempotencyKey
from reconfort.privacy import services as privacy
from tests.factories import PASSWORD, UserFactory, make_post

LYON = (45.7578, 4.8320)
HOSTILE = "c o n n a r d, tout le monde s'en fout de ta mère"
RISK_TEXT = "Je n'en peux plus, je veux en finir ce soir."


def pet_details(name="Max") -> dict:
    return {
        "species": "cat",
        "name": name,
        "breed": "",
        "colours": "ginger and white",
        "marks": "a notch in the left ear",
        "last_seen_at": (timezone.now() - timedelta(days=1)).isoformat(),
        "last_seen_place": "Croix-Rousse",
        "reward": "",
        "microchipped": True,
        "microchip_number": "250269801234567",
    }


HELP_DETAILS = {"need": "meals", "recurrence": "recurring", "when": "Tuesday evenings"}


def jpeg(name="p.jpg", colour="#abcdef"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), colour).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg")


def mastodon_zip() -> SimpleUploadedFile:
    outbox = {
        "orderedItems": [
            {
                "type": "Create",
                "object": {
                    "id": "https://mastodon.example/users/papa/statuses/1",
                    "type": "Note",
                    "published": "2023-05-01T10:00:00Z",
                    "content": "<p>Le jardin est en fleurs.</p>",
                    "to": ["https://www.w3.org/ns/activitystreams#Public"],
                    "cc": [],
                },
            }
        ]
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("outbox.json", json.dumps(outbox))
        archive.writestr("actor.json", '{"preferredUsername": "papa", "name": "Papa"}')
    return SimpleUploadedFile("archive.zip", buffer.getvalue(), "application/zip")


@dataclass
class Life:
    member: User
    friend: User
    stranger: User
    moderator: User
    things: dict = field(default_factory=dict)


def _old(*people):
    """Established accounts: the first days' tighter limits and waiting periods do not apply."""
    User.objects.filter(pk__in=[p.pk for p in people]).update(date_joined=timezone.now() - timedelta(days=90))
    for person in people:
        person.refresh_from_db()


def whole_life(member, friend, stranger, settings) -> Life:
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0
    moderator = UserFactory(username="modo", role=Role.MODERATOR)
    judge = UserFactory(username="juge", role=Role.MODERATOR)
    troll = UserFactory(username="troll")
    papa = UserFactory(username="papa")
    _old(member, friend, stranger, moderator, judge, troll, papa)
    life = Life(member, friend, stranger, moderator)
    t = life.things

    # The account and its relations
    accounts.account_update_profile(member, avatar=jpeg("avatar.jpg"))
    accounts.follow_create(member, friend)
    accounts.follow_create(friend, member)
    accounts.follow_create(stranger, member)
    accounts.block_create(member, troll)
    accounts.block_create(troll, member)
    accounts.mute_create(papa, member)
    accounts.mute_create(member, papa, notifications=False)
    tags.tag_follow(member, "deuil")
    tags.featured_tag_add(member, "courage")

    # Posts, gestures, mentions, replies
    media = posts.media_upload(member, jpeg("mains.jpg"), description="Nos mains")
    t["post"] = post = posts.post_create(member, text="Pour maman #deuil", media_ids=[media.pk], kind="memorial")
    posts.post_edit(member, post, text="Pour maman, partie trop tôt #deuil")
    friends_post = make_post(friend, "Don du sang samedi @marie")  # mentions the member, fills their home feed
    posts.post_reblog(member, friends_post)
    posts.gesture_add(member, friends_post, "hug")
    posts.gesture_add(friend, post, "candle")  # a notification to the member
    make_post(friend, "Je pense à toi.", in_reply_to_id=post.pk)
    IdempotencyKey.objects.create(user=member, key="retry-1", post=post)  # what POST /api/v1/statuses writes
    Marker.objects.create(user=member, timeline=Marker.Timeline.HOME, last_read_id=post.pk)

    # Memorials: one the member keeps, one a friend keeps
    t["memorial"] = kept = memorials.memorial_create(
        member, full_name="Jeanne Martin", death_date=datetime.date(2024, 3, 14), life_story="Elle aimait la mer."
    )
    memorials.memorial_set_state(member, kept, Memorial.State.PUBLISHED)
    memorials.memorial_set_photo(member, kept, jpeg("jeanne.jpg"))
    memorials.last_words_set(member, kept, consent="family", text="À demain, mes chéris.")
    memorials.cause_of_death_set(member, kept, text="Une longue maladie")
    memorials.steward_invite(member, kept, friend, "editor")
    memorials.steward_accept(friend, kept)
    t["shown_tribute"] = memorials.tribute_create(friend, kept, text="Jeanne riait si fort.")
    memorials.tribute_moderate(member, t["shown_tribute"], state=Tribute.State.APPROVED)
    t["rejected_tribute"] = memorials.tribute_create(stranger, kept, text="Je ne la connaissais pas, mais…")
    memorials.tribute_moderate(member, t["rejected_tribute"], state=Tribute.State.REJECTED, reason="Hors sujet")
    t["friends_memorial"] = theirs = memorials.memorial_create(
        friend, full_name="Paul Durand", visibility="invite_only"
    )
    memorials.memorial_set_state(friend, theirs, Memorial.State.PUBLISHED)
    memorials.guest_invite(friend, theirs, member)
    memorials.steward_invite(friend, theirs, member, "tribute_moderator")  # not accepted yet
    t["tribute"] = memorials.tribute_create(member, theirs, text="Paul, tu nous manques.", photo=jpeg("paul.jpg"))
    memorials.gesture_give(member, theirs, "candle", message="Pour toi, Paul")
    memorials.memorial_follow(member, theirs)
    memorials.memorial_reminders(member, theirs, remind=False)
    memorials.anniversaries_opt_out(member, never=True)
    AnniversaryReminder.objects.create(memorial=theirs, user=member, year=2025, kind="death")  # the yearly job's
    memorials.wishes_set(member, on_death="memorialise", legacy_contact=friend)
    memorials.legacy_contact_answer(friend, member, accept=True)
    memorials.wishes_set(stranger, on_death="delete", legacy_contact=member)
    memorials.memorialisation_request(member, papa, relation="family", proof="Avis de décès du 2 mai")
    memorials.memorialisation_request(friend, member, relation="legacy_contact")
    # A memorialisation reversed as a mistake leaves its row and a memorial linked to the account (a moderator's
    # rare path, written directly).
    AccountMemorial.objects.create(account=member, reversed_at=timezone.now())
    Memorial.objects.filter(pk=theirs.pk).update(subject_account=member)
    t["import"] = memorials.archive_import_upload(member, kept, mastodon_zip())

    # Appeals
    t["appeal"] = appeal = appeals.appeal_create(
        member,
        kind="missing_pet",
        title="Max a disparu",
        details=pet_details(),
        latitude=LYON[0],
        longitude=LYON[1],
        photos=[jpeg("max.jpg")],
    )
    appeals.appeal_update_add(member, appeal, text="Vu près du parc ?")
    appeals.sighting_create(friend, appeal, note="Un chat roux rue Burdeau", contact="06 00 00 00 00")
    friends_appeal = appeals.appeal_create(
        friend, kind="missing_pet", title="Mimi", details=pet_details("Mimi"), latitude=LYON[0], longitude=LYON[1]
    )
    t["sighting"] = appeals.sighting_create(
        member, friends_appeal, note="Je l'ai vue ce matin", photo=jpeg("mimi.jpg"), contact="marie@example.org"
    )
    help_appeal = appeals.appeal_create(
        friend, kind="help", title="Repas", details=HELP_DETAILS, latitude=LYON[0], longitude=LYON[1]
    )
    t["offer"] = offer = appeals.offer_create(member, help_appeal, message="Je cuisine le mardi")
    appeals.offer_decide(friend, offer, accept=True)  # a notice to the member
    appeals.appeal_follow(member, friends_appeal)

    # Comfort: requests, comforting, call-outs, thanks, the guard, the safety net
    t["request"] = request = comfort.support_request_ask(member, text="Mon père est parti dimanche.", topic="grief")
    comfort.comforter_save(member, languages=["fr"], guide_read=True)
    comfort.comforter_save(friend, languages=["fr"], guide_read=True)
    callouts.call_settings_save(member, on_call=True, from_hour=8, until_hour=22)
    friends_request = comfort.support_request_ask(friend, text="Je me sens si seul ce soir.", topic="loneliness")
    Call.objects.create(request=friends_request, comforter=member, language="fr")  # what calls_send writes
    comfort.claim_open(member, friends_request)
    t["kind_reply"] = make_post(member, "Je suis là, écris-moi.", in_reply_to_id=friends_request.post_id)
    comfort.thanks_send(friend, friends_request, member.pk, text="Merci d'avoir été là.")
    make_post(friend, "Courage à toi.", in_reply_to_id=request.post_id)
    comfort.thanks_send(member, request, friend.pk, text="Merci Tom.")
    guard.reply_policy_set(member, request.post, "guarded")
    rude = make_post(stranger, HOSTILE, in_reply_to_id=request.post_id)
    kind = make_post(stranger, "Je pense à vous.", in_reply_to_id=request.post_id)
    guard.held_reply_remove(member, HeldReply.objects.get(reply=rude))
    t["still_held"] = HeldReply.objects.get(reply=kind)  # waiting for the member
    safety.preference_set(member, "BE")
    make_post(member, RISK_TEXT)
    safety.worry_create(member, make_post(friend, RISK_TEXT), note="Il va mal depuis des semaines")
    safety.worry_create(friend, make_post(member, "Plus rien n'a de sens."), note="")
    circle = circles.circle_create(member, name="Deuil d'un parent", join_policy="open")
    circles.circle_join(friend, circle)
    circles.circle_join(troll, circle)
    circles.circle_post_create(member, circle, text="Bienvenue à toutes et tous.")
    circles.circle_post_remove(
        member, circles.circle_post_create(friend, circle, text="Achetez mon livre"), reason="Publicité"
    )
    circles.circle_ban(member, circle, troll, reason="Moqueries")
    kindred.profile_save(member, loss="parent", since="this_year", languages=["fr"])
    kindred.profile_save(stranger, loss="parent", since="this_year", languages=["fr"])
    kindred.kindred_request(member, stranger)
    neighbour = UserFactory(username="voisine")
    _old(neighbour)
    kindred.profile_save(neighbour, loss="parent", since="this_year", languages=["fr"])
    kindred.kindred_request(neighbour, member)

    # Crises
    t["crisis"] = flood = crisis.crisis_create(moderator, name="Crue du Rhône", place="Lyon", radius_km=30)
    crisis.home_area_set(member, latitude=LYON[0], longitude=LYON[1])
    crisis.trusted_add(member, friend)
    crisis.trusted_add(stranger, member)
    crisis.location_share(member, flood, place="Lyon")
    Invitation.objects.get_or_create(crisis=flood, account=member, defaults={"created_at": timezone.now()})
    crisis.checkin_set(member, flood, "safe")
    crisis.checkin_set(member, flood, "need_help", account=stranger)  # the stranger trusts the member
    crisis.safety_ask(friend, flood, member)
    crisis.safety_ask(member, flood, friend)
    crisis.appeal_link(member, flood, appeal)

    # Moderation: a report they made, one about them, a decision, their appeal
    t["report"] = moderation.report_create(member, troll, category="harassment", comment="Il se moque de ma mère")
    about_me = moderation.report_create(stranger, member, category="spam", post_ids=[post.pk])
    t["decision"] = decision = moderation.decision_take(
        moderator, member, action="warn", reason="Merci de rester bienveillante.", report=about_me
    )
    appeal_of_decision = moderation.decision_appeal_create(member, decision, text="Je n'ai rien fait de mal.")
    moderation.decision_appeal_decide(judge, appeal_of_decision, overturn=False)

    # Security: a session, an app they registered and authorised, two-factor
    client = Client(HTTP_USER_AGENT="Firefox on Linux")
    client.force_login(member)
    t["session_key"] = client.session.session_key
    app = get_application_model().objects.create(
        name="Mon appli",
        user=member,
        client_type="confidential",
        authorization_grant_type="authorization-code",
        redirect_uris="https://app.example/callback",
        client_secret="app-client-secret-XYZ",
    )
    access = get_access_token_model().objects.create(
        user=member,
        application=app,
        token="access-token-SECRET",
        scope="read write",
        expires=timezone.now() + timedelta(days=1),
    )
    get_refresh_token_model().objects.create(
        user=member, application=app, token="refresh-token-SECRET", access_token=access
    )
    Grant.objects.create(  # an authorization code of a few minutes
        user=member,
        application=app,
        code="grant-code-SECRET",
        expires=timezone.now() + timedelta(minutes=5),
        redirect_uri="https://app.example/callback",
    )
    device = two_factor.totp_begin(member)
    _device, t["recovery_codes"] = two_factor.totp_confirm(
        member, f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    )
    t["totp_key"] = device.key
    member.refresh_from_db()
    return life


def ask_deletion(member) -> None:
    privacy.deletion_request(member, password=PASSWORD)


def exported(user) -> tuple[dict, set[str]]:
    """Run an export for the member (inline in tests) and read it back: {file name: its JSON}, and every name."""
    export = privacy.export_request(user)
    with zipfile.ZipFile(privacy.export_file(user, export.pk)) as archive:
        names = set(archive.namelist())
        data = {n: json.loads(archive.read(n)) for n in names if n.endswith(".json")}
        data["__raw__"] = b"".join(archive.read(n) for n in names if n.endswith(".json")).decode()
    return data, names
