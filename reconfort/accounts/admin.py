from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Block, Follow, Mute, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "display_name", "email", "role", "approved", "is_active", "date_joined")
    list_filter = ("role", "approved", "is_active", "language")
    search_fields = ("username", "display_name", "email")
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (
            _("Réconfort"),
            {
                "fields": (
                    "display_name",
                    "bio",
                    "avatar",
                    "language",
                    "time_zone",
                    "locked",
                    "discoverable",
                    "role",
                    "approved",
                    "registration_reason",
                )
            },
        ),
    )


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ("follower", "target", "state", "created_at")
    list_filter = ("state",)
    raw_id_fields = ("follower", "target")


admin.site.register(Block, raw_id_fields=("account", "target"), list_display=("account", "target", "created_at"))
admin.site.register(Mute, raw_id_fields=("account", "target"), list_display=("account", "target", "created_at"))
