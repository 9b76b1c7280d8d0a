"""The edge in `make bench` (issue 16): Varnish hits against nginx serving a static 30 KB file,
and the edge under a publishing load: 50 clients reading while an editor publishes once a
second, with the hit ratio, the errors, and how long each new article takes to show.

Everything runs on loopback ports in a temporary directory: gunicorn (no page cache, so the
edge alone is measured), Varnish with the project's VCL in front, nginx beside them.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template import loader
from django.test import override_settings

from apps.core.models import PublicationStatus
from apps.core.services import publishable_publish
from apps.news.models import Article

HOST = "127.0.0.1"
VCL = Path(settings.BASE_DIR) / "tools" / "varnish" / "default.vcl"
MIX_SCRIPT = Path(__file__).with_name("edge_mix.lua")
LOAD_CONNECTIONS = 50
PUBLISH_EVERY = 1.0  # seconds
STALE_LIMIT = 1.0  # a changed page shows the change within this, after the commit

# Targets.
HIT_VS_NGINX = 0.50
HIT_RATIO = 0.95


def which(name, *candidates):
    for path in (shutil.which(name), *candidates):
        if path and Path(path).exists():
            return path
    return None


def measure_edge(*, paths, duration, load_seconds, wrk, progress, check, free_port, wait_until_up):
    varnishd = which("varnishd", "/usr/sbin/varnishd")
    nginx = which("nginx", "/usr/sbin/nginx")
    if not varnishd or not nginx:
        missing = "varnishd or nginx is missing (apt-get install varnish varnish-modules nginx)"
        return {"skipped": missing, "checks": [check("edge measured", None, "==", 1)]}
    work = Path(tempfile.mkdtemp(prefix="cstonews-edge-"))
    work.chmod(0o755)
    processes = []
    try:
        static_url = start_nginx(nginx, work, free_port(), processes)
        origin_port, edge_port = free_port(), free_port()
        edge_url = f"http://{HOST}:{edge_port}"
        env = {**os.environ, "PAGE_CACHE_SECONDS": "0", "QUERY_CACHE_SECONDS": "0",
               "DJANGO_BENCH_BASELINE": "1", "EDGE_URLS": edge_url + "/"}  # fmt: skip
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cstonews.wsgi:application", "--workers", "2",
             "--bind", f"{HOST}:{origin_port}", "--no-control-socket"],
            cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))  # fmt: skip
        (work / "backend.vcl").write_text(
            f'backend default {{ .host = "{HOST}"; .port = "{origin_port}"; }}\n'
        )
        processes.append(subprocess.Popen(
            [varnishd, "-F", "-j", "none", "-n", str(work / "varnish"), "-a",
             f"{HOST}:{edge_port}", "-f", str(VCL), "-p", f"vcl_path={work}:{VCL.parent}",
             "-s", "malloc,256m"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))  # fmt: skip
        wait_until_up(processes[1], f"http://{HOST}:{origin_port}/bench/baseline/", work / "log")
        wait_until_up(processes[2], f"{edge_url}{paths['home']}", work / "log")

        progress("Edge: nginx static file, Varnish hit, bare view")
        rows = {"nginx static 30 KB": wrk(static_url, duration)}
        for key in ("article_detail", "home"):
            urllib.request.urlopen(edge_url + paths[key]).read()
            rows[f"Varnish hit: {key}"] = wrk(edge_url + paths[key], duration)
        rows["bare view (gunicorn)"] = wrk(f"http://{HOST}:{origin_port}/bench/baseline/", duration)
        nginx_rps = rows["nginx static 30 KB"]["rps"]
        for row in rows.values():
            row["vs_nginx"] = round(row["rps"] / nginx_rps, 3) if nginx_rps else None
        hit = rows["Varnish hit: article_detail"]
        checks = [check("Varnish hit ÷ nginx static", hit["vs_nginx"], ">=", HIT_VS_NGINX)]

        progress(f"Edge under a publishing load ({load_seconds} s, {LOAD_CONNECTIONS} clients)")
        load = publishing_load(edge_url, work, paths, load_seconds, wrk)
        checks += [
            check("hit ratio", load["hit_ratio"], ">=", HIT_RATIO),
            check("errors", load["errors"], "==", 0),
            check("slowest new article to show", load["slowest_show_s"], "<", STALE_LIMIT, " s"),
        ]
        return {"throughput": rows, "load": load, "checks": checks}
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


def start_nginx(nginx, work, port, processes):
    www = work / "www"
    www.mkdir()
    www.chmod(0o755)
    static = www / "page.html"
    static.write_text(loader.get_template("core/bench_baseline.html").render())
    static.chmod(0o644)
    (work / "nginx.conf").write_text(
        f"daemon off; worker_processes 2; pid {work}/nginx.pid; error_log {work}/nginx.log;\n"
        "events { worker_connections 1024; }\n"
        f"http {{ access_log off; server {{ listen {HOST}:{port}; root {www}; }} }}\n"
    )
    processes.append(subprocess.Popen([nginx, "-c", str(work / "nginx.conf"), "-p", str(work)]))
    url = f"http://{HOST}:{port}/page.html"
    for _ in range(100):
        try:
            urllib.request.urlopen(url).read()
            return url
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("nginx did not start")


def varnish_counters(work):
    output = subprocess.run(
        ["varnishstat", "-n", str(work / "varnish"), "-j"], capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip
    data = json.loads(output)
    counters = data.get("counters", data)
    return {name: counters[f"MAIN.{name}"]["value"] for name in ("cache_hit", "cache_miss")}


def publishing_load(edge_url, work, paths, seconds, wrk):
    """50 clients read the home page, the news list and an article while an editor publishes
    a new article every second; each new title is then watched for on the news list."""
    editor = get_user_model().objects.filter(is_superuser=True).first()
    section = Article.objects.order_by("-pk").first().section
    mix = " ".join(paths[key] for key in ("home", "article_list", "article_detail"))
    before = varnish_counters(work)
    shown_after = []
    result = {}

    def readers():
        result.update(wrk(edge_url, seconds, script=MIX_SCRIPT,
                          connections=LOAD_CONNECTIONS, env={"BENCH_PATHS": mix}))  # fmt: skip

    reading = threading.Thread(target=readers)
    reading.start()
    started = time.monotonic()
    number = 0
    with override_settings(EDGE_URLS=[edge_url + "/"]):
        while time.monotonic() - started < seconds - 2:
            number += 1
            title = f"Bench publication {number} {time.time():.0f}"
            item = Article.objects.create(
                section=section, title_en=title, title_ru=title, lead_en="Lead.",
                lead_ru="Лид.", body_en="<p>Body.</p>", body_ru="<p>Текст.</p>",
                slug_en=f"bench-publication-{number}-{time.time_ns()}",
                status=PublicationStatus.DRAFT,
            )  # fmt: skip
            publishable_publish(item=item, user=editor)
            committed = time.monotonic()
            while time.monotonic() - committed < 10:
                body = urllib.request.urlopen(edge_url + paths["article_list"]).read().decode()
                if title in body:
                    break
                time.sleep(0.01)
            shown_after.append(round(time.monotonic() - committed, 3))
            time.sleep(max(0.0, PUBLISH_EVERY - (time.monotonic() - committed)))
    reading.join()
    after = varnish_counters(work)
    hits = after["cache_hit"] - before["cache_hit"]
    misses = after["cache_miss"] - before["cache_miss"]
    return {
        "seconds": seconds, "connections": LOAD_CONNECTIONS, "publications": number,
        "requests": result["requests"], "rps": result["rps"], "p95_ms": result["p95_ms"],
        "errors": result["non_2xx_3xx"] + result["socket_errors"],
        "hits": hits, "misses": misses,
        "hit_ratio": round(hits / (hits + misses), 4) if hits + misses else None,
        "slowest_show_s": max(shown_after) if shown_after else None,
        "median_show_s": sorted(shown_after)[len(shown_after) // 2] if shown_after else None,
    }  # fmt: skip
