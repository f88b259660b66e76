"""`reconfort demo`: load the bilingual demo community into the configured database (safe to run twice)."""

from django.core.management.base import BaseCommand

from reconfort.demo.content import ADMIN_USERNAME, DEMO_PASSWORD
from reconfort.demo.loader import load_demo

SAMPLE_LOGINS = [
    ("camille_roux", "a young mother and night nurse in Lyon, writes in French"),
    ("sarah_okafor", "a mother of twins in London, writes in English"),
    ("helene_dubois", "a palliative care volunteer; follows a locked account"),
    (ADMIN_USERNAME, "administrator (moderation and /admin/ ask for an authenticator app first)"),
]


class Command(BaseCommand):
    help = "Load the bilingual demo community (members, posts, follows, gestures). Safe to run twice."

    def handle(self, *args, **options):
        result = load_demo()
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo community loaded: {result.members} members, {result.posts} posts, "
                    f"{result.reshares} reshares, {result.gestures} gestures."
                )
            )
        else:
            self.stdout.write("The demo community is already loaded; nothing changed.")
        self.stdout.write(f'Every demo member signs in with the password "{DEMO_PASSWORD}", for example:')
        width = max(len(name) for name, _ in SAMPLE_LOGINS)
        for username, who in SAMPLE_LOGINS:
            self.stdout.write(f"  {username.ljust(width)}  {who}")
