"""Writing, reading, editing, deleting, resharing posts and giving gestures, through the pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reconfort.accounts import services as account_services
from reconfort.posts import services as post_services
from reconfort.posts.models import Gesture, MediaAttachment, Post, PostEdit
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def detail_url(post):
    return reverse("posts:detail", args=[post.author.username, post.pk])


# --- Compose -------------------------------------------------------------------------------------


def test_compose_page_renders(client, user):
    client.force_login(user)
    response = client.get(reverse("posts:compose"))
    assert response.status_code == 200
    assert 'name="spoiler_text"' in response.content.decode()


def test_compose_requires_login(client, db):
    response = client.post(reverse("posts:compose"), {"text": "hello"})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not Post.objects.exists()


def test_compose_plain_post_redirects_back(client, user):
    client.force_login(user)
    data = {
        "text": "Une pensée pour Paul #souvenir",
        "spoiler_text": "",
        "kind": "memorial",
        "visibility": "public",
        "language": "fr",
        "next": "/",
    }
    response = client.post(reverse("posts:compose"), data)
    assert response.status_code == 302
    assert response["Location"] == "/"
    post = Post.objects.get()
    assert post.kind == "memorial"
    assert post.tag_names == ["souvenir"]
    assert "Une pensée pour Paul" in client.get("/").content.decode()


def test_compose_with_htmx_returns_the_new_post_and_a_fresh_form(client, user):
    client.force_login(user)
    data = {"text": "Merci à vous", "kind": "gratitude", "visibility": "public", "language": "fr"}
    response = client.post(reverse("posts:compose"), data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "Merci à vous" in html
    assert 'hx-swap-oob="true"' in html
    assert Post.objects.count() == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": "   ", "kind": "ordinary", "visibility": "public", "language": "fr"}, "Ce champ est obligatoire"),
        ({"text": "x" * 1001, "kind": "ordinary", "visibility": "public", "language": "fr"}, "1000"),
        ({"text": "Bonjour", "kind": "ordinary", "visibility": "everyone", "language": "fr"}, "choix valide"),
        ({"text": "Bonjour", "kind": "joke", "visibility": "public", "language": "fr"}, "choix valide"),
    ],
)
def test_compose_refuses_bad_input_and_writes_nothing(client, user, data, message):
    client.force_login(user)
    response = client.post(reverse("posts:compose"), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Post.objects.exists()


def test_compose_error_with_htmx_retargets_the_form(client, user):
    client.force_login(user)
    data = {"text": "", "kind": "ordinary", "visibility": "public", "language": "fr"}
    response = client.post(reverse("posts:compose"), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert response["HX-Retarget"] == "#compose"
    assert 'id="compose"' in response.content.decode()


def test_reply_goes_into_the_thread(client, user, other):
    parent = make_post(other, text="Ce soir est difficile")
    client.force_login(user)
    data = {"text": "Je pense à toi", "kind": "ordinary", "visibility": "public", "language": "fr"}
    response = client.post(reverse("posts:compose"), {**data, "in_reply_to": parent.pk})
    assert response.status_code == 302
    reply = Post.objects.get(in_reply_to=parent)
    assert response["Location"] == detail_url(parent)
    html = client.get(detail_url(parent)).content.decode()
    assert "Je pense à toi" in html
    assert reply.in_reply_to_account == other


def test_reply_to_a_post_one_cannot_see_is_404(client, user, other):
    hidden = make_post(other, text="Secret", visibility="private")
    client.force_login(user)
    data = {"text": "Coucou", "kind": "ordinary", "visibility": "public", "language": "fr", "in_reply_to": hidden.pk}
    assert client.post(reverse("posts:compose"), data).status_code == 404
    assert client.get(reverse("posts:compose"), {"in_reply_to": hidden.pk}).status_code == 404
    assert Post.objects.count() == 1


# --- Stories ------------------------------------------------------------------------------------


def story_data(**extra):
    return {
        "title": "Ce que mon père m'a appris",
        "text": "Il disait toujours :\n\n> Prends soin des autres.\n\n**Merci**, papa.",
        "kind": "memorial",
        "visibility": "public",
        "language": "fr",
        "spoiler_text": "",
        "image_descriptions": "Mon père dans son jardin",
        **extra,
    }


def test_story_with_image_is_published_and_shown_as_an_article(client, user, png):
    client.force_login(user)
    response = client.post(reverse("posts:compose_story"), story_data(images=[png()]))
    story = Post.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(story)
    assert story.is_story and story.title == "Ce que mon père m'a appris"
    media = MediaAttachment.objects.get(post=story)
    assert media.description == "Mon père dans son jardin"
    html = client.get(detail_url(story)).content.decode()
    assert '<article class="story"' in html
    assert "<blockquote>" in html and "<strong>Merci</strong>" in html
    assert 'alt="Mon père dans son jardin"' in html


def test_story_shows_as_a_card_in_timelines(client, user):
    text = "Premier paragraphe de l'histoire.\n\n" + "Suite " * 200
    post_services.post_create(user, title="Une histoire", text=text, is_story=True)
    html = client.get("/community/").content.decode()
    assert "story-card" in html
    assert "Premier paragraphe de l&#x27;histoire." in html
    assert "Suite " * 100 not in html


def test_story_with_a_file_that_is_not_an_image_changes_nothing(client, user):
    client.force_login(user)
    fake = SimpleUploadedFile("photo.png", b"not an image at all", content_type="image/png")
    response = client.post(reverse("posts:compose_story"), story_data(images=[fake]))
    assert response.status_code == 422
    assert "pas une image" in response.content.decode()
    assert not Post.objects.exists()
    assert not MediaAttachment.objects.exists()


def test_story_needs_a_title(client, user):
    client.force_login(user)
    response = client.post(reverse("posts:compose_story"), story_data(title=""))
    assert response.status_code == 422
    assert not Post.objects.exists()


# --- Reading ------------------------------------------------------------------------------------


def test_post_page_shows_thread(client, user, other):
    root = make_post(user, text="Racine")
    middle = make_post(other, text="Milieu", in_reply_to_id=root.pk)
    make_post(user, text="Feuille", in_reply_to_id=middle.pk)
    html = client.get(detail_url(middle)).content.decode()
    assert html.index("Racine") < html.index("Milieu") < html.index("Feuille")


def test_followers_only_post_is_404_for_a_stranger_and_visible_to_a_follower(client, user, other, third):
    post = make_post(user, text="Pour mes abonnés", visibility="private")
    account_services.follow_create(other, user)
    assert client.get(detail_url(post)).status_code == 404
    client.force_login(third)
    assert client.get(detail_url(post)).status_code == 404
    client.force_login(other)
    assert client.get(detail_url(post)).status_code == 200


def test_post_page_with_wrong_author_redirects_to_the_right_one(client, user):
    post = make_post(user)
    response = client.get(reverse("posts:detail", args=["tom", post.pk]))
    assert response.status_code == 302
    assert response["Location"] == detail_url(post)


def test_unknown_post_is_404(client, user):
    assert client.get(reverse("posts:detail", args=["marie", 999999])).status_code == 404


def test_content_warning_is_a_details_element(client, user):
    post = make_post(user, text="Des détails difficiles", spoiler_text="Hôpital")
    html = client.get(detail_url(post)).content.decode()
    assert '<details class="cw">' in html
    assert html.index("Hôpital") < html.index("Des détails difficiles")


def test_times_are_shown_in_the_members_time_zone(client, user, other):
    post = make_post(user)
    other.time_zone = "America/New_York"
    other.save()
    client.force_login(other)
    html = client.get(detail_url(post)).content.decode()
    assert "-05:00" in html or "-04:00" in html


# --- Edit and delete ----------------------------------------------------------------------------


def test_edit_keeps_history(client, user):
    post = make_post(user, text="Premier jet")
    client.force_login(user)
    assert client.get(reverse("posts:edit", args=[post.pk])).status_code == 200
    response = client.post(reverse("posts:edit", args=[post.pk]), {"text": "Version revue", "language": "fr"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.text == "Version revue"
    html = client.get(detail_url(post)).content.decode()
    assert "Version revue" in html
    assert "Premier jet" in html  # in the history
    assert '<details class="history">' in html


def test_edit_of_someone_elses_post_is_404_and_changes_nothing(client, user, other):
    post = make_post(user, text="À moi")
    client.force_login(other)
    assert client.get(reverse("posts:edit", args=[post.pk])).status_code == 404
    response = client.post(reverse("posts:edit", args=[post.pk]), {"text": "Piraté", "language": "fr"})
    assert response.status_code == 404
    post.refresh_from_db()
    assert post.text == "À moi"
    assert not PostEdit.objects.exists()


def test_edit_too_long_is_refused(client, user):
    post = make_post(user, text="Court")
    client.force_login(user)
    response = client.post(reverse("posts:edit", args=[post.pk]), {"text": "x" * 1001, "language": "fr"})
    assert response.status_code == 422
    post.refresh_from_db()
    assert post.text == "Court"


def test_delete_asks_then_deletes(client, user):
    post = make_post(user)
    client.force_login(user)
    assert "Supprimer la publication" in client.get(reverse("posts:delete", args=[post.pk])).content.decode()
    response = client.post(reverse("posts:delete", args=[post.pk]))
    assert response.status_code == 302
    assert not Post.objects.filter(pk=post.pk).exists()


def test_delete_of_someone_elses_post_is_404(client, user, other):
    post = make_post(user)
    client.force_login(other)
    assert client.post(reverse("posts:delete", args=[post.pk])).status_code == 404
    assert Post.objects.filter(pk=post.pk).exists()


# --- Gestures and reshares ----------------------------------------------------------------------


def test_gesture_plain_post_redirects_back_to_the_post(client, user, other):
    post = make_post(user)
    client.force_login(other)
    response = client.post(reverse("posts:gesture", args=[post.pk, "candle"]), {"next": f"/#post-{post.pk}"})
    assert response.status_code == 302
    assert response["Location"] == f"/#post-{post.pk}"
    assert Gesture.objects.filter(post=post, account=other, kind="candle").exists()


def test_gesture_with_htmx_returns_the_action_bar(client, user, other):
    post = make_post(user)
    client.force_login(other)
    url = reverse("posts:gesture", args=[post.pk, "hug"])
    response = client.post(url, {"on": "1", "next": "/", "anchor": "77"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<footer class="post-actions"')
    assert 'id="gesture-77-hug" aria-pressed="true"' in html
    response = client.post(url, {"on": "0", "next": "/"}, HTTP_HX_REQUEST="true")
    assert f'id="gesture-{post.pk}-hug" aria-pressed="false"' in response.content.decode()
    assert not Gesture.objects.exists()


def test_gesture_twice_counts_once(client, user, other):
    post = make_post(user)
    client.force_login(other)
    for _ in range(2):
        client.post(reverse("posts:gesture", args=[post.pk, "flowers"]), {"on": "1"})
    post.refresh_from_db()
    assert post.flowers_count == 1


def test_unknown_gesture_or_hidden_post_is_404(client, user, other):
    post = make_post(user)
    hidden = make_post(user, visibility="private")
    client.force_login(other)
    assert client.post(reverse("posts:gesture", args=[post.pk, "thumbsup"])).status_code == 404
    assert client.post(reverse("posts:gesture", args=[hidden.pk, "hug"])).status_code == 404
    assert not Gesture.objects.exists()


def test_gesture_requires_post_and_login(client, user):
    post = make_post(user)
    url = reverse("posts:gesture", args=[post.pk, "hug"])
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(user)
    assert client.get(url).status_code == 405
    assert not Gesture.objects.exists()


def test_only_the_author_sees_who_gave_gestures(client, user, other, third):
    post = make_post(user)
    post_services.gesture_add(other, post, "candle")
    client.force_login(user)
    html = client.get(detail_url(post)).content.decode()
    assert "Qui vous a réconforté" in html
    assert "Tom" in html.split("Qui vous a réconforté")[1]
    client.force_login(third)
    assert "Qui vous a réconforté" not in client.get(detail_url(post)).content.decode()


def test_reshare_and_unreshare(client, user, other):
    post = make_post(user)
    client.force_login(other)
    response = client.post(reverse("posts:reshare", args=[post.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.content.decode()
    assert Post.objects.filter(author=other, reblog_of=post).exists()
    client.post(reverse("posts:unreshare", args=[post.pk]))
    assert not Post.objects.filter(author=other, reblog_of=post).exists()


def test_reshare_of_followers_only_post_is_refused(client, user, other):
    post = make_post(user, visibility="private")
    account_services.follow_create(other, user)
    client.force_login(other)
    response = client.post(reverse("posts:reshare", args=[post.pk]))
    assert response.status_code == 403
    assert not Post.objects.filter(reblog_of=post).exists()


def test_compose_does_not_offer_appeal_posts(client, user):
    """Appeal posts carry details only the appeals pages collect."""
    client.force_login(user)
    assert 'value="appeal"' not in client.get(reverse("posts:compose")).content.decode()
    data = {"text": "Aidez-moi", "kind": "appeal", "visibility": "public", "language": "fr"}
    assert client.post(reverse("posts:compose"), data).status_code == 422
    assert not Post.objects.exists()
