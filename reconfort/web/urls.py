"""Pages that are not one app's. The accounts, posts and notifications pages are included in reconfort/urls.py."""

from django.urls import path

from . import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("community/", views.public, name="public"),
    path("tags/<str:name>", views.tag, name="tag"),
    path("@<str:username>", views.profile, name="profile"),
    path("@<str:username>/followers", views.followers, name="followers"),
    path("@<str:username>/following", views.following, name="following"),
    path("language/", views.set_language, name="set_language"),
]
