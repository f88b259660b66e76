"""Archive imports end to end through the services and the job (Huey runs inline in tests)."""

import zipfile
from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reconfort.core.errors import Forbidden, ServiceError
from reconfort.memorials import importer, selectors, services
from reconfort.memorials.models import ArchiveImport, ImportedPost, LastWords
from reconfort.posts.models import Post
from reconfort.timelines.models import HomeFeedEntry
from tests.factories import UserFactory
from tests.memorials.conftest import make_memorial

from .archive_builders import (
    PUBLIC,
    account_js,
    boost,
    mastodon_zip,
    note,
    raw_zip,
    tweet,
    twitter_zip,
)

pytestmark = pytest.mark.django_db


def upload(data: bytes, name="archive.zip"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def run(actor, memorial, data: bytes) -> ArchiveImport:
    job = services.archive_import_upload(actor, memorial, upload(data))
    job.refresh_from_db()
    return job


def left_behind():
    return list(importer.imports_dir().iterdir())


@pytest.fixture
def yann(user):
    return make_memorial(user, full_name="Yann Le Gall")


def twitter_archive():
    """Two parts, dates out of file order, a retweet newer than everything, a reply, a self-thread."""
    part0 = [
        tweet(1, "Mon Jan 01 10:00:00 +0000 2024", "Première sortie en mer de l'année"),
        tweet(2, "Fri Mar 01 09:00:00 +0000 2024", "@ami merci", reply_to_user="77"),
        tweet(3, "Sat Mar 02 12:00:00 +0000 2024", "RT @port: tempête demain"),
    ]
    part1 = [
        tweet(
            4,
            "Thu Feb 29 18:30:00 +0000 2024",
            "J'aime la mer plus que tout https://t.co/x",
            urls=[("https://t.co/x", "https://example.org/mer")],
        ),
        tweet(5, "Wed Jan 10 08:00:00 +0000 2024", "Filets réparés"),
    ]
    return twitter_zip([part0, part1])


def test_twitter_archive_read_reviewed_and_imported(user, yann, third):
    job = run(user, yann, twitter_archive())
    assert job.state == "review" and job.platform == "twitter" and job.progress == 100
    assert (job.posts_read, job.posts_kept) == (5, 4)  # the retweet is read, not kept
    assert not job.other_person and job.archive_username == "yannlegall"
    texts = {p.text for p in ImportedPost.objects.all()}
    assert not any("RT @" in t or "SECRET DM" in t for t in texts)
    proposal = selectors.last_words_proposal(job)
    # the latest original by date: not the retweet (newer), not the reply (newer), not the last line of the file
    assert proposal.original_id == "4" and "https://example.org/mer" in proposal.text
    assert proposal.posted_at == datetime(2024, 2, 29, 18, 30, tzinfo=UTC)
    assert not left_behind()  # the zip is gone once read
    assert not selectors.imported_posts_shown(yann).exists()  # nothing shown before the stewards confirm

    excluded = ImportedPost.objects.get(original_id="5")
    services.archive_import_exclude(user, job, [excluded.pk])
    services.archive_import_confirm(user, job)
    shown = list(selectors.imported_posts_shown(yann))
    assert [p.original_id for p in shown] == ["2", "4", "1"]  # newest first, original dates, the excluded one out
    # Imported posts are not Posts: nobody's timeline receives them.
    assert not Post.objects.exists() and not HomeFeedEntry.objects.exists()
    assert yann.log.filter(action="import.confirm").exists()


def test_reply_is_proposed_only_when_no_original(user, yann):
    data = twitter_zip(
        [
            [
                tweet(1, "Mon Jan 01 10:00:00 +0000 2024", "@a oui", reply_to_user="9"),
                tweet(2, "Mon Jan 01 11:00:00 +0000 2024", "RT @b: x"),
            ]
        ]
    )
    job = run(user, yann, data)
    assert selectors.last_words_proposal(job).original_id == "1"


def test_mastodon_export_keeps_only_public_posts(user, yann):
    items = [
        note(1, "2024-05-01T10:00:00Z", "<p>Bonjour la mer</p>"),
        note(2, "2024-06-01T10:00:00Z", "<p>secret</p>", to=["https://other.example/users/bob"]),
        note(3, "2024-06-02T10:00:00Z", "<p>amis</p>", to=["https://mastodon.example/users/yann/followers"]),
        boost(4, "2024-06-03T10:00:00Z"),
        note(5, "2024-05-20T10:00:00Z", "<p>réponse</p>", in_reply_to="https://x.example/n/1"),
        note(
            6,
            "2024-04-01T10:00:00Z",
            "<p>non listé</p>",
            to=["https://mastodon.example/users/yann/followers"],
            cc=[PUBLIC],
        ),
    ]
    job = run(user, yann, mastodon_zip(items))
    assert job.state == "review" and job.platform == "mastodon"
    assert (job.posts_read, job.posts_kept) == (6, 3)
    assert sorted(ImportedPost.objects.values_list("text", flat=True)) == ["Bonjour la mer", "non listé", "réponse"]
    assert selectors.last_words_proposal(job).text == "Bonjour la mer"


def test_proposal_taken_as_last_words(user, yann):
    job = run(user, yann, twitter_archive())
    proposal = selectors.last_words_proposal(job)
    words = services.last_words_from_import(user, proposal, consent=LastWords.Consent.FAMILY)
    assert words.text == proposal.text and words.posted_at == proposal.posted_at
    assert words.where == "X (Twitter)" and words.original_url == "https://x.com/yannlegall/status/4"


def test_archive_of_someone_else_is_flagged(user, yann):
    data = twitter_zip(
        [[tweet(1, "Mon Jan 01 10:00:00 +0000 2024", "hello")]],
        account=account_js(username="bob_smith", display="Bob Smith"),
    )
    job = run(user, yann, data)
    assert job.state == "review" and job.other_person and job.archive_display_name == "Bob Smith"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"this is not a zip at all", "not_zip"),
        (raw_zip({"notes.txt": "hello"}), "unknown_format"),
        (raw_zip({"../../evil/outbox.json": "{}"}), "unsafe_names"),
        (raw_zip({"outbox.json": b"\0" * (20 * 1024 * 1024)}), "bomb"),
        (raw_zip({"data/account.js": account_js()}), "missing_file"),
    ],
)
def test_hostile_files_refused_at_once_leaving_nothing(user, yann, data, code):
    with pytest.raises(ServiceError) as refused:
        services.archive_import_upload(user, yann, upload(data))
    assert refused.value.code == code and refused.value.field == "file"
    assert str(refused.value.message) == str(ArchiveImport.Failure(code).label)
    assert not ArchiveImport.objects.exists() and not left_behind()


