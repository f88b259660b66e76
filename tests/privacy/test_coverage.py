"""Every link from a model to a member is either exported or left out with a reason, and its erasure is stated.

Like the authorization matrix's coverage test: a new model with a foreign key to the user fails here until someone
decides, in reconfort/privacy/coverage.py, what the export and the erasure do with it."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from reconfort.privacy import coverage
from reconfort.privacy.exports import FILES


def user_links() -> dict[str, models.Field]:
    """Every ForeignKey, OneToOneField and ManyToManyField to the user model, as "app_label.Model.field"."""
    user = get_user_model()
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is user:
                found[f"{model._meta.label}.{field.name}"] = field
    return found


def test_the_enumeration_finds_links_of_every_kind():
    links = user_links()
    assert isinstance(links["memorials.Tribute.author"], models.ForeignKey)
    assert isinstance(links["comfort.Comforter.user"], models.OneToOneField)
    assert isinstance(links["posts.Post.mentions"], models.ManyToManyField)
    assert "oauth2_provider.AccessToken.user" in links and "otp_totp.TOTPDevice.user" in links


def test_every_link_to_a_member_is_exported_or_left_out_with_a_reason():
    links = set(user_links())
    undecided = links - set(coverage.EXPORTED) - set(coverage.NOT_EXPORTED)
    assert not undecided, f"Decide in reconfort/privacy/coverage.py whether these go into the export: {undecided}"
    both = set(coverage.EXPORTED) & set(coverage.NOT_EXPORTED)
    assert not both, f"Exported and left out at once: {both}"
    stale = (set(coverage.EXPORTED) | set(coverage.NOT_EXPORTED) | set(coverage.ANONYMISED)) - links
    assert not stale, f"No such link any more: {stale}"
    assert all(reason.strip() for reason in coverage.NOT_EXPORTED.values())


def test_every_exported_link_names_a_file_the_archive_describes():
    described = set(FILES)
    assert set(coverage.EXPORTED.values()) <= described, set(coverage.EXPORTED.values()) - described


def test_what_erasure_does_with_every_link_is_stated():
    """CASCADE erases the rows with the member; SET_NULL keeps them without the member (ANONYMISED, with why).
    Anything else (PROTECT, DO_NOTHING, SET_DEFAULT) would stop the erasure or leave a row pointing nowhere."""
    for link, field in user_links().items():
        if field.many_to_many:
            assert link not in coverage.ANONYMISED, link  # the M2M rows are erased with the member
            continue
        on_delete = field.remote_field.on_delete
        if link in coverage.ANONYMISED:
            assert on_delete is models.SET_NULL, f"{link} is said to be anonymised but is {on_delete.__name__}"
            assert coverage.ANONYMISED[link].strip()
        else:
            assert on_delete is models.CASCADE, f"{link} is {on_delete.__name__}: say in ANONYMISED why it stays"
