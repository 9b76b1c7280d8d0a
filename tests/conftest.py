"""Fixtures every test folder shares: settings, clients for each role, demo and sample content."""

import os
import shutil
import socket
import subprocess
import time
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.newsroom.roles import AUTHOR, EDITOR, SITE_ADMINISTRATOR
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    PartyFactory,
    PhotoFactory,
    SectionFactory,
    StateFactory,
)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    # A second database alias, a mirror of the first, for the read-replica router's tests
    # (tests/core/test_routers.py); nothing is routed to it unless a test turns the router on.
    from django.conf import settings

    settings.DATABASES.setdefault(
        "replica", {**settings.DATABASES["default"], "TEST": {"MIRROR": "default"}}
    )


@pytest.fixture(autouse=True)
def _english_by_default():
    # Most tests read English text; tests about Russian switch explicitly.
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # Speed-ups and isolation: fast hashing, files in a temporary folder, and plain static
    # file URLs (the manifest storage of production needs collectstatic first).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    # Pages and counts are cached only where a test is about caching (tests/core/test_pagecache.py).
    settings.PAGE_CACHE_SECONDS = 0
    settings.QUERY_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0  # tests/core/test_fragments.py turns them on
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def client():
    """A browser that prefers English: the newsroom (no language in its address) follows it."""
    return Client(headers={"Accept-Language": "en"})


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    return signed_in(client, user)


def _member(django_user_model, username, role):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def author(db, django_user_model):
    return _member(django_user_model, "anna.author", AUTHOR)


@pytest.fixture
def editor(db, django_user_model):
    return _member(django_user_model, "egor.editor", EDITOR)


@pytest.fixture
def second_editor(db, django_user_model):
    return _member(django_user_model, "elena.editor", EDITOR)


@pytest.fixture
def site_admin(db, django_user_model):
    return _member(django_user_model, "sasha.admin", SITE_ADMINISTRATOR)


def signed_in(client, user):
    """`client` signed in as `user`, with a second factor as production asks of editors."""
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def client_for(user):
    return signed_in(Client(headers={"Accept-Language": "en"}), user)


@pytest.fixture
def author_client(author):
    return client_for(author)


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


@pytest.fixture
def demo(db):
    """The demo content of `make run` (tests/site/browser/ has its own, for a live server)."""
    call_command("load_demo", verbosity=0)


@pytest.fixture
def world(db):
    """One live item of each kind, all linked, in a section, with an organisation and a state."""
    section = SectionFactory(slug="news", name="News")
    state = StateFactory(slug="russian-federation")
    body = OrganisationFactory(slug="csc", name="Collective Security Council")
    event = EventFactory(
        title="Live session", organiser=body, start_date=date(2099, 1, 1), end_date=date(2099, 1, 2)
    )
    agreement = AgreementFactory(title="Live treaty", adopting_body=body)
    PartyFactory(agreement=agreement, state=state)
    article = ArticleFactory(section=section, title="Live story", main_image=PhotoFactory())
    article.organisations.add(body)
    article.events.add(event)
    article.agreements.add(agreement)
    return {
        "section": section,
        "state": state,
        "body": body,
        "event": event,
        "agreement": agreement,
        "article": article,
    }


REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real Redis: the machine's (REDIS_TEST_URL, CI's on 6379), or one started here on a
    loopback port from Debian's redis-server."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pass
    else:
        yield REDIS_URL
        return
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not os.path.exists(server):
        pytest.fail(
            f"No Redis at {REDIS_URL} and no redis-server to start one: "
            "apt-get install redis-server, or set REDIS_TEST_URL."
        )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--dir", str(tmp_path_factory.mktemp("redis"))],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def redis_cache(settings, redis_url):
    """Production's shared cache on a real Redis; yields a client to it."""
    import redis

    settings.CACHES = {
        "default": {
            "BACKEND": "apps.core.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "cstonews-test",
        }
    }
    cache.clear()
    yield redis.Redis.from_url(redis_url)
    cache.clear()
