#!/usr/bin/env python3
"""Reads the site's feeds as a feed reader does (feedparser): each must parse without complaint,
carry items with a title, a link on the site and their own language, and its pictures must be the
site's own sizes that answer as JPEG; nothing may point at gov.kz's pictures (a reader's app would
hot-link them).

Usage: scripts/check-feeds.py BASE_URL FEED_PATH...   (exits non-zero on any problem)
"""
import json
import re
import sys
import urllib.parse
import urllib.request

import feedparser


# An <img> whose address is gov.kz's (links to gov.kz's documents are fine).
HOT_LINK = re.compile(r"<img[^>]*\ssrc=[\"']?https?://[^\"'\s>]*gov\.kz", re.IGNORECASE)


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.status, answer.headers.get("Content-Type", ""), answer.read()


def pictures_of(entry):
    found = [m.get("url") for m in entry.get("media_content", []) if m.get("medium") == "image"]
    found += [link.get("href") for link in entry.get("links", []) if link.get("rel") == "enclosure"]
    if entry.get("image"):
        found.append(entry["image"] if isinstance(entry["image"], str) else entry["image"].get("href"))
    return [url for url in found if url]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base, paths = sys.argv[1].rstrip("/"), sys.argv[2:]
    problems, items, with_pictures, checked = [], 0, 0, set()
    for path in paths:
        status, kind, body = fetch(base + path)
        if status != 200:
            problems.append(f"{path}: status {status}")
            continue
        if urllib.parse.urlsplit(path).path.endswith(".json"):
            document = json.loads(body)
            entries = document.get("items", [])
            for entry in entries:
                if not entry.get("title") or not entry.get("url", "").startswith(base) or entry.get("language") not in ("kk", "ru", "en"):
                    problems.append(f"{path}: item {entry.get('id')} lacks a title, a link on the site or its language")
        else:
            parsed = feedparser.parse(body)
            if parsed.bozo:
                problems.append(f"{path}: feedparser: {parsed.bozo_exception}")
            entries = parsed.entries
            for entry in entries:
                language = entry.get("language") or entry.get("dc_language") or (entry.get("title_detail") or {}).get("language")
                if not entry.get("title") or not entry.get("link", "").startswith(base) or language not in ("kk", "ru", "en"):
                    problems.append(f"{path}: item {entry.get('id')} lacks a title, a link on the site or its language ({language})")
        if not entries:
            problems.append(f"{path}: no items")
        for entry in entries:
            html = entry.get("content_html") or " ".join(part.get("value", "") for part in entry.get("content", []))
            if HOT_LINK.search(html):
                problems.append(f"{path}: item {entry.get('id')} shows a picture from gov.kz")
        items += len(entries)
        for entry in entries:
            urls = pictures_of(entry)
            with_pictures += bool(urls)
            for url in urls:
                if not url.startswith(base + "/media/"):
                    problems.append(f"{path}: picture {url} is not one of the site's")
                elif url not in checked:
                    checked.add(url)
                    status, kind, data = fetch(url)
                    if status != 200 or kind != "image/jpeg" or not data.startswith(b"\xff\xd8"):
                        problems.append(f"{path}: picture {url} answered {status} {kind}")
    print(f"feeds: {len(paths)} read, {items} items, {with_pictures} with a picture, {len(checked)} pictures fetched")
    for problem in problems:
        print("  " + problem)
    if not with_pictures:
        problems.append("no item carries a picture")
        print("  no item carries a picture")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
