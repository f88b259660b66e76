"""What crises keep about the member beyond reconfort.privacy.comfort_export.crisis_data: where they said they
were during a crisis, the invitations to check in, the people they marked safe or asked "are you safe?", who may
be marked by them and who asked them — as their crisis pages show them."""

from __future__ import annotations

from reconfort.crisis.models import CheckIn, Invitation, SafetyQuestion, SharedLocation, TrustedMarker

from .common import at


def crisis_more_data(user) -> dict:
    return {
        "locations_shared": [
            {
                "crisis": s.crisis.slug,
                "place": s.place_name,
                "latitude": s.latitude,
                "longitude": s.longitude,
                "at": at(s.created_at),
            }
            for s in SharedLocation.objects.filter(account=user).select_related("crisis").order_by("id")
        ],
        "invitations": [
            {"crisis": i.crisis.slug, "at": at(i.created_at)}
            for i in Invitation.objects.filter(account=user).select_related("crisis").order_by("id")
        ],
        "i_may_mark_safe": sorted(
            TrustedMarker.objects.filter(account__is_active=True, trusted=user).values_list(
                "account__username", flat=True
            )
        ),
        "marked_by_me": [
            {"crisis": c.crisis.slug, "account": c.account.username, "status": c.status, "at": at(c.updated_at)}
            for c in CheckIn.objects.filter(marked_by=user).select_related("crisis", "account").order_by("id")
        ],
        "i_asked_if_safe": [
            {"crisis": q.crisis.slug, "account": q.account.username, "at": at(q.created_at)}
            for q in SafetyQuestion.objects.filter(asker=user).select_related("crisis", "account").order_by("id")
        ],
        "asked_me_if_safe": [
            {"crisis": q.crisis.slug, "by": q.asker.username, "at": at(q.created_at)}
            for q in SafetyQuestion.objects.filter(account=user).select_related("crisis", "asker").order_by("id")
        ],
    }
