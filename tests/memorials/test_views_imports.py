"""Archive import pages: upload, polled progress, review with exclusions, import, last words; refusals as 4xx."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reconfort.memorials import services
from reconfort.memorials.models import ArchiveImport, ImportedPost, LastWords

from .archive_builders import tweet, twitter_zip

pytestmark = pytest.mark.django_db


def archive():
    return twitter_zip(
        [
            [
                tweet(1, "Mon Jan 01 10:00:00 +0000 2024", "Première"),
                tweet(2, "Tue Jan 02 10:00:00 +0000 2024", "Seconde"),
            ]
        ]
    )


def zip_file(data):
    return SimpleUploadedFile("x-archive.zip", data, content_type="application/zip")


def test_upload_review_exclude_and_import_through_pages(client, user, memorial):
    client.force_login(user)
    page = client.get(reverse("memorials:imports", args=[memorial.key]))
    assert page.status_code == 200 and b'enctype="multipart/form-data"' in page.content
    response = client.post(reverse("memorials:imports", args=[memorial.key]), {"file": zip_file(archive())})
    job = ArchiveImport.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/imports/{job.pk}/")
    review = client.get(response["Location"]).content.decode()
    assert "Seconde" in review and "Première" in review and "hx-trigger" not in review  # done: no more polling
    first = ImportedPost.objects.get(original_id="1")
    client.post(reverse("memorials:import_action", args=[memorial.key, job.pk, "exclude"]), {"posts": [first.pk]})
    first.refresh_from_db()
    assert first.excluded
    client.post(reverse("memorials:import_action", args=[memorial.key, job.pk, "confirm"]))
    job.refresh_from_db()
    assert job.state == "imported"
    posts = client.get(reverse("memorials:archive_posts", args=[memorial.key])).content.decode()
    assert "Seconde" in posts and "Première" not in posts
    detail = client.get(reverse("memorials:detail", args=[memorial.key])).content.decode()
    assert reverse("memorials:archive_posts", args=[memorial.key]) in detail


def test_progress_fragment_polls_while_running_then_refreshes(client, user, memorial):
    job = ArchiveImport.objects.create(
        memorial=memorial,
        uploaded_by=user,
        platform="twitter",
        state="parsing",
        progress=40,
        posts_read=1200,
        posts_kept=1100,
    )
    client.force_login(user)
    url = reverse("memorials:import_progress", args=[memorial.key, job.pk])
    fragment = client.get(url, headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert 'hx-trigger="every 2s"' in html and 'value="40"' in html and "1200" in html and "1100" in html
    assert "<script" not in html and "style=" not in html and "HX-Refresh" not in fragment
    ArchiveImport.objects.filter(pk=job.pk).update(state="review", progress=100)
    done = client.get(url, headers={"HX-Request": "true"})
    assert done["HX-Refresh"] == "true" and "hx-trigger" not in done.content.decode()


def test_hostile_upload_shows_the_reason(client, user, memorial):
    client.force_login(user)
    response = client.post(reverse("memorials:imports", args=[memorial.key]), {"file": zip_file(b"not a zip")})
    assert response.status_code == 422
    assert str(ArchiveImport.Failure.NOT_ZIP.label) in response.content.decode()
    assert not ArchiveImport.objects.exists()


def test_failed_import_shows_its_reason(client, user, memorial):
    client.force_login(user)
    data = twitter_zip([[]], extra={"data/tweets-part1.js": "window.YTD.tweets.part1 = [{broken"})
    client.post(reverse("memorials:imports", args=[memorial.key]), {"file": zip_file(data)})
    job = ArchiveImport.objects.get()
    page = client.get(reverse("memorials:import_detail", args=[memorial.key, job.pk])).content.decode()
    # Marie reads French: the reason is shown in her language.
    assert job.state == "failed" and "abîmé ou n’est pas au format attendu" in page


def test_last_words_from_the_proposal(client, user, memorial):
    client.force_login(user)
    client.post(reverse("memorials:imports", args=[memorial.key]), {"file": zip_file(archive())})
    job = ArchiveImport.objects.get()
    proposal = ImportedPost.objects.get(original_id="2")
    page = client.get(reverse("memorials:import_detail", args=[memorial.key, job.pk])).content.decode()
    assert f'value="{proposal.pk}"' in page
    url = reverse("memorials:import_action", args=[memorial.key, job.pk, "last-words"])
    assert client.post(url, {"post": proposal.pk}).status_code == 422  # consent is required
    client.post(url, {"post": proposal.pk, "consent": "family"})
    assert LastWords.objects.get(memorial=memorial).text == "Seconde"


def test_strangers_and_tribute_moderators_cannot_reach_imports(client, user, other, memorial, tribute_moderator):
    client.force_login(user)
    client.post(reverse("memorials:imports", args=[memorial.key]), {"file": zip_file(archive())})
    job = ArchiveImport.objects.get()
    for person in (other, tribute_moderator):
        client.force_login(person)
        assert client.get(reverse("memorials:imports", args=[memorial.key])).status_code == 403
        assert client.get(reverse("memorials:import_detail", args=[memorial.key, job.pk])).status_code == 403
        response = client.post(reverse("memorials:import_action", args=[memorial.key, job.pk, "discard"]))
        assert response.status_code == 403
    assert ArchiveImport.objects.exists()
    job_id = job.pk
    services.archive_import_discard(user, job)
    client.force_login(user)
    assert client.get(reverse("memorials:import_detail", args=[memorial.key, job_id])).status_code == 404
