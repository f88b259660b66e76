"""Anonymous requests for comfort asked before decision 0038 get their pseudonym on their post, and on their
asker's own replies in that thread (as the comfort pages already showed them); replies to her there stop
mentioning her."""

import secrets

from django.db import migrations

WORDS = ("Lantern", "Willow", "Harbour", "Sparrow", "Ember", "Meadow", "Pebble", "Heron", "Juniper", "Tide")


def backfill(apps, schema_editor):
    SupportRequest = apps.get_model("comfort", "SupportRequest")
    Post = apps.get_model("posts", "Post")
    Mention = apps.get_model("posts", "Mention")
    for request in SupportRequest.objects.filter(anonymous=True).iterator():
        alias = request.pseudonym
        if not alias:  # never left blank by the service; a pseudonym all the same rather than the real name
            alias = f"{secrets.choice(WORDS)} {secrets.randbelow(900) + 100}"
            SupportRequest.objects.filter(pk=request.pk).update(pseudonym=alias)
        Post.objects.filter(pk=request.post_id).update(author_alias=alias)
        Post.objects.filter(thread_root_id=request.post_id, author_id=request.asker_id).update(author_alias=alias)
        # Others' replies to her in that thread named her (an automatic mention): they no longer do.
        replies = Post.objects.filter(thread_root_id=request.post_id, in_reply_to__author_id=request.asker_id)
        replies = replies.exclude(author_id=request.asker_id)
        Mention.objects.filter(post__in=replies, account_id=request.asker_id).delete()
        for reply in replies.only("id", "mentions_data"):
            kept = [m for m in reply.mentions_data if m.get("id") != request.asker_id]
            if kept != reply.mentions_data:
                Post.objects.filter(pk=reply.pk).update(mentions_data=kept)


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0005_post_author_alias"),
        ("comfort", "0001_support_requests_claims_thanks"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
