from django.urls import path

from . import views

app_name = "comfort"
urlpatterns = [
    path("", views.index, name="index"),
    path("ask/", views.ask, name="ask"),
    path("comforter/", views.comforter, name="comforter"),
    path("queue/", views.queue, name="queue"),
    path("thanks/", views.thanks_received, name="thanks_received"),
    path("stats/", views.stats, name="stats"),
    path("requests/<int:request_id>/", views.detail, name="detail"),
    path("requests/<int:request_id>/claim/", views.claim, name="claim"),
    path("requests/<int:request_id>/release/", views.release, name="release"),
    path("requests/<int:request_id>/reply/", views.reply, name="reply"),
    path("requests/<int:request_id>/comforted/", views.comforted, name="comforted"),
    path("requests/<int:request_id>/thanks/", views.thanks, name="thanks"),
]
