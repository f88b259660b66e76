"""Crisis pages under /crises/ (fixed paths first: a crisis's slug never takes them)."""

from django.urls import path

from . import feeds, views

app_name = "crisis"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("settings/", views.safety_settings, name="settings"),
    path("settings/trusted/", views.trusted_add, name="trusted_add"),
    path("settings/trusted/<str:username>/remove/", views.trusted_remove, name="trusted_remove"),
    path("manage/", views.manage, name="manage"),
    path("new/", views.create, name="create"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/feed/rss/", feeds.CrisisRssFeed(), name="feed_rss"),
    path("<slug:slug>/feed/atom/", feeds.CrisisAtomFeed(), name="feed_atom"),
    path("<slug:slug>/check-in/", views.check_in, name="check_in"),
    path("<slug:slug>/check-in/remove/", views.check_in_remove, name="check_in_remove"),
    path("<slug:slug>/location/", views.location, name="location"),
    path("<slug:slug>/location/forget/", views.location_forget, name="location_forget"),
    path("<slug:slug>/ask/<str:username>/", views.ask, name="ask"),
    path("<slug:slug>/appeals/link/", views.appeal_link, name="appeal_link"),
    path("<slug:slug>/appeals/<int:appeal_id>/unlink/", views.appeal_unlink, name="appeal_unlink"),
    # Moderators
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/state/", views.state, name="state"),
    path("<slug:slug>/notices/", views.notice_add, name="notice_add"),
    path("<slug:slug>/notices/<int:notice_id>/remove/", views.notice_remove, name="notice_remove"),
    path("<slug:slug>/posts/<int:post_id>/hide/", views.post_hide, name="post_hide"),
    path("<slug:slug>/posts/<int:post_id>/unhide/", views.post_unhide, name="post_unhide"),
    path("<slug:slug>/memorials/link/", views.memorial_link, name="memorial_link"),
    path("<slug:slug>/memorials/<str:key>/unlink/", views.memorial_unlink, name="memorial_unlink"),
]
