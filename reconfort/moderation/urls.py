"""Moderators' pages under /moderation/ (behind the staff second factor), and the members' report and decision
pages."""

from django.urls import path

from . import member_views, views

app_name = "moderation"
urlpatterns = [
    path("moderation/", views.queue, name="queue"),
    path("moderation/items/<int:item_id>/", views.item_detail, name="item"),
    path("moderation/items/<int:item_id>/assign/", views.item_assign, name="item_assign"),
    path("moderation/items/<int:item_id>/dismiss/", views.item_dismiss, name="item_dismiss"),
    path("moderation/items/<int:item_id>/decide/", views.item_decide, name="item_decide"),
    path("moderation/items/<int:item_id>/review/", views.item_review, name="item_review"),
    path("moderation/items/<int:item_id>/appeal/", views.item_appeal, name="item_appeal"),
    path("moderation/registrations/", views.registrations, name="registrations"),
    path("moderation/registrations/<int:account_id>/approve/", views.registration_approve, name="registration_approve"),
    path("moderation/registrations/<int:account_id>/reject/", views.registration_reject, name="registration_reject"),
    path("moderation/memorialised/", views.memorialised, name="memorialised"),
    path(
        "moderation/memorialised/<int:account_id>/reverse/",
        views.memorialisation_reverse,
        name="memorialisation_reverse",
    ),
    path("moderation/audit/", views.audit_log, name="audit"),
    path("moderation/roles/", views.roles, name="roles"),
    # Members
    path("report/<str:username>/", member_views.report, name="report"),
    path("report/<str:kind>/<str:ref>/", member_views.report_about, name="report_about"),
    path("reports/<int:report_id>/", member_views.report_outcome, name="report_outcome"),
    path("settings/decisions/", member_views.my_decisions, name="my_decisions"),
    path("settings/decisions/<int:decision_id>/appeal/", member_views.decision_appeal, name="decision_appeal"),
]
