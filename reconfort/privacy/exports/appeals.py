"""appeals.json: the member's appeals (with their details, exact place, photos and the story of their status),
the sightings and offers of help they sent on others' appeals (their own words only), the appeals they follow,
the notices appeals sent them, and the crises they linked an appeal to.

What others sent on the member's appeals (sightings, offers: their words, contact details, a blood group) stays
out: only how many there were. An appeal they answered is named by its number and kind, not its owner's words.
"""

from __future__ import annotations

from django.db.models import Count

from reconfort.appeals.models import Appeal, AppealFollow, AppealPhoto, HelpOffer, Notice, Sighting
from reconfort.crisis.models import LinkedAppeal

from .common import at, media_name


def ref(appeal: Appeal) -> dict:
    return {"id": appeal.pk, "kind": appeal.kind}


def _appeal(appeal: Appeal, offers: dict[str, int]) -> dict:
    return {
        "id": appeal.pk,
        "kind": appeal.kind,
        "title": appeal.title,
        "description": appeal.description,
        "details": appeal.details,
        "private_details": appeal.private_details,
        "is_child": appeal.is_child,
        "audience": appeal.audience,
        "place": appeal.place_name,
        "country_code": appeal.country_code,
        "latitude": appeal.latitude,
        "longitude": appeal.longitude,
        "exact_location_public": appeal.exact_location_public,
        "radius_km": appeal.radius_km,
        "post": appeal.post_id,
        "status": appeal.status,
        "resolution": appeal.resolution,
        "resolution_note": appeal.resolution_note,
        "created_at": at(appeal.created_at),
        "updated_at": at(appeal.updated_at),
        "confirmed_at": at(appeal.confirmed_at),
        "expires_at": at(appeal.expires_at),
        "closed_at": at(appeal.closed_at),
        "hidden_at": at(appeal.hidden_at),
        "hidden_reason": appeal.hidden_reason,
        "photos": [{"file": media_name(p.file), "description": p.description} for p in appeal.photos.all()],
        # The owner's news and every change of status, in order.
        "story": [
            {"text": u.text, "status": u.status, "resolution": u.resolution, "at": at(u.created_at)}
            for u in appeal.updates.all()
        ],
        "sightings_received": appeal.sightings_received,
        "offers_received": offers,
    }


def _appeals(user) -> list[dict]:
    appeals = (
        Appeal.objects.filter(owner=user)
        .annotate(sightings_received=Count("sightings", distinct=True))
        .prefetch_related("photos", "updates")
        .order_by("id")
    )
    offers: dict[int, dict[str, int]] = {}
    counted = HelpOffer.objects.filter(appeal__owner=user).values("appeal_id", "state").annotate(n=Count("id"))
    for row in counted:
        offers.setdefault(row["appeal_id"], {})[row["state"]] = row["n"]
    return [_appeal(a, offers.get(a.pk, {})) for a in appeals]


def appeals_data(user) -> dict:
    return {
        "appeals": _appeals(user),
        "sightings_sent": [
            {
                "appeal": ref(s.appeal),
                "seen_at": at(s.seen_at),
                "place": s.place_name,
                "latitude": s.latitude,
                "longitude": s.longitude,
                "note": s.note,
                "photo": media_name(s.photo),
                "contact": s.contact,
                "at": at(s.created_at),
            }
            for s in Sighting.objects.filter(author=user).select_related("appeal").order_by("id")
        ],
        "offers_sent": [
            {
                "appeal": ref(o.appeal),
                "message": o.message,
                "blood_group": o.blood_group,
                "contact": o.contact,
                "state": o.state,
                "at": at(o.created_at),
            }
            for o in HelpOffer.objects.filter(author=user).select_related("appeal").order_by("id")
        ],
        "following": [
            {"appeal": ref(f.appeal), "since": at(f.created_at)}
            for f in AppealFollow.objects.filter(account=user).select_related("appeal").order_by("id")
        ],
        "notices": [
            {"appeal": ref(n.appeal), "kind": n.kind, "note": n.note, "at": at(n.created_at), "read_at": at(n.read_at)}
            for n in Notice.objects.filter(recipient=user).select_related("appeal").order_by("id")
        ],
        "linked_to_crises": [
            {"appeal": ref(link.appeal), "crisis": link.crisis.slug, "at": at(link.created_at)}
            for link in LinkedAppeal.objects.filter(linked_by=user).select_related("appeal", "crisis").order_by("id")
        ],
    }


def appeals_files(user) -> list:
    """The photos of their appeals and of the sightings they sent."""
    files = [p.file for p in AppealPhoto.objects.filter(appeal__owner=user).order_by("id")]
    files += [s.photo for s in Sighting.objects.filter(author=user).exclude(photo="").order_by("id")]
    return files
