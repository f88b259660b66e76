"""The export archive's files, one module per capability (decision 0008).

FILES says what each file holds; account.json lists the files of the archive with it, in the member's language.
reconfort/privacy/coverage.py says which file holds each link from a model to the member.
"""

from django.utils.translation import gettext_lazy as _

FILES = {
    "account.json": _(
        "Your profile and settings, your request to delete your account if you made one, and this list of files."
    ),
    "posts.json": _("Your posts, with the history of their edits."),
    "outbox.json": _("Your posts as an ActivityStreams outbox, which other servers can import."),
    "relations.json": _("Whom you follow, who follows you, follow requests, and the accounts you blocked or muted."),
    "gestures.json": _("The gestures you gave on posts."),
    "memorials.json": _(
        "The memorials you keep, your tributes and the candles, flowers and hugs you gave, your stewardship, "
        "your digital legacy wishes, and the archives you imported."
    ),
    "appeals.json": _(
        "Your appeals with their story, and the sightings and offers of help you sent on other people's appeals."
    ),
    "comfort.json": _(
        "Your requests for comfort, your comforter settings and call-outs, thanks sent and received, the kind-reply "
        "guard, and the safety net."
    ),
    "circles.json": _("Your circles: memberships, messages, and the circles you host."),
    "kindred.json": _("Your kindred spirits profile and links."),
    "crises.json": _("Your crisis settings, check-ins, shared locations and the people you may mark safe."),
    "tags.json": _("The tags you follow and feature."),
    "moderation.json": _("The reports you made, and the moderators' decisions about you with your appeals."),
    "security.json": _(
        "Your sessions, the apps you authorised or registered, and whether two-factor authentication is on "
        "(never a password, key or token)."
    ),
    "media/": _(
        "Your images: avatar, post images, and the photos of your tributes, appeals, sightings and of the "
        "memorials you keep."
    ),
}
