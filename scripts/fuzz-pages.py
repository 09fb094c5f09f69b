#!/usr/bin/env python3
"""Page-parameter fuzzer: every route of the site with hostile path segments and query values,
against a running server on loopback. Fails (exit 1) on any 5xx or a dropped connection.
Bounded in requests and time. Usage: fuzz-pages.py BASE_URL [REQUESTS] [SECONDS]"""
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
budget = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
deadline = time.time() + (float(sys.argv[3]) if len(sys.argv) > 3 else 90)
rng = random.Random(15)

routes = [
    "/", "/{lang}", "/{lang}/news/all", "/{lang}/news/{article}", "/{lang}/category/{section}", "/{lang}/region/{region}",
    "/{lang}/source/{source}", "/{lang}/search", "/{lang}/archive/{day}", "/{lang}/news/all/{feed}",
    "/{lang}/category/{section}/{feed}", "/{lang}/region/{region}/{feed}", "/{lang}/source/{source}/{feed}",
    "/{lang}/search/{feed}", "/{lang}/archive/{day}/{feed}", "/{lang}/sources.opml", "/robots.txt", "/sitemap.xml",
    "/sitemaps/{month}", "/static/site.css", "/healthz", "/api/v1/articles", "/api/v1/articles/{article}",
    "/api/v1/stories/{article}", "/api/v1/sources", "/api/v1/sources/{source}", "/api/v1/sections", "/api/v1/regions",
    "/api/v1/openapi.json",
]
hostile = [
    "", "0", "-1", "99999999999999999999999", "1e30", "NaN", "%00", "%ff%fe", "%", "%%", "..", "../../etc/passwd", "a" * 3000,
    "<script>alert(1)</script>", "\"'", "налог", "салық*", "*", "AND", "NOT", "OR OR", "\"unbalanced", "(", ")", "+", "++",
    "2025-02-30", "2025-12-18", "3381-05-10", "1989-12-31", "\u202e", "\U0001F600", "null", "[]", "{}", "x" * 301,
]
values = {
    "lang": ["en", "kk", "ru", "de", "EN", "", "..", "%00"],
    "article": ["1", "1-slug", "2", "0", "-5", "abc", "9" * 25, "1-%3Cscript%3E"],
    "section": ["economics", "politics", "nope", "ECONOMICS"],
    "region": ["astana", "abroad", "almaty-city", "nowhere"],
    "source": ["kgd-zhetysu", "mfa-london", "ardfm", "nowhere", "KGD"],
    "day": ["2025-12-18", "2026-01-01", "2025-02-30", "archive", "9999-99-99"],
    "feed": ["rss.xml", "atom.xml", "feed.json", "feed.xml", "x"],
    "month": ["2025-12.xml", "2025-13.xml", "x.xml", "2025-12"],
}
parameters = ["page", "q", "from", "to", "section", "region", "source", "order", "lang", "limit", "cursor", "unknown"]


def pick(kind):
    pool = values.get(kind, []) + [urllib.parse.quote(v, safe="") for v in rng.sample(hostile, 3)]
    return rng.choice(pool) or "x"


sent = failures = 0
methods = ["GET"] * 8 + ["HEAD", "POST", "DELETE", "OPTIONS", "TRACE"]
while sent < budget and time.time() < deadline:
    route = rng.choice(routes)
    path = route
    for kind in ["lang", "article", "section", "region", "source", "day", "feed", "month"]:
        path = path.replace("{" + kind + "}", pick(kind))
    query = "&".join(
        f"{name}={rng.choice([urllib.parse.quote(rng.choice(hostile), safe=''), urllib.parse.quote_plus(rng.choice(hostile)), pick(name)])}"
        for name in rng.sample(parameters, rng.randint(0, 4)))
    url = base + path + ("?" + query if query else "")
    method = rng.choice(methods)
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except Exception as error:  # a dropped connection or a timeout is a failure too
        status = f"no answer ({error})"
    sent += 1
    if not isinstance(status, int) or status >= 500:
        failures += 1
        print(f"FAIL {method} {url[:300]} -> {status}", file=sys.stderr)
print(f"fuzz-pages: {sent} requests, {failures} failures")
sys.exit(1 if failures else 0)
