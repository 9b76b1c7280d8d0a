"""The newsroom's blocks on other apps' admin pages: an item's embargo links."""

from urllib.parse import urlencode

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from apps.newsroom.models import EmbargoLink

register = template.Library()


@register.inclusion_tag("admin/newsroom/_embargo_links.html")
def embargo_links(item):
    """The links that show `item` under embargo, and the address to make another one."""
    content_type = ContentType.objects.get_for_model(item)
    query = urlencode({"content_type": content_type.pk, "object_id": item.pk})
    return {
        "links": EmbargoLink.objects.filter(content_type=content_type, object_id=item.pk),
        "add_url": f"{reverse('admin:newsroom_embargolink_add')}?{query}",
    }
