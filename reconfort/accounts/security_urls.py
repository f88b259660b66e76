from django.urls import path

from . import recovery_views, security_views

app_name = "security"
urlpatterns = [
    path("settings/security/", security_views.overview, name="overview"),
    path("settings/security/sessions/<int:session_id>/end/", security_views.session_end, name="session_end"),
    path("settings/security/sessions/end-others/", security_views.sessions_end_others, name="sessions_end_others"),
    path("settings/security/apps/<int:app_id>/revoke/", security_views.app_revoke, name="app_revoke"),
    # Getting back in: password reset, e-mail confirmation.
    path("accounts/password-reset/", recovery_views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password-reset/sent/", recovery_views.PasswordResetSentView.as_view(), name="password_reset_sent"),
    path("accounts/password-reset/done/", recovery_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        recovery_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/confirm-email/<str:token>/", recovery_views.email_confirm, name="email_confirm"),
    path("accounts/confirm-email/", recovery_views.email_confirmation_resend, name="email_confirmation_resend"),
]
