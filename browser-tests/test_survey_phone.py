#!/usr/bin/env python3
"""Headless-browser end-to-end test: a member answers the union's satisfaction survey (会员评家)
on a phone, without an account.

Who and what (from `unionstar demo`, see DemoSurveys.swift): the demo's `cadre` union
(乳山市金海食品有限公司工会) runs a survey in this year's Rushan campaign that takes answers today
(12 answers so far), and an earlier one, closed a week ago, with its result. Each demo run issues
five more tokens of the running survey and prints them in the accounts file as `/s#TOKEN`, the
link each printed sheet's QR code holds.

The walk, on a 390×844 phone (Chromium's device emulation):

 1. the member opens the printed link `/s#TOKEN`: the page's script moves the token from the
    address (the part after `#`, which the browser never sends) into the form and sends it; the
    questions come (200, 200), the address no longer holds the token, and nothing is wider than
    the phone; screenshot survey-phone-questions.png;
 2. taps an answer for every question, writes a comment and sends (303, 200): thanks;
    screenshot survey-phone-thanks.png;
 3. opens the same link again: refused with the sentence (200, 409), nothing to answer;
    screenshot survey-phone-used.png;
 4. a second member leaves one question unanswered: the page comes back (422) naming it, with
    the other answers still chosen; answers it and sends (303, 200);
 5. a third member, without the link, types the token from the sheet (lower case, with spaces):
    the questions come;
 6. the union's cadre, on a desktop, finds the surveys from the application: the running survey
    counts the two new answers (14) without showing any result yet, and the closed one shows its
    satisfaction rates; screenshot survey-results.png.

Normally started by `browser-tests/run`. Steps share the browsers and run in order; the run
stops at the first failure.
"""

import os
import re
import sys
import unittest
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import ACCOUNTS_FILE, BASE_URL, PHONE, BrowserSteps, as_phone, make_driver, read_password

CADRE = "cadre"
UNIT = "乳山市金海食品有限公司工会"
RUNNING_ANSWERS_BEFORE = 12
QUESTIONS = 10  # the template: five on the union's work and its overall, two on the chair and its overall, a comment
COMMENT = "希望工会多组织职工技能培训。"


def printed_tokens(path):
    """The demo prints the running survey's new tokens as lines `  /s#TOKEN`."""
    with open(path, encoding="utf-8") as handle:
        tokens = [line.strip()[3:] for line in handle if line.strip().startswith("/s#")]
    if len(tokens) < 3:
        raise SystemExit(f"the accounts file {path} lists {len(tokens)} survey tokens; the walk needs 3")
    return tokens


def china_today():
    return (datetime.now(timezone.utc) + timedelta(hours=8)).date()


