from django.urls import path

from . import views

app_name = "appeals"
urlpatterns = [
    path("", views.near, name="near"),
    path("new/", views.choose_kind, name="choose_kind"),
    path("new/<str:kind>/", views.create, name="create"),
    path("mine/", views.mine, name="mine"),
    path("notices/", views.notices, name="notices"),
    path("places/", views.places, name="places"),
    path("<int:appeal_id>/", views.detail, name="detail"),
    path("<int:appeal_id>/poster/", views.poster, name="poster"),
    path("<int:appeal_id>/edit/", views.edit, name="edit"),
    path("<int:appeal_id>/updates/", views.update_add, name="update_add"),
    path("<int:appeal_id>/resolve/", views.resolve, name="resolve"),
    path("<int:appeal_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:appeal_id>/reconfirm/", views.reconfirm, name="reconfirm"),
    path("<int:appeal_id>/follow/", views.follow, name="follow"),
    path("<int:appeal_id>/hide/", views.hide, name="hide"),
    path("<int:appeal_id>/sightings/", views.sightings, name="sightings"),
    path("<int:appeal_id>/sightings/new/", views.sighting_create, name="sighting_create"),
    path("<int:appeal_id>/sightings/<int:sighting_id>/delete/", views.sighting_delete, name="sighting_delete"),
    path("<int:appeal_id>/offers/new/", views.offer_create, name="offer_create"),
    path("<int:appeal_id>/offers/<int:offer_id>/<str:decision>/", views.offer_decide, name="offer_decide"),
]
