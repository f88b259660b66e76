"""X/Twitter account archives: `data/tweets.js` (and `tweets-part1.js` …), each `window.YTD.tweets.part0 = [ … ]`
of `{"tweet": {…}}` items; `data/account.js` says whose archive it is. Direct messages live in other files that
we never open."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone

from reconfort.core.text import render_plain, tag_path

from .found import ArchiveOwner, Found, clean_text

POSTS = re.compile(r"^(?:[^/]+/)?data/tweets?(?:-part\d+)?\.js$")
ACCOUNT = re.compile(r"^(?:[^/]+/)?data/account\.js$")
START = re.compile(r"\s*window\.YTD\.\w+\.part\d+\s*=\s*\[")
MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1)}
_CREATED = re.compile(r"^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$")


def parse_created_at(value: str) -> datetime | None:
    """`Wed Oct 10 20:19:24 +0000 2018`, read without the process locale (strptime's %b is locale-dependent)."""
    match = _CREATED.match(str(value or "").strip())
    if not match or match.group(1) not in MONTHS:
        return None
    _m, day, hh, mm, ss, sign, oh, om, year = match.groups()
    offset = timedelta(hours=int(oh), minutes=int(om)) * (-1 if sign == "-" else 1)
    try:
        return datetime(int(year), MONTHS[match.group(1)], int(day), int(hh), int(mm), int(ss), tzinfo=timezone(offset))
    except ValueError:
        return None


def owner_from(item) -> ArchiveOwner | None:
    account = item.get("account") if isinstance(item, dict) else None
    if not isinstance(account, dict):
        return None
    return ArchiveOwner(
        account_id=clean_text(account.get("accountId")),
        username=clean_text(account.get("username")),
        display_name=clean_text(account.get("accountDisplayName")),
    )


def _text(tweet: dict) -> str:
    text = html.unescape(clean_text(tweet.get("full_text") or tweet.get("text")))
    entities = tweet.get("entities") if isinstance(tweet.get("entities"), dict) else {}
    for link in entities.get("urls") or []:
        if isinstance(link, dict) and link.get("url") and link.get("expanded_url"):
            text = text.replace(str(link["url"]), clean_text(link["expanded_url"]))
    for media in entities.get("media") or []:
        if isinstance(media, dict) and media.get("url"):
            text = text.replace(str(media["url"]), "")  # the picture's t.co link says nothing without the picture
    return text.strip()


def parse(item, owner: ArchiveOwner | None) -> Found | None:
    """One archive item, or None for what is not kept: retweets, broken items."""
    tweet = item.get("tweet", item) if isinstance(item, dict) else None
    if not isinstance(tweet, dict):
        return None
    tweet_id = clean_text(tweet.get("id_str") or tweet.get("id"))[:64]
    posted_at = parse_created_at(tweet.get("created_at"))
    text = _text(tweet)
    if not tweet_id or posted_at is None or not text:
        return None
    if tweet.get("retweeted_status") or text.startswith("RT @"):
        return None
    reply_to = clean_text(tweet.get("in_reply_to_user_id_str") or tweet.get("in_reply_to_user_id"))
    own_thread = bool(owner and owner.account_id and reply_to == owner.account_id)
    is_reply = bool(tweet.get("in_reply_to_status_id_str") or reply_to) and not own_thread
    username = owner.username if owner and owner.username else "i"
    return Found(
        original_id=tweet_id,
        posted_at=posted_at,
        text=text,
        html=render_plain(text, tag_url=tag_path, mention_url=lambda name: None, local_domain="").html,
        url=f"https://x.com/{username}/status/{tweet_id}",
        is_reply=is_reply,
    )
