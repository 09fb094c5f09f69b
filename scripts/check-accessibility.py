#!/usr/bin/env python3
"""Runs axe-core (axe-selenium-python's bundled copy, axe-core 3.1: WCAG 2.0 A and AA, best practices) in headless Chromium over pages of a running
site, in the light and the dark theme, and fails on any violation. Pages under /admin are checked
signed in through the sign-in form, as a person signs in (used by check-pages).
Usage: check-accessibility.py BASE_URL LOGIN PASSWORD PATH...
Writes artifacts/accessibility.json (every violation, by page and theme)."""
import json
import os
import sys

os.environ.setdefault("SE_AVOID_STATS", "true")  # selenium never reports to the internet
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, login, password, paths = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
options = Options()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900"):
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(120)
report, failures = [], 0
try:
    signed_in = False
    for theme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": theme}]})
        for path in paths:
            if path.startswith("/admin") and path != "/admin/login" and not signed_in:
                driver.get(base + "/admin/login")
                driver.find_element(By.ID, "login").send_keys(login)
                driver.find_element(By.ID, "password").send_keys(password)
                driver.find_element(By.CSS_SELECTOR, "form.room-form button[type=submit]").click()
                WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/admin"))
                signed_in = True
            driver.get(base + path)
            axe = Axe(driver)
            axe.inject()
            results = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(done, e => done({error: String(e)}));",
                ["wcag2a", "wcag2aa", "best-practice"])
            if "error" in results:
                sys.exit(f"axe-core failed on {path}: {results['error']}")
            violations = results["violations"]
            failures += len(violations)
            report.append({"path": path, "theme": theme, "violations": violations, "passes": len(results["passes"])})
            status = "ok" if not violations else f"{len(violations)} violation(s)"
            print(f"axe {theme:5} {path}: {status}")
            for violation in violations:
                targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
                print(f"    {violation['id']} ({violation['impact']}): {violation['help']} — {', '.join(targets)}")
finally:
    driver.quit()
os.makedirs("artifacts", exist_ok=True)
with open("artifacts/accessibility.json", "w") as file:
    json.dump(report, file, indent=1)
print(f"axe-core: {failures} violation(s) over {len(paths)} pages in two themes")
sys.exit(1 if failures else 0)
