"""iCalendar (RFC 5545) for events: one event, or a subscribable feed of upcoming ones."""

from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone

#: The stable part of every event's UID: not the host a calendar was fetched from, which
#: differs behind proxies and mirrors, so that one event stays one event in a calendar.
UID_DOMAIN = "cstonews.odkb-csto.org"


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never split a character
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74
    return "\r\n ".join(parts)


def vevent(event, request):
    now = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    url = request.build_absolute_uri(event.get_absolute_url())
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{UID_DOMAIN}",
        f"DTSTAMP:{now}",
        f"LAST-MODIFIED:{event.updated_at.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{event.start_date:%Y%m%d}",
        # DTEND of an all-day event is exclusive: the day after the last day.
        f"DTEND;VALUE=DATE:{event.end_date + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(event.title)}",
        f"URL:{url}",
        f"STATUS:{'CANCELLED' if event.event_status == 'cancelled' else 'CONFIRMED'}",
    ]
    location = ", ".join(part for part in [event.venue, event.place] if part)
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{_escape(event.description)}")
    lines.append(f"CATEGORIES:{_escape(event.get_kind_display())}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, request, name):
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{_escape(settings.SITE_NAME)}//cstonews//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
        f"X-WR-TIMEZONE:{settings.TIME_ZONE}",
    ]
    for event in events:
        lines.extend(vevent(event, request))
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