def test_total_unpacked_limit(user, yann, settings):
    settings.RECONFORT_IMPORT_MAX_UNPACKED_BYTES = 1000
    data = raw_zip({"outbox.json": "x" * 5000}, compression=zipfile.ZIP_STORED)
    with pytest.raises(ServiceError) as refused:
        services.archive_import_upload(user, yann, upload(data))
    assert refused.value.code == "bomb"


def test_over_the_upload_limit(user, yann, settings):
    settings.RECONFORT_IMPORT_MAX_BYTES = 100
    with pytest.raises(ServiceError) as refused:
        services.archive_import_upload(user, yann, upload(twitter_archive()))
    assert refused.value.code == "too_large" and refused.value.status == 413
    assert not ArchiveImport.objects.exists() and not left_behind()


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"data/tweets.js": 'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1"'}, "malformed"),
        ({"data/tweets.js": "console.log('hello')"}, "malformed"),
        ({"outbox.json": '{"type": "OrderedCollection", "orderedItems": [{"type": "Create"} {"x": 1}]}'}, "malformed"),
        ({"outbox.json": '{"type": "OrderedCollection", "orderedItems": []}'}, "no_posts"),
        ({"outbox.json": b'{"orderedItems": ["\xff\xfe"]}'}, "malformed"),
    ],
)
def test_broken_contents_fail_in_the_job_with_a_reason(user, yann, files, code):
    job = run(user, yann, raw_zip(files))
    assert job.state == "failed" and job.failure == code
    assert job.get_failure_display() == ArchiveImport.Failure(code).label
    assert not ImportedPost.objects.exists() and not left_behind() and job.path == ""


