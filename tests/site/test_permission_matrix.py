"""The permission matrix: every newsroom address, role, item status and method, as README says.

Every newsroom address × every role × items in every status × GET and POST (issue 13),
judged by the README's "Rights" table.

The addresses come from the URL conf (the `admin:` namespace), not from a list written here:
a model or a view added to the newsroom joins the matrix by itself, and an address whose
arguments the matrix cannot fill, or a model or bulk action the table below does not place,
fails the test until someone says who may use it. The oracle is the README's table written
out as `may()`; it never asks `apps/core/rights.py`, the code under test.

Each request runs in a savepoint that is rolled back afterwards, so every request meets the
same database. A refused request answers 403 or 404 (405 for a POST to a page that takes
none; a warning for a bulk action) and leaves every row of the newsroom's tables as it was.
An allowed one works, and a write shows in the database. Nothing answers 500.
"""

import copy
import functools
from dataclasses import dataclass
from typing import Any

import pytest
import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import WARNING, get_messages
from django.db import connection, models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from reversion.models import Version

from apps.agreements.models import Agreement, Subject
from apps.core.models import PublicationStatus
from apps.events.models import Event
from apps.media.models import Photo
from apps.news.models import Article, Section
from apps.newsroom.models import EmbargoLink
from apps.newsroom.roles import AUTHOR, EDITOR, SITE_ADMINISTRATOR
from apps.organisations.models import Country, Organisation, Person
from apps.search.models import SearchPromotion
from tests.admin_forms import form_data
from tests.conftest import client_for
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    PhotoFactory,
    SectionFactory,
)

# Slow (thousands of newsroom requests): CI runs it against one database only.
pytestmark = [pytest.mark.django_db, pytest.mark.once]

NO_ROLE = "Staff without a role"
ROLES = (NO_ROLE, AUTHOR, EDITOR, SITE_ADMINISTRATOR)

# The rights table ------------------------------------------------------------------------

#: What the README's table calls things.
ITEM = "item"  # article, event, agreement, organisation, person
PHOTO = "photo"
REFERENCE = "reference data"  # countries and agreement subjects
PROMOTION = "promoted search result"
EMBARGO = "embargo link"
STRUCTURE = "structure"  # sections
ACCOUNTS = "accounts"  # users, groups, two-factor enrolment links
SECURITY = "security records"  # sign-in attempts: in no role's row (devices have no admin)

CATEGORIES = {
    "news.article": ITEM,
    "events.event": ITEM,
    "agreements.agreement": ITEM,
    "organisations.organisation": ITEM,
    "organisations.person": ITEM,
    "media.photo": PHOTO,
    "organisations.country": REFERENCE,
    "agreements.subject": REFERENCE,
    "search.searchpromotion": PROMOTION,
    "newsroom.embargolink": EMBARGO,
    "news.section": STRUCTURE,
    "auth.user": ACCOUNTS,
    "auth.group": ACCOUNTS,
    "axes.accessattempt": SECURITY,
    "axes.accesslog": SECURITY,
    "axes.accessfailurelog": SECURITY,
}

STATES = ("draft", "review", "live", "scheduled", "unpublished")
NEVER_PUBLIC = {"draft", "review"}
IN_PUBLIC_USE = "shown by a live article"
DRAFTS_ONLY = "used only by a draft"
NO_STATE = "-"


def may(role, category, right, state=NO_STATE):
    """The README's "Rights" table: may `role` do `right` to a thing of `category` in `state`?

    Rights: view, add, change, delete, recover, publish, submit; "revert form" is the
    revision page (for an item, the README's "revert", a change; for other things a view of
    an old version, saved only with "change"); "newsroom" is any page of the newsroom.
    Readings where the table is silent: sections are viewed by every role (the row is about
    managing them), recovering a deleted photo is uploading it again, and only editors
    delete photos (the table gives authors no deleting at all).
    """
    if right == "newsroom":
        return True  # every member of staff, with or without a role, enters the newsroom
    if role == NO_ROLE:
        return False
    editor = role in {EDITOR, SITE_ADMINISTRATOR}
    if category == ITEM:
        if right in {"view", "add"}:
            return True
        if right in {"change", "revert form"}:
            return state in NEVER_PUBLIC or editor
        if right == "submit":
            return editor if state == "unpublished" else state in NEVER_PUBLIC or editor
        return editor  # delete, recover, publish
    if category == PHOTO:
        if right in {"view", "add", "revert form", "recover"}:
            return True
        if right == "change":
            return state != IN_PUBLIC_USE or editor
        return editor  # delete
    if category == REFERENCE:
        return right in {"view", "revert form"} or editor
    if category in {PROMOTION, EMBARGO}:
        return editor
    if category == STRUCTURE:
        return right in {"view", "revert form"} or role == SITE_ADMINISTRATOR
    if category == ACCOUNTS:
        return role == SITE_ADMINISTRATOR
    return False  # security records, and anything the table does not name


