"""Build real-format archives in memory: X/Twitter account archives and Mastodon exports."""

from __future__ import annotations

import io
import json
import zipfile

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
ACTOR = "https://mastodon.example/users/yann"


def tweet(tweet_id, created_at, text, *, reply_to_user=None, reply_to_status=None, urls=(), media=()):
    body = {
        "id_str": str(tweet_id),
        "created_at": created_at,
        "full_text": text,
        "retweeted": False,
        "entities": {
            "hashtags": [],
            "urls": [{"url": short, "expanded_url": long, "display_url": long[8:]} for short, long in urls],
            "user_mentions": [],
        },
    }
    if media:
        body["entities"]["media"] = [{"url": m, "media_url_https": "https://pbs.twimg.com/x.jpg"} for m in media]
    if reply_to_user:
        body["in_reply_to_user_id_str"] = reply_to_user
        body["in_reply_to_status_id_str"] = reply_to_status or "1"
        body["in_reply_to_screen_name"] = "someone"
    return {"tweet": body}


def tweets_js(items, part=0, name="tweets"):
    return f"window.YTD.{name}.part{part} = " + json.dumps(items, indent=2, ensure_ascii=False)


def account_js(username="yannlegall", display="Yann Le Gall", account_id="42"):
    item = {"account": {"username": username, "accountDisplayName": display, "accountId": account_id}}
    return "window.YTD.account.part0 = " + json.dumps([item])


def twitter_zip(parts, *, account=None, extra=None) -> bytes:
    """`parts`: a list of item lists; the first goes to data/tweets.js, the next to tweets-part1.js …"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/account.js", account if account is not None else account_js())
        for number, items in enumerate(parts):
            name = "data/tweets.js" if number == 0 else f"data/tweets-part{number}.js"
            archive.writestr(name, tweets_js(items, part=number))
        archive.writestr(
            "data/direct-messages.js",
            'window.YTD.direct_messages.part0 = [{"dmConversation": {"messages": '
            '[{"messageCreate": {"text": "SECRET DM", "createdAt": "2024-01-01T00:00:00.000Z"}}]}}]',
        )
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def note(number, published, html, *, to=(PUBLIC,), cc=(), in_reply_to=None, summary=None):
    obj = {
        "id": f"{ACTOR}/statuses/{number}",
        "type": "Note",
        "published": published,
        "url": f"https://mastodon.example/@yann/{number}",
        "to": list(to),
        "cc": list(cc),
        "content": html,
        "inReplyTo": in_reply_to,
        "summary": summary,
    }
    return {"id": f"{obj['id']}/activity", "type": "Create", "actor": ACTOR, "published": published, "object": obj}


def boost(number, published, target="https://other.example/notes/1"):
    return {
        "id": f"{ACTOR}/statuses/{number}/activity",
        "type": "Announce",
        "actor": ACTOR,
        "published": published,
        "to": [PUBLIC],
        "object": target,
    }


def outbox(items):
    return json.dumps(
        {
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": "outbox.json",
            "type": "OrderedCollection",
            "totalItems": len(items),
            "orderedItems": items,
        },
        indent=1,
    )


def mastodon_zip(items, *, actor=None, extra=None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "actor.json",
            json.dumps(actor or {"id": ACTOR, "type": "Person", "preferredUsername": "yann", "name": "Yann Le Gall"}),
        )
        archive.writestr("outbox.json", outbox(items))
        archive.writestr("likes.json", json.dumps({"orderedItems": []}))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def raw_zip(files: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
