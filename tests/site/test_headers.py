"""Security headers on every page type: an HTTP Observatory-style score of A+ (>= 100).

The scoring follows Mozilla's HTTP Observatory: start at 100; a missing or unsafe
Content-Security-Policy, short HSTS, missing nosniff or framing protection, or insecure
cookies cost points; a policy with default-src 'none', framing forbidden by the policy,
a private Referrer-Policy and secure, HttpOnly, SameSite cookies add them.
"""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, EventFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

SIX_MONTHS = 15_768_000
PRIVATE_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


def policy(header):
    directives = {}
    for part in filter(None, (p.strip() for p in (header or "").split(";"))):
        name, *values = part.split()
        directives[name] = values
    return directives


def observatory(response):
    """(score, failed tests) for one response, the Observatory's way."""
    score, failed = 100, []

    def penalty(points, test):
        nonlocal score
        score -= points
        failed.append(test)

    csp = policy(response.get("Content-Security-Policy"))
    if not csp:
        penalty(25, "csp-not-implemented")
    else:
        script = csp.get("script-src", csp.get("default-src", []))
        if "'unsafe-inline'" in script or "'unsafe-eval'" in script:
            penalty(20, "csp-implemented-with-unsafe-inline")
        elif any(source in {"*", "http:", "https:", "data:"} for source in script):
            penalty(10, "csp-implemented-with-insecure-scheme")
        elif csp.get("default-src") == ["'none'"] and "'unsafe-inline'" not in csp.get(
            "style-src", []
        ):
            score += 10  # csp-implemented-with-no-unsafe-default-src-none
        for directive, wanted in [("object-src", "'none'"), ("base-uri", "'self'")]:
            if csp.get(directive) != [wanted]:
                failed.append(f"csp-{directive}-not-restricted")
    hsts = response.get("Strict-Transport-Security", "")
    max_age = int(hsts.split("max-age=")[1].split(";")[0]) if "max-age=" in hsts else 0
    if not hsts:
        penalty(20, "hsts-not-implemented")
    elif max_age < SIX_MONTHS:
        penalty(10, "hsts-implemented-max-age-less-than-six-months")
    if response.get("X-Content-Type-Options") != "nosniff":
        penalty(5, "x-content-type-options-not-implemented")
    if csp.get("frame-ancestors") in (["'none'"], ["'self'"]):
        score += 5  # x-frame-options-implemented-via-csp
    elif response.get("X-Frame-Options") not in {"DENY", "SAMEORIGIN"}:
        penalty(20, "x-frame-options-not-implemented")
    if response.get("Referrer-Policy") in PRIVATE_REFERRERS:
        score += 5  # referrer-policy-private
    if response.get("Cross-Origin-Opener-Policy") != "same-origin":
        failed.append("cross-origin-opener-policy-not-same-origin")
    cookies = list(response.cookies.values())
    for cookie in cookies:
        if not cookie["secure"]:
            penalty(20, f"cookies-without-secure-flag ({cookie.key})")
        if cookie.key == "sessionid" and not cookie["httponly"]:
            penalty(30, "cookies-session-without-httponly-flag")
        if not cookie["samesite"]:
            failed.append(f"cookies-without-samesite ({cookie.key})")
    if cookies and not failed:
        score += 5  # cookies-secure-with-httponly-sessions-and-samesite
    return score, failed


def public_pages():
    article = ArticleFactory()
    return [
        reverse("news:home"),
        reverse("news:article_list"),
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        EventFactory().get_absolute_url(),
        reverse("agreements:agreement_list"),
        OrganisationFactory().get_absolute_url(),
        reverse("search:results") + "?q=summit",
        reverse("news:feed_rss"),
        reverse("sitemap"),
        "/no-such-page/",
    ]


def test_every_public_page_type_scores_a_plus(client):
    for url in public_pages():
        response = client.get(url, secure=True)
        score, failed = observatory(response)
        assert (score >= 100, failed) == (True, []), f"{url}: {score} {failed}"
        assert score >= 120, f"{url}: {score}"


def test_the_newsroom_scores_a_plus_with_its_looser_style_policy(
    client, django_user_model, settings
):
    from django.contrib.auth.models import Group

    from apps.newsroom.roles import SITE_ADMINISTRATOR

    chief = django_user_model.objects.create_user(
        "chief", "chief@example.org", "a-long-passphrase", is_staff=True
    )
    chief.groups.add(Group.objects.get(name=SITE_ADMINISTRATOR))
    settings.TWO_FACTOR_REQUIRED = False  # signing in with it: tests/newsroom/test_sign_in.py
    login = client.get(reverse("admin:login"), secure=True)
    assert observatory(login) >= (100, [])
    signed_in = client.post(
        reverse("admin:login"),
        {"username": "chief", "password": "a-long-passphrase"},
        secure=True,
    )
    assert signed_in.status_code == 302
    assert set(signed_in.cookies) >= {"sessionid"}
    assert observatory(signed_in) == (115, [])
    article = ArticleFactory()
    for url in [
        reverse("admin:index"),
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_change", args=[article.pk]),
    ]:
        response = client.get(url, secure=True)
        csp = policy(response["Content-Security-Policy"])
        assert "'unsafe-inline'" not in csp["script-src"]
        assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
        score, failed = observatory(response)
        assert (score >= 100, failed) == (True, []), f"{url}: {score} {failed}"


def test_the_editors_import_map_carries_the_nonce_of_its_response(staff_client):
    response = staff_client.get(reverse("admin:news_article_add"), secure=True)
    html = response.content.decode()
    nonce = policy(response["Content-Security-Policy"])["script-src"][1]
    assert nonce.startswith("'nonce-")
    assert f'<script type="importmap" nonce="{nonce[7:-1]}">' in html


def test_public_pages_carry_no_nonce_so_cached_copies_stay_valid(client):
    # A nonce in a cached page would be stale: public pages need none (nothing inline).
    response = client.get(reverse("news:home"), secure=True)
    assert "nonce-" not in response["Content-Security-Policy"]
    assert "<script>" not in response.content.decode()


def permissions_policy(response):
    """{"camera": "()", ...} from a Permissions-Policy header."""
    features = {}
    for part in filter(
        None, (p.strip() for p in response.get("Permissions-Policy", "").split(","))
    ):
        name, _, allowed = part.partition("=")
        features[name] = allowed
    return features


def test_public_pages_the_sign_in_page_and_a_404_deny_powerful_features(client):
    responses = {
        url: client.get(url, secure=True) for url in [*public_pages(), reverse("admin:login")]
    }
    assert responses["/no-such-page/"].status_code == 404
    for url, response in responses.items():
        features = permissions_policy(response)
        for feature in ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]:
            assert features.get(feature) == "()", f"{url}: {feature} {features}"
