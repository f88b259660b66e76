"""Reading archives without the database: the streaming reader, both parsers, and the zip checks."""

import io
import zipfile
from datetime import UTC, datetime

import pytest

from reconfort.memorials.archives import mastodon, twitter, zipcheck
from reconfort.memorials.archives.found import ArchiveOwner, ArchiveRefused
from reconfort.memorials.archives.stream import CHUNK, ArrayReader

from .archive_builders import PUBLIC, boost, note, raw_zip, tweet, tweets_js, twitter_zip


def read_all(text: str, start=twitter.START, anchored=True):
    return list(ArrayReader(io.BytesIO(text.encode()), start, anchored=anchored).items())


def test_reader_streams_items_across_chunk_borders():
    items = [tweet(i, "Wed Oct 10 20:19:24 +0000 2018", "x" * 500 + f" {i}") for i in range(400)]
    source = tweets_js(items)
    assert len(source) > 3 * CHUNK  # the items straddle several reads
    reader = ArrayReader(io.BytesIO(source.encode()), twitter.START, anchored=True)
    seen, consumed = 0, 0
    for item in reader.items():
        assert item["tweet"]["id_str"] == str(seen)
        consumed = source.index(f' {seen}"', consumed)  # where this item's text ends in the file
        # never more than one chunk read ahead of the item handed out: the file is not loaded whole
        assert reader.bytes_read <= consumed + 1000 + CHUNK
        seen += 1
    assert seen == 400


def test_reader_keeps_a_bounded_buffer():
    items = [tweet(i, "Wed Oct 10 20:19:24 +0000 2018", "words " * 50) for i in range(3000)]
    reader = ArrayReader(io.BytesIO(tweets_js(items).encode()), twitter.START, anchored=True)
    biggest = 0
    for _item in reader.items():
        biggest = max(biggest, len(reader._buf))
    assert biggest < 2 * CHUNK + 5000


@pytest.mark.parametrize(
    "text",
    [
        "var x = 1",  # no array
        'window.YTD.tweets.part0 = [{"tweet": {}} {"tweet": {}}]',  # missing comma
        'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1"',  # cut short
        'window.YTD.tweets.part0 = [{"tweet": }]',
    ],
)
def test_reader_refuses_malformed_files(text):
    with pytest.raises(ArchiveRefused) as refused:
        read_all(text)
    assert refused.value.code == "malformed"


def test_reader_refuses_bad_utf8():
    with pytest.raises(ArchiveRefused):
        list(ArrayReader(io.BytesIO(b'window.YTD.tweets.part0 = ["\xff\xfe"]'), twitter.START, anchored=True).items())


def test_reader_finds_ordered_items_after_other_keys():
    text = '{"@context": "x", "id": "outbox", "orderedItems" : [ {"a": 1}, {"a": 2} ], "totalItems": 2}'
    assert read_all(text, mastodon.START, anchored=False) == [{"a": 1}, {"a": 2}]
    assert read_all('{"orderedItems": []}', mastodon.START, anchored=False) == []


def test_twitter_dates_texts_links_and_kinds():
    owner = ArchiveOwner(account_id="42", username="yannlegall", display_name="Yann")
    found = twitter.parse(
        tweet(
            7,
            "Wed Oct 10 20:19:24 +0200 2018",
            "La mer &amp; moi https://t.co/abc https://t.co/pic",
            urls=[("https://t.co/abc", "https://example.org/sea")],
            media=["https://t.co/pic"],
        ),
        owner,
    )
    assert found.posted_at == datetime(2018, 10, 10, 18, 19, 24, tzinfo=UTC)
    assert found.text == "La mer & moi https://example.org/sea"
    assert 'href="https://example.org/sea"' in found.html and "&amp;" in found.html
    assert found.url == "https://x.com/yannlegall/status/7" and not found.is_reply
    assert twitter.parse(tweet(8, "Wed Oct 10 20:19:24 +0000 2018", "RT @ami: bonjour"), owner) is None
    reply = twitter.parse(tweet(9, "Wed Oct 10 20:19:24 +0000 2018", "@ami oui", reply_to_user="77"), owner)
    assert reply.is_reply
    thread = twitter.parse(tweet(10, "Wed Oct 10 20:19:24 +0000 2018", "suite", reply_to_user="42"), owner)
    assert not thread.is_reply  # continuing one's own thread is an original post
    assert twitter.parse(tweet(11, "not a date", "x"), owner) is None
    assert twitter.parse({"tweet": "nonsense"}, owner) is None
    assert twitter.parse(tweet(12, "Wed Oct 10 20:19:24 +0000 2018", "nul\x00byte"), owner).text == "nulbyte"


