from urllib.parse import quote

from reconfort.posts.models import Gesture
from tests.factories import make_post


def _path(post, emoji=None):
    base = f"/api/v1/pleroma/statuses/{post.pk}/reactions"
    return f"{base}/{quote(emoji)}" if emoji else base


def test_put_and_delete_a_gesture_as_a_reaction(api_for, user, other):
    post = make_post(other, "Mon père nous a quittés")
    client = api_for(user)
    response = client.put(_path(post, "🕯️"))
    assert response.status_code == 200, response.content
    assert response.json()["pleroma"]["emoji_reactions"] == [{"name": "🕯️", "count": 1, "me": True}]
    assert client.put(_path(post, "🙏")).status_code == 200  # without the variation selector too
    assert client.put(_path(post, "🕯")).status_code == 200
    assert sorted(Gesture.objects.filter(post=post).values_list("kind", flat=True)) == ["candle", "prayer"]
    response = client.delete(_path(post, "🙏"))
    assert [r["name"] for r in response.json()["pleroma"]["emoji_reactions"]] == ["🕯️"]


def test_heart_reaction_is_the_favourite(api_for, user, other):
    post = make_post(other, "Merci")
    data = api_for(user).put(_path(post, "❤️")).json()
    assert data["favourited"] is True and data["favourites_count"] == 1
    assert data["pleroma"]["emoji_reactions"] == []


def test_unknown_emoji_and_invisible_posts(api_for, user, other, third):
    post = make_post(other, "Privé", visibility="private")
    assert api_for(user).put(_path(post, "🕯️")).status_code == 404
    public = make_post(other, "Public")
    refused = api_for(user).put(_path(public, "💩"))
    assert refused.status_code == 422 and refused.json()["error"]
    assert not Gesture.objects.exists()


def test_reaction_lists_show_givers_to_the_author_only(api_for, user, other, third):
    post = make_post(other, "Pensez à elle")
    api_for(user).put(_path(post, "🫂"))
    api_for(third).put(_path(post, "🫂"))
    author = api_for(other).get(_path(post)).json()
    assert author[0]["name"] == "🫂" and author[0]["count"] == 2
    assert sorted(a["username"] for a in author[0]["accounts"]) == ["amina", "marie"]
    stranger = api_for(third).get(_path(post)).json()
    assert stranger[0]["count"] == 2 and stranger[0]["me"] is True and stranger[0]["accounts"] == []
    assert api_for(other).get(_path(post, "🫂")).json()[0]["count"] == 2
