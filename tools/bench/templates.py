"""Django templates against Jinja2 on the site's most repeated markup (issue 16): the news
list's 20 article cards, rendered in-process from the same objects by each engine.

`python -m tools.bench templates` (needs `pip install jinja2`; the site does not use it).
The Jinja2 card below is a faithful port of templates/includes/article_card.html: the same
filters (Django's date format and truncatewords), the same translations and addresses.
"""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import get_template
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.text import Truncator
from django.utils.timezone import template_localtime
from django.utils.translation import get_language_info, gettext

from apps.news.models import Article

RUNS = 300
CARD = (
    '{% for article in articles %}<article class="card">\n'
    '  <p class="card__meta"><time datetime="{{ article.published_at|date(\'c\') }}">'
    "{{ article.published_at|date('d.m.Y') }}</time> · "
    '<a href="{{ article.section.get_absolute_url() }}">{{ article.section.name }}</a></p>\n'
    '  <h2 class="card__title"><a href="{{ article.get_absolute_url() }}">'
    "{{ article.title }}</a></h2>\n"
    '  {% if article.lead %}<p class="card__lead">{{ article.lead|truncatewords(40) }}</p>'
    "{% endif %}\n"
    '  {% set other = article.shown_in_other_language %}{% if other %}<p class="card__language">'
    "{{ _('In %(language)s')|format(language=language_name(other)) }}</p>{% endif %}\n"
    "</article>\n{% endfor %}"
)
DJANGO = """{% for article in articles %}{% include "includes/article_card.html" %}{% endfor %}"""


class Command(BaseCommand):
    help = "Render the news list's cards with Django templates and with Jinja2, and compare."

    def handle(self, *args, **options):
        try:
            import jinja2
        except ImportError as error:
            raise CommandError("The comparison needs Jinja2: pip install jinja2") from error
        from django.template import engines

        with translation.override("en"):
            articles = list(Article.objects.public().for_listing()[:20])
            django_template = engines["django"].from_string(DJANGO)
            get_template("includes/article_card.html")  # compiled once, as in production
            environment = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
            environment.install_gettext_callables(gettext, lambda s, p, n: s, newstyle=True)
            environment.filters["date"] = lambda value, fmt: date_format(
                template_localtime(value), fmt
            )
            environment.filters["truncatewords"] = lambda text, n: Truncator(text).words(n)
            environment.globals["language_name"] = lambda code: get_language_info(code)[
                "name_translated"
            ]
            jinja_template = environment.from_string(CARD)
            same = [
                " ".join(html.split())
                for html in (
                    django_template.render({"articles": articles}),
                    jinja_template.render(articles=articles),
                )
            ]
            if same[0] != same[1]:
                raise CommandError("The two engines' cards differ: the port is not faithful.")
            timings = {}
            for name, render in (
                ("Django templates", lambda: django_template.render({"articles": articles})),
                ("Jinja2", lambda: jinja_template.render(articles=articles)),
            ):
                render()
                samples = []
                for _ in range(RUNS):
                    start = time.perf_counter()
                    render()
                    samples.append((time.perf_counter() - start) * 1000)
                timings[name] = statistics.median(samples)
                self.stdout.write(f"{name:17} {timings[name]:.3f} ms for 20 cards (p50)")
        ratio = timings["Django templates"] / timings["Jinja2"]
        self.stdout.write(f"Jinja2 is {ratio:.2f}× as fast on the cards")
