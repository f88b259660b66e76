from django.urls import path

from . import views

app_name = "guard"
urlpatterns = [
    path("held-replies/", views.held_list, name="held"),
    path("held-replies/<int:held_id>/approve/", views.held_approve, name="approve"),
    path("held-replies/<int:held_id>/remove/", views.held_remove, name="remove"),
    path("posts/<int:post_id>/who-may-reply/", views.reply_policy, name="reply_policy"),
]