def test_a_broken_later_part_undoes_the_earlier_parts(user, yann):
    good = twitter_zip(
        [[tweet(1, "Mon Jan 01 10:00:00 +0000 2024", "a")]],
        extra={"data/tweets-part1.js": "window.YTD.tweets.part1 = [{oops"},
    )
    job = run(user, yann, good)
    assert job.failure == "malformed" and not ImportedPost.objects.exists()


def test_only_editors_upload_and_review(user, yann, other, tribute_moderator, memorial):
    with pytest.raises(Forbidden):
        services.archive_import_upload(other, yann, upload(twitter_archive()))
    job = run(user, yann, twitter_archive())
    with pytest.raises(Forbidden):
        services.archive_import_confirm(other, job)
    with pytest.raises(Forbidden):
        services.archive_import_upload(tribute_moderator, memorial, upload(twitter_archive()))
    assert ArchiveImport.objects.count() == 1


def test_confirm_only_from_review_and_discard_forgets_everything(user, yann):
    job = run(user, yann, twitter_archive())
    services.archive_import_confirm(user, job)
    job.refresh_from_db()
    with pytest.raises(ServiceError) as refused:
        services.archive_import_confirm(user, job)
    assert refused.value.status == 409
    services.archive_import_discard(user, job)
    assert not ArchiveImport.objects.exists() and not ImportedPost.objects.exists()


def test_job_is_safe_to_run_twice(user, yann):
    job = run(user, yann, twitter_archive())
    importer.run(job.pk)  # already in review: nothing happens
    assert ImportedPost.objects.count() == 4


def test_progress_is_written_while_reading(user, yann, monkeypatch):
    """The job writes percent and counts every BATCH posts, so the page sees them grow."""
    monkeypatch.setattr(importer, "BATCH", 100)
    writes = []
    real_bulk_create = ImportedPost.objects.bulk_create

    def watch(rows, **kwargs):
        job = ArchiveImport.objects.get()
        writes.append((job.state, job.posts_read, job.progress))
        return real_bulk_create(rows, **kwargs)

    monkeypatch.setattr(ImportedPost.objects, "bulk_create", watch)
    items = [tweet(i, "Mon Jan 01 10:00:00 +0000 2024", f"post {i} " + "x" * 300) for i in range(1, 451)]
    job = run(user, yann, twitter_zip([items]))
    assert (job.posts_read, job.posts_kept, job.state, job.progress) == (450, 450, "review", 100)
    assert [w[0] for w in writes] == ["parsing"] * 5
    reads = [w[1] for w in writes]
    assert reads[:4] == [0, 100, 200, 300]  # counts written before each batch
    percents = [w[2] for w in writes]
    assert percents == sorted(percents) and 0 < percents[-1] < 100


def test_imported_posts_follow_the_memorials_visibility(client, user, yann, other):
    job = run(user, yann, twitter_archive())
    services.archive_import_confirm(user, job)
    stranger = UserFactory(username="zoe")
    client.force_login(stranger)
    page = client.get(f"/memorials/{yann.key}/posts/")
    assert page.status_code == 200 and "aime la mer plus que tout" in page.content.decode()
    services.memorial_update(user, yann, visibility="invite_only")
    assert client.get(f"/memorials/{yann.key}/posts/").status_code == 404
