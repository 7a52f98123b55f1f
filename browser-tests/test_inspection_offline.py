#!/usr/bin/env python3
"""Headless-browser end-to-end test: the inspector on a phone on site, whose connection drops.

Who and what (from `unionstar demo`, see DemoCampaigns.swift / DemoData.swift): the demo's
`inspector` (考核人员, homed at 乳山市总工会) is assigned to 乳山市瑞祥船舶修造有限公司工会 in
last year's Rushan campaign, which the demo places a month back so that its inspection is open
today; the union is endorsed and nobody has scored it. Scored on rushan-2020-enterprise
(20 items).

The walk, on a 390×844 phone (Chromium's device emulation), with the network switched off and
on through the DevTools protocol (Network.emulateNetworkConditions):

 1. the inspector signs in, opens 考核任务 from the folded menu and the unit's inspection page;
    nothing on the page is wider than the phone;
 2. types the visit (methods, people met, findings) and scores items 1–10: each change goes to
    the server as a draft (the page says 草稿已保存到服务器);
 3. goes offline, scores items 11–15: the page says the changes are kept on the phone; back
    online, they are sent without a reload;
 4. goes offline again, scores items 16–20 and adds to the findings, and closes the browser
    while offline; opens it again on the same profile (online): the page restores the unsent
    changes, says so, and sends them;
 5. a second phone (a fresh browser, nothing stored) signs in: the server's draft is in the
    form, every field as typed, and the page says it restored an unsubmitted draft;
 6. submits the scores there (303 then 200): 评分已提交, with the total of what was typed;
    screenshot inspection-phone.png.

Every page load's HTTP status is read from Chromium's performance log; the console must stay
free of errors, but for the failed draft requests while offline (net::ERR_INTERNET_DISCONNECTED).

Normally started by `browser-tests/run` (see test_signin_and_tree.py for the environment).
Steps share the browsers and run in order; the run stops at the first failure.
"""

import os
import re
import shutil
import sys
import tempfile
import time
import unittest
from urllib.parse import urlsplit

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from support import (ACCOUNTS_FILE, ARTIFACTS_DIR, BASE_URL, PHONE, BrowserSteps, as_phone, china_today, make_driver, points_text,
                     read_password, run_steps)

INSPECTOR = "inspector"
UNIT = "乳山市瑞祥船舶修造有限公司工会"
ITEMS = 20
PEOPLE_MET = "工会主席孙志强、职工代表6人"
FINDINGS = "台账齐全；职工书屋开放时间不固定。"
MORE_FINDINGS = "困难职工档案需补充走访记录。"
# Sending a draft again after the network returns may wait for the page's 15 s retry.
NETWORK_WAIT = 40


def score_for(item, maximum):
    """A plausible inspector's score: full points, but half a point off on every third item."""
    return maximum - 0.5 if item % 3 == 0 and maximum >= 1 else maximum


