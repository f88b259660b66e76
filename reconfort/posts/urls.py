from django.urls import path

from . import views

app_name = "posts"
urlpatterns = [
    path("@<str:username>/<int:post_id>", views.detail, name="detail"),
    path("posts/<int:post_id>", views.by_id, name="by_id"),
    path("compose/", views.compose, name="compose"),
    path("compose/story/", views.compose_story, name="compose_story"),
    path("posts/<int:post_id>/edit/", views.edit, name="edit"),
    path("posts/<int:post_id>/delete/", views.delete, name="delete"),
    path("posts/<int:post_id>/reshare/", views.reshare, name="reshare"),
    path("posts/<int:post_id>/unreshare/", views.unreshare, name="unreshare"),
    path("posts/<int:post_id>/gestures/<str:kind>/", views.gesture, name="gesture"),
]
