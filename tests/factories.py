"""factory-boy factories shared by all tests. Objects that need services are made through them."""

import factory

from reconfort.accounts.models import User
from reconfort.posts import services as post_services

PASSWORD = "un mot de passe solide 42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    display_name = factory.Faker("name", locale="fr_FR")
    language = "fr"
    time_zone = "Europe/Paris"
    email_confirmed = True  # established members; sign-up tests cover the unconfirmed ones

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


def make_post(author, text="Une pensée pour vous tous #réconfort", **kwargs):
    """Posts go through the service so counters, tags and events are real."""
    return post_services.post_create(author, text=text, **kwargs)
