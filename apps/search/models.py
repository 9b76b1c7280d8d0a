"""Editors' picks for the site search: a result shown first for an exact query."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SearchPromotion(models.Model):
    """An editor's pick shown first for a search query (“recommended”)."""

    query = models.CharField(
        _("search query"),
        max_length=200,
        help_text=_("Shown when a visitor searches for exactly these words (any case)."),
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind")
    )
    object_id = models.PositiveBigIntegerField(_("item number"))
    item = GenericForeignKey("content_type", "object_id")
    order = models.PositiveSmallIntegerField(
        pgettext_lazy("position in a list", "order"), default=0
    )

    class Meta:
        # Moved from the news app with its rows: the table keeps its first name.
        db_table = "news_searchpromotion"
        verbose_name = _("promoted search result")
        verbose_name_plural = _("promoted search results")
        ordering = ["query", "order"]
        indexes = [models.Index(Lower("query"), name="search_promotion_query_idx")]

    def __str__(self):
        return f"{self.query} → {self.item}"
