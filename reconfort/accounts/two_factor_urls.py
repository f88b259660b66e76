from django.urls import path

from . import two_factor_views as views

app_name = "two_factor"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("codes/", views.renew_codes, name="renew_codes"),
    path("disable/", views.disable, name="disable"),
]
