"""Memorial pages: creating, editing, life-cycle, visibility, last words, cause of death, disputes."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile

from reconfort.core import events
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.memorials import selectors, services
from reconfort.memorials.models import CauseOfDeath, LastWords, Memorial, Steward, StewardLogEntry
from tests.factories import UserFactory, make_post
from tests.memorials.conftest import make_memorial

pytestmark = pytest.mark.django_db


def visible(viewer, memorial):
    try:
        selectors.memorial_get_visible(viewer, memorial.key)
    except NotFound:
        return False
    return True


def test_create_makes_a_draft_owned_by_its_creator(user, other):
    memorial = services.memorial_create(
        user,
        full_name="  Émile   Durand ",
        birth_date="1950-06-02",
        birth_precision="year",
        death_date=datetime.date(2023, 11, 5),
        death_precision="month",
        place="Brest",
        life_story="Il aimait **la mer**.<script>alert(1)</script>",
        languages="fr, en",
        in_lieu_of_flowers_url="https://example.org/don",
    )
    assert memorial.state == Memorial.State.DRAFT
    assert memorial.full_name == "Émile Durand" and memorial.sort_name == "emile durand"
    assert memorial.birth_date == datetime.date(1950, 1, 1)
    assert memorial.death_date == datetime.date(2023, 11, 1)
    assert "<strong>la mer</strong>" in memorial.life_story_html and "<script" not in memorial.life_story_html
    assert memorial.languages == ["fr", "en"]
    assert Steward.objects.get(memorial=memorial).role == Steward.Role.OWNER
    assert visible(user, memorial)
    assert not visible(other, memorial)  # a draft is for its stewards only
    assert not visible(AnonymousUser(), memorial)
    assert StewardLogEntry.objects.filter(memorial=memorial, action="memorial.create").exists()
    assert len(memorial.key) >= 12  # unguessable: unlisted means link only


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"full_name": " "}, "full_name"),
        ({"full_name": "A", "death_date": "2999-01-01"}, "death_date"),
        ({"full_name": "A", "birth_date": "2000-01-02", "death_date": "2000-01-01"}, "birth_date"),
        ({"full_name": "A", "death_date": "14/03/2024"}, "death_date"),
        ({"full_name": "A", "in_lieu_of_flowers_url": "javascript:alert(1)"}, "in_lieu_of_flowers_url"),
        ({"full_name": "A", "languages": ["klingon"]}, "languages"),
        ({"full_name": "A", "visibility": "everyone"}, "visibility"),
        ({"full_name": "A", "death_precision": "hour"}, "death_precision"),
        ({"full_name": "A", "owner": "x"}, "owner"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_made(user, fields, field):
    with pytest.raises(ServiceError) as exc:
        services.memorial_create(user, **fields)
    assert exc.value.field == field
    assert not Memorial.objects.exists()


def test_strangers_cannot_create(db):
    with pytest.raises(Forbidden):
        services.memorial_create(AnonymousUser(), full_name="X")


def test_life_cycle_transitions(user):
    memorial = make_memorial(user, publish=False)
    with pytest.raises(ServiceError) as exc:
        services.memorial_set_state(user, memorial, Memorial.State.ARCHIVED)
    assert exc.value.status == 409
    services.memorial_set_state(user, memorial, Memorial.State.PUBLISHED)
    assert memorial.published_at is not None
    services.memorial_set_state(user, memorial, Memorial.State.ARCHIVED)
    services.memorial_set_state(user, memorial, Memorial.State.PUBLISHED)
    with pytest.raises(ServiceError):
        services.memorial_set_state(user, memorial, "deleted")
    actions = list(StewardLogEntry.objects.filter(memorial=memorial).values_list("action", flat=True))
    assert actions.count("memorial.state") == 3


def test_who_may_edit(memorial, user, other, editor, tribute_moderator, moderator):
    services.memorial_update(editor, memorial, place="Quimper")
    assert memorial.place == "Quimper"
    for person in (other, tribute_moderator, moderator):
        with pytest.raises(Forbidden):
            services.memorial_update(person, memorial, place="Ailleurs")
    with pytest.raises(NotFound):  # a stranger cannot see a draft, so it "does not exist" for them
        draft = make_memorial(user, publish=False, full_name="Brouillon")
        services.memorial_update(other, draft, place="x")
    memorial.refresh_from_db()
    assert memorial.place == "Quimper"
    entry = StewardLogEntry.objects.filter(memorial=memorial, action="memorial.update").first()
    assert entry.actor == editor and entry.detail["place"] == "Quimper"


def test_steward_log_is_append_only(memorial):
    entry = StewardLogEntry.objects.filter(memorial=memorial).first()
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        StewardLogEntry.objects.filter(memorial=memorial).delete()
    with pytest.raises(PermissionError):
        StewardLogEntry.objects.filter(memorial=memorial).update(action="x")


@pytest.mark.parametrize(
    "visibility, stranger, member, guest",
    [
        ("public", True, True, True),
        ("unlisted", True, True, True),
        ("members", False, True, True),
        ("invite_only", False, False, True),
    ],
)
def test_visibility(user, other, third, visibility, stranger, member, guest):
    memorial = make_memorial(user, visibility=visibility)
    services.guest_invite(user, memorial, third)
    assert visible(AnonymousUser(), memorial) is stranger
    assert visible(other, memorial) is member
    assert visible(third, memorial) is guest
    assert visible(user, memorial)


def test_moderators_see_everything(user, moderator):
    memorial = make_memorial(user, publish=False, visibility="invite_only")
    assert visible(moderator, memorial)


def test_photo_is_cleaned_and_bad_files_refused(memorial, user, other):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (1600, 1200), "white").save(buffer, format="JPEG")
    services.memorial_set_photo(user, memorial, SimpleUploadedFile("p.jpg", buffer.getvalue()))
    assert memorial.photo and max(memorial.photo.width, memorial.photo.height) == 800
    with pytest.raises(ServiceError) as exc:
        services.memorial_set_photo(user, memorial, SimpleUploadedFile("p.jpg", b"not an image"))
    assert exc.value.field == "photo"
    with pytest.raises(Forbidden):
        services.memorial_set_photo(other, memorial, SimpleUploadedFile("p.jpg", buffer.getvalue()))


# --- Last words ------------------------------------------------------------------------------------


def test_last_words_need_consent(memorial, user):
    with pytest.raises(ServiceError) as exc:
        services.last_words_set(user, memorial, consent="", text="J'aime la mer.")
    assert exc.value.code == "consent_required"
    words = services.last_words_set(
        user,
        memorial,
        consent="family",
        text="La mer est calme ce soir. Je vous aime.",
        posted_at="2024-03-13T19:02:00",
        where="Mastodon",
        original_url="https://mastodon.example/@jeanne/1",
        content_warning="Deuil",
    )
    assert words.posted_at.year == 2024 and words.where == "Mastodon"
    memorial = selectors.memorial_get(memorial.key)
    assert selectors.last_words_of(memorial).text.startswith("La mer")
    services.last_words_set(user, memorial, consent="public_figure", text="Autres mots.")
    assert LastWords.objects.count() == 1
    services.last_words_clear(user, memorial)
    assert not LastWords.objects.exists()


def test_last_words_from_a_local_post_must_be_public(memorial, user, other):
    public = make_post(other, "Dernier message, plein d'amour")
    private = make_post(other, "Pour mes proches", visibility="private")
    words = services.last_words_set(user, memorial, consent="family", post_id=public.pk)
    assert words.text == "Dernier message, plein d'amour" and words.post == public and words.where == "Réconfort"
    with pytest.raises(ServiceError):
        services.last_words_set(user, memorial, consent="family", post_id=private.pk)
    with pytest.raises(ServiceError):
        services.last_words_set(user, memorial, consent="family", post_id="nope")


def test_last_words_only_by_editors(memorial, other, tribute_moderator):
    for person in (other, tribute_moderator):
        with pytest.raises(Forbidden):
            services.last_words_set(person, memorial, consent="family", text="x")


# --- Cause of death --------------------------------------------------------------------------------


def test_cause_of_death_hidden_by_default(memorial, user):
    services.cause_of_death_set(user, memorial, text="Un cancer")
    memorial = selectors.memorial_get(memorial.key)
    assert selectors.cause_of_death_for_display(memorial) == ""
    services.cause_of_death_set(user, memorial, text="Un cancer", shown=True)
    memorial = selectors.memorial_get(memorial.key)
    assert selectors.cause_of_death_for_display(memorial) == "Un cancer"
    # The log says it changed, never what it says.
    assert "cancer" not in str(list(StewardLogEntry.objects.values_list("detail", flat=True)))


@pytest.mark.parametrize(
    "text, box",
    [("Suicide", False), ("Elle a mis fin à ses jours", False), ("He took his own life", False), ("Noyade", True)],
)
def test_a_suicide_is_never_shown_whatever_the_settings(memorial, user, text, box):
    cause = services.cause_of_death_set(user, memorial, text=text, is_suicide=box, shown=True)
    assert cause.is_suicide and not cause.shown
    memorial = selectors.memorial_get(memorial.key)
    assert selectors.cause_of_death_for_display(memorial) == ""
    # Even a row forced to "shown" by hand is not displayed.
    CauseOfDeath.objects.filter(pk=cause.pk).update(shown=True)
    assert selectors.cause_of_death_for_display(selectors.memorial_get(memorial.key)) == ""


def test_cause_of_death_is_never_in_listings(memorial, user, django_assert_num_queries):
    services.cause_of_death_set(user, memorial, text="Un cancer", shown=True)
    rows = list(selectors.memorial_list_directory())
    assert rows == [memorial]
    # The cause lives in its own row, which the directory query never loads.
    assert "cause" not in rows[0]._state.fields_cache


def test_cause_cleared_with_empty_text(memorial, user, other):
    services.cause_of_death_set(user, memorial, text="Un cancer")
    services.cause_of_death_set(user, memorial, text="")
    assert not CauseOfDeath.objects.exists()
    with pytest.raises(Forbidden):
        services.cause_of_death_set(other, memorial, text="x")


# --- Disputes ------------------------------------------------------------------------------------


def test_a_living_person_disputes_and_it_is_hidden_at_once(memorial, user, other, third, moderator):
    asked = []
    events.subscribe(events.MEMORIAL_REVIEW_REQUESTED, lambda **kw: asked.append(kw))
    try:
        services.memorial_dispute(other, memorial, reason="C'est moi, je suis vivant.")
    finally:
        events._subscribers[events.MEMORIAL_REVIEW_REQUESTED].pop()
    memorial.refresh_from_db()
    assert memorial.hidden_at is not None
    assert asked and asked[0]["kind"] == "memorial_dispute" and asked[0]["subject_id"] == memorial.pk
    assert not visible(third, memorial) and not visible(AnonymousUser(), memorial)
    assert visible(user, memorial) and visible(moderator, memorial)
    assert memorial not in selectors.memorial_list_directory()
    # The disputing person's name is not in the stewards' log.
    assert "tom" not in str(list(StewardLogEntry.objects.values_list("actor_name", "detail")))


def test_dispute_rejected_shows_it_again_and_later_disputes_do_not_hide(memorial, other, third, moderator):
    services.memorial_dispute(other, memorial, reason="Faux")
    services.memorial_dispute_decide(moderator, memorial.pk, upheld=False, reason="Vérifié")
    memorial.refresh_from_db()
    assert memorial.hidden_at is None
    services.memorial_dispute(third, memorial, reason="Encore")
    memorial.refresh_from_db()
    assert memorial.hidden_at is None


def test_dispute_upheld_keeps_it_hidden_and_archives(memorial, other, moderator):
    services.memorial_dispute(other, memorial, reason="C'est moi")
    services.memorial_dispute_decide(moderator, memorial.pk, upheld=True, reason="Personne vivante")
    memorial.refresh_from_db()
    assert memorial.hidden_at and memorial.state == Memorial.State.ARCHIVED and not memorial.listed


def test_who_may_dispute(memorial, user, editor):
    for person in (user, editor, AnonymousUser()):
        with pytest.raises(Forbidden):
            services.memorial_dispute(person, memorial, reason="x")
    with pytest.raises(ServiceError):
        services.memorial_dispute(UserFactory(), memorial, reason=" ")
    memorial.refresh_from_db()
    assert memorial.hidden_at is None
