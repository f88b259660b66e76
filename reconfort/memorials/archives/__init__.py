"""Reading other platforms' exports of a person's posts: check the zip, then stream its posts one at a time.

Nothing here touches the database: `zipcheck` refuses hostile files, `stream` reads a JSON array item by item,
`twitter` and `mastodon` turn one item into a `Found` post (or None when it must not be kept).
"""