#: What each address of a model's admin asks of the role, for GET and for POST.
KIND_RIGHTS = {
    "changelist": ("view", "view"),  # a list with editable columns: POST asks "change"
    "add": ("add", "add"),
    "change": ("view", "change"),
    "delete": ("delete", "delete"),
    "history": ("view", "view"),
    "revision": ("revert form", "change"),
    "recoverlist": ("recover", "recover"),
    "recover": ("recover", "recover"),
    "preview": ("view", "view"),
    "compare": ("view", "view"),
    "languages": ("view", "view"),
    "similar": ("view", "view"),
    "autosave": ("change", "change"),  # keeps the editor's unsaved text: a write of its own
    "autosave_add": ("add", "add"),
    "redirect": ("newsroom", "newsroom"),  # <id>/ leads to the change form, which decides
    "password_change": ("change", "change"),
    "config": ("view", "view"),
    "qrcode": ("view", "view"),
}
#: Addresses whose POST may write; any other POST must leave the database alone.
WRITING_KINDS = {"add", "change", "delete", "revision", "recover", "password_change"}
WRITING_KINDS |= {"autosave", "autosave_add"}
#: Addresses about one object (filled with every state of the model's objects).
OBJECT_KINDS = {"change", "delete", "history", "revision", "preview", "compare", "redirect"}
OBJECT_KINDS |= {"languages", "autosave"}
#: Addresses that answer only POST: an allowed GET gets 405.
POST_ONLY_KINDS = {"autosave", "autosave_add"}
OBJECT_KINDS |= {"password_change", "config", "qrcode"}

ANY_STATE = None
#: The README's workflow for each bulk action: the right it needs, the states it moves an
#: item out of (ANY_STATE: every state), and how to see that it did.
BULK_ACTIONS = {
    "publish_selected": (
        "publish",
        {"draft", "review", "scheduled", "unpublished"},
        lambda item: item is not None and item.is_published,
    ),
    "unpublish_selected": (
        "publish",
        {"live", "scheduled"},
        lambda item: item is not None and item.status == PublicationStatus.UNPUBLISHED,
    ),
    "submit_selected_for_review": (
        "submit",
        {"draft", "unpublished"},
        lambda item: item is not None and item.status == PublicationStatus.IN_REVIEW,
    ),
    "feature_selected": ("publish", ANY_STATE, lambda item: item is not None and item.is_featured),
    # Nothing in the matrix is featured: there is nothing to stop featuring.
    "unfeature_selected": ("publish", set(), lambda item: item is not None),
    "delete_selected": ("delete", ANY_STATE, lambda item: item is None),
    "revoke_selected": (
        "change",
        ANY_STATE,
        lambda link: link is not None and link.revoked_at is not None,
    ),
    "cleanup_expired_attempts": ("delete", ANY_STATE, lambda attempt: attempt is None),
}

ALLOWED, REFUSED, SKIPPED, ANY = "allowed", "refused", "skipped", "any answer but 500"
#: Pages about one's own session (sign in and out, password, second factor) and the admin's
#: "no such page": no right of the table is involved.
NO_RIGHT = "no right of the table"


def expected(role, case, method):
    right = case.rights[0 if method == "GET" else 1]
    if right == NO_RIGHT:
        return ANY
    if not any(may(role, category, right, case.state) for category in case.categories):
        return REFUSED
    if case.action and not case.applies:
        return SKIPPED  # a right the role has, on an item the action does not apply to
    return ALLOWED


# The world: items in every state, the shared things, the people -------------------------

ITEM_FACTORIES = {
    Article: ArticleFactory,
    Event: EventFactory,
    Agreement: AgreementFactory,
    Organisation: OrganisationFactory,
    Person: PersonFactory,
}
STATE_TRAITS = {
    "draft": {"status": PublicationStatus.DRAFT},
    "review": {"status": PublicationStatus.IN_REVIEW},
    "live": {},
    "scheduled": {"scheduled": True},
    "unpublished": {"status": PublicationStatus.UNPUBLISHED},
}
MARKER = "matrix.marker"
#: The visible change a POST makes: the first of these fields the form has.
MARKER_FIELDS = ("title_en", "name_en", "caption_en", "recipient", "query", "username", "name")


def text_field(model):
    names = {field.name for field in model._meta.get_fields()}
    return next(name for name in MARKER_FIELDS if name in names)


def make_subject():
    number = Subject.objects.count() + 1
    return Subject.objects.create(
        name_ru=f"Тема номер {number}", name_en=f"Subject number {number}", slug=f"subject-{number}"
    )


