"""Pages. Filled in by the web work (accounts, posts, timelines pages are included from here)."""

app_name = "web"
urlpatterns: list = []
