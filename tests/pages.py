"""Public pages in tests: their HTML, the titles a list shows, their JSON-LD blocks."""

import json
import re


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def titles(response, key):
    return [str(item) for item in response.context[key]]


def json_ld_blocks(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