def revised(create):
    """An object with two revisions: as created, then with its text changed."""
    with reversion.create_revision():
        obj = create()
    field = text_field(type(obj))
    with reversion.create_revision():
        setattr(obj, field, f"{getattr(obj, field)} (revised)")
        obj.save()
    return obj


def deleted(create):
    """The Version of an object that was created with a revision and then deleted."""
    with reversion.create_revision():
        obj = create()
    model, pk = type(obj), obj.pk
    model._base_manager.filter(pk=pk).delete()
    return Version.objects.get_deleted(model).get(object_id=str(pk))


class _Undo(Exception):
    pass


def deletable(obj):
    """Whether deleting `obj` would work (nothing protects it); the database is untouched."""
    try:
        with transaction.atomic():
            type(obj)._base_manager.filter(pk=obj.pk).delete()
            raise _Undo
    except (ProtectedError, RestrictedError):
        return False
    except _Undo:
        return True


@dataclass
class World:
    clients: dict
    root: Any  # a superuser: renders the forms that forged requests submit
    root_client: Any
    targets: dict  # model -> [(state, object)]
    deleted: dict  # model -> Version of a deleted object
    target_user: Any
    live_article: Any

    def actions(self, model):
        model_admin = admin.site._registry[model]
        request = RequestFactory().get(reverse(changelist_name(model)))
        request.user = self.root
        return list(model_admin.get_actions(request))


@pytest.fixture
def world(author, editor, site_admin, django_user_model):
    nobody = django_user_model.objects.create_user("nina.norole", is_staff=True)
    root = django_user_model.objects.create_superuser("matrix.root", "root@example.org", "pw")
    target_user = django_user_model.objects.create_user("tom.target", is_staff=True)
    users = {NO_ROLE: nobody, AUTHOR: author, EDITOR: editor, SITE_ADMINISTRATOR: site_admin}

    section = SectionFactory()
    photo_live, photo_draft = revised(PhotoFactory), revised(PhotoFactory)
    photos = {"live": photo_live, "draft": photo_draft}
    targets = {Photo: [(IN_PUBLIC_USE, photo_live), (DRAFTS_ONLY, photo_draft)]}
    versioned = {
        Photo: PhotoFactory,
        Country: CountryFactory,
        Subject: make_subject,
        Section: SectionFactory,
    }
    for model, factory in ITEM_FACTORIES.items():
        extra = {"section": section} if model is Article else {}
        versioned[model] = functools.partial(factory, draft=True, **extra)
        targets[model] = []
        for state in STATES:
            kwargs = {**extra, **STATE_TRAITS[state]}
            if model is Article and state in photos:
                kwargs["main_image"] = photos[state]
            targets[model].append((state, revised(functools.partial(factory, **kwargs))))
    for model in (Country, Subject, Section):
        targets[model] = [(NO_STATE, revised(versioned[model]))]

    items = dict(targets[Article])
    article_type = ContentType.objects.get_for_model(Article)
    targets[SearchPromotion] = [
        (
            NO_STATE,
            SearchPromotion.objects.create(
                query="summit", content_type=article_type, object_id=items["live"].pk
            ),
        )
    ]
    targets[EmbargoLink] = [
        (
            NO_STATE,
            EmbargoLink.objects.create(
                item=items["unpublished"],
                recipient="Sputnik, Astana bureau",
                expires_at=timezone.now() + timezone.timedelta(days=3),
                created_by=editor,
            ),
        )
    ]
    targets[django_user_model] = [(NO_STATE, target_user)]
    targets[Group] = [(NO_STATE, Group.objects.create(name="Matrix group"))]
    visit = {"ip_address": "203.0.113.7", "username": "tom.target", "user_agent": "test"}
    visit |= {"http_accept": "*/*", "path_info": "/admin/login/"}
    targets[AccessAttempt] = [
        (
            NO_STATE,
            AccessAttempt.objects.create(
                **visit, get_data="", post_data="", failures_since_start=1
            ),
        )
    ]
    targets[AccessLog] = [(NO_STATE, AccessLog.objects.create(**visit))]
    targets[AccessFailureLog] = [(NO_STATE, AccessFailureLog.objects.create(**visit))]
    targets[TOTPDevice] = [
        (NO_STATE, TOTPDevice.objects.create(user=target_user, name="phone", confirmed=True))
    ]
    targets[StaticDevice] = [
        (NO_STATE, StaticDevice.objects.create(user=target_user, name="codes", confirmed=True))
    ]
    return World(
        clients={role: client_for(user) for role, user in users.items()},
        root=root,
        root_client=client_for(root),
        targets=targets,
        deleted={model: deleted(create) for model, create in versioned.items()},
        target_user=target_user,
        live_article=items["live"],
    )


