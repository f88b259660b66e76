from django.urls import path

from . import feeds

app_name = "feeds"
urlpatterns = [
    path("@<str:username>.rss", feeds.view(feeds.AccountRss), name="account_rss"),
    path("@<str:username>.atom", feeds.view(feeds.AccountAtom), name="account_atom"),
    path("tags/<str:name>.rss", feeds.view(feeds.TagRss), name="tag_rss"),
    path("tags/<str:name>.atom", feeds.view(feeds.TagAtom), name="tag_atom"),
]
