"""Every link from a model to a member, and what the export and the erasure do with it (decision 0008).

A link is "app_label.Model.field": a ForeignKey, OneToOneField or ManyToManyField to the user model.

- EXPORTED: the archive file that holds what the link says about the member.
- NOT_EXPORTED: why it is left out (someone else's data, moderators' work, a cache, a secret).
- ANONYMISED: the links whose rows stay after the member is erased, without them (on_delete=SET_NULL), and why
  the row is worth keeping. Every other link is erased with the member (on_delete=CASCADE, or the M2M rows).

tests/privacy/test_coverage.py fails when a model gains a link to the member that is in neither EXPORTED nor
NOT_EXPORTED, or whose on_delete disagrees with ANONYMISED: whoever adds one decides, here, what happens to it.
"""

from __future__ import annotations

EXPORTED: dict[str, str] = {
    # The account and its relations
    "accounts.Follow.follower": "relations.json",
    "accounts.Follow.target": "relations.json",  # followers and follow requests received
    "accounts.Block.account": "relations.json",
    "accounts.Mute.account": "relations.json",
    "accounts.SignedInSession.user": "security.json",  # when and from what browser; never the session key
    # Posts
    "posts.Post.author": "posts.json",  # and outbox.json (ActivityStreams)
    "posts.Gesture.account": "gestures.json",
    "posts.MediaAttachment.owner": "media/",
    "hashtags.TagFollow.user": "tags.json",
    "hashtags.FeaturedTag.user": "tags.json",
    # Memorials
    "memorials.Memorial.created_by": "memorials.json",
    "memorials.Memorial.subject_account": "memorials.json",  # memorials about the member: which ones
    "memorials.LastWords.chosen_by": "memorials.json",
    "memorials.Steward.user": "memorials.json",
    "memorials.Steward.invited_by": "memorials.json",
    "memorials.StewardLogEntry.actor": "memorials.json",  # their own steward actions
    "memorials.Guest.user": "memorials.json",
    "memorials.MemorialFollow.user": "memorials.json",
    "memorials.AnniversaryOptOut.user": "memorials.json",
    "memorials.AnniversaryReminder.user": "memorials.json",
    "memorials.Tribute.author": "memorials.json",
    "memorials.Tribute.moderated_by": "memorials.json",  # their decisions as a steward: which tribute, not its words
    "memorials.MemorialGesture.account": "memorials.json",
    "memorials.AccountWishes.account": "memorials.json",  # digital legacy: memorialise or delete, legacy contact
    "memorials.AccountWishes.legacy_contact": "memorials.json",  # whose legacy contact they are
    "memorials.MemorialisationRequest.account": "memorials.json",  # about them: state only, not who asked
    "memorials.MemorialisationRequest.requested_by": "memorials.json",
    "memorials.AccountMemorial.account": "memorials.json",
    "memorials.ArchiveImport.uploaded_by": "memorials.json",
    # Appeals
    "appeals.Appeal.owner": "appeals.json",
    "appeals.Sighting.author": "appeals.json",  # their own words only
    "appeals.HelpOffer.author": "appeals.json",
    "appeals.AppealFollow.account": "appeals.json",
    "appeals.Notice.recipient": "appeals.json",
    "crisis.LinkedAppeal.linked_by": "appeals.json",
    # Comfort
    "comfort.SupportRequest.asker": "comfort.json",
    "comfort.Comforter.user": "comfort.json",  # with the call-out settings
    "comfort.Claim.comforter": "comfort.json",  # when and how it ended; not whose request
    "comfort.Call.comforter": "comfort.json",  # calls received: a language and a time, as the call said
    "comfort.KindReply.author": "comfort.json",
    "comfort.Thanks.sender": "comfort.json",
    "comfort.Thanks.recipient": "comfort.json",  # without the sender: askers may be anonymous
    "comfort_guard.HeldReply.decided_by": "comfort.json",
    "comfort_safety.SafetyPreference.user": "comfort.json",
    "comfort_safety.RiskSignal.author": "comfort.json",  # the helplines panels shown to them
    "comfort_safety.Worry.reporter": "comfort.json",
    "circles.Circle.created_by": "circles.json",
    "circles.Membership.account": "circles.json",
    "circles.Membership.banned_by": "circles.json",
    "circles.CirclePost.author": "circles.json",
    "circles.CirclePost.removed_by": "circles.json",
    "kindred.KindredProfile.user": "kindred.json",
    "kindred.KindredLink.requester": "kindred.json",
    "kindred.KindredLink.recipient": "kindred.json",
    # Crises
    "crisis.SafetySettings.account": "crises.json",
    "crisis.TrustedMarker.account": "crises.json",
    "crisis.TrustedMarker.trusted": "crises.json",  # who chose them to mark them safe, as their settings show
    "crisis.SharedLocation.account": "crises.json",
    "crisis.Invitation.account": "crises.json",
    "crisis.CheckIn.account": "crises.json",
    "crisis.CheckIn.marked_by": "crises.json",
    "crisis.SafetyQuestion.asker": "crises.json",
    "crisis.SafetyQuestion.account": "crises.json",  # who asked them, as their crisis page shows
    # Moderation, as the member sees it
    "moderation.Report.reporter": "moderation.json",
    "moderation.Decision.target_account": "moderation.json",  # with their appeal; never the moderator
    # Security: names and dates, never a secret
    "oauth2_provider.AccessToken.user": "security.json",
    "oauth2_provider.RefreshToken.user": "security.json",
    "api.Application.user": "security.json",
    "otp_totp.TOTPDevice.user": "security.json",  # on or off, when added and last used; never the key
    "otp_static.StaticDevice.user": "security.json",  # how many recovery codes are left; never the codes
    # The privacy capability itself
    "privacy.AccountDeletion.user": "account.json",
}

