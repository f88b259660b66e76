from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve as serve_media

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/two-factor/", include("reconfort.accounts.two_factor_urls")),
    path("", include("reconfort.api.urls")),
    path("", include("reconfort.web.urls")),
    path("", include("reconfort.accounts.urls")),
    path("", include("reconfort.posts.urls")),
    path("", include("reconfort.notifications.urls")),
    path("", include("reconfort.moderation.urls")),
    path("", include("reconfort.accounts.security_urls")),
    path("", include("reconfort.privacy.urls")),
    path("memorials/", include("reconfort.memorials.urls")),
    path("appeals/", include("reconfort.appeals.urls")),
    path("comfort/", include("reconfort.comfort.urls")),
    path("", include("reconfort.comfort.guard.urls")),
    path("", include("reconfort.comfort.safety.urls")),
    path("circles/", include("reconfort.comfort.circles.urls")),
    path("kindred/", include("reconfort.comfort.kindred.urls")),
    path("humain/", include("reconfort.comfort.humain.urls")),
    path("", include("reconfort.trends.urls")),
    path("crises/", include("reconfort.crisis.urls")),
    path("search/", include("reconfort.search.urls")),
    path("feeds/", include("reconfort.feeds.urls")),
    re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
]
