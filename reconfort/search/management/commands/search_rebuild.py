"""Rebuild the full-text index of posts from scratch (after a restore, or a change of stemming)."""

from django.core.management.base import BaseCommand

from reconfort.search.services import index_rebuild


class Command(BaseCommand):
    help = "Index every post again for search (French and English full-text search)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=2000, help="posts per transaction")

    def handle(self, *args, batch: int, **options):
        def progress(count: int) -> None:
            if count % 50_000 < batch:
                self.stdout.write(f"{count:,} posts indexed")

        total = index_rebuild(batch=batch, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"{total:,} posts indexed."))
