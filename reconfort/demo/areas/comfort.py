"""Demo comfort queue: a few members opted in as comforters (having read the guide), gentle requests for comfort in
French and English waiting in the queue (two asked under a pseudonym), one answered by a comforter, and one
private thank-you. The demo's earlier support-request posts are already requests (topic « other »); Camille's
night is given its topic."""

from __future__ import annotations

from reconfort.accounts import services as account_services
from reconfort.comfort import services
from reconfort.comfort.models import SupportRequest
from reconfort.posts.services import post_create

# username: (languages, topics: empty for all)
COMFORTERS = {
    "ines_roche": (["fr"], []),
    "mamie_jo": (["fr"], []),
    "nadia_benali": (["fr"], ["grief", "loneliness"]),
    "alex_dupont": (["fr", "en"], []),
    "grace_mitchell": (["en"], []),
    "rachel_cohen": (["en"], ["grief", "illness", "anxiety"]),
    "kwame_asante": (["en"], []),
}
# (asker, topic, language, anonymous, text)
REQUESTS = [
    (
        "martine_b",
        "grief",
        "fr",
        False,
        "Cela fait six mois que Jean est parti. Ce soir j'ai mis deux assiettes sur la table sans y penser. "
        "Je ne sais pas à qui le dire, alors je l'écris ici.",
    ),
    (
        "fatou_sow",
        "loneliness",
        "fr",
        True,
        "Je viens d'arriver à Lille pour mes études et je ne connais personne. Les dimanches sont très longs. "
        "Est-ce que c'est normal de se sentir aussi seule au début ?",
    ),
    (
        "dan_walsh",
        "illness",
        "en",
        False,
        "Mum starts chemo on Monday. I'm the one who is supposed to be strong, and today I just sat in the hospital "
        "car park for an hour before I could go in.",
    ),
    (
        "emily_robertson",
        "anxiety",
        "en",
        True,
        "Panic attack on the train again today. I got off two stops early and walked the rest. I'm so tired of "
        "being scared of ordinary things.",
    ),
]
# (comforter, asker whose request they answer, reply, thanks from the asker or "")
ANSWERS = [
    (
        "grace_mitchell",
        "dan_walsh",
        "That hour in the car park counts too. You don't have to be strong every minute to be there for her. "
        "I'll be thinking of you both on Monday.",
        "Thank you, Grace. I read your words again in the car park this morning, and then I went in.",
    ),
]


def load(users: dict) -> None:
    for username, (languages, topics) in COMFORTERS.items():
        if username in users:
            services.comforter_save(users[username], languages=languages, topics=topics, guide_read=True)
    SupportRequest.objects.filter(asker__username="camille_roux").update(topic="new_parenthood")
    asked = {}
    for username, topic, language, anonymous, text in REQUESTS:
        if username in users:
            asked[username] = services.support_request_ask(
                users[username], text=text, topic=topic, language=language, anonymous=anonymous
            )
    for comforter, asker, text, thanks in ANSWERS:
        if comforter not in users or asker not in asked:
            continue
        request = asked[asker]
        # The asker follows their comforter, so the kind-reply guard shows the reply at once.
        account_services.follow_create(users[asker], users[comforter])
        services.claim_open(users[comforter], request)
        reply = post_create(users[comforter], text=text, language=request.language, in_reply_to_id=request.post_id)
        services.kind_reply_count(reply)  # counted now rather than after this transaction commits
        if thanks:
            services.thanks_send(users[asker], request, users[comforter].pk, text=thanks)
