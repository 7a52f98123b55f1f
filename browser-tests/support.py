"""What the browser tests share: the environment `run` sets, the accounts file, the
headless Chromium driver, the demo server a test starts itself (with its clock moved), and the
steps every test takes (waits, clicks that load a new page, the HTTP status of each page load,
full-page screenshots)."""

import base64
import json
import os
import re
import subprocess
import sys
import time
import unittest
import urllib.request
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE_URL = os.environ.get("UNIONSTAR_BASE_URL", "http://127.0.0.1:8080").rstrip("/")
ACCOUNTS_FILE = os.environ.get("UNIONSTAR_ACCOUNTS_FILE", "")
ARTIFACTS_DIR = os.environ.get("UNIONSTAR_ARTIFACTS_DIR", ".")
WAIT_SECONDS = float(os.environ.get("UNIONSTAR_BROWSER_WAIT", "15"))
# The server binary, for a test that stops and starts the server itself (`run` sets it).
SERVER_BIN = os.environ.get("UNIONSTAR_SERVER_BIN", "")
REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SITE_TITLE = "基层工会星级评定平台"
# A phone, as the tests hold one: 390×844.
PHONE = (390, 844)
# The error page's sentence for a failure on the server's side (Strings.Errors).
SERVER_ERROR_TEXT = "系统出了问题"


def points_text(points):
    """Points as the pages write them: 5, 4.5."""
    return f"{points:g}"


def run_steps(case, what):
    """Runs a test's steps in order, stopping at the first failure, prints the one-line summary
    `run` shows, and exits 0 only if every step passed."""
    runner = unittest.TextTestRunner(verbosity=2, failfast=True)
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(case)
    result = runner.run(suite)
    passed = result.testsRun - len(result.failures) - len(result.errors) - len(result.skipped)
    status = "PASS" if result.wasSuccessful() else "FAIL"
    print(f"browser-tests: {status} — {passed}/{suite.countTestCases()} steps of {what} passed against {BASE_URL}")
    sys.exit(0 if result.wasSuccessful() else 1)


def china_today():
    """The real clock's "today" in China (UTC+8), the day a server on the real clock judges by."""
    return datetime.now(timezone(timedelta(hours=8))).date()


def zh_day(day):
    """A date as the pages write it: 2026年11月4日."""
    return f"{day.year}年{day.month}月{day.day}日"


def parse_zh_day(text):
    match = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if not match:
        raise AssertionError(f"not a date as the pages write it: {text!r}")
    return date(int(match[1]), int(match[2]), int(match[3]))


class DemoServer:
    """`unionstar serve` on the port of UNIONSTAR_BASE_URL and the database `run` made
    (DATABASE_PATH, EVIDENCE_PATH and the rest come from the environment), started and stopped by
    the test itself, optionally with its clock replayed from a moment (UNIONSTAR_CLOCK_START, China
    time). Its output is added to server.log in the artifacts folder, which `run` shows on failure."""

    def __init__(self):
        if not SERVER_BIN:
            raise SystemExit("UNIONSTAR_SERVER_BIN is not set: this test starts the server itself (use browser-tests/run)")
        address = urlsplit(BASE_URL)
        self.host, self.port = address.hostname, str(address.port or 80)
        self.log_path = os.path.join(ARTIFACTS_DIR, "server.log")
        self.process = None
        self.log_start = 0

    def start(self, clock_start=None):
        """Starts it and waits for /healthz (60 s at most); `clock_start` is e.g. `2026-12-20T09:00`."""
        environment = dict(os.environ)
        environment.pop("UNIONSTAR_CLOCK_START", None)
        if clock_start:
            environment["UNIONSTAR_CLOCK_START"] = clock_start
        self.log_start = os.path.getsize(self.log_path) if os.path.exists(self.log_path) else 0
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen([SERVER_BIN, "serve", "--hostname", self.host, "--port", self.port],
                                            cwd=REPOSITORY, env=environment, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(BASE_URL + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except Exception:  # noqa: BLE001 - not up yet
                pass
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited ({self.process.returncode}) before answering /healthz; see {self.log_path}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{BASE_URL}/healthz did not answer 200 within 60 s")
            time.sleep(0.3)

    def log(self):
        """What the server wrote since it was last started."""
        with open(self.log_path, "rb") as log:
            log.seek(self.log_start)
            return log.read().decode("utf-8", "replace")

    def stop(self):
        """SIGTERM, as an operator stops it; SIGKILL after 10 s."""
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            print("browser-tests: the server did not stop within 10 s of SIGTERM; killing it", file=sys.stderr)
            self.process.kill()
            self.process.wait()
        self.process = None


def left_page(old_html):
    """Like `EC.staleness_of`, but also taking Chrome's answer for a node caught while its document
    is being replaced ("Node with given id does not belong to the document", a plain
    WebDriverException) as gone, which it is: the check otherwise fails at random on a new page."""
    def gone(_driver):
        try:
            old_html.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return gone


def read_password(path, username):
    """The accounts file has lines like `  name   PASSWORD   role · unit`."""
    if not path:
        raise SystemExit("UNIONSTAR_ACCOUNTS_FILE is not set (use browser-tests/run)")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) >= 2 and fields[0] == username:
                return fields[1]
    raise SystemExit(f"no line for {username!r} in accounts file {path}")


def make_driver(width=1280, height=1600, profile=None):
    """A headless Chromium; with `profile`, one whose data (local storage, cookies) lives in that
    folder, so closing the browser and opening it again on the folder finds them."""
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=zh-CN"):
        options.add_argument(argument)
    if profile:
        options.add_argument(f"--user-data-dir={profile}")
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    # Lets us read HTTP status codes of page loads (selenium has no API for it), and the console.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    if os.path.exists("/usr/bin/chromedriver"):
        service = Service("/usr/bin/chromedriver")
    else:
        service = Service()  # selenium-manager finds one
    driver = webdriver.Chrome(service=service, options=options)
    # Headless Chromium widens a window narrower than 500 px given on the command line;
    # resizing it afterwards gives the exact viewport (390 px for a phone).
    driver.set_window_size(width, height)
    driver.set_page_load_timeout(WAIT_SECONDS * 2)
    return driver


def as_phone(browser):
    """A 390×844 phone: the window, and a mobile viewport (overlay scrollbars, the page's
    viewport meta honoured), as Chromium's device emulation gives it."""
    browser.set_window_size(*PHONE)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True})
    return browser


