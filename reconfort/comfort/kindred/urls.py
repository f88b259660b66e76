from django.urls import path

from . import views

app_name = "kindred"
urlpatterns = [
    path("", views.index, name="index"),
    path("opt-out/", views.opt_out, name="opt_out"),
    path("<int:account_id>/request/", views.request_, name="request"),
    path("<int:account_id>/accept/", views.accept, name="accept"),
    path("<int:account_id>/decline/", views.decline, name="decline"),
    path("<int:account_id>/dismiss/", views.dismiss, name="dismiss"),
]
