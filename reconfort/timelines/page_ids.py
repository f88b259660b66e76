"""The ids of one timeline page, in one plain SQL query each (decision 0039).

A timeline page is read in two steps, as the performance design asks: these ids first, then the posts by primary
key (timelines.selectors). Building the same page as one ORM query cost ~5.6 ms of Python per request just to
compile it (the list rules of posts.selectors.exclude_hidden are a dozen joins and subqueries), more than the whole
page took to render; here the SQL is a constant string written once per process.

The rules are those of `exclude_hidden` (who and what the viewer must not see in a list), in SQL. They must stay
the same: tests/timelines/test_page_ids.py compares both over every case that rule names.
"""

from __future__ import annotations

from functools import cache

from django.db import connection

from reconfort.accounts.models import Block, Mute, User
from reconfort.core.pagination import PageParams
from reconfort.hashtags.models import Tag
from reconfort.posts.models import MediaAttachment, Post, PostTag, Visibility

from .models import HomeFeedEntry


@cache
def _tables() -> dict[str, str]:
    return {
        "post": Post._meta.db_table,
        "user": User._meta.db_table,
        "block": Block._meta.db_table,
        "mute": Mute._meta.db_table,
        "home": HomeFeedEntry._meta.db_table,
        "posttag": PostTag._meta.db_table,
        "tag": Tag._meta.db_table,
        "media": MediaAttachment._meta.db_table,
    }


def _author_rules(*, public: bool, reshare_rules: str) -> str:
    """The post's author is active (and, on the public and tag timelines, not limited); a reshare's post is one the
    viewer may see (`reshare_rules`: the viewer's own part of that).

    Correlated EXISTS on primary keys rather than joins: joined, SQLite builds a Bloom filter over the whole
    accounts table before reading the first post (1.4 ms at 10 k members, growing with them); here each of the
    few posts read costs one primary-key look-up."""
    t = _tables()
    limited = " AND NOT a.limited" if public else ""
    reshared = (
        f"SELECT 1 FROM {t['post']} r JOIN {t['user']} ra ON ra.id = r.author_id WHERE r.id = p.reblog_of_id"
        f" AND ra.is_active AND r.hidden_at IS NULL AND NOT r.held{reshare_rules}"
    )
    return (
        f"EXISTS (SELECT 1 FROM {t['user']} a WHERE a.id = p.author_id AND a.is_active{limited})"
        f" AND (p.reblog_of_id IS NULL OR EXISTS ({reshared}))"
    )


def _hidden_accounts() -> str:
    """Accounts the viewer (`%(viewer)s`) blocks or mutes, or who block the viewer."""
    t = _tables()
    return (
        f"SELECT target_id FROM {t['block']} WHERE account_id = %(viewer)s "
        f"UNION SELECT target_id FROM {t['mute']} WHERE account_id = %(viewer)s "
        f"UNION SELECT account_id FROM {t['block']} WHERE target_id = %(viewer)s"
    )


def _blockers() -> str:
    return f"SELECT account_id FROM {_tables()['block']} WHERE target_id = %(viewer)s"


@cache
def _rules(signed_in: bool, public: bool) -> str:
    """What nobody sees in a list (posts of suspended members, reshares of suspended members' or hidden posts) and,
    for a signed-in viewer: hidden or held posts are their author's alone; accounts the viewer blocks or mutes, or
    who block the viewer, are left out, except that a post under a pseudonym is left out only for its author's own
    block (decision 0038)."""
    if not signed_in:
        return _author_rules(public=public, reshare_rules="") + " AND p.hidden_at IS NULL AND NOT p.held"
    hidden, blockers = _hidden_accounts(), _blockers()
    reshare_rules = f" AND NOT (r.author_alias = '' AND r.author_id IN ({hidden})) AND r.author_id NOT IN ({blockers})"
    return (
        _author_rules(public=public, reshare_rules=reshare_rules)
        + " AND ((p.hidden_at IS NULL AND NOT p.held) OR p.author_id = %(viewer)s)"
        + f" AND NOT (p.author_alias = '' AND p.author_id IN ({hidden}))"
        + f" AND p.author_id NOT IN ({blockers})"
    )


def _page(select: str, order_column: str, viewer, page: PageParams, params: dict, *, public: bool) -> list[int]:
    """Keyset pagination on `order_column` (a post id), as core.pagination.paginate_by_id does it."""
    sql = select + " AND " + _rules(viewer.is_authenticated, public)
    params = {**params, "viewer": viewer.pk, "limit": page.limit}
    if page.max_id is not None:
        sql += f" AND {order_column} < %(max_id)s"
        params["max_id"] = page.max_id
    if page.since_id is not None:
        sql += f" AND {order_column} > %(since_id)s"
        params["since_id"] = page.since_id
    if page.min_id is not None:
        sql += f" AND {order_column} > %(min_id)s ORDER BY {order_column} ASC LIMIT %(limit)s"
        params["min_id"] = page.min_id
    else:
        sql += f" ORDER BY {order_column} DESC LIMIT %(limit)s"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [row[0] for row in cursor.fetchall()]
    if page.min_id is not None:
        ids.reverse()
    return ids


def home_page_ids(viewer, page: PageParams) -> list[int]:
    t = _tables()
    select = f"SELECT e.post_id FROM {t['home']} e JOIN {t['post']} p ON p.id = e.post_id WHERE e.owner_id = %(owner)s"
    return _page(select, "e.post_id", viewer, page, {"owner": viewer.pk}, public=False)


def public_page_ids(viewer, page: PageParams, *, only_media: bool = False) -> list[int]:
    t = _tables()
    select = f"SELECT p.id FROM {t['post']} p WHERE p.visibility = %(public)s AND p.reblog_of_id IS NULL"
    if only_media:
        select += f" AND EXISTS (SELECT 1 FROM {t['media']} m WHERE m.post_id = p.id)"
    return _page(select, "p.id", viewer, page, {"public": Visibility.PUBLIC.value}, public=True)


def tag_page_ids(viewer, tag_key: str, page: PageParams) -> list[int]:
    t = _tables()
    select = (
        f"SELECT pt.post_id FROM {t['posttag']} pt JOIN {t['post']} p ON p.id = pt.post_id "
        f"WHERE pt.tag_id = (SELECT id FROM {t['tag']} WHERE key = %(tag)s) "
        "AND p.visibility = %(public)s AND p.reblog_of_id IS NULL"
    )
    params = {"tag": tag_key, "public": Visibility.PUBLIC.value}
    return _page(select, "pt.post_id", viewer, page, params, public=True)
