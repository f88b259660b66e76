from django.db import migrations, models


def confirm_existing(apps, schema_editor):
    """Members who joined before e-mail confirmation existed were never sent a link: count them as confirmed."""
    apps.get_model("accounts", "User").objects.update(email_confirmed=True)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_two_factor_enabled"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_confirmed",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(confirm_existing, migrations.RunPython.noop),
    ]
