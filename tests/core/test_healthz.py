"""/healthz: whether the database answers, asked on a fresh connection each time."""

import pytest
from django.db import connections


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    original = connections.create_connection

    def unreachable(alias):
        connection = original(alias)
        connection.settings_dict = {**connection.settings_dict, "HOST": "127.0.0.1", "PORT": "1"}
        return connection

    monkeypatch.setattr(connections, "create_connection", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_healthz_opens_a_fresh_connection_each_time(client, monkeypatch):
    opened = []
    original = connections.create_connection
    monkeypatch.setattr(
        connections, "create_connection", lambda alias: opened.append(alias) or original(alias)
    )
    client.get("/healthz")
    client.get("/healthz")
    assert opened == ["default", "default"]