class BrowserSteps:
    """Mixed into a unittest.TestCase whose `driver` is the browser in use."""

    driver = None

    def wait(self, condition, what):
        try:
            return WebDriverWait(self.driver, WAIT_SECONDS).until(condition)
        except TimeoutException:
            self.fail(f"timed out after {WAIT_SECONDS:g}s waiting for {what}; "
                      f"at {self.driver.current_url}, title {self.driver.title!r}, "
                      f"page starts: {self.page_text()[:600]!r}")

    def page_text(self):
        try:
            return self.driver.find_element(By.TAG_NAME, "body").text
        except Exception:  # noqa: BLE001 - only for diagnostics
            return ""

    def visible(self, by, value, what=None):
        return self.wait(EC.visibility_of_element_located((by, value)), what or f"{by} {value!r}")

    def clickable(self, by, value, what=None):
        return self.wait(EC.element_to_be_clickable((by, value)), what or f"clickable {by} {value!r}")

    def click_and_wait_for_new_page(self, element, what):
        """Click like a person and wait until the browser has left the old page."""
        old_html = self.driver.find_element(By.TAG_NAME, "html")
        self.tap(element)
        self.wait(left_page(old_html), f"a new page after clicking {what}")

    def tap(self, element):
        """Scroll the element to the middle of the window, as a person scrolls to what they press,
        then click it: at the window's bottom edge a page's sticky bar (the self-assessment's save
        bar, the inspection's submit bar) covers it, and WebDriver does not scroll what is in view."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()

    def no_horizontal_scroll(self, what):
        """The page, on the phone, is laid out exactly as wide as the phone and no wider."""
        width = self.driver.execute_script("return document.documentElement.clientWidth")
        scroll = self.driver.execute_script("return document.documentElement.scrollWidth")
        self.assertEqual(width, PHONE[0], f"{what}: the page is laid out {PHONE[0]} px wide")
        self.assertLessEqual(scroll, width, f"{what}: the page is wider ({scroll} px) than the phone ({width} px)")

    def type_into(self, element_id, text):
        field = self.visible(By.ID, element_id)
        field.clear()
        field.send_keys(text)
        return field

    def see_text(self, by, value, text, what):
        self.wait(EC.text_to_be_present_in_element((by, value), text), f"{what} showing {text!r}")

    def path(self):
        return urlsplit(self.driver.current_url).path

    def drain_performance_log(self):
        try:
            self.driver.get_log("performance")
        except Exception:  # noqa: BLE001 - logging is a nicety
            pass

    def document_statuses(self):
        """(status, url) of the documents loaded since the last drain, redirects included, in order."""
        statuses = []
        try:
            entries = self.driver.get_log("performance")
        except Exception:  # noqa: BLE001
            return None
        for entry in entries:
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if params.get("type") != "Document":
                continue
            if message.get("method") == "Network.requestWillBeSent" and params.get("redirectResponse"):
                redirect = params["redirectResponse"]
                statuses.append((redirect["status"], redirect["url"]))
            elif message.get("method") == "Network.responseReceived":
                response = params["response"]
                statuses.append((response["status"], response["url"]))
        return statuses

    def open_page(self, url, what, statuses=(200,)):
        self.drain_performance_log()
        self.driver.get(url)
        self.expect_documents(list(statuses), what)

    def follow(self, element, what, statuses=(200,)):
        """Click what loads a new page; the documents loaded had exactly these statuses."""
        self.drain_performance_log()
        self.click_and_wait_for_new_page(element, what)
        return self.expect_documents(list(statuses), what)

    def sign_in(self, username):
        """Signs in through the form with the password in `self.passwords`; lands on /orgs."""
        self.open_page(BASE_URL + "/signin", "the sign-in page")
        self.type_into("f-username", username)
        self.type_into("f-password", self.passwords[username])
        self.follow(self.signin_form_submit(), f"登录 as {username}", (303, 200))
        self.assertEqual(self.path(), "/orgs", "sign-in lands on /orgs")

    def link(self, text, what=None):
        return self.clickable(By.XPATH, f'//main//a[normalize-space()="{text}"]', what or f"the link {text}")

    def button(self, text, scope="//main"):
        return self.clickable(By.XPATH, f'{scope}//button[@type="submit" and normalize-space()="{text}"]', f"the {text} button")

    def text_of(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css).text.strip()

    def facts(self, css="dl.profile"):
        """A definition list as {label: text}."""
        dl = self.visible(By.CSS_SELECTOR, css, f"the facts {css}")
        labels = [dt.text.strip() for dt in dl.find_elements(By.TAG_NAME, "dt")]
        values = [dd.text.strip() for dd in dl.find_elements(By.TAG_NAME, "dd")]
        return dict(zip(labels, values))

    def notice(self):
        """The page's one confirmation line (after a redirect with ?done=…)."""
        self.visible(By.CSS_SELECTOR, 'p.notice[role="status"]', "the confirmation")
        lines = [p.text.strip() for p in self.driver.find_elements(By.CSS_SELECTOR, 'p.notice[role="status"]')]
        self.assertEqual(len(lines), 1, f"one confirmation, not {lines}")
        return lines[0]

    def console_errors(self, allowed=()):
        """The console's errors since the last read (reading empties the log): favicon.ico's 404
        aside, and those whose message holds one of `allowed`."""
        try:
            entries = self.driver.get_log("browser")
        except Exception:  # noqa: BLE001
            entries = []
        return [e for e in entries if e.get("level") == "SEVERE" and "/favicon.ico" not in e.get("message", "")
                and not any(pattern in e.get("message", "") for pattern in allowed)]

    def assert_clean_console(self, what, allowed=()):
        errors = self.console_errors(allowed)
        self.assertEqual(errors, [], f"errors in the browser console on {what}: " + "\n".join(e.get("message", "") for e in errors))

    def assert_screenshots(self, names):
        """Every screenshot the walk took is there and a real picture."""
        for name in names:
            path = os.path.join(ARTIFACTS_DIR, name)
            self.assertTrue(os.path.isfile(path), f"missing screenshot {path}")
            self.assertGreater(os.path.getsize(path), 10_000, f"screenshot {path} looks empty")

    def shoot(self, filename):
        """A full-page screenshot into the artifacts folder, checked to be a real picture."""
        shot = self.take_full_page_screenshot(filename)
        self.assertTrue(os.path.isfile(shot), f"no screenshot {shot}")
        self.assertGreater(os.path.getsize(shot), 10_000, f"screenshot {shot} looks empty")
        print(f"\n    screenshot: {shot}", file=sys.stderr)
        return shot

    def signin_form_submit(self):
        return self.clickable(By.CSS_SELECTOR, 'form[action="/signin"] button[type="submit"]',
                              "the 登录 button of the sign-in form")

    def take_full_page_screenshot(self, filename):
        # Through the DevTools protocol, not page scripts (the CSP forbids inline ones).
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        })
        target = os.path.join(ARTIFACTS_DIR, filename)
        with open(target, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        return target

    def expect_documents(self, expected, what):
        """The documents loaded since the last drain had exactly these HTTP statuses, in order
        (a form sent: 303 then 200; a refused one: 422), and the page shows no server error."""
        statuses = self.document_statuses()
        self.assertIsNotNone(statuses, "the browser gave no performance log, so page statuses cannot be checked")
        deadline = time.monotonic() + 3
        while len(statuses) < len(expected) and time.monotonic() < deadline:
            time.sleep(0.1)  # the log can trail the page by a moment
            statuses += self.document_statuses() or []
        self.assertEqual([status for status, _ in statuses], list(expected),
                         f"HTTP statuses of the pages loaded for {what}: {statuses}")
        self.assert_no_server_error(what)
        return statuses

    def assert_no_server_error(self, what):
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "main section.error"), [],
                         f"an error page for {what}: {self.page_text()[:300]!r}")
        self.assertNotIn(SERVER_ERROR_TEXT, self.page_text(), f"server error text on the page for {what}")
