#!/usr/bin/env python3
"""Screenshots of the editors' room in headless Chromium at phone and desktop widths, signed in
through the sign-in form as a person would (selenium and chromium-driver; used by check-pages).
Usage: room-screenshots.py BASE_URL ARTICLE_ID OUT_DIR"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, article, out = sys.argv[1], sys.argv[2], sys.argv[3]
options = Options()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(base + "/admin/login")
    driver.find_element(By.ID, "login").send_keys("checker")
    driver.find_element(By.ID, "password").send_keys("check pages password")
    driver.find_element(By.CSS_SELECTOR, "form.room-form button[type=submit]").click()
    # The click returns before the answer has loaded.
    try:
        WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/admin"))
    except Exception:
        pass
    if not driver.current_url.endswith("/admin"):
        sys.exit(f"sign-in failed: at {driver.current_url}")
    # An article of the newsroom's own, typed into the editor as a person would.
    driver.get(base + "/admin/writing/new")
    driver.find_element(By.ID, "title-kk").send_keys("Ақтөбеде жаңа мектеп ашылды")
    driver.find_element(By.ID, "lead-kk").send_keys("Мектеп 1200 оқушыға арналған.")
    driver.find_element(By.ID, "body-kk").send_keys("Жаңа мектеп қыркүйекте ашылды.\n\nОнда 60 сынып бар.")
    driver.find_element(By.CSS_SELECTOR, "form.writing button[type=submit]").click()
    try:
        WebDriverWait(driver, 10).until(lambda d: "/admin/writing/" in d.current_url and "/new" not in d.current_url)
    except Exception:
        pass
    if "/admin/writing/" not in driver.current_url:
        sys.exit(f"saving the article failed: at {driver.current_url}")
    editor = driver.current_url.split("?")[0][len(base):]
    # A correction of the article's section, so its history shows a human change beside the machines'.
    driver.get(f"{base}/admin/articles/{article}")
    driver.find_element(By.CSS_SELECTOR, "#section option[value=law]").click()
    driver.find_element(By.ID, "correction-reason").send_keys("a court ruling, not economics")
    driver.find_element(By.ID, "correction-reason").submit()
    WebDriverWait(driver, 10).until(lambda d: "done=" in d.current_url)
    pages = {
        "room-queue": "/admin/queue", "room-queue-focus": "/admin/queue?focus=1", "room-article": f"/admin/articles/{article}",
        "room-history": f"/admin/articles/{article}/history", "room-source": "/admin/sources/kgd-zhetysu", "room-overview": "/admin",
        "room-editor": editor,
    }
    for name, path in pages.items():
        for size, (width, height) in {"phone": (390, 844), "desktop": (1280, 900)}.items():
            driver.set_window_size(width, height)
            driver.get(base + path)
            driver.save_screenshot(f"{out}/{name}-{size}.png")
finally:
    driver.quit()