def test_mastodon_visibility_kinds_and_sanitising():
    owner = mastodon.owner_from({"id": "https://m.example/users/yann", "preferredUsername": "yann", "name": "Yann"})
    public = note(1, "2024-03-01T10:00:00Z", '<p>Bonjour <script>alert(1)</script><a href="javascript:x">l</a></p>')
    found = mastodon.parse(public, owner)
    assert "<script" not in found.html and "javascript" not in found.html and found.text.startswith("Bonjour")
    assert found.posted_at == datetime(2024, 3, 1, 10, tzinfo=UTC)
    unlisted = note(2, "2024-03-01T10:00:00Z", "<p>u</p>", to=["https://m.example/users/yann/followers"], cc=[PUBLIC])
    assert mastodon.parse(unlisted, owner) is not None
    followers = note(3, "2024-03-01T10:00:00Z", "<p>f</p>", to=["https://m.example/users/yann/followers"])
    direct = note(4, "2024-03-01T10:00:00Z", "<p>secret</p>", to=["https://other.example/users/bob"])
    assert mastodon.parse(followers, owner) is None and mastodon.parse(direct, owner) is None
    assert mastodon.parse(boost(5, "2024-03-01T10:00:00Z"), owner) is None
    reply = note(6, "2024-03-01T10:00:00Z", "<p>r</p>", in_reply_to="https://other.example/notes/9")
    assert mastodon.parse(reply, owner).is_reply
    thread = note(7, "2024-03-01T10:00:00Z", "<p>t</p>", in_reply_to="https://m.example/users/yann/statuses/6")
    assert not mastodon.parse(thread, owner).is_reply
    cw = mastodon.parse(note(8, "2024-03-01T10:00:00Z", "<p>c</p>", summary="deuil"), owner)
    assert cw.content_warning == "deuil"


def inspect(data: bytes, max_unpacked=10**9):
    return zipcheck.inspect(zipcheck.open_zip(io.BytesIO(data)), max_unpacked=max_unpacked)


def test_zipcheck_finds_platform_and_orders_parts():
    data = twitter_zip([[tweet(1, "Wed Oct 10 20:19:24 +0000 2018", "a")]] * 3)
    found = inspect(data)
    assert found.platform == "twitter"
    assert [i.filename for i in found.posts] == ["data/tweets.js", "data/tweets-part1.js", "data/tweets-part2.js"]
    assert found.account.filename == "data/account.js"


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"../../etc/passwd": "x", "outbox.json": "{}"}, "unsafe_names"),
        ({"/abs/outbox.json": "{}"}, "unsafe_names"),
        ({"C:\\win\\outbox.json": "{}"}, "unsafe_names"),
        ({"readme.txt": "hello"}, "unknown_format"),
        ({"data/account.js": "window.YTD.account.part0 = []"}, "missing_file"),
        ({"actor.json": "{}"}, "missing_file"),
        ({"outbox.json": "{}", "data/tweets.js": "x"}, "unknown_format"),
    ],
)
def test_zipcheck_refusals(files, code):
    with pytest.raises(ArchiveRefused) as refused:
        inspect(raw_zip(files))
    assert refused.value.code == code


def test_zipcheck_refuses_bombs_by_ratio_and_total():
    bomb = raw_zip({"outbox.json": b"\0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(ArchiveRefused) as refused:
        inspect(bomb)
    assert refused.value.code == "bomb"
    honest = raw_zip({"outbox.json": "x" * 5000}, compression=zipfile.ZIP_STORED)
    with pytest.raises(ArchiveRefused) as refused:
        inspect(honest, max_unpacked=1000)
    assert refused.value.code == "bomb"


def test_not_a_zip():
    with pytest.raises(ArchiveRefused) as refused:
        zipcheck.open_zip(io.BytesIO(b"PK\x03\x04 not really"))
    assert refused.value.code == "not_zip"
