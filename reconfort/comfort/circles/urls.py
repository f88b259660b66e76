from django.urls import path

from . import views

app_name = "circles"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("new/", views.create, name="create"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
    path("<slug:slug>/posts/", views.post_create, name="post_create"),
    path("<slug:slug>/posts/<int:post_id>/remove/", views.post_remove, name="post_remove"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/moderation/", views.moderation, name="moderation"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/requests/<int:account_id>/<str:decision>/", views.request_decide, name="request_decide"),
    path("<slug:slug>/bans/", views.ban, name="ban"),
    path("<slug:slug>/bans/<int:account_id>/lift/", views.unban, name="unban"),
    path("<slug:slug>/moderators/", views.moderator_add, name="moderator_add"),
]
