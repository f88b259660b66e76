from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("settings/privacy/", views.overview, name="overview"),
    path("settings/privacy/exports/", views.export_start, name="export_start"),
    path("settings/privacy/exports/<int:export_id>/", views.export_progress, name="export_progress"),
    path("settings/privacy/exports/<int:export_id>/download/", views.export_download, name="export_download"),
    path("settings/privacy/deletion/", views.deletion_start, name="deletion_start"),
    path("settings/privacy/deletion/cancel/", views.deletion_cancel, name="deletion_cancel"),
]