NOT_EXPORTED: dict[str, str] = {
    # Someone else's data or choice
    "accounts.Block.target": "who blocked the member is the other person's choice, never told",
    "accounts.Mute.target": "who muted the member is the other person's choice, never told",
    "posts.Post.in_reply_to_account": "other people's replies to the member are their posts",
    "posts.Post.mentions": "other people's posts that mention the member are theirs",
    "posts.Mention.account": "other people's posts that mention the member are theirs",
    "comfort_guard.HeldReply.owner": "replies others wrote to the member's posts, held for them: others' words "
    "(the member's decisions on them are exported)",
    "comfort_safety.Worry.account": "who was worried about the member stays between them and the moderators",
    "moderation.Report.target_account": "reports about the member: the reported never learns who reported, nor "
    "their words (the decisions taken are exported)",
    "notifications.Notification.actor": "a notice in someone else's inbox about what the member did (what they did "
    "is exported as itself: posts, gestures, follows)",
    # Moderators' and admins' work, not the member's data (kept in the audit log)
    "moderation.QueueItem.assigned_to": "moderators' work, not the member's data",
    "moderation.Decision.moderator": "moderators' work, in the audit log; the member affected never sees who",
    "moderation.DecisionAppeal.decided_by": "moderators' work, in the audit log",
    "moderation.AuditEntry.actor": "moderators' and admins' work: the append-only audit log",
    "comfort_safety.RiskSignal.reviewed_by": "moderators' work on someone else's post",
    "trends.TagReview.reviewed_by": "moderators' work on trending tags",
    "crisis.Crisis.created_by": "crisis pages are opened by moderators: their work",
    "crisis.CrisisNotice.author": "moderators' notices on a crisis page (public on the page)",
    "crisis.HiddenPost.hidden_by": "moderators' work on a crisis page",
    "crisis.LinkedMemorial.linked_by": "moderators' work on a crisis page",
    "admin.LogEntry.user": "staff actions in Django's admin",
    # Caches, counters and short-lived technical rows
    "timelines.HomeFeedEntry.owner": "the stored home timeline: a cache of other people's posts, rebuilt from follows",
    "notifications.Notification.recipient": "an inbox of what others did, with who did it (a thank-you's sender "
    "would be named although askers may be anonymous); what concerns the member is exported from its source",
    "notifications.Marker.user": "where the member stopped reading a timeline: an id, meaningless elsewhere",
    "posts.IdempotencyKey.user": "retry keys of the API kept for an hour: technical, no content",
    "privacy.Export.user": "the exports themselves (this archive is one)",
    "oauth2_provider.Grant.user": "authorization codes that live a few minutes: secrets only",
    "oauth2_provider.IDToken.user": "OpenID Connect is off: no rows",
    "oauth2_provider.DeviceGrant.user": "the device flow is off: no rows",
}

ANONYMISED: dict[str, str] = {
    "posts.Post.in_reply_to_account": "other people's replies stay, theirs to keep",
    "memorials.Memorial.subject_account": "the memorial stays, a page about someone kept by others",
    "memorials.Memorial.created_by": "the memorial stays for the others who keep it and wrote in it",
    "memorials.LastWords.chosen_by": "the last words stay on the memorial",
    "memorials.Steward.invited_by": "the other stewards stay",
    "memorials.StewardLogEntry.actor": "the stewards' append-only log keeps the entry (with the name it was written "
    "under, as the audit log does)",
    "memorials.Tribute.moderated_by": "the decision on someone else's tribute stays",
    "memorials.AccountWishes.legacy_contact": "the other member's wishes stay, without a legacy contact",
    "memorials.MemorialisationRequest.requested_by": "the request stays for the moderators' history",
    "memorials.ArchiveImport.uploaded_by": "the posts imported into the memorial stay",
    "comfort_guard.HeldReply.decided_by": "the decision on someone else's reply stays",
    "comfort_safety.RiskSignal.reviewed_by": "moderators' review of someone else's post",
    "comfort_safety.Worry.reporter": "a worry stays for the moderators, anonymous, like a report",
    "circles.Circle.created_by": "the circle stays for its members",
    "circles.Membership.banned_by": "the ban stays",
    "circles.CirclePost.removed_by": "the removal stays",
    "crisis.Crisis.created_by": "the crisis page stays",
    "crisis.CrisisNotice.author": "the notice stays on the crisis page",
    "crisis.HiddenPost.hidden_by": "the post stays hidden from the crisis page",
    "crisis.LinkedAppeal.linked_by": "the link stays on the crisis page",
    "crisis.LinkedMemorial.linked_by": "the link stays on the crisis page",
    "crisis.CheckIn.marked_by": "the other member's check-in stays",
    "trends.TagReview.reviewed_by": "the review of a tag stays",
    "moderation.QueueItem.assigned_to": "the queue item stays, unassigned",
    "moderation.Report.reporter": "the report stays for the moderation history, without who made it",
    "moderation.Decision.moderator": "the decision stays for the member it concerns",
    "moderation.DecisionAppeal.decided_by": "the appeal's outcome stays",
    "moderation.AuditEntry.actor": "the audit log is append-only; it keeps the name the action was taken under",
}
