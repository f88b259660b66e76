from django.contrib import admin

from .models import Post


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("id", "author", "kind", "visibility", "is_story", "created_at")
    list_filter = ("kind", "visibility", "is_story", "language")
    search_fields = ("text", "title", "author__username")
    raw_id_fields = ("author", "in_reply_to", "in_reply_to_account", "thread_root", "reblog_of")
    readonly_fields = ("content_html", "created_at", "edited_at")