# The addresses, from the URL conf ---------------------------------------------------------


@dataclass(frozen=True)
class Route:
    model: Any  # None for the site's own pages
    kind: str  # "change", "revision"...; "redirect" is a model's unnamed <id>/ address
    name: str | None


@functools.cache
def newsroom_routes():
    """Every pattern of the `admin:` namespace, with the model whose admin declares it."""
    _prefix, site_resolver = get_resolver().namespace_dict["admin"]
    models_by_route = {
        f"{model._meta.app_label}/{model._meta.model_name}/": model
        for model in admin.site._registry
    }
    routes = []
    for entry in site_resolver.url_patterns:
        if isinstance(entry, URLResolver):
            model = models_by_route[str(entry.pattern)]
            prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
            for pattern in entry.url_patterns:
                assert isinstance(pattern, URLPattern), f"nested admin URLs under {entry}"
                kind = pattern.name.removeprefix(prefix) if pattern.name else "redirect"
                routes.append(Route(model, kind, pattern.name))
        else:
            routes.append(Route(None, entry.name or "catch_all", entry.name))
    return tuple(routes)


def changelist_name(model):
    return f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"


@dataclass
class Case:
    group: str
    kind: str
    url: str
    categories: tuple
    rights: tuple  # (what GET asks, what POST asks)
    state: str = NO_STATE
    model: Any = None
    pk: Any = None  # the object a write must show on
    methods: tuple = ("GET", "POST")
    get_answer: int = 200  # an allowed GET: 200, or 302 for an address that redirects
    form_id: str | None = None
    writes: bool = False
    effect: Any = None  # body -> whether the allowed write happened, or DATABASE_CHANGED
    action: str | None = None
    applies: bool = True
    selection: tuple = ()  # a bulk action's items, one case each


def marked_field(body):
    return next((name for name in MARKER_FIELDS if body.get(name) == MARKER), None)


def marker_saved(model, pk):
    def effect(body):
        field = marked_field(body)
        return bool(field) and model._base_manager.filter(pk=pk, **{field: MARKER}).exists()

    return effect


def gone(model, pk):
    return lambda body: not model._base_manager.filter(pk=pk).exists()


#: The effect of a write that has no one field to look at: something in the database changed.
DATABASE_CHANGED = "the database changed"


def bulk_done(model, pk, action):
    done = BULK_ACTIONS[action][2]
    return lambda body: done(model._base_manager.filter(pk=pk).first())


def category_of(model):
    label = model._meta.label_lower
    assert label in CATEGORIES, f"{label}: a newsroom model the Rights table does not place"
    return CATEGORIES[label]


def model_cases(world, model):
    model_admin = admin.site._registry[model]
    label = model._meta.label_lower
    categories = (category_of(model),)
    form_id = f"{model._meta.model_name}_form"
    changelist = reverse(changelist_name(model))
    for route in (route for route in newsroom_routes() if route.model is model):
        kind = route.kind
        base = {"group": label, "kind": kind, "categories": categories, "model": model}
        assert kind in KIND_RIGHTS, f"{route.name}: an address the matrix cannot fill yet"
        base["rights"] = KIND_RIGHTS[kind]
        base["writes"] = kind in WRITING_KINDS
        if kind in OBJECT_KINDS:
            assert world.targets.get(model), f"{route.name}: no {label} to fill it with"
            # <id>/ only redirects to the change form, whatever the object: one will do.
            objects = world.targets[model][: 1 if kind == "redirect" else None]
            for state, obj in objects:
                yield object_case(world, route, base, state, obj, form_id)
        elif kind == "changelist":
            editable = bool(model_admin.list_editable)
            yield Case(
                **base
                | {
                    "url": changelist,
                    "rights": ("view", "change" if editable else "view"),
                    "writes": editable,
                    "form_id": "changelist-form",
                    "effect": DATABASE_CHANGED if editable else None,
                }
            )
            yield from bulk_cases(world, model, base)
        elif kind == "add":
            yield from add_cases(world, base, route, form_id)
        elif kind == "recoverlist":
            yield Case(**base, url=reverse(f"admin:{route.name}"))
        elif kind in {"similar", "autosave_add"}:
            url = reverse(f"admin:{route.name}")
            if kind == "similar":
                url += f"?{urlencode({'q': 'Meeting of the council', 'language': 'en'})}"
            yield Case(**base, url=url, get_answer=405 if kind in POST_ONLY_KINDS else 200)
        elif kind == "recover":
            version = world.deleted.get(model)
            assert version, f"{route.name}: no deleted {label} to recover"
            yield Case(
                **base,
                url=reverse(f"admin:{route.name}", args=[version.pk]),
                pk=version.object_id,
                form_id=form_id,
                effect=marker_saved(model, version.object_id),
            )


