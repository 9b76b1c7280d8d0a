"""The registry of legal acts, modelled on the UN Treaty Collection's records."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.fields import search_field
from apps.core.indexes import missing_language_indexes, trigram_indexes
from apps.core.languages import Language
from apps.core.models import Publishable
from apps.core.slugs import SLUG_HELP
from apps.media.models import Document


class AgreementKind(models.TextChoices):
    TREATY = "treaty", _("Treaty")
    AGREEMENT = "agreement", _("Agreement")
    PROTOCOL = "protocol", _("Protocol")
    DECISION = "decision", _("Decision")
    STATEMENT = "statement", _("Statement")
    MEMORANDUM = "memorandum", _("Memorandum")


class AgreementStatus(models.TextChoices):
    OPEN = "open", _("Open for signature")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    SUSPENDED = "suspended", _("Suspended")
    TERMINATED = "terminated", _("Terminated")


class ConsentKind(models.TextChoices):
    """How a state expressed its consent to be bound (Vienna Convention, arts. 11-16)."""

    RATIFICATION = "ratification", _("Ratification")
    ACCEPTANCE = "acceptance", _("Acceptance")
    APPROVAL = "approval", _("Approval")
    ACCESSION = "accession", _("Accession")
    SIGNATURE = "signature", _("Definitive signature")


class Subject(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Agreement(Publishable):
    title = models.CharField(_("title"), max_length=500)
    short_title = models.CharField(
        _("short title"),
        max_length=200,
        blank=True,
        help_text=_("Used in lists and running text, for example “Agreement on legal assistance”."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True, help_text=SLUG_HELP)
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices)
    subjects = models.ManyToManyField(
        Subject, verbose_name=_("subjects"), blank=True, related_name="agreements"
    )
    summary = models.TextField(_("summary"), blank=True)
    concluded_on = models.DateField(
        _("date of conclusion"),
        null=True,
        blank=True,
        help_text=_("The date of adoption or signing."),
    )
    place_of_conclusion = models.CharField(
        _("place of conclusion"),
        max_length=100,
        blank=True,
        help_text=_("City, for example Dushanbe."),
    )
    concluded_at = models.ForeignKey(
        "events.Event",
        verbose_name=_("concluded at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements_concluded",
        help_text=_("The meeting or session where it was adopted or signed."),
    )
    adopting_body = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("adopted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements_adopted",
    )
    depositary = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("depositary"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements_deposited",
    )
    entry_into_force_condition = models.TextField(
        _("entry into force"),
        blank=True,
        help_text=_(
            "The treaty's own words, for example “on the date the depositary receives the "
            "fourth notification of the completion of domestic procedures”."
        ),
    )
    entered_into_force_on = models.DateField(_("date of entry into force"), null=True, blank=True)
    agreement_status = models.CharField(
        _("legal status"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.SIGNED,
    )
    authentic_languages = ArrayField(
        models.CharField(max_length=5, choices=Language.choices),
        verbose_name=_("authentic languages"),
        default=list,
        blank=True,
        help_text=_("The languages whose texts are equally authentic."),
    )

    search = search_field(("title", "A"), ("short_title", "A"), ("summary", "B"))

    class Meta(Publishable.Meta):
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        permissions = [("publish_agreement", _("Can publish, schedule and unpublish agreements"))]
        ordering = ["-concluded_on", "-pk"]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(kind__in=AgreementKind.values), name="agreement_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(slug="states"),
                name="agreement_slug_not_reserved",
                violation_error_message=_("This address is used by the site; choose another."),
            ),
            models.CheckConstraint(
                condition=Q(agreement_status__in=AgreementStatus.values),
                name="agreement_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(agreement_status=AgreementStatus.IN_FORCE)
                | Q(entered_into_force_on__isnull=False),
                name="agreement_in_force_has_date",
                violation_error_message=_(
                    "An agreement in force needs its date of entry into force."
                ),
            ),
            models.CheckConstraint(
                condition=Q(entered_into_force_on__isnull=True)
                | Q(concluded_on__isnull=True)
                | Q(entered_into_force_on__gte=F("concluded_on")),
                name="agreement_force_after_conclusion",
                violation_error_message=_(
                    "An agreement cannot enter into force before it is concluded."
                ),
            ),
        ]
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(fields=["kind", "-concluded_on"], name="agreement_kind_concluded_idx"),
            # The latest agreements (home, registry): newest first, without sorting them all.
            models.Index(fields=["status", "-concluded_on", "-id"], name="agreement_latest_idx"),
            models.Index(fields=["agreement_status"], name="agreement_status_idx"),
            GinIndex(fields=["search"], name="agreement_search_idx"),
            *trigram_indexes("agreement", "title"),
            *missing_language_indexes("agreement", Publishable.translation_required),
        ]

    def __str__(self):
        return self.short_title or self.title

    def get_absolute_url(self):
        return reverse("agreements:agreement_detail", kwargs={"slug": self.slug})

    @property
    def authentic_language_names(self):
        return [Language(code).label for code in self.authentic_languages]


class Party(models.Model):
    """One state's record under one agreement: signature, consent, effect, withdrawal."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties"
    )
    state = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=pgettext_lazy("party to an agreement", "state"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
        limit_choices_to={"kind__in": ["member_state", "state"]},
    )
    signed_on = models.DateField(_("signature"), null=True, blank=True)
    consent_kind = models.CharField(
        _("consent to be bound"), max_length=20, choices=ConsentKind.choices, blank=True
    )
    consent_on = models.DateField(_("date of consent"), null=True, blank=True)
    effective_on = models.DateField(_("in force for this state from"), null=True, blank=True)
    reservations = models.TextField(_("reservations and declarations"), blank=True)
    withdrawn_on = models.DateField(_("withdrawal"), null=True, blank=True)
    withdrawal_note = models.TextField(_("withdrawal note"), blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["state__name"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "state"], name="party_once_per_agreement"),
            models.CheckConstraint(
                condition=(Q(consent_kind="") & Q(consent_on__isnull=True))
                | (~Q(consent_kind="") & Q(consent_on__isnull=False)),
                name="party_consent_kind_and_date_together",
                violation_error_message=_(
                    "Give both the kind of consent and its date, or neither."
                ),
            ),
            models.CheckConstraint(
                condition=Q(consent_kind="") | Q(consent_kind__in=ConsentKind.values),
                name="party_consent_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(consent_on__isnull=True)
                | Q(signed_on__isnull=True)
                | Q(consent_on__gte=F("signed_on")),
                name="party_consent_after_signature",
                violation_error_message=_("Consent cannot come before signature."),
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True)
                | Q(signed_on__isnull=True)
                | Q(withdrawn_on__gte=F("signed_on")),
                name="party_withdrawal_after_signature",
                violation_error_message=_("Withdrawal cannot come before signature."),
            ),
        ]

    def __str__(self):
        return f"{self.state} — {self.agreement}"

    @property
    def is_bound(self):
        return self.consent_on is not None and self.withdrawn_on is None


class OfficialText(Document):
    """An authentic or official text of an agreement, in one language."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="texts"
    )

    class Meta:
        verbose_name = _("official text")
        verbose_name_plural = _("official texts")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "language"], name="official_text_one_per_language"
            ),
        ]

    def get_absolute_url(self):
        return reverse(
            "agreements:text_download",
            kwargs={"slug": self.agreement.slug, "pk": self.pk, "filename": self.download_name},
        )
