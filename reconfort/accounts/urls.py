from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/", views.settings, name="settings"),
    path("settings/password/", views.password_change, name="password"),
    path("follow-requests/", views.follow_requests, name="follow_requests"),
    path(
        "follow-requests/<str:username>/accept/",
        views.follow_request_answer,
        {"answer": "accept"},
        name="follow_request_accept",
    ),
    path(
        "follow-requests/<str:username>/reject/",
        views.follow_request_answer,
        {"answer": "reject"},
        name="follow_request_reject",
    ),
] + [
    # /@name/follow/, /@name/block/ … (POST only): one view, one URL name per action.
    path(f"@<str:username>/{action}/", views.relationship_action, {"action": action}, name=action)
    for action in views.RELATIONSHIP_ACTIONS
]
