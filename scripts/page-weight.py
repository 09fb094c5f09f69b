#!/usr/bin/env python3
"""Page weight as a browser sees it: loads each page in headless Chromium (selenium and
chromium-driver) at a desktop and a phone width and adds up the bytes transferred for the page,
its stylesheet and the pictures it loaded (Resource Timing), before and after scrolling to the end a
screen at a time (lazy pictures load as they come into view). Prints a Markdown table for BENCHMARKS.md.
Usage: page-weight.py BASE_URL PATH..."""
import os
import sys
import time

os.environ.setdefault("SE_AVOID_STATS", "true")  # selenium never reports to the internet
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

base, paths = sys.argv[1], sys.argv[2:]
options = Options()
# Only loopback: a page that still names another host (an older build hot-linked gov.kz's pictures)
# gets a failed request, never traffic off this machine.
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-cache",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.execute_cdp_cmd("Network.enable", {})
driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
SUM = """
const n = performance.getEntriesByType('navigation')[0];
const r = performance.getEntriesByType('resource');
const pictures = r.filter(e => e.initiatorType === 'img');
return [n.transferSize, r.filter(e => e.initiatorType !== 'img').reduce((a, e) => a + e.transferSize, 0),
        pictures.length, pictures.reduce((a, e) => a + e.transferSize, 0)];
"""
print("| page | width | HTML | CSS | pictures on the first screen | whole page, scrolled |")
print("|---|---|---|---|---|---|")
try:
    for path in paths:
        for name, (width, height) in {"desktop": (1280, 900), "phone": (390, 844)}.items():
            driver.set_window_size(width, height)
            driver.get(base + path)
            time.sleep(1)
            html, css, count, pictures = driver.execute_script(SUM)
            # A screen at a time, as a reader scrolls: a jump to the end would skip the lazy
            # pictures in between.
            for _ in range(200):
                if driver.execute_script(
                        "window.scrollBy(0, window.innerHeight);"
                        "return window.scrollY + window.innerHeight >= document.body.scrollHeight;"):
                    break
                time.sleep(0.2)
            time.sleep(1)
            _, _, all_count, all_pictures = driver.execute_script(SUM)
            total = html + css + all_pictures
            print(f"| `{path}` | {name} | {html:,} B | {css:,} B | {count} ({pictures:,} B) | {total:,} B ({all_count} pictures) |")
finally:
    driver.quit()
