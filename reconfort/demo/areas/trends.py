"""Demo content of hashtags and trends: a few followed and featured tags, and one trending tag a moderator
approved (#dondusang, after the blood appeals of the demo)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from reconfort.accounts.models import Role, User
from reconfort.hashtags import services as tag_services
from reconfort.posts import services as post_services
from reconfort.trends import services as trend_services
from reconfort.trends.models import TagReview, TrendScore

FOLLOWS = {
    "martine_b": ["deuil"],
    "camille_roux": ["jeunesmamans"],
    "dan_walsh": ["grief"],
    "lea_moreau": ["dondusang"],
}
FEATURED = {
    "equipe": ["réconfort", "gratitude"],
    "martine_b": ["deuil"],
    "dan_walsh": ["grief"],
    "camille_roux": ["jeunesmamans"],
}
TRENDING = "dondusang"
# Posts of the day that made #dondusang trend (after the accident on the A7 in the demo's blood appeals).
BURST_POSTS = {
    "lea_moreau": "J'y vais demain matin à l'EFS de Lyon. Si quelqu'un veut venir avec moi, écrivez-moi. #dondusang",
    "sofiane_k": "Premier don de ma vie aujourd'hui. Ça ne fait pas mal, promis. #dondusang",
    "thomas_petit": "Rendez-vous pris pour jeudi. On est nombreux, c'est beau. #DonDuSang",
    "claire_vidal": "Les groupes O- sont attendus en priorité ce week-end. #dondusang",
    "julien_chevalier": "Mon collègue a donné pour la première fois à midi. Merci à lui. #dondusang",
    "ines_roche": "Pensées pour les familles de l'accident. Je donne samedi. #dondusang",
}


def load(users: dict) -> None:
    for username, names in FOLLOWS.items():
        if username in users:
            for name in names:
                tag_services.tag_follow(users[username], name)
    for username, names in FEATURED.items():
        if username in users:
            for name in names:
                tag_services.featured_tag_add(users[username], name)
    for username, text in BURST_POSTS.items():
        if username in users:
            post_services.post_create(users[username], text=text, language="fr")
    _trending()


def _trending() -> None:
    """The burst detector needs hours of history and established accounts, which a freshly loaded demo does not
    have (its members joined minutes ago and count little): the demo records the burst as the detector would
    have, then a moderator approves it through the review service. The next periodic computation replaces it
    with what it really finds."""
    tag = tag_services.tag_for_name(TRENDING)
    now = timezone.now()
    for language, accounts in (("", 14.0), ("fr", 12.0)):
        TrendScore.objects.update_or_create(
            tag=tag,
            language=language,
            defaults={
                "score": trend_services.score(accounts, 1.0),
                "accounts": accounts,
                "expected": 1.0,
                "uses": int(accounts) + 3,
                "detected_at": now,
                "computed_at": now,
            },
        )
    TagReview.objects.get_or_create(tag=tag, defaults={"requested_at": now})
    moderator = User.objects.filter(Q(role__in=[Role.MODERATOR, Role.ADMIN]) | Q(is_superuser=True)).first()
    if moderator is not None:
        trend_services.trend_review_decide(moderator, tag.pk, approved=True)
    else:
        TagReview.objects.filter(tag=tag).update(state=TagReview.State.APPROVED, reviewed_at=now)
