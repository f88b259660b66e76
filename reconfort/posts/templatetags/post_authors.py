"""Who a post shows as its author, in templates (decision 0038): `{% shown_author post as author %}` and
`{{ post|post_path }}`. Every template that names a post's author or links to its page goes through these."""

from __future__ import annotations

from django import template
from django.contrib.auth.models import AnonymousUser

from reconfort.posts import authors

register = template.Library()


def _viewer(context):
    user = context.get("user")
    if user is None and context.get("request") is not None:
        user = context["request"].user
    return user if user is not None else AnonymousUser()


@register.simple_tag(takes_context=True)
def shown_author(context, post) -> authors.ShownAuthor:
    return authors.shown_author(_viewer(context), post)


@register.simple_tag(takes_context=True)
def shown_actor(context, actor, post=None) -> authors.ShownAuthor:
    return authors.shown_actor(_viewer(context), actor, post)


@register.filter
def post_path(post) -> str:
    return authors.post_path(post)
