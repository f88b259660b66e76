"""Forms for writing posts and stories on the pages. They only parse input; the services decide."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from .models import Kind, Visibility
from .services import LANGUAGE_CODES, MAX_STORY_MEDIA

# French and English first (the interface languages), then the others a post may be written in.
_FIRST = ["fr", "en"]
LANGUAGE_CHOICES = [
    (code, LANG_INFO.get(code, {}).get("name_local", "中文" if code == "zh" else code))
    for code in _FIRST + sorted(LANGUAGE_CODES - set(_FIRST))
]


# The kinds a member chooses when writing; appeal posts are written by the appeals pages, with their details.
WRITABLE_KINDS = [(kind.value, kind.label) for kind in Kind if kind != Kind.APPEAL]


class PageForm(forms.Form):
    """Labels without the trailing colon (the layout already sets them apart)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class PostForm(PageForm):
    text = forms.CharField(
        label=_("Your words"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": settings.RECONFORT_POST_MAX_CHARS}),
        max_length=settings.RECONFORT_POST_MAX_CHARS,
        help_text=_("Up to 1,000 characters. #hashtags and @mentions become links."),
    )
    spoiler_text = forms.CharField(
        label=_("Content warning"),
        required=False,
        max_length=200,
        help_text=_("Optional. Readers see this first and choose to open the post."),
    )
    kind = forms.ChoiceField(label=_("Kind of post"), choices=WRITABLE_KINDS, initial=Kind.ORDINARY)
    visibility = forms.ChoiceField(label=_("Who can see it"), choices=Visibility.choices, initial=Visibility.PUBLIC)
    language = forms.ChoiceField(label=_("Language of the post"), choices=LANGUAGE_CHOICES)
    in_reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Comfort guard: the writer saw the kindness nudge and chose "send anyway".
    send_anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files from one input; each is checked as an image by the media service, not here."""

    widget = MultipleImageInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [super(MultipleImageField, self).clean(f, initial) for f in files]
        if len(files) > MAX_STORY_MEDIA:
            raise forms.ValidationError(
                _("A story has %(limit)s images at most.") % {"limit": MAX_STORY_MEDIA}, code="too_many"
            )
        return files


class StoryForm(PageForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Your story"),
        widget=forms.Textarea(attrs={"rows": 16, "maxlength": settings.RECONFORT_STORY_MAX_CHARS}),
        max_length=settings.RECONFORT_STORY_MAX_CHARS,
        help_text=_(
            "Up to 20,000 characters. Markdown works: *italics*, **bold**, ## headings, > quotes, lists, links."
        ),
    )
    images = MultipleImageField(
        label=_("Images"), required=False, help_text=_("Optional: up to 10 images (JPEG, PNG, WebP, GIF).")
    )
    image_descriptions = forms.CharField(
        label=_("Image descriptions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One line per image, in order, for people who cannot see them."),
    )
    spoiler_text = PostForm.base_fields["spoiler_text"]
    kind = forms.ChoiceField(label=_("Kind of story"), choices=WRITABLE_KINDS, initial=Kind.MEMORIAL)
    visibility = PostForm.base_fields["visibility"]
    language = PostForm.base_fields["language"]

    def image_pairs(self) -> list[tuple]:
        """(file, description) for each uploaded image."""
        lines = self.cleaned_data.get("image_descriptions", "").splitlines()
        images = self.cleaned_data.get("images") or []
        return [(image, lines[i].strip() if i < len(lines) else "") for i, image in enumerate(images)]


class EditForm(PageForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    spoiler_text = PostForm.base_fields["spoiler_text"]
    language = PostForm.base_fields["language"]

    def __init__(self, *args, story: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.RECONFORT_STORY_MAX_CHARS if story else settings.RECONFORT_POST_MAX_CHARS
        self.fields["text"] = forms.CharField(
            label=_("Your story") if story else _("Your words"),
            max_length=limit,
            widget=forms.Textarea(attrs={"rows": 16 if story else 6, "maxlength": limit}),
        )
        if story:
            self.fields["title"].required = True
        else:
            del self.fields["title"]
        self.order_fields(["title", "text", "spoiler_text", "language"])