def add_cases(world, base, route, form_id):
    url = reverse(f"admin:{route.name}")
    if base["model"] is not EmbargoLink:
        yield Case(**base, url=url, form_id=form_id)
        return
    # An embargo link is created from its item's page, which names the item in the address.
    for model in ITEM_FACTORIES:
        item = dict(world.targets[model])["unpublished"]
        query = {"content_type": ContentType.objects.get_for_model(model).pk, "object_id": item.pk}
        yield Case(
            **base,
            state=f"for an unpublished {model._meta.verbose_name}",
            url=f"{url}?{urlencode(query)}",
            form_id=form_id,
        )


def object_case(world, route, base, state, obj, form_id):
    model, kind = base["model"], base["kind"]
    case = Case(**base, state=state, pk=obj.pk, url="")
    if kind == "redirect":
        case.url, case.get_answer = f"{reverse(changelist_name(model))}{obj.pk}/", 302
    elif kind == "revision":
        oldest = Version.objects.get_for_object(obj).order_by("pk").first()
        case.url = reverse(f"admin:{route.name}", args=[obj.pk, oldest.pk])
    elif kind in {"config", "qrcode"}:
        case.url = reverse(f"admin:{route.name}", kwargs={"pk": obj.pk})
    elif kind == "password_change":
        case.url = reverse(f"admin:{route.name}", kwargs={"id": obj.pk})
    else:
        case.url = reverse(f"admin:{route.name}", args=[obj.pk])
    if kind == "compare":
        oldest, newest = Version.objects.get_for_object(obj).order_by("pk")[:2]
        case.url += f"?{urlencode({'from': oldest.pk, 'to': newest.pk})}"
    if kind in POST_ONLY_KINDS:
        case.get_answer = 405
    if kind in {"change", "revision", "password_change"}:
        case.form_id = form_id
    if kind in {"change", "revision"}:
        case.effect = marker_saved(model, obj.pk)
    if kind == "delete":
        case.writes = deletable(obj)  # a protected object is shown as such, and stays
        case.effect = gone(model, obj.pk) if case.writes else None
    return case


def bulk_cases(world, model, base):
    """Each bulk action, posted with the model's objects in every state selected at once:
    the table is judged item by item (done, skipped or refused, and nothing else touched)."""
    for action in world.actions(model):
        assert action in BULK_ACTIONS, f"{base['group']}: bulk action {action} not in the table"
        right, states, _done = BULK_ACTIONS[action]
        targets = world.targets.get(model, [])
        # Django deletes all of a selection or, when anything in it is protected, nothing.
        everything_deletable = all(deletable(obj) for _state, obj in targets)
        item = base | {"kind": f"action:{action}", "rights": (None, right), "action": action}
        item |= {"url": reverse(changelist_name(model)), "methods": ("POST",), "writes": True}
        selection = tuple(
            Case(
                **item,
                state=state,
                pk=obj.pk,
                effect=bulk_done(model, obj.pk, action),
                applies=(states is ANY_STATE or state in states)
                and (action != "delete_selected" or everything_deletable),
            )
            for state, obj in targets
        )
        yield Case(
            **item,
            state="all at once",
            form_id="changelist-form",
            effect=lambda body, selection=selection: {i.pk: i.effect(body) for i in selection},
            selection=selection,
        )


def site_cases(world):
    own = (NO_RIGHT, NO_RIGHT)
    group = "newsroom pages"
    for route in (route for route in newsroom_routes() if route.model is None):
        base = {"group": group, "kind": route.kind, "categories": (None,)}
        match route.kind:
            case "index" | "translation_report":
                yield Case(**base, url=reverse(f"admin:{route.name}"), rights=("newsroom",) * 2)
            case "view_on_site":
                article = world.live_article
                article_type = ContentType.objects.get_for_model(Article)
                url = reverse("admin:view_on_site", args=[article_type.pk, article.pk])
                yield Case(**base, url=url, rights=("newsroom",) * 2, get_answer=302)
            case "app_list":
                for app_label in sorted({m._meta.app_label for m in admin.site._registry}):
                    in_app = [m for m in admin.site._registry if m._meta.app_label == app_label]
                    yield Case(
                        **base
                        | {
                            "kind": f"app_list {app_label}",
                            "categories": tuple({category_of(m) for m in in_app}),
                            "url": reverse("admin:app_list", kwargs={"app_label": app_label}),
                            "rights": ("view", "view"),
                        }
                    )
            case "autocomplete":
                yield from autocomplete_cases(base)
            case "two_factor_link":
                yield Case(
                    **base
                    | {
                        "categories": (ACCOUNTS,),
                        "url": reverse("admin:two_factor_link", args=[world.target_user.pk]),
                        "rights": ("change", "change"),
                        "writes": True,
                        "effect": DATABASE_CHANGED,
                    }
                )
            case "two_factor_enrol":
                yield Case(
                    **base, url=reverse("admin:two_factor_enrol", args=["not-a-token"]), rights=own
                )
            case "catch_all":
                yield Case(**base, url=reverse("admin:index") + "no-such-page/", rights=own)
            case (
                "login"
                | "logout"
                | "password_change"
                | "password_change_done"
                | "jsi18n"
                | "two_factor_setup"
            ):
                # One's own sign-in and password: no right of the table is involved, but
                # they must not fail, nor change anything when posted a stranger's form
                # (signing out notes the time in the sign-in log).
                url = reverse(f"admin:{route.name}")
                yield Case(**base, url=url, rights=own, writes=route.kind == "logout")
            case _:
                raise AssertionError(f"admin:{route.name}: a newsroom page the matrix cannot fill")


