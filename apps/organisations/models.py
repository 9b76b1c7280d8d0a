"""Countries, organisations (a hierarchy: CSTO > councils; Russia > ministry), people, positions."""

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Concat, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.fields import search_field
from apps.core.indexes import missing_language_indexes, name_trigram_indexes, trigram_indexes
from apps.core.languages import localized
from apps.core.models import Publishable, PublishableQuerySet
from apps.core.slugs import SLUG_HELP


class Country(models.Model):
    """A country as a place: where an event happens, where a state or ministry belongs."""

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("Two-letter ISO 3166-1 code, for example RU, KZ, TJ."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso_alpha2"
            ),
        ]

    def __str__(self):
        return self.name


class OrganisationKind(models.TextChoices):
    INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organisation")
    BODY = "body", _("Body of an organisation")
    MEMBER_STATE = "member_state", _("Member state")
    STATE = "state", _("Other state")
    MINISTRY = "ministry", _("Ministry or agency")
    INSTITUTION = "institution", _("Academy or institution")
    MEDIA = "media", _("Media outlet")
    COMPANY = "company", _("Company")


STATE_KINDS = [OrganisationKind.MEMBER_STATE, OrganisationKind.STATE]


class OrganisationQuerySet(PublishableQuerySet):
    def states(self):
        return self.filter(kind__in=STATE_KINDS)


class Organisation(Publishable):
    """Any body that acts: the CSTO and its councils, states, ministries, media, companies."""

    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("Acronym or short form used in running text, for example CSTO or ICMEC."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True, help_text=SLUG_HELP)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_(
            "The organisation this one belongs to: a council belongs to the CSTO, "
            "a department to its ministry, a ministry to its state."
        ),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Required for states; for ministries and agencies, the country they serve."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    search = search_field(("name", "A"), ("short_name", "A"), ("description", "B"))

    objects = OrganisationQuerySet.as_manager()

    translation_field = "name"
    translation_required = ("name",)

    class Meta(Publishable.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [
            ("publish_organisation", _("Can publish, schedule and unpublish organisations"))
        ]
        ordering = ["name"]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="organisation_not_own_parent",
                violation_error_message=_("An organisation cannot be part of itself."),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=STATE_KINDS) | Q(country__isnull=False),
                name="organisation_state_has_country",
                violation_error_message=_("A state must have its country set."),
            ),
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(kind__in=STATE_KINDS),
                name="organisation_one_state_per_country",
                violation_error_message=_("This country already has its state organisation."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(slug="people"),
                name="organisation_slug_not_reserved",
                violation_error_message=_("This address is used by the site; choose another."),
            ),
        ]
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(fields=["kind", "name"], name="organisation_kind_name_idx"),
            # The directory, each kind alphabetical in each language, without sorting them all.
            *(
                models.Index(
                    F("kind"),
                    localized("name", code),
                    F("id"),
                    name=f"organisation_directory_{code}_idx",
                )
                for code, _name in settings.LANGUAGES
            ),
            GinIndex(fields=["search"], name="organisation_search_idx"),
            *trigram_indexes("org", "name"),
            *name_trigram_indexes("org"),
            *missing_language_indexes("org", ("name",)),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:organisation_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("This would make the organisation part of itself.")}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    @property
    def display_name(self):
        return self.short_name or self.name

    def ancestors(self):
        """From the top of the hierarchy down to this organisation's parent."""
        chain, node, seen = [], self.parent, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def public_ancestors(self):
        """The ancestors a visitor may see, from the top down: one that is not public is
        left out, its name being unpublished content (the chain above it still shows)."""
        return [ancestor for ancestor in self.ancestors() if ancestor.is_public]


class PersonQuerySet(PublishableQuerySet):
    def with_titles_on(self, date):
        """Annotate `titles_on_date`: [“Secretary General, CSTO”, ...] held on `date` in
        public organisations, aggregated by PostgreSQL in the same query."""
        organisation = Coalesce(
            NullIf(localized("positions__organisation__short_name"), Value("")),
            localized("positions__organisation__name"),
            output_field=models.TextField(),
        )
        return self.annotate(
            titles_on_date=ArrayAgg(
                Concat(
                    localized("positions__title"),
                    Value(", "),
                    organisation,
                    output_field=models.TextField(),
                ),
                filter=held_on_q(date, prefix="positions__")
                & Q(positions__organisation__in=Organisation.objects.public()),
                order_by=("positions__order", "positions__pk"),
                default=Value([]),
            )
        )


class Person(Publishable):
    name = models.CharField(
        _("full name"), max_length=200, help_text=_("As printed in news: Imangali Tasmagambetov.")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True, help_text=SLUG_HELP)
    sort_name = models.CharField(
        _("sort name"),
        max_length=200,
        blank=True,
        help_text=_("Family name first, for alphabetical lists: Tasmagambetov, Imangali."),
    )
    rank = models.CharField(
        _("rank or honorific"),
        max_length=200,
        blank=True,
        help_text=_("Printed before the name, for example “Lieutenant General of Police”."),
    )
    biography = models.TextField(_("short biography"), blank=True)
    photo = models.ForeignKey(
        "media.Photo",
        verbose_name=_("portrait"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    search = search_field(("name", "A"), ("rank", "C"), ("biography", "B"))

    objects = PersonQuerySet.as_manager()

    translation_field = "name"
    translation_required = ("name",)

    class Meta(Publishable.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        permissions = [("publish_person", _("Can publish, schedule and unpublish people"))]
        ordering = ["sort_name", "name"]
        indexes = [
            *Publishable.Meta.indexes,
            GinIndex(fields=["search"], name="person_search_idx"),
            # The people list, alphabetical in each language, without sorting them all.
            *(
                models.Index(
                    fields=["status", f"sort_name_{code}", f"name_{code}"],
                    name=f"person_alphabet_{code}_idx",
                )
                for code, _name in settings.LANGUAGES
            ),
            *trigram_indexes("person", "name"),
            *name_trigram_indexes("person"),
            *missing_language_indexes("person", ("name",)),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:person_detail", kwargs={"slug": self.slug})


def held_on_q(date, prefix=""):
    """The condition “this position was held on `date`”: started by then, not yet ended."""
    return (
        Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": date})
    ) & (Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": date}))


class PositionQuerySet(models.QuerySet):
    def held_on(self, date):
        """Positions that were held on `date`: started by then and not yet ended."""
        return self.filter(held_on_q(date))

    def current(self):
        return self.held_on(timezone.localdate())

    def in_public_organisations(self):
        """Positions a visitor may read: an unpublished organisation's name is unpublished
        content, so a position in one is not shown at all."""
        return self.filter(organisation__in=Organisation.objects.public())


class Position(models.Model):
    """A title a person held in an organisation, between two dates."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="positions"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="positions",
    )
    title = models.CharField(
        _("title"),
        max_length=300,
        help_text=_(
            "As it should read after the name: “Secretary General”, “Deputy Prime Minister”."
        ),
    )
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Leave empty while the person holds it.")
    )
    order = models.PositiveSmallIntegerField(
        pgettext_lazy("position in a list", "order"),
        default=0,
        help_text=_("Lower numbers are shown first among concurrent titles."),
    )

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["order", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="position_ends_after_start",
                violation_error_message=_("A position cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["person", "organisation", "title", "start_date"],
                name="position_unique_per_start",
                nulls_distinct=False,
                violation_error_message=_("This person already has this position from that date."),
            ),
        ]
        indexes = [models.Index(fields=["organisation", "end_date"], name="position_org_end_idx")]

    def __str__(self):
        return f"{self.person}, {self.title} ({self.organisation.display_name})"
