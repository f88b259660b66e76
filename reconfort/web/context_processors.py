from django.conf import settings

from reconfort.notifications.selectors import unread_count


def site(request):
    user = getattr(request, "user", None)

    def unread_notifications() -> int:
        # Called by the template only where the header is drawn, so fragments cost no query.
        return unread_count(user) if user is not None and user.is_authenticated else 0

    return {
        "instance_name": settings.RECONFORT_INSTANCE_NAME,
        "registration_mode": settings.RECONFORT_REGISTRATION_MODE,
        "unread_notifications": unread_notifications,
    }
