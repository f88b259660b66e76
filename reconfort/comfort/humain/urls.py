from django.urls import path

from . import views

app_name = "humain"
urlpatterns = [path("", views.index, name="index")]