class SurveyOnAPhone(BrowserSteps, unittest.TestCase):
    driver = None
    desk = None

    @classmethod
    def setUpClass(cls):
        cls.tokens = printed_tokens(ACCOUNTS_FILE)
        cls.password = read_password(ACCOUNTS_FILE, CADRE)
        cls.today = china_today()
        cls.driver = as_phone(make_driver(*PHONE))

    @classmethod
    def tearDownClass(cls):
        for browser in (cls.driver, cls.desk):
            if browser is not None:
                try:
                    browser.quit()
                except WebDriverException:
                    pass

    # ---- helpers -------------------------------------------------------

    def shoot(self, filename):
        shot = self.take_full_page_screenshot(filename)
        self.assertGreater(os.path.getsize(shot), 10_000, f"screenshot {shot} looks empty")
        print(f"\n    screenshot: {shot}", file=sys.stderr)

    def open_link(self, token, what, statuses, then):
        """Opens the printed link; the page's script sends the token on to the next page."""
        # As a phone opens a scanned code: a new page, not a jump within the one showing.
        self.driver.get("about:blank")
        self.drain_performance_log()
        self.driver.get(f"{BASE_URL}/s#{token}")
        self.wait(then, what)
        self.expect_documents(list(statuses), what)

    def questions(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "form.survey-answers .survey-q")

    def choose(self, field, level):
        self.tap(self.driver.find_element(By.CSS_SELECTOR, f'input[name="{field}"][value="{level}"]'))

    def answer_all(self, leave_out=None):
        for fieldset in self.driver.find_elements(By.CSS_SELECTOR, "form.survey-answers fieldset.survey-q"):
            field = fieldset.get_attribute("id")
            if field == leave_out:
                continue
            self.choose(field, "verySatisfied" if field.endswith("_overall") else "satisfied")

    def send(self, what, statuses):
        self.drain_performance_log()
        button = self.clickable(By.CSS_SELECTOR, "form.survey-answers button[type=submit]", "the 提交 button")
        self.click_and_wait_for_new_page(button, what)
        self.expect_documents(list(statuses), what)

    # ---- the walk, in order --------------------------------------------

    def test_01_the_printed_link_opens_the_questions(self):
        self.open_link(self.tokens[0], "the printed link", (200, 200),
                       EC.presence_of_element_located((By.CSS_SELECTOR, "form.survey-answers")))
        self.assertEqual(urlsplit(self.driver.current_url).fragment, "", "the token is gone from the address")
        self.assertEqual(self.path(), "/s")
        self.assertIn(UNIT, self.page_text())
        self.assertEqual(len(self.questions()), QUESTIONS)
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, 'input[name="token"]').get_attribute("value"), self.tokens[0])
        self.no_horizontal_scroll("the questions")
        self.shoot("survey-phone-questions.png")

    def test_02_the_member_answers_by_tapping(self):
        self.answer_all()
        comment = self.driver.find_element(By.ID, "f-q_comments")
        self.tap(comment)
        comment.send_keys(COMMENT)
        self.send("提交", (303, 200))
        self.see_text(By.CSS_SELECTOR, "p.notice", "提交成功，感谢您参加测评！", "the thanks")
        self.assertEqual(self.path(), "/s")
        self.no_horizontal_scroll("the thanks")
        self.shoot("survey-phone-thanks.png")

    def test_03_the_same_link_again_is_refused(self):
        self.open_link(self.tokens[0], "the same link again", (200, 409),
                       EC.presence_of_element_located((By.ID, "survey-message")))
        self.assertIn("这个答卷码已经使用过，每个答卷码只能作答一次。", self.page_text())
        self.assertEqual(self.questions(), [])
        self.no_horizontal_scroll("the refusal")
        self.shoot("survey-phone-used.png")

    def test_04_a_question_left_out_is_named_and_the_rest_kept(self):
        self.open_link(self.tokens[1], "a second member's link", (200, 200),
                       EC.presence_of_element_located((By.CSS_SELECTOR, "form.survey-answers")))
        self.answer_all(leave_out="q_chair_duties")
        self.send("提交 with a question left out", (422,))
        self.assertIn("第8题“工会主席（副主席）依法履职、为职工说话办事情况”：请选择一项评价。", self.page_text())
        chosen = self.driver.find_elements(By.CSS_SELECTOR, "form.survey-answers input[type=radio]:checked")
        self.assertEqual(len(chosen), 8, "the other eight answers are still chosen")
        self.choose("q_chair_duties", "fairlySatisfied")
        self.send("提交", (303, 200))
        self.see_text(By.CSS_SELECTOR, "p.notice", "提交成功", "the thanks")

    def test_05_the_token_can_be_typed(self):
        self.drain_performance_log()
        self.driver.get(BASE_URL + "/s")
        typed = " ".join(self.tokens[2].replace("-", "").lower()[i:i + 4] for i in range(0, 16, 4))
        self.type_into("f-code", typed)
        self.click_and_wait_for_new_page(self.clickable(By.CSS_SELECTOR, "form.survey-code button[type=submit]"), "开始作答")
        self.expect_documents([200, 200], "typing the token")
        self.assertEqual(len(self.questions()), QUESTIONS)

    def test_06_the_union_sees_the_count_and_the_closed_result(self):
        SurveyOnAPhone.desk = make_driver()
        self.driver = self.desk
        self.driver.get(BASE_URL + "/signin")
        self.type_into("f-username", CADRE)
        self.type_into("f-password", self.password)
        self.click_and_wait_for_new_page(self.signin_form_submit(), f"登录 as {CADRE}")
        nav = self.clickable(By.XPATH, '//nav[contains(@class,"main-nav")]/a[normalize-space()="星级创建活动"]')
        self.click_and_wait_for_new_page(nav, "星级创建活动")
        title = f"{self.today.year}年度“活力基层工会”星级创建（演示）"
        self.click_and_wait_for_new_page(self.clickable(By.XPATH, f'//main//a[normalize-space()="{title}"]'), title)
        self.click_and_wait_for_new_page(
            self.clickable(By.XPATH, f'//section[contains(@class,"own-units")]//a[normalize-space()="{UNIT}"]'), UNIT)
        self.click_and_wait_for_new_page(self.clickable(By.XPATH, '//main//a[normalize-space()="会员评家满意度测评"]'), "会员评家满意度测评")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "table.survey-list tbody tr")
        self.assertEqual(len(rows), 2)
        running = next(row for row in rows if "补充测评" in row.text)
        self.assertIn("测评中", running.text)
        self.assertEqual(running.find_elements(By.CSS_SELECTOR, "td")[4].text, str(RUNNING_ANSWERS_BEFORE + 2))
        self.click_and_wait_for_new_page(running.find_element(By.TAG_NAME, "a"), "the running survey")
        self.assertIn("测评进行中。", self.page_text())
        self.assertNotIn("工会工作满意率：", self.page_text())
        self.assertNotIn(COMMENT, self.page_text())
        self.driver.back()
        closed = next(row for row in self.driver.find_elements(By.CSS_SELECTOR, "table.survey-list tbody tr") if "已结束" in row.text)
        self.click_and_wait_for_new_page(closed.find_element(By.TAG_NAME, "a"), "the closed survey")
        self.assertRegex(self.page_text(), r"工会工作满意率：\d+(\.\d+)?%")
        self.assertRegex(self.page_text(), r"工会主席（副主席）履职满意率：\d+(\.\d+)?%")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "svg.survey-bar rect"), "the bars are drawn")
        self.shoot("survey-results.png")


if __name__ == "__main__":
    runner = unittest.TextTestRunner(verbosity=2, failfast=True)
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(SurveyOnAPhone)
    result = runner.run(suite)
    passed = result.testsRun - len(result.failures) - len(result.errors) - len(result.skipped)
    status = "PASS" if result.wasSuccessful() else "FAIL"
    print(f"browser-tests: {status} — {passed}/{suite.countTestCases()} steps of a member answering the survey on a phone "
          f"(the printed link, answers, a second use refused, a question left out, a typed token, the union's page) against {BASE_URL}")
    sys.exit(0 if result.wasSuccessful() else 1)