def autocomplete_cases(base):
    """One case per autocomplete field declared by any admin or inline of the newsroom."""
    for model_admin in admin.site._registry.values():
        for owner in [model_admin, *model_admin.inlines]:
            for name in owner.autocomplete_fields:
                source = owner.model._meta
                remote = source.get_field(name).remote_field.model
                query = {"app_label": source.app_label, "model_name": source.model_name}
                query |= {"field_name": name, "term": ""}
                yield Case(
                    **base
                    | {
                        "kind": f"autocomplete {source.label_lower}.{name}",
                        "categories": (category_of(remote),),
                        "url": f"{reverse('admin:autocomplete')}?{urlencode(query)}",
                        "rights": ("view", "view"),
                    }
                )


GROUPS = [*sorted(model._meta.label_lower for model in admin.site._registry), "newsroom pages"]
#: One test per item model, one for the shared things, one for the site's own pages.
CHAPTERS = {
    **{label: [label] for label in GROUPS if CATEGORIES.get(label) == ITEM},
    "shared things": [label for label in GROUPS[:-1] if CATEGORIES.get(label) != ITEM],
    "newsroom pages": ["newsroom pages"],
}


def cases(world, group):
    if group == "newsroom pages":
        return list(site_cases(world))
    model = next(m for m in admin.site._registry if m._meta.label_lower == group)
    return list(model_cases(world, model))


# Asking, and judging the answer -----------------------------------------------------------

SNAPSHOT_APPS = (
    *("core", "media", "newsroom", "search", "news", "events", "agreements", "organisations"),
    *("auth", "admin", "reversion", "otp_totp", "otp_static", "axes"),
)


def stored_fields(model):
    # The search vectors are generated from the other columns: comparing those is enough.
    return [
        f for f in model._meta.local_concrete_fields if not isinstance(f, models.GeneratedField)
    ]


@functools.cache
def snapshot_models():
    return tuple(
        model
        for label in SNAPSHOT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    )


@functools.cache
def snapshot_tables():
    return {model._meta.db_table: model for model in snapshot_models()}