class InspectionOffline(BrowserSteps, unittest.TestCase):
    maxDiff = None
    driver = None
    second = None
    profile = None
    url = None
    maxima = {}
    scores = {}

    @classmethod
    def setUpClass(cls):
        cls.password = read_password(ACCOUNTS_FILE, INSPECTOR)
        cls.profile = tempfile.mkdtemp(prefix="inspector-phone-", dir=ARTIFACTS_DIR)
        cls.driver = cls.phone(make_driver(*PHONE, profile=cls.profile))

    @classmethod
    def tearDownClass(cls):
        for browser in (cls.driver, cls.second):
            if browser is not None:
                try:
                    browser.quit()
                except WebDriverException:
                    pass
        shutil.rmtree(cls.profile, ignore_errors=True)

    # ---- helpers -------------------------------------------------------

    @staticmethod
    def phone(browser):
        """A phone whose network the test can switch off."""
        as_phone(browser)
        browser.execute_cdp_cmd("Network.enable", {})
        return browser

    def network(self, online):
        self.driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": not online, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})

    def assert_clean_console(self, what, offline_allowed=False):
        """Offline, the draft requests fail, and say so in the console."""
        super().assert_clean_console(what, ("ERR_INTERNET_DISCONNECTED", "Failed to fetch") if offline_allowed else ())

    def sign_in(self, then=None):
        """Signs in; with `then`, opens it first and signs in where it sends a signed-out person."""
        if then:
            self.driver.get(then)
            if self.path() != "/signin":
                return
        else:
            self.driver.get(BASE_URL + "/signin")
        self.type_into("f-username", INSPECTOR)
        self.type_into("f-password", self.password)
        self.drain_performance_log()
        self.click_and_wait_for_new_page(self.signin_form_submit(), f"登录 as {INSPECTOR}")

    def status(self):
        boxes = self.driver.find_elements(By.CSS_SELECTOR, ".inspection-bar [data-status]")
        return boxes[0].text.strip() if boxes else ""

    def wait_status(self, start, what, seconds=None):
        def shows(_driver):
            return self.status().startswith(start)
        try:
            WebDriverWait(self.driver, seconds or 15).until(shows)
        except Exception:  # noqa: BLE001
            self.fail(f"the page's status never began {start!r} ({what}); it reads {self.status()!r}")

    def item(self, number):
        return self.driver.find_element(By.ID, f"f-item-{number}")

    def score(self, numbers):
        for number in numbers:
            value = points_text(self.scores[number])
            field = self.item(number)
            field.clear()
            field.send_keys(value)

    def stored(self):
        """What the page keeps in this browser, as the script stored it."""
        return self.driver.execute_script("var k = document.querySelector('.inspection-page').getAttribute('data-storage-key');"
                                          "return window.localStorage.getItem(k);")

    # ---- the walk, in order --------------------------------------------

    def test_01_the_inspector_opens_the_unit_on_a_phone(self):
        self.sign_in()
        self.assertEqual(self.path(), "/orgs", "sign-in lands on /orgs")
        self.clickable(By.CSS_SELECTOR, "label.menu-button", "the folded menu").click()
        nav = self.clickable(By.XPATH, '//nav[contains(@class,"main-nav")]/a[normalize-space()="考核任务"]', "考核任务 in the menu")
        self.follow(nav, "考核任务")
        self.see_text(By.TAG_NAME, "h1", "我的考核任务", "the inspector's list")
        self.no_horizontal_scroll("the list of inspections")
        self.follow(self.clickable(By.XPATH, f'//main//table//a[normalize-space()="{UNIT}"]', UNIT), UNIT)
        self.see_text(By.TAG_NAME, "h1", f"考核评分 · {UNIT}", "the inspection page")
        self.assertRegex(self.path(), r"^/campaigns/[0-9a-f-]{36}/units/[0-9a-f-]{36}/inspection$")
        here = urlsplit(self.driver.current_url)
        type(self).url = f"{here.scheme}://{here.netloc}{here.path}"
        for number in range(1, ITEMS + 1):
            label = self.driver.find_element(By.CSS_SELECTOR, f'label[for="f-item-{number}"]').text
            found = re.match(rf"^第{number}项（满分([0-9.]+)分）", label)
            self.assertIsNotNone(found, f"item {number}'s label: {label!r}")
            type(self).maxima[number] = float(found.group(1))
            type(self).scores[number] = score_for(number, float(found.group(1)))
        self.assertEqual(sum(self.maxima.values()), 100, "the standard's items make 100")
        self.assertEqual(self.driver.find_element(By.ID, "f-visitedOn").get_attribute("value"), china_today().isoformat())
        self.no_horizontal_scroll("the inspection page")
        self.assert_clean_console("the inspection page")

    def test_02_each_change_is_saved_as_a_draft(self):
        for method in ("听汇报", "查看台账资料"):
            self.tap(self.clickable(By.XPATH, f'//label[contains(@class,"check") and normalize-space()="{method}"]/input', method))
        self.type_into("f-peopleMet", PEOPLE_MET)
        self.type_into("f-findings", FINDINGS)
        self.score(range(1, 11))
        self.wait_status("草稿已保存到服务器", "after items 1–10")
        # Nothing is left waiting in the browser once the server has it.
        self.wait(lambda _d: self.stored() is None, "the browser's copy to be forgotten once the server has it")
        self.assert_clean_console("typing")

    def test_03_offline_changes_are_kept_and_sent_when_the_network_returns(self):
        self.network(online=False)
        self.score(range(11, 16))
        self.wait_status("网络未连接：更改已保存在本机", "offline, after items 11–15")
        kept = self.stored()
        self.assertIsNotNone(kept, "the changes are kept in the browser")
        self.assertIn('"items[15]"', kept)
        self.network(online=True)
        self.wait_status("草稿已保存到服务器", "the network back", NETWORK_WAIT)
        self.wait(lambda _d: self.stored() is None, "the browser's copy to be forgotten once sent")
        self.assert_clean_console("going offline and back", offline_allowed=True)

    def test_04_closed_while_offline_and_opened_again(self):
        self.network(online=False)
        self.score(range(16, ITEMS + 1))
        findings = self.driver.find_element(By.ID, "f-findings")
        findings.send_keys(MORE_FINDINGS)
        self.wait_status("网络未连接：更改已保存在本机", "offline, after items 16–20")
        kept = self.stored()
        self.assertIn(MORE_FINDINGS, kept or "")
        time.sleep(1.5)  # let the browser commit its storage to the profile before it closes
        self.driver.quit()
        type(self).driver = None
        # The same phone, the browser opened again (online).
        type(self).driver = self.phone(make_driver(*PHONE, profile=self.profile))
        self.sign_in(then=self.url)
        if self.path() != urlsplit(self.url).path:
            self.open_page(self.url, "the inspection page again")
        self.see_text(By.TAG_NAME, "h1", f"考核评分 · {UNIT}", "the inspection page, reopened")
        self.wait(lambda _d: "已恢复本机上尚未发送到服务器的更改。" in self.status() or self.status().startswith("草稿已保存到服务器")
                  or self.status().startswith("正在保存草稿"), "the page to say it restored the unsent changes")
        self.assertEqual(self.item(ITEMS).get_attribute("value"), points_text(self.scores[ITEMS]))
        self.assertEqual(self.driver.find_element(By.ID, "f-findings").get_attribute("value"), FINDINGS + MORE_FINDINGS)
        self.wait_status("草稿已保存到服务器", "the restored changes sent", NETWORK_WAIT)
        self.assert_clean_console("the reopened page", offline_allowed=True)

    def test_05_the_server_has_everything(self):
        type(self).second = self.phone(make_driver(*PHONE))
        first, self.driver = self.driver, self.second
        try:
            self.sign_in(then=self.url)
            if self.path() != urlsplit(self.url).path:
                self.open_page(self.url, "the inspection page on the second phone")
            restored = self.visible(By.CSS_SELECTOR, "p.draft-restored", "the restored-draft sentence").text
            self.assertRegex(restored, r"^已恢复您未提交的草稿（保存于\d{4}-\d\d-\d\d \d\d:\d\d）。$")
            self.assertIsNone(self.stored(), "a fresh browser holds nothing of its own")
            for number in range(1, ITEMS + 1):
                self.assertEqual(self.item(number).get_attribute("value"), points_text(self.scores[number]), f"item {number}")
            self.assertEqual(self.driver.find_element(By.ID, "f-peopleMet").get_attribute("value"), PEOPLE_MET)
            self.assertEqual(self.driver.find_element(By.ID, "f-findings").get_attribute("value"), FINDINGS + MORE_FINDINGS)
            ticked = [box.get_attribute("value") for box in self.driver.find_elements(By.CSS_SELECTOR, 'input[name="methods[]"]') if box.is_selected()]
            self.assertEqual(ticked, ["briefing", "records"])
            self.no_horizontal_scroll("the restored draft")
            self.assert_clean_console("the second phone")
        finally:
            self.driver = first

    def test_06_the_scores_are_submitted(self):
        self.driver = self.second
        total = sum(self.scores.values())
        self.follow(self.clickable(By.XPATH, '//div[contains(@class,"inspection-bar")]/button[normalize-space()="提交评分"]', "提交评分"),
                    "提交评分", (303, 200))
        self.see_text(By.CSS_SELECTOR, 'p.notice[role="status"]', "评分已提交。", "the confirmation")
        self.see_text(By.TAG_NAME, "main", f"您已提交评分，合计{points_text(total)}分。", "the submitted total")
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "p.draft-restored"), [], "no draft pending after the submission")
        self.assert_clean_console("the submitted scores")
        shot = self.take_full_page_screenshot("inspection-phone.png")
        self.assertGreater(os.path.getsize(shot), 10_000, f"screenshot {shot} looks empty")
        print(f"\n    screenshot: {shot}", file=sys.stderr)


if __name__ == "__main__":
    run_steps(InspectionOffline, "the inspector's offline walk (draft, offline, back online, closed and reopened, second phone, submission)")
