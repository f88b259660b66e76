"""Demo circles: support groups in French and English, with a few gentle messages by demo members.

Everything goes through the circles services (as members would do it), then the clock is moved back so the
circles look lived-in: opened weeks ago, members long past their newcomer days.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reconfort.comfort.circles import services
from reconfort.comfort.circles.models import Circle, CirclePost, Membership

# slug, name, language, creator, join policy, posts visibility, description, rules, members, (moderators)
CIRCLES = [
    (
        "jeunes-parents",
        "Jeunes parents",
        "fr",
        "camille_roux",
        "open",
        "public",
        "Les nuits courtes, les doutes, les petites victoires. Pour les parents des premiers mois, sans jugement.",
        "On partage son vécu, pas des leçons. Pas de conseils médicaux : pour cela, la sage-femme ou le médecin. "
        "Aucune photo d'enfant identifiable.",
        ["thomas_petit", "ines_roche", "mamie_jo", "marieclaire_qc"],
        ["ines_roche"],
    ),
    (
        "deuil-d-un-parent",
        "Deuil d'un parent",
        "fr",
        "anne_sophie",
        "open",
        "members",
        "Pour celles et ceux qui ont perdu leur mère ou leur père, hier ou il y a longtemps.",
        "Chaque deuil a son rythme. Pas de « il faut tourner la page ». Ce qui se dit ici reste ici.",
        ["martine_b", "helene_dubois", "marieclaire_qc", "lucas_girard", "alex_dupont"],
        [],
    ),
    (
        "proches-de-malades-du-cancer",
        "Proches de malades du cancer",
        "fr",
        "helene_dubois",
        "request",
        "members",
        "Accompagner un proche pendant la maladie : la fatigue, l'espoir, les rendez-vous, la culpabilité aussi.",
        "Pas de remèdes miracles ni de liens vers des traitements non éprouvés. On peut tout dire, avec douceur.",
        ["anne_sophie", "nadia_benali", "olivier_marchand"],
        [],
    ),
    (
        "deuil-perinatal",
        "Deuil périnatal",
        "fr",
        "aminata_diallo",
        "request",
        "members",
        "Pour les parents dont le bébé est mort pendant la grossesse, à la naissance ou peu après.",
        "Nos bébés ont un prénom : on les appelle par leur prénom. Pas de « vous en aurez d'autres ».",
        ["ines_roche", "bruno_lefevre"],
        ["ines_roche"],
    ),
    (
        "animaux-disparus",
        "Animaux disparus",
        "fr",
        "gaelle_martin",
        "open",
        "public",
        "Chiens, chats, lapins, perruches : on s'entraide pour les retrouver, et on se soutient quand ils ne "
        "reviennent pas.",
        "Pour un avis de recherche détaillé, faites un appel « animal perdu » : il apparaît sur la carte. Ici, on "
        "se donne des nouvelles et du courage.",
        ["lea_moreau", "sofiane_k", "julien_chevalier"],
        [],
    ),
    (
        "new-parents",
        "New parents",
        "en",
        "sarah_okafor",
        "open",
        "public",
        "The first months with a baby: sleepless nights, small wins, big feelings. No judgement.",
        "Share your own experience rather than instructions. Medical questions go to your midwife or doctor.",
        ["emily_robertson", "ruth_evans", "oliver_bennett"],
        ["ruth_evans"],
    ),
    (
        "losing-a-parent",
        "Losing a parent",
        "en",
        "dan_walsh",
        "open",
        "members",
        "For anyone whose mum or dad has died, recently or long ago.",
        "Grief has no timetable. No 'at least', no 'everything happens for a reason'. What is shared here stays here.",
        ["grace_mitchell", "mei_lin", "alex_dupont", "sam_taylor"],
        [],
    ),
    (
        "lost-pets",
        "Lost pets",
        "en",
        "priya_nair",
        "open",
        "public",
        "Looking for a lost dog, cat or any companion, or missing one who will not come home.",
        "For a full search notice, make a 'missing pet' appeal so it shows on the map. Here we share news and courage.",
        ["tom_hughes", "kwame_asante", "noah_williams"],
        [],
    ),
]

# slug, author, text, replies [(author, text)]
MESSAGES = [
    (
        "jeunes-parents",
        "thomas_petit",
        "Lou a fait sa première nuit de cinq heures d'affilée. Je me suis réveillé en panique à 4 h parce que "
        "je n'avais rien entendu. Elle dormait, tout simplement. J'ai pleuré un peu, de soulagement.",
        [
            ("camille_roux", "Le fameux réveil de panique ! On est tous passés par là. Bravo à Lou, et à toi."),
            ("mamie_jo", "Profitez-en, mon grand. Et dormez aussi quand elle dort, la vaisselle attendra."),
        ],
    ),
    (
        "jeunes-parents",
        "camille_roux",
        "Retour au travail dans dix jours. Je culpabilise de le confier à la crèche alors que j'ai hâte de "
        "retrouver mes collègues. C'est normal d'avoir les deux en même temps ?",
        [
            ("ines_roche", "Tout à fait normal. Les deux sentiments peuvent cohabiter, l'un n'efface pas l'autre."),
            ("marieclaire_qc", "Moi aussi j'avais hâte, pis j'ai pleuré dans l'auto le premier matin. Les deux."),
        ],
    ),
    (
        "deuil-d-un-parent",
        "anne_sophie",
        "Aujourd'hui j'ai pris le téléphone pour appeler maman et lui raconter ma journée. Trois mois, et mes "
        "mains ne savent toujours pas.",
        [
            ("martine_b", "Les mains sont les dernières à comprendre. Je mets encore deux tasses le matin."),
            ("helene_dubois", "Vous pouvez lui raconter quand même, à voix haute ou par écrit. Je vous embrasse."),
        ],
    ),
    (
        "deuil-d-un-parent",
        "lucas_girard",
        "Mon père est mort il y a deux ans et j'ai l'impression de ne pas avoir le droit d'être encore triste. "
        "Mes amis sont passés à autre chose.",
        [("anne_sophie", "Tu as le droit. Il n'y a pas de date de péremption sur le chagrin. Tu es bien ici.")],
    ),
    (
        "proches-de-malades-du-cancer",
        "nadia_benali",
        "Mon mari commence sa chimio lundi. Je prépare un sac pour les longues séances : plaid, tablette, "
        "bonbons au gingembre. Vous y mettiez quoi, vous ?",
        [
            (
                "helene_dubois",
                "Une gourde, un baume pour les lèvres, et un carnet pour noter les questions au médecin.",
            ),
            ("anne_sophie", "Des chaussettes chaudes. Et pour vous, un livre : on oublie souvent l'accompagnant."),
        ],
    ),
    (
        "deuil-perinatal",
        "aminata_diallo",
        "Prochain groupe de parole jeudi à 19 h, en visio. Vous pouvez venir sans parler, simplement écouter. "
        "Les prénoms de vos bébés seront les bienvenus.",
        [("ines_roche", "Je serai là. Merci de tenir ce lieu, Aminata.")],
    ),
    (
        "animaux-disparus",
        "lea_moreau",
        "Biscotte est rentrée ! Quatre jours dehors, maigre et affamée, mais entière. Merci à tous pour les "
        "partages et les mots doux, je n'y croyais plus.",
        [
            ("gaelle_martin", "Quelle belle nouvelle ! Pensez à retirer votre avis de recherche. Gros câlin à elle."),
            ("julien_chevalier", "Ça fait du bien de lire ça un lundi matin."),
        ],
    ),
    (
        "animaux-disparus",
        "sofiane_k",
        "Notre vieux chien Pacha n'est pas revenu de sa promenade il y a trois semaines. On cherche encore, mais "
        "on commence à se dire qu'il est peut-être parti mourir tranquille. C'est dur de ne pas savoir.",
        [("gaelle_martin", "Ne pas savoir est une forme de deuil à part. On est là, et on continue de regarder.")],
    ),
    (
        "new-parents",
        "emily_robertson",
        "Finn is three months today. Some days I still feel like I'm back in the NICU, listening for alarms that "
        "aren't there. Does that fade?",
        [
            ("ruth_evans", "It does soften, love. Be gentle with yourself; your body remembers what it went through."),
            ("sarah_okafor", "The twins were in for five weeks. For me it faded slowly, then all at once."),
        ],
    ),
    (
        "losing-a-parent",
        "dan_walsh",
        "Cleared out Dad's shed today. Found every birthday card I ever gave him in a biscuit tin. I had to sit "
        "down on the floor for a while.",
        [
            ("grace_mitchell", "Oh Dan. He kept them because they mattered. Sitting on the floor was the right thing."),
            ("mei_lin", "Thank you for telling us. Take the tin home, there's no rush with the rest."),
        ],
    ),
    (
        "lost-pets",
        "priya_nair",
        "Pepper slipped her lead in Heaton Park this morning. Grey whippet, pink collar, very fast, very scared "
        "of bikes. I've made an appeal with the map.",
        [
            ("tom_hughes", "Shared with the Cardiff lot in case. Sighthounds often head home, leave a jumper out."),
            ("priya_nair", "Update: she was sitting on our doorstep at teatime. Thank you all so much."),
        ],
    ),
]

# Someone waits at the door of a circle on request, so the moderation page has something to show.
REQUESTS = [("deuil-perinatal", "mamie_jo"), ("proches-de-malades-du-cancer", "yann_legall")]


def load(users: dict) -> None:
    now = timezone.now()
    circles: dict[str, Circle] = {}
    for slug, name, language, creator, policy, visibility, description, rules, members, moderators in CIRCLES:
        if creator not in users or Circle.objects.filter(slug=slug).exists():
            continue
        circle = services.circle_create(
            users[creator],
            name=name,
            slug=slug,
            language=language,
            join_policy=policy,
            posts_visibility=visibility,
            description=description,
            rules=rules,
        )
        circles[slug] = circle
        for username in members:
            if username not in users:
                continue
            services.circle_join(users[username], circle)
            if policy == "request":
                services.circle_request_decide(users[creator], circle, users[username].pk, accept=True)
        for username in moderators:
            if username in users:
                services.circle_moderator_add(users[creator], circle, users[username].pk)

    # The circles opened weeks ago; their members are long past the newcomer days (links allowed).
    for index, circle in enumerate(circles.values()):
        opened = now - timedelta(days=60 - index)
        Circle.objects.filter(pk=circle.pk).update(created_at=opened)
        Membership.objects.filter(circle=circle).update(requested_at=opened, joined_at=opened + timedelta(days=1))

    for index, (slug, author, text, replies) in enumerate(MESSAGES):
        circle = circles.get(slug)
        if circle is None or author not in users:
            continue
        written = now - timedelta(days=len(MESSAGES) - index, hours=3)
        post = services.circle_post_create(users[author], circle, text=text)
        CirclePost.objects.filter(pk=post.pk).update(created_at=written)
        for step, (replier, reply) in enumerate(replies, start=1):
            if replier in users:
                answer = services.circle_post_create(users[replier], circle, text=reply, parent_id=post.pk)
                CirclePost.objects.filter(pk=answer.pk).update(created_at=written + timedelta(minutes=40 * step))

    for slug, username in REQUESTS:
        if slug in circles and username in users:
            services.circle_join(users[username], circles[slug])