def writes():
    """How many rows each newsroom table has had inserted, updated or deleted so far in this
    transaction (PostgreSQL's own counters, which a rolled-back savepoint does not undo)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables "
            "WHERE relname = ANY(%s)",
            [list(snapshot_tables())],
        )
        return dict(cursor.fetchall())


def rows(model):
    names = [f.attname for f in stored_fields(model)]
    return {row[0]: row for row in model._base_manager.order_by("pk").values_list("pk", *names)}


def differences(model, before, after):
    names = [f.attname for f in stored_fields(model)]
    said = [f"added #{pk}" for pk in after.keys() - before.keys()]
    said += [f"deleted #{pk}" for pk in before.keys() - after.keys()]
    for pk in sorted(before.keys() & after.keys()):
        changed = [
            f"{name} {old!r} -> {new!r}"
            for name, old, new in zip(names, before[pk][1:], after[pk][1:], strict=True)
            if old != new
        ]
        if changed:
            said.append(f"#{pk} " + ", ".join(changed))
    return f"{model._meta.label}: " + "; ".join(said[:5]) if said else ""


@dataclass
class Outcome:
    status: int
    location: str = ""
    messages: tuple = ()
    changes: str = ""  # what the request changed in the database, in words
    done: bool | None = None  # whether the write the case expects happened
    errors: str = ""
    content: str = ""
    touched: Any = None  # {model: primary keys of the rows the request changed}


def form_errors(response):
    context = response.context
    if context is None:
        return ""
    said = []
    try:
        form = context["adminform"].form
        said += [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
        for inline in context["inline_admin_formsets"]:
            said += [str(errors) for errors in inline.formset.errors if errors]
    except KeyError:
        pass
    return "; ".join(said)


def ask(client, method, url, body=None, effect=None):
    """Send one request in a savepoint, note what it changed, and roll it all back."""
    cookies = copy.deepcopy(client.cookies)
    savepoint = transaction.savepoint()
    before = writes()
    try:
        response = client.get(url) if method == "GET" else client.post(url, body)
    except Exception as error:  # the test client re-raises what the view raised: a 500
        transaction.savepoint_rollback(savepoint)
        # Back at the savepoint, before the failed request: the test may go on.
        transaction.set_rollback(False)
        client.cookies = cookies
        return Outcome(500, errors=f"{type(error).__name__}: {error}"), None
    touched = [snapshot_tables()[t] for t, n in writes().items() if n != before.get(t, 0)]
    after = {model: rows(model) for model in touched}
    outcome = Outcome(
        response.status_code,
        location=response.get("Location", ""),
        messages=tuple((m.level, str(m)) for m in get_messages(response.wsgi_request)),
        done=effect(body) if callable(effect) else None,
        errors=form_errors(response),
        content=response.content.decode(errors="replace"),
    )
    transaction.savepoint_rollback(savepoint)
    # Signing out, or a message, must not follow the client into the next request.
    client.cookies = cookies
    before_rows = {model: rows(model) for model in touched}
    changes = [differences(model, before_rows[model], after[model]) for model in touched]
    outcome.changes = " | ".join(change for change in changes if change)
    outcome.touched = {
        model: {
            pk
            for pk in before_rows[model].keys() | after[model].keys()
            if before_rows[model].get(pk) != after[model].get(pk)
        }
        for model in touched
    }
    if effect == DATABASE_CHANGED:
        outcome.done = bool(outcome.changes)
    return outcome, response


def post_body(world, case, want, own_page, forged):
    """What a POST sends: the role's own form when the table allows it (as a browser
    would), else the superuser's form, a forged request carrying every field."""
    if case.kind == "delete":
        return {"post": "yes"}
    page = own_page if want == ALLOWED and own_page is not None else None
    if page is not None and page.status_code == 200 and case.form_id:
        body = form_data(page, case.form_id)
    elif case.form_id:
        if case.url not in forged:
            _outcome, page = ask(world.root_client, "GET", case.url)
            forged[case.url] = form_data(page, case.form_id) if page else {}
        body = dict(forged[case.url])
    else:
        body = {}
    if case.action:
        selected = [str(item.pk) for item in case.selection]
        body |= {"action": case.action, "_selected_action": selected, "index": "0"}
        if case.action == "delete_selected":
            body["post"] = "yes"
        return body
    if case.kind == "changelist":
        editable = [key for key in body if key.startswith("form-0-") and key != "form-0-id"]
        body |= dict.fromkeys(editable[:1], "77") | ({"_save": "Save"} if editable else {})
        return body
    field = next((name for name in MARKER_FIELDS if name in body), None)
    if field:
        body[field] = MARKER
    return body


def refused_answer(case, method, outcome):
    if outcome.status in {403, 404} or outcome.location.startswith(reverse("admin:login")):
        return True
    if case.action:
        warned = any(level >= WARNING for level, _text in outcome.messages)
        # A role without any bulk action gets the list back, with no action to choose.
        not_offered = outcome.status == 200 and f'value="{case.action}"' not in outcome.content
        return (outcome.status in {200, 302} and warned) or not_offered
    return method == "POST" and outcome.status == 405


def verdict(want, case, method, outcome):
    """What is wrong with `outcome`, in words, or None when it agrees with the table."""
    status, said = outcome.status, f"{outcome.errors} {list(outcome.messages)}".strip()
    if status >= 500:
        return f"server error: {outcome.errors}"
    may_write = want in {ALLOWED, ANY} and method == "POST" and case.writes
    if outcome.changes and not may_write:
        return f"{want}, yet changed the database: {outcome.changes}"
    if want == REFUSED:
        return None if refused_answer(case, method, outcome) else f"not refused ({said})"
    if want == ANY:
        return None
    if want == SKIPPED:
        return f"refused a role the table allows ({said})" if status in {403, 404} else None
    if method == "GET":
        return None if status == case.get_answer else f"expected {case.get_answer} ({said})"
    if status in {403, 404}:
        return f"refused a role the table allows ({said})"
    if outcome.done is False:
        return f"allowed, but the write did not happen ({said})"
    return None


