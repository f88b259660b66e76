from django.urls import path

from . import views, views_imports, views_legacy

app_name = "memorials"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("mine/", views.mine, name="mine"),
    path("new/", views.create, name="create"),
    path("anniversaries/", views.anniversaries, name="anniversaries"),
    path("legacy/", views_legacy.legacy_settings, name="legacy"),
    path("legacy/<str:username>/request/", views_legacy.memorialisation_request, name="legacy_request"),
    path("legacy/<str:username>/care/", views_legacy.legacy_care, name="legacy_care"),
    path("legacy/<str:username>/care/avatar/", views_legacy.legacy_care_avatar, name="legacy_care_avatar"),
    path("legacy/<str:username>/care/archive/", views_legacy.legacy_care_archive, name="legacy_care_archive"),
    path("legacy/<str:username>/care/delete/", views_legacy.legacy_care_delete, name="legacy_care_delete"),
    path("legacy/<str:username>/<str:answer>/", views_legacy.legacy_answer, name="legacy_answer"),
    path("<str:key>/", views.detail, name="detail"),
    path("<str:key>/edit/", views.edit, name="edit"),
    path("<str:key>/photo/", views.photo, name="photo"),
    path("<str:key>/state/", views.state, name="state"),
    path("<str:key>/last-words/", views.last_words, name="last_words"),
    path("<str:key>/cause/", views.cause, name="cause"),
    path("<str:key>/tributes/", views.tribute, name="tribute"),
    path("<str:key>/tributes/<int:tribute_id>/moderate/", views.tribute_moderate, name="tribute_moderate"),
    path("<str:key>/tributes/<int:tribute_id>/delete/", views.tribute_delete, name="tribute_delete"),
    path("<str:key>/gestures/<str:kind>/", views.gesture, name="gesture"),
    path("<str:key>/follow/", views.follow, name="follow"),
    path("<str:key>/share/", views.share, name="share"),
    path("<str:key>/dispute/", views.dispute, name="dispute"),
    path("<str:key>/stewards/", views.stewards, name="stewards"),
    path("<str:key>/stewards/<str:action>/", views.steward_action, name="steward_action"),
    path("<str:key>/posts/", views_imports.archive_posts, name="archive_posts"),
    path("<str:key>/imports/", views_imports.imports, name="imports"),
    path("<str:key>/imports/<int:import_id>/", views_imports.import_detail, name="import_detail"),
    path("<str:key>/imports/<int:import_id>/progress/", views_imports.import_progress, name="import_progress"),
    path("<str:key>/imports/<int:import_id>/<str:action>/", views_imports.import_action, name="import_action"),
]
