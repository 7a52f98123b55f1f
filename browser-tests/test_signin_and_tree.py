#!/usr/bin/env python3
"""Headless-browser end-to-end test: sign in, walk the organisation tree,
add a grassroots union (first with a bad credit code), sign out.

Normally started by `browser-tests/run`, which builds a demo database,
starts the app and sets these environment variables:

  UNIONSTAR_BASE_URL       e.g. http://127.0.0.1:45123
  UNIONSTAR_ACCOUNTS_FILE  the file written by `unionstar demo --accounts-file`
  UNIONSTAR_ARTIFACTS_DIR  where the screenshot goes (a temp folder)

The steps are test methods run in order (unittest sorts them by name) and
share one browser; the run stops at the first failure.
"""

import os
import sys
import unittest
from urllib.parse import urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import (ACCOUNTS_FILE, BASE_URL, SITE_TITLE, BrowserSteps, make_driver,
                     read_password, run_steps)

USERNAME = "rushan-staff"
DISPLAY_NAME = "乳山市总工会组织部"
COUNTY = "乳山市总工会"
TOWN = "夏村镇总工会"
NEW_UNION = "浏览器测试有限公司工会"
BAD_CREDIT_CODE = "91350100M000100Y44"
GOOD_CREDIT_CODE = "91350100M000100Y43"
CREDIT_CODE_ERROR = "校验码不符：末位应为“3”，而不是“4”"


