"""Pages for posts: the thread page, writing, editing, deleting, resharing and gestures.

Every action is a plain form POST that redirects back (works without JavaScript); with HTMX the same view
answers with the fragment to swap in.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response, redirect_back, safe_next

from . import authors, policies, selectors, services
from .forms import EditForm, PostForm, StoryForm
from .models import GESTURE_EMOJI, GestureKind, Post

# Service error fields that a page form names differently.
FIELD_NAMES = {"status": "text", "file": "images", "media_ids": "images"}


def posts_context(viewer, posts: list[Post]) -> dict:
    """What a list of posts needs to render without a query per post: images and the viewer's own gestures."""
    prefetch_related_objects(posts, "media", "reblog_of__media")
    return {"posts": posts, "state": selectors.viewer_state(viewer, posts)}


def post_url(post: Post) -> str:
    return authors.post_path(post)


def _visible_or_404(viewer, post_id) -> Post:
    try:
        return selectors.post_get_visible(viewer, post_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc


def _form_error(form, exc: ServiceError) -> int:
    """Show a refused action on the form, on the field it concerns; return the status to answer with."""
    if exc.status == 404:
        raise Http404(exc.message)
    field = FIELD_NAMES.get(exc.field or "", exc.field)
    form.add_error(field if field in form.fields else None, exc.message)
    return exc.status


def _problem(request, exc: ServiceError):
    if exc.status == 404:
        raise Http404(exc.message)
    return problem_response(request, exc.message, exc.status)


def detail(request, username: str, post_id: int):
    post = _visible_or_404(request.user, post_id)
    if post.reblog_of_id:
        return redirect(post_url(post.reblog_of))
    if post.author_alias or post.author.username.lower() != username.lower():
        # An anonymous post lives at /posts/<id>, whatever name was tried: the answer must not confirm one.
        return redirect(post_url(post))
    return _thread_page(request, post)


def _givers(viewer, post: Post):
    """Who gave which gesture, for the author: the asker of an anonymous request under its pseudonym."""
    by_kind = selectors.gestures_by_kind(post)
    return [
        (GESTURE_EMOJI[k], k.label, [authors.shown_actor(viewer, account, post) for account in by_kind[k.value]])
        for k in GestureKind
        if by_kind[k.value]
    ]


def _thread_page(request, post: Post):
    thread = selectors.post_context(request.user, post)
    context = posts_context(request.user, [*thread.ancestors, post, *thread.descendants])
    givers = _givers(request.user, post) if policies.can_see_gesture_givers(request.user, post) else None
    reply_form = None
    if request.user.is_authenticated:
        reply_form = PostForm(
            initial={"in_reply_to": post.pk, "visibility": post.visibility, "language": request.user.language},
            auto_id="reply_%s",
        )
    context.update(
        post=post,
        ancestors=thread.ancestors,
        descendants=thread.descendants,
        givers=givers,
        edits=list(post.edits.all()) if post.edited_at else [],
        reply_form=reply_form,
    )
    return TemplateResponse(request, "posts/story.html" if post.is_story else "posts/detail.html", context)


def by_id(request, post_id: int):
    """/posts/<id>: where a link knows the post but not its author, e.g. "in reply to"; the page itself of a post
    shown under a pseudonym."""
    post = _visible_or_404(request.user, post_id)
    target = post.reblog_of or post
    if target.author_alias:
        return redirect(post_url(target)) if post.reblog_of_id else _thread_page(request, target)
    return redirect(post_url(target))


@login_required
@require_http_methods(["GET", "POST"])
def compose(request):
    parent_id = request.POST.get("in_reply_to") or request.GET.get("in_reply_to")
    parent = _visible_or_404(request.user, parent_id) if parent_id else None
    initial = {"language": request.user.language}
    if parent is not None:
        initial.update(in_reply_to=parent.pk, visibility=parent.visibility)
    form = PostForm(request.POST or None, initial=initial)
    status = 422 if request.method == "POST" else 200
    nudges = []
    if (
        request.method == "POST"
        and form.is_valid()
        and form.cleaned_data["in_reply_to"]
        and not (form.cleaned_data["send_anyway"] or request.POST.get("send_anyway"))
    ):
        # Comfort guard: a reply that may hurt first gets a kindness nudge (edit it, or send it anyway).
        nudges = services.post_reply_nudges(
            request.user, text=form.cleaned_data["text"], in_reply_to_id=form.cleaned_data["in_reply_to"]
        )
        status = 200
    if request.method == "POST" and form.is_valid() and not nudges:
        data = form.cleaned_data
        try:
            post = services.post_create(
                request.user,
                text=data["text"],
                spoiler_text=data["spoiler_text"],
                kind=data["kind"],
                visibility=data["visibility"],
                language=data["language"],
                in_reply_to_id=data["in_reply_to"],
            )
        except ServiceError as exc:
            status = _form_error(form, exc)
        else:
            if request.htmx:
                fresh = PostForm(initial={"language": request.user.language})
                context = posts_context(request.user, [post])
                context.update(item=post, form=fresh, oob=True, next_url=safe_next(request, reverse("web:home")))
                return TemplateResponse(request, "posts/_compose_created.html", context)
            if post.held:  # comfort guard: say plainly that the reply waits for the author
                messages.info(request, _("Your reply is saved. It will be shown once the author approves it."))
            else:
                messages.success(request, _("Your post is shared."))
            return redirect_back(request, post_url(parent or post))
    if request.htmx and request.method == "POST":
        context = {"form": form, "next_url": safe_next(request, reverse("web:home"))}
        response = TemplateResponse(request, "posts/_compose_form.html", context, status=status)
        return reswap(retarget(response, "#compose"), "outerHTML")
    context = {"form": form, "parent": parent, "nav": "compose", "nudges": nudges}
    if parent is not None:
        context.update(posts_context(request.user, [parent]))
    return TemplateResponse(request, "posts/compose.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def compose_story(request):
    form = StoryForm(request.POST or None, request.FILES or None, initial={"language": request.user.language})
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        uploaded = []
        try:
            with transaction.atomic():
                for image, description in form.image_pairs():
                    uploaded.append(services.media_upload(request.user, image, description=description))
                post = services.post_create(
                    request.user,
                    text=data["text"],
                    title=data["title"],
                    is_story=True,
                    spoiler_text=data["spoiler_text"],
                    kind=data["kind"],
                    visibility=data["visibility"],
                    language=data["language"],
                    media_ids=[m.pk for m in uploaded],
                )
        except ServiceError as exc:
            for media in uploaded:  # the rows are rolled back; the files are not, so remove them
                media.file.delete(save=False)
            status = _form_error(form, exc)
        else:
            messages.success(request, _("Your story is published."))
            return redirect(post_url(post))
    return TemplateResponse(request, "posts/story_form.html", {"form": form, "nav": "compose"}, status=status)


def _own_post(request, post_id) -> Post:
    """The member's own post, or 404: someone else's post is not theirs to edit, and need not be revealed."""
    post = _visible_or_404(request.user, post_id)
    if not policies.can_edit_post(request.user, post):
        raise Http404
    return post


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, post_id: int):
    post = _own_post(request, post_id)
    initial = {"title": post.title, "text": post.text, "spoiler_text": post.spoiler_text, "language": post.language}
    form = EditForm(request.POST or None, initial=initial, story=post.is_story)
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        was_held = post.held
        try:
            services.post_edit(
                request.user,
                post,
                text=data["text"],
                spoiler_text=data["spoiler_text"],
                language=data["language"],
                title=data.get("title"),
            )
        except ServiceError as exc:
            post.refresh_from_db()
            status = _form_error(form, exc)
        else:
            if post.held and not was_held:  # comfort guard: the edited reply may hurt, it waits again
                messages.info(
                    request,
                    _(
                        "Your changes are saved, but your reply may now hurt someone who is grieving or asking for "
                        "comfort. Only you see it until the author approves it."
                    ),
                )
            else:
                messages.success(request, _("Your changes are saved. The earlier version stays in the history."))
            return redirect(post_url(post))
    return TemplateResponse(request, "posts/edit.html", {"form": form, "post": post}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, post_id: int):
    post = _visible_or_404(request.user, post_id)
    if not policies.can_delete_post(request.user, post):
        raise Http404
    if request.method == "POST":
        author = post.author
        try:
            services.post_delete(request.user, post)
        except ServiceError as exc:
            return _problem(request, exc)
        messages.success(request, _("The post was deleted."))
        return redirect("web:profile", author.username)
    context = posts_context(request.user, [post])
    context["post"] = post
    return TemplateResponse(request, "posts/delete.html", context)


def _actions_response(request, post: Post):
    """After a gesture or a reshare: the post's action bar for HTMX, else back to the page."""
    if request.htmx:
        anchor = request.POST.get("anchor", "")
        context = {
            "post": post,
            "state": selectors.viewer_state(request.user, [post]),
            "next_url": safe_next(request, post_url(post)),
            "post_anchor": int(anchor) if anchor.isdigit() else post.pk,
        }
        return TemplateResponse(request, "posts/_post_actions.html", context)
    return redirect_back(request, post_url(post))


@login_required
@require_POST
def gesture(request, post_id: int, kind: str):
    if kind not in GestureKind.values:
        raise Http404
    post = _visible_or_404(request.user, post_id)
    give = request.POST.get("on", "1") != "0"
    try:
        if give:
            target = services.gesture_add(request.user, post, kind)
        else:
            target = services.gesture_remove(request.user, post, kind)
    except ServiceError as exc:
        return _problem(request, exc)
    return _actions_response(request, target)


@login_required
@require_POST
def reshare(request, post_id: int):
    post = _visible_or_404(request.user, post_id)
    try:
        reblog = services.post_reblog(request.user, post)
    except ServiceError as exc:
        return _problem(request, exc)
    reblog.reblog_of.refresh_from_db()
    return _actions_response(request, reblog.reblog_of)


@login_required
@require_POST
def unreshare(request, post_id: int):
    post = _visible_or_404(request.user, post_id)
    try:
        target = services.post_unreblog(request.user, post)
    except ServiceError as exc:
        return _problem(request, exc)
    return _actions_response(request, target)
