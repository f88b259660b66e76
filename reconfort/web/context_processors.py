from django.conf import settings


def site(request):
    return {
        "instance_name": settings.RECONFORT_INSTANCE_NAME,
        "registration_mode": settings.RECONFORT_REGISTRATION_MODE,
    }