class SignInAndTreeFlow(BrowserSteps, unittest.TestCase):
    driver = None
    password = None
    town_url = None
    new_union_url = None

    @classmethod
    def setUpClass(cls):
        cls.password = read_password(ACCOUNTS_FILE, USERNAME)
        cls.driver = make_driver()

    @classmethod
    def tearDownClass(cls):
        if cls.driver is not None:
            cls.driver.quit()

    # ---- the flow, in order -------------------------------------------

    def test_1_wrong_password_is_refused(self):
        self.driver.get(BASE_URL + "/signin")
        self.assertIn(SITE_TITLE, self.driver.title, "page title should be the Chinese site title")
        self.type_into("f-username", USERNAME)
        self.type_into("f-password", self.password + "-wrong")
        self.click_and_wait_for_new_page(self.signin_form_submit(), "登录 (wrong password)")
        self.see_text(By.CSS_SELECTOR, 'p.form-error[role="alert"]', "用户名或密码不正确。",
                      "the sign-in error")
        self.assertEqual(self.path(), "/signin", "a failed sign-in should stay on /signin")
        self.visible(By.ID, "f-password", "the sign-in form again")

    def test_2_sign_in(self):
        self.type_into("f-username", USERNAME)
        self.type_into("f-password", self.password)
        self.click_and_wait_for_new_page(self.signin_form_submit(), "登录")
        self.see_text(By.TAG_NAME, "h1", "组织机构", "the /orgs heading")
        self.assertEqual(self.path(), "/orgs", "sign-in should land on /orgs")
        self.see_text(By.CSS_SELECTOR, "a.user-name", DISPLAY_NAME, "the header user name")

    def test_3_walk_the_tree_to_the_new_unit_form(self):
        county = self.clickable(By.LINK_TEXT, COUNTY, f"the link {COUNTY}")
        self.click_and_wait_for_new_page(county, COUNTY)
        self.see_text(By.TAG_NAME, "h1", COUNTY, "the county unit heading")
        self.visible(By.CSS_SELECTOR, "dl.profile", "the unit profile")

        town = self.clickable(By.XPATH, f'//table//td/a[normalize-space()="{TOWN}"]',
                              f"{TOWN} in the table of units under {COUNTY}")
        self.click_and_wait_for_new_page(town, TOWN)
        self.see_text(By.TAG_NAME, "h1", TOWN, "the town unit heading")
        type(self).town_url = self.driver.current_url

        new_link = self.clickable(By.XPATH, '//a[contains(@class,"button") and normalize-space()="新建下级单位"]',
                                  "the 新建下级单位 link")
        self.click_and_wait_for_new_page(new_link, "新建下级单位")
        self.visible(By.ID, "f-name", "the new-unit form")
        self.assertTrue(self.path().endswith("/new"), f"expected a /new URL, got {self.path()}")

    def submit_new_unit_form(self):
        button = self.clickable(By.XPATH, '//form//button[@type="submit" and normalize-space()="新建"]',
                                "the 新建 button")
        self.drain_performance_log()
        self.click_and_wait_for_new_page(button, "新建")

    def test_4_bad_credit_code_is_shown_on_the_field(self):
        self.type_into("f-name", NEW_UNION)
        Select(self.visible(By.ID, "f-level")).select_by_visible_text("基层工会")
        Select(self.visible(By.ID, "f-kind")).select_by_visible_text("企业工会")
        self.type_into("f-creditCode", BAD_CREDIT_CODE)
        self.type_into("f-members", "120")
        self.type_into("f-employees", "130")
        self.submit_new_unit_form()

        self.see_text(By.ID, "e-creditCode", CREDIT_CODE_ERROR, "the credit-code field error")
        self.assertIn("field-error", self.driver.find_element(By.ID, "e-creditCode").get_attribute("class"))
        statuses = self.document_statuses()
        if statuses:  # None/empty if the browser gave no performance log
            self.assertEqual(statuses[-1][0], 422, f"the re-rendered form should be a 422, got {statuses}")
        # The re-rendered form keeps what was typed.
        self.assertEqual(self.visible(By.ID, "f-name").get_attribute("value"), NEW_UNION)
        self.assertEqual(Select(self.driver.find_element(By.ID, "f-level")).first_selected_option.text.strip(), "基层工会")
        self.assertEqual(Select(self.driver.find_element(By.ID, "f-kind")).first_selected_option.text.strip(), "企业工会")
        self.assertEqual(self.driver.find_element(By.ID, "f-members").get_attribute("value"), "120")
        self.assertEqual(self.driver.find_element(By.ID, "f-employees").get_attribute("value"), "130")

    def test_5_fixed_credit_code_creates_the_union(self):
        self.type_into("f-creditCode", GOOD_CREDIT_CODE)
        self.submit_new_unit_form()
        self.see_text(By.CSS_SELECTOR, 'p.notice[role="status"]', "已新建。", "the 已新建 notice")
        self.see_text(By.TAG_NAME, "h1", NEW_UNION, "the new union's heading")
        self.assertRegex(self.path(), r"^/orgs/[^/]+$", "should be on the new union's page")
        # The redirect adds ?done=created (that is what shows the notice); keep the bare URL.
        here = urlsplit(self.driver.current_url)
        type(self).new_union_url = f"{here.scheme}://{here.netloc}{here.path}"
        profile = self.visible(By.CSS_SELECTOR, "dl.profile", "the new union's profile").text
        for expected in (GOOD_CREDIT_CODE, "120", "130"):
            self.assertIn(expected, profile, f"profile should show {expected}")

        # Rendering check: Chinese title and a full-page screenshot.
        self.assertIn(SITE_TITLE, self.driver.title)
        shot = self.take_full_page_screenshot("new-union.png")
        self.assertGreater(os.path.getsize(shot), 10_000, f"screenshot {shot} looks empty")
        print(f"\n    screenshot: {shot}", file=sys.stderr)

    def test_6_new_union_is_listed_under_the_town(self):
        crumb = self.clickable(By.XPATH, f'//p[contains(@class,"breadcrumbs")]/a[normalize-space()="{TOWN}"]',
                               f"the breadcrumb link {TOWN}")
        self.click_and_wait_for_new_page(crumb, f"breadcrumb {TOWN}")
        self.see_text(By.TAG_NAME, "h1", TOWN, "the town heading")
        self.assertEqual(self.driver.current_url, self.town_url)
        link = self.visible(By.XPATH, f'//table//td/a[normalize-space()="{NEW_UNION}"]',
                            f"{NEW_UNION} in {TOWN}'s table")
        self.assertEqual(urlsplit(link.get_attribute("href")).path, urlsplit(self.new_union_url).path)

    def test_6b_header_folds_into_a_menu_on_a_phone(self):
        self.driver.set_window_size(390, 844)
        try:
            self.driver.get(self.town_url)
            nav = self.visible(By.CSS_SELECTOR, "header.site-header", "the header").find_element(By.CSS_SELECTOR, "nav.main-nav")
            self.assertFalse(nav.is_displayed(), "at 390 px the navigation is folded away behind the menu button")
            button = self.clickable(By.CSS_SELECTOR, "label.menu-button", "the 菜单 button")
            self.assertEqual(button.text.strip(), "菜单")
            button.click()
            self.wait(lambda driver: nav.is_displayed(), "the navigation after tapping 菜单")
            links = nav.find_elements(By.TAG_NAME, "a")
            self.assertGreater(len(links), 0, "the menu has links")
            for link in links:
                # One line each (about 26 px at this font size), never a column of single characters.
                self.assertLess(link.size["height"], 40, f"the menu link {link.text!r} wraps: {link.size}")
            shot = self.take_full_page_screenshot("phone-menu.png")
            print(f"\n    screenshot: {shot}", file=sys.stderr)
        finally:
            self.driver.set_window_size(1280, 1600)

    def test_7_sign_out_and_be_locked_out(self):
        button = self.clickable(By.XPATH, '//form[@action="/signout"]/button[normalize-space()="退出"]',
                                "the 退出 button")
        self.click_and_wait_for_new_page(button, "退出")
        self.see_text(By.TAG_NAME, "main", "已退出登录。", "the signed-out message")
        self.assertEqual(self.path(), "/signin")
        self.assertIn("done=signedout", urlsplit(self.driver.current_url).query)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "a.user-name"), [],
                         "no user name in the header after sign-out")

        self.driver.get(self.new_union_url)
        self.visible(By.ID, "f-password", "the sign-in form after opening the union's URL signed out")
        self.assertEqual(self.path(), "/signin",
                         f"opening {self.new_union_url} signed out should end on /signin")
        self.assertNotIn(NEW_UNION, self.driver.find_element(By.TAG_NAME, "h1").text)


if __name__ == "__main__":
    run_steps(SignInAndTreeFlow, "sign-in and the tree (sign-in, tree, new union, phone menu, sign-out)")
