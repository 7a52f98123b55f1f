"""What the browser tests share: the environment `run` sets, the accounts file, the
headless Chromium driver, and the steps every test takes (waits, clicks that load a new
page, the HTTP status of each page load, full-page screenshots)."""

import base64
import json
import os
import time
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

SITE_TITLE = "基层工会星级评定平台"
# A phone, as the tests hold one: 390×844.
PHONE = (390, 844)
# The error page's sentence for a failure on the server's side (Strings.Errors).
SERVER_ERROR_TEXT = "系统出了问题"


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
