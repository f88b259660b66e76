"""The member's posts as an ActivityStreams outbox, like the outbox.json in Mastodon's archive."""

from __future__ import annotations

from django.conf import settings

from reconfort.posts.authors import post_absolute_url
from reconfort.posts.models import Post, Visibility

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


def base_url() -> str:
    scheme = "https" if settings.RECONFORT_HTTPS else "http"
    return f"{scheme}://{settings.RECONFORT_DOMAIN}"


def actor_url(username: str) -> str:
    return f"{base_url()}/@{username}"


def post_url(post: Post) -> str:
    """The post's address as the site gives it: an anonymous request (decision 0038) is at /posts/<id>, so a reply
    to one, or a reshare of one, does not name its asker in the member's outbox."""
    return post_absolute_url(post)


def _audience(post: Post, actor: str) -> tuple[list[str], list[str]]:
    followers = actor + "/followers"
    mentions = [actor_url(m["username"]) for m in post.mentions_data]
    if post.visibility == Visibility.PUBLIC:
        return [PUBLIC], [followers, *mentions]
    if post.visibility == Visibility.UNLISTED:
        return [followers], [PUBLIC, *mentions]
    if post.visibility == Visibility.PRIVATE:
        return [followers], mentions
    return mentions, []


def activity(post: Post) -> dict:
    actor = actor_url(post.author.username)
    to, cc = _audience(post, actor)
    published = post.created_at.isoformat()
    if post.reblog_of_id:
        return {
            "id": post_url(post) + "/activity",
            "type": "Announce",
            "actor": actor,
            "published": published,
            "to": to,
            "cc": cc,
            "object": post_url(post.reblog_of),
        }
    note = {
        "id": post_url(post),
        "type": "Article" if post.is_story else "Note",
        "attributedTo": actor,
        "published": published,
        "updated": post.edited_at.isoformat() if post.edited_at else None,
        "to": to,
        "cc": cc,
        "inReplyTo": post_url(post.in_reply_to) if post.in_reply_to_id and post.in_reply_to else None,
        "summary": post.spoiler_text or None,
        "sensitive": post.sensitive,
        "name": post.title or None,
        "content": post.content_html,
        "contentMap": {post.language or "und": post.content_html},
        "source": {"content": post.text, "mediaType": "text/markdown" if post.is_story else "text/plain"},
        "tag": [{"type": "Hashtag", "name": f"#{name}", "href": f"{base_url()}/tags/{name}"} for name in post.tag_names]
        + [
            {"type": "Mention", "name": f"@{m['username']}", "href": actor_url(m["username"])}
            for m in post.mentions_data
        ],
        "attachment": [
            {
                "type": "Document",
                "mediaType": "image/jpeg" if m.file.name.endswith(".jpg") else "image/png",
                "url": "media/" + m.file.name.rsplit("/", 1)[-1],
                "name": m.description or None,
            }
            for m in post.media.all()
        ],
        "reconfort:kind": post.kind,
    }
    return {
        "id": post_url(post) + "/activity",
        "type": "Create",
        "actor": actor,
        "published": published,
        "to": to,
        "cc": cc,
        "object": note,
    }


def outbox(author, posts) -> dict:
    items = [activity(p) for p in posts]
    return {
        "@context": ["https://www.w3.org/ns/activitystreams", {"reconfort": base_url() + "/ns#"}],
        "id": actor_url(author.username) + "/outbox",
        "type": "OrderedCollection",
        "totalItems": len(items),
        "orderedItems": items,
    }
