"""Text helpers that the whole site shares."""

from django.utils.text import slugify

# Russian (and the Cyrillic letters of the member states' languages) in Latin letters,
# close to the ICAO passport transliteration that the CSTO's own English site uses.
CYRILLIC_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    "ў": "u",
    "ҷ": "j",
    "ҳ": "h",
    "ӣ": "i",
    "ӯ": "u",
    "ҝ": "g",
}


def transliterate(text):
    """Cyrillic letters as Latin ones; everything else unchanged."""
    out = []
    for char in text:
        latin = CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char.isupper() else latin)
    return "".join(out)


def latin_slug(text, max_length=None):
    """A slug in Latin letters, transliterated from Cyrillic: no percent-encoded URLs."""
    slug = slugify(transliterate(text))
    return slug[:max_length].rstrip("-") if max_length else slug
