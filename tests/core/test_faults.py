"""When PostgreSQL is away: a styled 503 with Retry-After, never a traceback or a 500."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError, close_old_connections, connection, connections
from django.test import Client
from django.urls import reverse

from apps.news.views import HomeView
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def unreachable(*args, **kwargs):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_a_page_whose_database_is_down_answers_503(visitor, monkeypatch):
    monkeypatch.setattr(HomeView, "get_context_data", unreachable)
    response = visitor.get(reverse("news:home"))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Back in a moment" in html
    assert "Traceback" not in html
    assert "5432" not in html  # nothing of the server's address leaks


def test_a_signed_in_editor_whose_session_cannot_load_gets_503(visitor, monkeypatch):
    visitor.cookies["sessionid"] = "a" * 32
    monkeypatch.setattr(SessionStore, "load", unreachable)
    response = visitor.get(reverse("admin:index"))
    assert response.status_code == 503


def test_other_errors_stay_500(visitor, monkeypatch):
    monkeypatch.setattr(HomeView, "get_context_data", lambda *a, **k: 1 / 0)
    response = visitor.get(reverse("news:home"))
    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.mark.django_db(transaction=True)
def test_a_lost_database_connection_is_replaced_on_the_next_request(client):
    # What a PostgreSQL restart does to a worker's persistent connection: the server side
    # goes away. The next request must notice (CONN_HEALTH_CHECKS) and connect anew.
    ArticleFactory(title_en="Still here")
    assert client.get(reverse("news:article_list")).status_code == 200
    assert connection.connection is not None, "the connection is kept between requests"
    backend = connection.connection.info.backend_pid
    killer = connections.create_connection("default")
    with killer.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [backend])
    killer.close()
    # What every real request begins with (Django's test client leaves this signal out).
    close_old_connections()
    response = client.get(reverse("news:article_list"))
    assert response.status_code == 200
    assert "Still here" in response.content.decode()
    assert connection.connection.info.backend_pid != backend
