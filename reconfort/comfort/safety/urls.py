from django.urls import path

from . import views

app_name = "safety"
urlpatterns = [
    path("helplines/", views.helplines_page, name="helplines"),
    path("settings/safety/", views.settings_page, name="settings"),
    path("safety/panel/<int:signal_id>/dismiss/", views.panel_dismiss, name="dismiss"),
    path("posts/<int:post_id>/worried/", views.worried, name="worried"),
]
