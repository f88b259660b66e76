"""Pages that are not one app's: home and the front page, the community and hashtag timelines, profiles."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.db.models.functions import Lower
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from reconfort.accounts import selectors as account_selectors
from reconfort.accounts.services import account_update_profile
from reconfort.core.errors import NotFound
from reconfort.core.htmx import page_or_fragment
from reconfort.core.pagination import PageParams, paginate_by_id
from reconfort.hashtags.selectors import tag_get, tag_is_followed
from reconfort.memorials.selectors import account_memorial_of
from reconfort.posts.forms import PostForm
from reconfort.posts.selectors import account_posts, can_view
from reconfort.posts.views import posts_context
from reconfort.timelines.selectors import home_timeline, public_timeline, tag_timeline
from reconfort.trends import selectors as trend_selectors

PAGE_SIZE = 20
FRONT_PAGE_POSTS = 8
PEOPLE_PER_PAGE = 40


def _page_params(request) -> PageParams:
    try:
        return PageParams.parse(max_id=request.GET.get("max_id"), default=PAGE_SIZE, maximum=PAGE_SIZE)
    except ValueError as exc:
        raise BadRequest(_("This page number is not valid.")) from exc


def _timeline(request, template: str, posts: list, page: PageParams, context: dict):
    """A page of posts; "older posts" asks for the next page, which HTMX appends in place."""
    context.update(posts_context(request.user, posts))
    if len(posts) == page.limit:
        context["more_url"] = f"{request.path}?{urlencode({'max_id': posts[-1].pk})}"
    return page_or_fragment(request, template, "web/_timeline_page.html", context)


def home(request):
    if not request.user.is_authenticated:
        posts = public_timeline(request.user, PageParams(limit=FRONT_PAGE_POSTS))
        context = posts_context(request.user, posts)
        context["nav"] = "home"
        return TemplateResponse(request, "web/welcome.html", context)
    page = _page_params(request)
    form = PostForm(initial={"language": request.user.language})
    context = {"form": form, "nav": "home"}
    return _timeline(request, "web/home.html", home_timeline(request.user, page), page, context)


def public(request):
    page = _page_params(request)
    return _timeline(request, "web/public.html", public_timeline(request.user, page), page, {"nav": "public"})


def tag(request, name: str):
    page = _page_params(request)
    found = tag_get(name)
    context = {"tag_name": found.name if found else name.lstrip("#"), "tag": found}
    if found and page.max_id is None:  # the first page: who uses it, related tags, the week, follow
        context.update(
            people=trend_selectors.tag_people(request.user, found),
            related=trend_selectors.tag_related(found),
            history=trend_selectors.tag_history([found.pk])[found.pk],
            following=tag_is_followed(request.user, found),
        )
    return _timeline(request, "web/tag.html", tag_timeline(request.user, name, page), page, context)


def _account_or_404(username: str):
    try:
        return account_selectors.account_get_by_username(username)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _relationship(viewer, account):
    if viewer.is_authenticated and viewer.pk != account.pk:
        return account_selectors.relationship(viewer, account)
    return None


def profile(request, username: str):
    account = _account_or_404(username)
    page = _page_params(request)
    posts = account_posts(request.user, account, exclude_replies=True)
    stories = []
    memorial = account_memorial_of(account)
    pinned = None
    if page.max_id is None:
        stories = list(account_posts(request.user, account, only_stories=True).order_by("-id")[:10])
        if memorial and memorial.pinned_post and can_view(request.user, memorial.pinned_post):
            pinned = memorial.pinned_post
    context = {
        "account": account,
        "rel": _relationship(request.user, account),
        "stories": stories,
        "memorial": memorial,
        "pinned": pinned,
        "pinned_state": posts_context(request.user, [pinned])["state"] if pinned else None,
        "nav": "me" if request.user.is_authenticated and request.user.pk == account.pk else "",
    }
    return _timeline(request, "web/profile.html", paginate_by_id(posts, page), page, context)


def _people(request, username: str, which: str):
    account = _account_or_404(username)
    people = account_selectors.followers_list if which == "followers" else account_selectors.following_list
    paginator = Paginator(people(account).order_by(Lower("username")), PEOPLE_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {"account": account, "page": page, "which": which, "rel": _relationship(request.user, account)}
    return TemplateResponse(request, "web/people.html", context)


def followers(request, username: str):
    return _people(request, username, "followers")


def following(request, username: str):
    return _people(request, username, "following")


@require_POST
def set_language(request):
    """The language switcher: a cookie for everyone, and the profile's language for a member."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        account_update_profile(request.user, language=language)
    return django_set_language(request)
