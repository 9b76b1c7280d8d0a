"""The edge: a real Varnish (tools/varnish/default.vcl) in front of the live test server keeps
anonymous pages, passes the rest, and a public change purges exactly the pages it affects,
after the commit (issue 16)."""

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from apps.core import edge, generation
from apps.core.models import PublicationStatus
from apps.core.services import publishable_publish, publishable_save, publishable_unpublish
from apps.news.models import Article
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    SectionFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.once]

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VCL = Path(settings.BASE_DIR) / "tools" / "varnish" / "default.vcl"
PURGE_SECONDS = 10  # the longest a purge may take to arrive here; it takes milliseconds


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    if not Path(VARNISHD).exists():
        pytest.fail("varnishd is needed: apt-get install varnish varnish-modules (.ci/run does)")
    backend = live_server.url.rsplit(":", 1)[1]
    (tmp_path / "backend.vcl").write_text(
        f'backend default {{ .host = "127.0.0.1"; .port = "{backend}"; }}\n'
    )
    port = free_port()
    process = subprocess.Popen(
        [
            VARNISHD, "-F", "-j", "none", "-n", str(tmp_path / "instance"),
            "-a", f"127.0.0.1:{port}", "-f", str(VCL),
            "-p", f"vcl_path={tmp_path}:{VCL.parent}", "-s", "malloc,32m",
        ],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            pytest.fail(f"varnishd exited: {process.stdout.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("varnishd did not listen within 30 s")
            time.sleep(0.1)
    settings.EDGE_URLS = [url + "/"]
    settings.PAGE_CACHE_SECONDS = 0  # what is measured here is the edge, not the origin's cache
    generation.forget()
    yield url
    process.terminate()
    process.wait(timeout=20)


def chief():
    return get_user_model().objects.create_superuser("chief", "chief@example.org", None)


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def edge_state(url):
    return get(url)[1]["X-Edge"]


def cached(varnish, *paths):
    """Fetch each page twice: the second answer comes from the edge."""
    for path in paths:
        get(varnish + path)
        assert edge_state(varnish + path) == "hit", path


def until_fetched_anew(url, showing=None):
    """Wait for the purge: a hard-purged page is fetched at once (miss); a soft-purged one is
    served stale once while the fresh copy is fetched, then fresh (showing the change)."""
    deadline = time.monotonic() + PURGE_SECONDS
    while time.monotonic() < deadline:
        status, headers, body = get(url)
        if headers["X-Edge"] == "miss" and (showing is None or showing in body):
            return status, body
        if showing is not None and showing in body and headers["X-Edge"] != "stale":
            return status, body
        time.sleep(0.05)
    raise AssertionError(f"{url} is still served from the edge {PURGE_SECONDS} s after a purge")


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def test_anonymous_pages_are_kept_and_every_private_request_passes(varnish):
    ArticleFactory(title="Summit opens")
    news = varnish + en("news:article_list")
    status, headers, _body = get(news)
    assert status == 200
    assert headers["X-Edge"] == "miss"
    assert "xkey" not in headers
    assert edge_state(news) == "hit"
    # Signed in, the newsroom, health, a form's token, a POST: never shared.
    assert get(news, Cookie="sessionid=abc")[1]["X-Edge"] == "miss"
    assert get(news, Cookie="csrftoken=abc")[1]["X-Edge"] == "miss"
    for path in ("/admin/login/", "/healthz"):
        get(varnish + path)
        assert edge_state(varnish + path) == "miss", path
    # Another cookie does not split the cache; the language choice does.
    assert get(news, Cookie="_ga=1")[1]["X-Edge"] == "hit"
    # An address that does not exist yet is not kept: it may go live in a minute.
    missing = varnish + en("news:article_list") + "no-such-section/"
    get(missing)
    assert edge_state(missing) == "miss"


def test_browsers_revalidate_and_get_a_cheap_304(varnish):
    ArticleFactory()
    news = varnish + en("news:article_list")
    _status, headers, _body = get(news)
    assert "max-age=0" in headers["Cache-Control"]
    assert "s-maxage=" in headers["Cache-Control"]
    status, again, body = get(news, **{"If-None-Match": headers["ETag"]})
    assert status == 304
    assert again["X-Edge"] == "hit"
    assert body == ""


def test_publishing_purges_the_pages_that_show_it_and_leaves_the_rest(varnish):
    editor = chief()
    section = SectionFactory()
    ministry = OrganisationFactory(name="Ministry of Defence")
    older = ArticleFactory(title="Older story", section=section)
    older.organisations.add(ministry)
    unrelated_event = EventFactory(title="Unrelated exercise")
    pages = {
        "home": en("news:home"),
        "news": en("news:article_list"),
        "section": section.get_absolute_url(),
        "ministry": en("organisations:organisation_detail", ministry.slug),
        "older story": older.get_absolute_url(),
        "events": en("events:event_list"),
        "unrelated event": unrelated_event.get_absolute_url(),
    }
    cached(varnish, *pages.values())
    draft = ArticleFactory(draft=True, title="Ministers meet in Minsk", section=section)
    draft.organisations.add(ministry)
    publishable_publish(item=draft, user=editor)

    for name in ("home", "news", "section", "ministry"):
        status, _body = until_fetched_anew(varnish + pages[name], showing="Ministers meet")
        assert status == 200, name
    # The pages that do not show it stay at the edge.
    for name in ("events", "unrelated event", "older story"):
        assert edge_state(varnish + pages[name]) == "hit", name


def test_an_unpublished_or_corrected_item_is_never_served_stale(varnish):
    editor = chief()
    article = ArticleFactory(title="Exercise announced", lead="Three thousand troops.")
    page, news = varnish + article.get_absolute_url(), varnish + en("news:article_list")
    cached(varnish, article.get_absolute_url(), en("news:article_list"))

    stored = Article.objects.filter(pk=article.pk).values(
        "version", "status", "submitted_at", "submitted_by_id", "review_note", "withdrawn_at",
        "published_at", "unpublish_at", "require_all_languages",
    ).get()  # fmt: skip
    article.lead_en = "Two thousand troops."
    publishable_save(item=article, user=editor, stored=stored)
    status, body = until_fetched_anew(page)
    assert "Two thousand troops." in body

    publishable_unpublish(item=Article.objects.get(pk=article.pk), user=editor)
    status, _body = until_fetched_anew(page)
    assert status == 410
    deadline = time.monotonic() + PURGE_SECONDS
    while "Exercise announced" in get(news)[2]:
        assert time.monotonic() < deadline, "the list still shows the withdrawn article"
        time.sleep(0.05)


def test_a_scheduled_item_coming_due_purges_its_lists(varnish):
    news = varnish + en("news:article_list")
    ArticleFactory(title="Already out")
    cached(varnish, en("news:article_list"))
    moment = timezone.now() + timedelta(seconds=2)
    ArticleFactory(title="Goes live by itself", published_at=moment)
    generation.content_generation_bump()  # the newsroom's save of the schedule
    time.sleep(max(0, (moment - timezone.now()).total_seconds()) + 0.2)
    generation.forget()
    generation.current_generation()  # any process noticing the time has come
    status, _body = until_fetched_anew(news, showing="Goes live by itself")
    assert status == 200


def test_a_purge_that_cannot_reach_the_edge_never_fails_a_save(settings, caplog):
    settings.EDGE_URLS = [f"http://127.0.0.1:{free_port()}/"]  # nobody listens there
    editor = chief()
    article = ArticleFactory(draft=True)
    purges = []
    real_purge = edge.purge
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(edge, "purge", lambda *a: purges.append(real_purge(*a)))
        publishable_publish(item=article, user=editor)
    article.refresh_from_db()
    assert article.status == PublicationStatus.PUBLISHED
    [thread] = purges
    thread.join(timeout=30)
    assert "Edge purge of xkey-purge" in caplog.text
