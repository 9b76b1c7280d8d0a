# The edge in front of gunicorn: caches anonymous GETs, purges by surrogate key (xkey).
#
# The backend comes from backend.vcl beside this file (docker-compose.yml mounts one for the
# `web` service; the tests and `make run-edge` write one for their port). Django names what
# each page shows in its Surrogate-Key header; apps/core/edge.py purges those keys after a
# public change: hard for the changed item (never served stale), soft for the lists and
# pages that merely mention it (served stale for a moment while Varnish fetches anew).
vcl 4.1;

import std;
import xkey;

include "backend.vcl";

acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        } elsif (req.http.xkey-softpurge) {
            set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "Name the keys in xkey-purge or xkey-softpurge"));
        }
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The newsroom, previews, embargo links, health and the language switch are never shared.
    if (req.url ~ "^/(admin|embargo|healthz|i18n|bench)(/|$|\?)" || req.url ~ "/preview/") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Signed in (a session) or about to post a form (a CSRF token): the visitor's own pages.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Only the language choice changes a public page; other cookies would split the cache.
    if (req.http.Cookie ~ "(^|;\s*)language=") {
        set req.http.Cookie = regsub(req.http.Cookie, "^.*?(?:^|;\s*)(language=[^;]*).*$", "\1");
    } else {
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Only what Django declares shareable: a 200 with "public" and no cookie. Not a 404 of
    # an address that is about to go live, nor a redirect, nor the visitor's own page.
    if (beresp.status != 200 || beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public"
            || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Remember for a while that this address is not shared, without queueing on it.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Served stale while Varnish fetches anew: after a soft purge, and while the origin is
    # down. Hard-purged items are gone at once, grace or not.
    set beresp.grace = 1h;
}

sub vcl_deliver {
    # hit, miss, or stale: served in grace while a fresh copy is fetched (after a soft purge).
    if (obj.hits == 0) {
        set resp.http.X-Edge = "miss";
    } elsif (obj.ttl <= 0s) {
        set resp.http.X-Edge = "stale";
    } else {
        set resp.http.X-Edge = "hit";
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