def bulk_verdict(wants, item, outcome):
    """What is wrong with a bulk action's outcome for one of its items, or None."""
    want, status = wants[item.pk], outcome.status
    said = f"{list(outcome.messages)}"
    if status >= 500:
        return f"server error: {outcome.errors}"
    if ALLOWED not in wants.values():  # nothing in the selection may change
        if outcome.changes:
            return f"{want}, yet changed the database: {outcome.changes}"
        if set(wants.values()) == {REFUSED}:
            refused = refused_answer(item, "POST", outcome)
            return None if refused else f"not refused ({said})"
        return f"refused a role the table allows ({said})" if status in {403, 404} else None
    if status in {403, 404}:
        return f"refused a role the table allows ({said})"
    if want == ALLOWED:
        return None if outcome.done[item.pk] else f"allowed, but not done ({said})"
    if item.pk in (outcome.touched or {}).get(item.model, ()):
        return f"{want}, yet the action changed it: {outcome.changes} ({said})"
    return None


def walk(world, group):
    """Ask every case of `group` as every role: the failures, the combinations (role ×
    address × state × method) judged, and the requests sent."""
    failures, judged, sent, forged = [], 0, 0, {}
    for case in cases(world, group):
        for role in ROLES:
            own_page = None
            for method in case.methods:
                want = expected(role, case, method)
                if case.selection:
                    wants = {item.pk: expected(role, item, method) for item in case.selection}
                    want = ALLOWED if ALLOWED in wants.values() else want
                body = None
                if method == "POST":
                    body = post_body(world, case, want, own_page, forged)
                effect = case.effect if method == "POST" else None
                outcome, response = ask(world.clients[role], method, case.url, body, effect)
                own_page = response if method == "GET" else own_page
                sent += 1
                judgements = [(case, want, verdict(want, case, method, outcome))]
                if case.selection:
                    judgements = [
                        (item, wants[item.pk], bulk_verdict(wants, item, outcome))
                        for item in case.selection
                    ]
                judged += len(judgements)
                failures += [
                    f"{role} | {method} {case.url} | {judged_case.kind} | state "
                    f"{judged_case.state} | answered {outcome.status} | expected {item_want}: "
                    f"{problem}"
                    for judged_case, item_want, problem in judgements
                    if problem
                ]
    return failures, judged, sent


# The tests --------------------------------------------------------------------------------


ADMIN_KINDS = {"changelist", "add", "change", "delete", "history", "action:delete_selected"}
VERSIONED_KINDS = ADMIN_KINDS | {"revision", "recoverlist", "recover", "redirect"}
ITEM_KINDS = VERSIONED_KINDS | {"preview", "compare", "languages", "similar"}
ITEM_KINDS |= {"autosave", "autosave_add"}
ITEM_KINDS |= {f"action:{a}" for a in ["publish_selected", "unpublish_selected"]}
ITEM_KINDS |= {"action:submit_selected_for_review"}
EXPECTED_KINDS = {
    **{label: ITEM_KINDS for label, c in CATEGORIES.items() if c == ITEM},
    "news.article": ITEM_KINDS | {"action:feature_selected", "action:unfeature_selected"},
    "media.photo": VERSIONED_KINDS,
    "organisations.country": VERSIONED_KINDS,
    "agreements.subject": VERSIONED_KINDS,
    "news.section": VERSIONED_KINDS,
    "search.searchpromotion": ADMIN_KINDS,
    "newsroom.embargolink": ADMIN_KINDS | {"action:revoke_selected"},
}


def test_the_matrix_reaches_every_address_the_issue_names(world):
    reached = {group: cases(world, group) for group in GROUPS}
    for label, kinds in EXPECTED_KINDS.items():
        found = {case.kind for case in reached[label]}
        assert kinds <= found, f"{label}: the URL conf gave no {sorted(kinds - found)}"
        if CATEGORIES[label] == ITEM:
            collection = {"changelist", "add", "recoverlist", "recover", "redirect", "similar"}
            for kind in kinds - collection - {"autosave_add"}:
                states = {
                    judged.state
                    for case in reached[label]
                    if case.kind == kind
                    for judged in case.selection or [case]
                }
                assert states == set(STATES), f"{label} {kind}: only states {sorted(states)}"
    photo_states = {case.state for case in reached["media.photo"] if case.kind == "change"}
    assert photo_states == {IN_PUBLIC_USE, DRAFTS_ONLY}
    site = {case.kind for case in reached["newsroom pages"]}
    for label, kind in CATEGORIES.items():
        if kind == ITEM:
            assert any(k.startswith(f"autocomplete {label}.") for k in site), label
    assert {"index", "two_factor_link", "translation_report"} <= site
    assert set(GROUPS) - {"newsroom pages"} == set(CATEGORIES)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_role_gets_what_the_rights_table_gives_it(world, chapter):
    failures, judged = [], 0
    for group in CHAPTERS[chapter]:
        group_failures, group_judged, _sent = walk(world, group)
        assert group_judged, f"{group}: nothing asked"
        failures += group_failures
        judged += group_judged
    assert not failures, f"{chapter}: {len(failures)} of {judged} answers break the table:\n" + (
        "\n".join(failures)
    )
