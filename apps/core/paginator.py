"""A paginator for long public lists: counted once per content generation, deep pages by key."""

import hashlib

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from apps.core.generation import kept_for_generation


class CachedCountPaginator(Paginator):
    """A paginator for long lists: counted once per content generation, deep pages by key.

    Counting 100,000 published articles costs tens of milliseconds; the count only changes
    when the content does, so it is kept under the generation, like the pages. `count_key`
    names the list (its address and filters, without the page number).

    A deep page (page 2,000) first finds its 20 keys, reading the listing index alone,
    then fetches those rows: OFFSET over whole rows would read 40,000 of them.
    """

    #: From this offset on, a page is fetched by its keys first.
    keys_first_from = 1000

    def __init__(self, *args, count_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key is None:
            return super().count
        name = hashlib.md5(self.count_key.encode()).hexdigest()
        return kept_for_generation(f"count:{name}", lambda: Paginator.count.func(self))

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < self.keys_first_from or not hasattr(self.object_list, "values_list"):
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        # Lazy, like a shallow page's: a page whose content is kept reads nothing.
        keys = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=keys), number, self)


class CappedCountPaginator(Paginator):
    """Counts at most `limit` + 1 items: a newsroom search for a common word matches tens of
    thousands, and counting them all costs more than the page. Past the limit, the lists
    say “more than” it (templates/admin/pagination.html)."""

    def __init__(self, *args, limit=1000, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit = limit

    @cached_property
    def count(self):
        return self.object_list.order_by().values("pk")[: self.limit + 1].count()

    @property
    def count_is_capped(self):
        return self.count > self.limit
