"""Both catalogues are complete, and the site reads well in each language."""

import re
import subprocess
from datetime import date
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation.template import templatize

from apps.core.templatetags.cstonews import date_range

LOCALE = Path(settings.BASE_DIR) / "locale"
#: What `makemessages` looks for in Python code, besides gettext's own keywords.
KEYWORDS = [
    "gettext_noop", "gettext_lazy", "ngettext_lazy:1,2", "pgettext:1c,2", "npgettext:1c,2,3",
    "pgettext_lazy:1c,2", "npgettext_lazy:1c,2,3",
]  # fmt: skip
#: English words with more than one sense in the newsroom: each use must say which one
#: (a context), or the Russian catalogue can only pick one (“state” as a country).
HOMONYMS = {"State", "state", "Status", "status", "Meeting", "Order", "order", "Party", "Title"}


def catalogue(language, domain="django"):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.po"))


def xgettext(paths, language):
    keywords = [f"--keyword={keyword}" for keyword in KEYWORDS]
    done = subprocess.run(
        ["xgettext", f"--language={language}", "--from-code=UTF-8", *keywords, "--output=-",
         *map(str, paths)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return polib.pofile(done.stdout) if done.stdout else []


def source_strings(tmp_path):
    """(msgid, context) of every string marked for translation, found as `makemessages`
    finds them: Python with its keywords, templates through Django's templatize."""
    base = Path(settings.BASE_DIR)
    python = [p for p in (base / "apps").rglob("*.py") if "migrations" not in p.parts]
    python += list((base / "cstonews").rglob("*.py"))
    templates = []
    for number, path in enumerate(sorted((base / "templates").rglob("*.html"))):
        converted = tmp_path / f"template_{number}.py"
        converted.write_text(templatize(path.read_text(), origin=str(path)))
        templates.append(converted)
    entries = [*xgettext(python, "Python"), *xgettext(templates, "Python")]
    return {(entry.msgid, entry.msgctxt) for entry in entries}


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_string_is_in_the_catalogue_and_translated(language, tmp_path):
    po = catalogue(language)
    translated = {(e.msgid, e.msgctxt) for e in po if e.translated()}
    missing = {s for s in source_strings(tmp_path) if s not in translated}
    assert not missing, f"untranslated in {language}: {sorted(missing, key=str)[:20]}"
    assert not [e.msgid for e in po if "fuzzy" in e.flags]


def test_words_with_two_senses_always_say_which(tmp_path):
    bare = {msgid for msgid, context in source_strings(tmp_path) if context is None}
    assert not bare & HOMONYMS


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_script_string_is_in_the_javascript_catalogue(language):
    """The newsroom's scripts (autosave, word count, the editor's toolbar) speak its language."""
    scripts = sorted((Path(settings.BASE_DIR) / "static" / "js").glob("*.js"))
    found = {(e.msgid, e.msgctxt) for e in xgettext(scripts, "JavaScript")}
    translated = {(e.msgid, e.msgctxt) for e in catalogue(language, "djangojs") if e.translated()}
    assert ("bold", None) in found
    assert not found - translated, sorted(found - translated, key=str)


def test_russian_placeholders_match_the_english_ones():
    for entry in catalogue("ru"):
        names = set(re.findall(r"%\(\w+\)[sd]", entry.msgid))
        strings = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in strings:
            assert set(re.findall(r"%\(\w+\)[sd]", text)) == names, entry.msgid


def test_the_compiled_catalogue_is_used():
    with translation.override("ru"):
        assert translation.gettext("Back to the section") == "Назад в раздел"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", ["1 марта 2023", "27-30 марта 2023", "30 марта - 2 апреля 2023"]),
        ("en", ["1 March 2023", "27-30 March 2023", "30 March - 2 April 2023"]),
    ],
)
def test_dates_and_ranges_in_each_language(language, expected):
    with translation.override(language):
        assert [
            date_range(date(2023, 3, 1), None),
            date_range(date(2023, 3, 27), date(2023, 3, 30)),
            date_range(date(2023, 3, 30), date(2023, 4, 2)),
        ] == expected


@pytest.mark.django_db
def test_russian_visitor_reads_the_interface_in_russian(client):
    from tests.factories import ArticleFactory

    article = ArticleFactory()
    with translation.override("ru"):
        url = article.get_absolute_url()
    assert url.startswith("/ru/")
    html = client.get(url).content.decode()
    assert '<html lang="ru">' in html
    assert "Назад в раздел" in html
    # The list style stays; the date is the site's local one (Moscow), not UTC's.
    assert timezone.localtime(article.published_at).strftime("%d.%m.%Y") in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "cookie", "expected"),
    [("ru,en;q=0.8", None, "/ru/"), ("en-GB,en;q=0.9", None, "/en/"), ("de", None, "/ru/"),
     ("ru", "en", "/en/")],
)  # fmt: skip
def test_root_picks_cookie_then_browser_then_default(client, accept, cookie, expected):
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get("/", headers={"Accept-Language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_every_page_links_its_other_languages(client):
    html = client.get(reverse("news:article_list")).content.decode()
    assert '<link rel="alternate" hreflang="ru" href="http://testserver/ru/news/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/news/">' in html
    assert 'href="/ru/news/" hreflang="ru" lang="ru"' in html
