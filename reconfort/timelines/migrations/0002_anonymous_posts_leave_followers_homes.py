"""Decision 0038: an anonymous request (and its asker's replies in its thread) is in its asker's home only; a
pseudonym in a follower's home would tell them it comes from someone they follow."""

from django.db import migrations
from django.db.models import F


def forget(apps, schema_editor):
    HomeFeedEntry = apps.get_model("timelines", "HomeFeedEntry")
    HomeFeedEntry.objects.exclude(post__author_alias="").exclude(owner_id=F("post__author_id")).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timelines", "0001_initial"),
        ("posts", "0006_backfill_author_alias"),
    ]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop)]
