"""Demo crises: one active (a flood in Lyon, with official information, members who said they are safe and
messages under its hashtag) and one archived (a storm in Brittany, its check-ins already deleted).

Everything goes through the crisis and posts services, with the administration account as the moderator; then the
clocks are moved back so the crises look as they would a few days in.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reconfort.accounts.models import Role, User
from reconfort.accounts.services import follow_create
from reconfort.crisis import services
from reconfort.crisis.models import Crisis, State
from reconfort.posts import services as post_services

FLOOD_NOTICES = [
    (
        "La préfecture du Rhône demande d'éviter les quais bas de la Saône et du Rhône jusqu'à nouvel ordre. "
        "Les parkings en bord de rivière sont fermés.",
        "https://www.rhone.gouv.fr",
    ),
    (
        "Un accueil est ouvert jour et nuit au gymnase Tronchet (6e) : boissons chaudes, couvertures, un endroit "
        "au sec pour souffler. Les animaux de compagnie sont les bienvenus.",
        "",
    ),
    ("En cas de danger, appelez le 112. Pour prendre des nouvelles d'un proche, préférez les SMS.", ""),
]
FLOOD_POSTS = [
    ("camille_roux", "L'eau est montée jusqu'au bas de notre rue cette nuit, mais nous allons bien. Merci pour vos "
     "messages, ils font chaud au cœur. #CrueLyon"),
    ("sofiane_k", "L'amicale de Villeurbanne a des bottes, des seaux et des bras. Si vous avez besoin d'aide pour "
     "vider une cave, écrivez-moi. #CrueLyon #SolidaritéLyon"),
    ("lea_moreau", "Pensées pour toutes les familles dont la maison a pris l'eau. Prenez soin de vous. #CrueLyon"),
]  # fmt: skip
STORM_NOTICES = [
    (
        "Le courant est revenu dans la plupart des communes du Finistère. Les équipes continuent de réparer les "
        "dernières lignes.",
        "https://www.finistere.gouv.fr",
    ),
    ("Merci à toutes celles et ceux qui ont ouvert leur porte pendant la tempête.", ""),
]
STORM_POSTS = [
    ("yann_legall", "Le port de Douarnenez a tenu. Quelques bateaux abîmés, personne de blessé. On répare, "
     "ensemble. #TempêteBretagne"),
]  # fmt: skip


def _moderator() -> User | None:
    return User.objects.filter(role__in=[Role.MODERATOR, Role.ADMIN], is_active=True).order_by("pk").first()


def _posts(users: dict, posts) -> None:
    for username, text in posts:
        if username in users:
            post_services.post_create(users[username], text=text, language="fr")


def load(users: dict) -> None:
    moderator = _moderator()
    if moderator is None or Crisis.objects.filter(created_by=moderator).exists():  # once per demo administrator
        return None
    now = timezone.now()

    # An archived crisis: a storm two months ago. Its check-ins were deleted when it was archived.
    storm = services.crisis_create(
        moderator,
        name="Tempête sur la Bretagne",
        description="Vents violents et coupures d'électricité sur la pointe bretonne.",
        place="Brest",
        radius_km=80,
        tags="#TempêteBretagne",
        sources="https://www.finistere.gouv.fr",
    )
    for text, url in STORM_NOTICES:
        services.notice_add(moderator, storm, text=text, source_url=url)
    _posts(users, STORM_POSTS)
    services.crisis_transition(moderator, storm, State.WINDING_DOWN)
    services.crisis_transition(moderator, storm, State.ARCHIVED)
    Crisis.objects.filter(pk=storm.pk).update(
        started_at=now - timedelta(days=60),
        activated_at=now - timedelta(days=60),
        winding_down_at=now - timedelta(days=55),
        archived_at=now - timedelta(days=25),
    )

    # An active crisis: the Saône and the Rhône in flood, since yesterday.
    for username in ("camille_roux", "sofiane_k"):
        if username in users:
            services.home_area_set(users[username], place="Lyon" if username == "camille_roux" else "Villeurbanne")
    flood = services.crisis_create(
        moderator,
        name="Crue de la Saône et du Rhône à Lyon",
        description="Les deux rivières sont sorties de leur lit. Cette page rassemble les informations officielles, "
        "les appels à l'aide et les nouvelles de vos proches.",
        place="Lyon",
        radius_km=25,
        tags="#CrueLyon #SolidaritéLyon",
        sources="https://www.rhone.gouv.fr\nhttps://www.vigicrues.gouv.fr",
        started_at=now - timedelta(days=1),
    )
    for text, url in FLOOD_NOTICES:
        services.notice_add(moderator, flood, text=text, source_url=url)
    _posts(users, FLOOD_POSTS)
    if "camille_roux" in users:
        for follower in ("martine_b", "lea_moreau"):  # they will be told she is safe
            if follower in users:
                follow_create(users[follower], users["camille_roux"])
        services.checkin_set(users["camille_roux"], flood, "safe")
    if "sofiane_k" in users:
        services.checkin_set(users["sofiane_k"], flood, "safe")
    return None
