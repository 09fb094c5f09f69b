#!/usr/bin/env python3
"""Screenshots of the public site for docs/screenshots: the front pages of the three editions, a
section, an article with its picture and a search, at phone and desktop widths, in the light theme
and (front page, article) the dark one. Headless Chromium through selenium and chromium-driver; each
shot waits until the page's pictures have loaded. Saved as JPEG to keep the repository small.
Usage: site-screenshots.py BASE_URL OUT_DIR"""
import os
import re
import subprocess
import sys
import time
import urllib.request

os.environ.setdefault("SE_AVOID_STATS", "true")  # selenium never reports to the internet
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

base, out = sys.argv[1], sys.argv[2]
front = urllib.request.urlopen(base + "/en").read().decode()
# The lead story (it has a picture in the demo).
article = re.search(r'<ul class="news lead-first">\s*<li[^>]*>.*?<a href="(/en/news/[^"]+)"', front, re.S).group(1)
pages = {
    "home-en": "/en", "home-ru": "/ru", "home-kk": "/kk", "section-en": "/en/category/society",
    "article-en": article, "search-en": "/en/search?q=tax",
}
dark = {"home-en", "article-en"}
sizes = {"desktop": (1280, 900), "phone": (390, 844)}

options = Options()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    for name, path in pages.items():
        for theme in ("light", "dark") if name in dark else ("light",):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": theme}]})
            for size, (width, height) in sizes.items():
                driver.set_window_size(width, height)
                driver.get(base + path)
                for _ in range(50):
                    if driver.execute_script("return [...document.images].every(i => i.complete)"):
                        break
                    time.sleep(0.1)
                png = os.path.join(out, f"{name}-{size}{'-dark' if theme == 'dark' else ''}.png")
                driver.save_screenshot(png)
                subprocess.run(["vips", "copy", png, png[:-4] + ".jpg[Q=78,strip]"], check=True)
                os.remove(png)
                print("saved", png[:-4] + ".jpg")
finally:
    driver.quit()
