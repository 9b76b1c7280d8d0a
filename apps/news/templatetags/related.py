"""`{% articles_about item as articles %}` and `{% events_of_agreement agreement as events %}`."""

from django import template

from apps.news import related

register = template.Library()


@register.simple_tag
def articles_about(item):
    return list(related.articles_about(item))


@register.simple_tag
def events_of_agreement(agreement):
    return list(related.events_of_agreement(agreement))
