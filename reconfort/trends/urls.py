from django.urls import path

from . import views

app_name = "trends"
urlpatterns = [
    path("trends/", views.trends, name="list"),
    path("tags/<str:name>/follow/", views.follow, name="follow"),
    path("tags/<str:name>/unfollow/", views.unfollow, name="unfollow"),
    path("followed-tags/", views.followed, name="followed"),
    path("featured-tags/", views.featured, name="featured"),
    path("featured-tags/<int:featured_id>/remove/", views.featured_remove, name="featured_remove"),
]
