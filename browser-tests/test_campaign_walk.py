#!/usr/bin/env python3
"""Headless-browser end-to-end test: a union cadre's campaign walk, clicked as a
cadre and a member would click it, on the real clock.

Who and what (all from `unionstar demo`, see DemoData.swift / DemoCampaigns.swift):

* `cadre-new`, the cadre of 乳山市海盛水产有限公司工会 (enterprise union under 夏村镇, in the
  living Rushan campaign of this year, rated on rushan-2020-enterprise). The demo always
  leaves this union *not started*, so the walk begins at 开始自查自评. (The older `cadre`
  account is no use here: its union's state is drawn by the demo's dice and differs
  from one demo database to the next.)
* `cadre-file`, the cadre of 乳山市银岭机械有限公司工会, which the demo always leaves fully
  self-assessed (100), with its congress decided (五星级) and a five-working-day notice
  that ended before today, nothing filed yet.
* a member, in a second browser with no account, on a phone-sized window.

The walk:

 1. cadre-new signs in, finds the union's application through 星级创建活动, starts the
    self-assessment and opens it;
 2. answers item 1 and item 6 and watches the live score (the page's draft saves come
    back with the server's score): every figure is derived from the scheme below;
 3. answers every other item, item by item (radios, checklists, numbers, a choice;
    the conditional questions appear as their condition is answered), types notes;
 4. uploads a real PNG to item 1, opens it, and sees the “按满分作答但没有台账” warning
    leave item 1 (and stay on item 2);
 5. reloads, then opens a second browser session: the answers and notes are there,
    although 保存自查自评 was never pressed (the page saves drafts as the cadre works);
 6. records the congress decision — first refused (422, more present than expected),
    then with minutes (a real PDF);
 7. starts the notice today;
 8. the member opens the public notice page on a 390×844 window, signed out, and lodges
    an objection (text and name; the honeypot field is not visible and stays empty);
 9. cadre-new, on the same phone size, answers it; the public page then shows the answer;
10. cadre-new fills the 申报登记表; filing is refused with the page's exact sentence
    “公示至…结束，结束后方可申报。”;
11. cadre-file fills its 申报登记表 and files it: the application ends 已申报.

Why two unions for the filing: a notice runs five *working* days and a union may file
only from the day after it ends, so a notice started today cannot end during the test
on the real clock (the server has no clock to move, and dates are never hardcoded
here: every date is today's date in China, read from the pages or derived from it).
The walk therefore checks the refusal sentence for cadre-new's running notice, and
files with cadre-file, whose notice the demo ran to its end before today.

Every page load's HTTP status is read from Chromium's performance log: 200 for a page,
303 then 200 for a form sent, 422 where a form is refused; no page may show the
server's error text, and the browser console must stay free of errors: favicon.ico's
404 aside, the refused form's own 422, and, while the uploaded picture is open in
Chromium's image viewer, the viewer's inline styles that the app's CSP (style-src
'self', on every response) blocks. The phone is Chromium's device emulation at 390×844
(a mobile viewport), and no phone page may scroll sideways. Full-page screenshots go to UNIONSTAR_ARTIFACTS_DIR: self-assessment.png,
notice-phone.png, objection-answered.png, registration-form.png, filed.png.

Normally started by `browser-tests/run` (see test_signin_and_tree.py for the
environment). Steps share the browsers and run in order; the run stops at the first
failure.
"""

import os
import re
import struct
import unittest
import zlib
from datetime import timedelta
from urllib.parse import urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import (ACCOUNTS_FILE, ARTIFACTS_DIR, PHONE, BrowserSteps, as_phone, china_today, left_page, make_driver,
                     parse_zh_day, read_password, run_steps, zh_day)

CADRE = "cadre-new"
CADRE_NAME = "乳山市海盛水产有限公司工会干部"
UNIT = "乳山市海盛水产有限公司工会"
FILER = "cadre-file"
FILER_NAME = "乳山市银岭机械有限公司工会干部"
FILER_UNIT = "乳山市银岭机械有限公司工会"

# The pinned scheme, Resources/Schemes/rushan-2020-enterprise.yaml (100 points, 20 items).
# Unanswered questions neither take nor add points, so with nothing answered the total is
# 100 less what only answers can earn: item 6 (3 per competition, 0 of 9), item 16 ① (2 per
# activity, 0 of 4) and item 20 (the childcare bonus, 0 of 1): 100 − 9 − 4 − 1 = 86.
# Tiers: 三星级 ≥ 70, 四星级 ≥ 80, 五星级 ≥ 90.
QUESTIONS = 46     # the scheme's facts, the profile's 公司制企业 included (item 2 records two satisfaction rates)
CONDITIONAL = 5    # asked only when another answer is 是 (items 8, 17 ×2, 18, 20)
TOTAL_NOTHING_ANSWERED = 86
ELECTION_LATE = 2  # item 1 ③未按期换届扣2分
COMPETITIONS = 2   # item 6: two events at 3 points: 6 of 9
TOTAL_AT_THE_END = 100 - (9 - 3 * COMPETITIONS)  # every other answer at the scheme's ideal: 97
COMPLIANT_AT_THE_END = 19  # items with full points and every asked question answered: all but item 6

# Every question after items 1 and 6, item by item as the page lists them, answered as a
# fully compliant union would (the scheme's `ideal`), for the kind of field the page shows.
REST_OF_THE_ANSWERS = [
    (None, "company_form", "radio", "true"),
    (2, "members_congress_held", "radio", "true"),
    (2, "members_congress_records", "radio", "true"),
    (2, "review_union_satisfaction", "number", "95"),  # recorded, not scored (会员评家 can fill it)
    (2, "review_chair_satisfaction", "number", "92"),
    (3, "funds_paid_in_full", "radio", "true"),
    (3, "funds_self_managed", "radio", "true"),
    (3, "same_level_audit", "radio", "true"),
    (4, "registration_and_premises", "checklist", ["legal_person_registration", "office_and_activity_space", "signboard",
                                                   "official_seal", "work_plan", "implementation", "summary", "records"]),
    (5, "membership_rate", "number", "96.5"),
    (5, "app_verified_rate", "number", "88"),
    (7, "innovation_activities", "radio", "true"),
    (7, "innovation_incentive_system", "radio", "true"),
    (7, "innovation_studio", "radio", "true"),
    (8, "innovation_platform_joined", "radio", "true"),  # asked once item 7's studio is 是
    (9, "safety_campaign", "radio", "true"),
    (9, "safety_liability_accident", "radio", "false"),
    (10, "workers_congress_held", "radio", "true"),
    (10, "workers_congress_records_complete", "radio", "true"),
    (10, "proposals_collected", "radio", "true"),
    (11, "openness_and_consultation", "checklist", ["factory_affairs_openness", "consultation_mechanism", "worker_director_supervisor"]),
    (12, "collective_contracts", "checklist", ["general", "wages", "women_workers", "safety_health"]),
    (13, "labour_dispute_mass_incident", "radio", "false"),
    (14, "commendation_activities", "radio", "true"),
    (15, "education_fund_extracted", "radio", "true"),
    (15, "skills_training", "radio", "true"),
    (15, "apprenticeship", "radio", "true"),
    (15, "training_records", "radio", "complete"),
    (16, "cultural_sports_activities", "number", "2"),
    (16, "cultural_sports_facilities", "radio", "true"),
    (17, "hardship_aid_system", "radio", "true"),
    (17, "needy_workers_reported", "radio", "true"),
    (17, "needy_contact_assigned", "radio", "true"),  # asked once needy workers are reported
    (17, "needy_casework", "checklist", ["home_visits", "information_verified", "records_established"]),
    (18, "mutual_insurance_joined", "radio", "true"),
    (18, "mutual_insurance_rate", "number", "100"),  # asked once the union has joined
    (19, "health_checkup_system", "radio", "true"),
    (19, "recuperation_system", "radio", "true"),
    (19, "mental_health_activities", "radio", "true"),
    (19, "mental_health_room", "radio", "true"),
    (20, "childcare_needed", "radio", "true"),
    (20, "childcare_service", "radio", "true"),  # asked once workers need it
]
ITEM1_COMMITTEES = ["union_committee", "funds_audit_committee", "women_workers_committee"]
NOTE_1 = "工会委员会、经费审查委员会、女职工委员会齐全，按期换届。"
NOTE_6 = "开展劳动竞赛一次、技术比武一次，均有计划、措施和总结。"
NOTE_19 = "每年组织职工健康查体，设有心理健康服务工作室。"

OBJECTION_TEXT = "职工书屋只有牌子，没有书，请核实。"
OBJECTOR = "王建国"
ANSWER_TEXT = "已购置图书三百册，职工书屋每周二、四开放。"
MAIN_WORK = "一、按期换届，工会三委会齐全。\n二、开展劳动竞赛一次、技术比武一次。\n三、建立困难职工档案，开展走访慰问。"
OPINION = "经职工代表大会研究，同意申报五星级。"
FILER_MAIN_WORK = "一、建成职工创新工作室两个。\n二、开展劳动竞赛三次。"
FILER_OPINION = "同意申报。"

DESKTOP = (1280, 1600)


def write_png(path, width=48, height=32):
    """A real PNG (a small gradient), not just the magic bytes."""
    rows = b"".join(b"\x00" + b"".join(bytes(((x * 5) % 256, (y * 7) % 256, 160)) for x in range(width))
                    for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    with open(path, "wb") as handle:
        handle.write(png)
    return path


def write_pdf(path):
    """A real one-page PDF with a cross-reference table."""
    text = b"BT /F1 14 Tf 72 760 Td (Minutes of the workers' representatives' congress) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as handle:
        handle.write(bytes(out))
    return path


class CampaignWalk(BrowserSteps, unittest.TestCase):
    maxDiff = None
    driver = None      # the cadre's browser
    member = None      # the member's phone, no account
    today = None
    application_url = None
    self_assessment_url = None
    public_url = None
    notice_end = None
    png = None
    pdf = None

    @classmethod
    def setUpClass(cls):
        cls.passwords = {name: read_password(ACCOUNTS_FILE, name) for name in (CADRE, FILER)}
        cls.today = china_today()
        cls.png = write_png(os.path.join(ARTIFACTS_DIR, "election-records.png"))
        cls.pdf = write_pdf(os.path.join(ARTIFACTS_DIR, "congress-minutes.pdf"))
        cls.driver = make_driver(*DESKTOP)

    @classmethod
    def tearDownClass(cls):
        for browser in (cls.driver, cls.member):
            if browser is not None:
                browser.quit()

    # ---- helpers -------------------------------------------------------

    def using(self, browser):
        """Run the next steps in another browser (the member's phone); returns the previous one."""
        previous = self.driver
        self.driver = browser
        return previous

    def exact_text(self, css, text, what):
        """Wait until the element's whole text is `text` (the live score answers after a moment)."""
        def shows(driver):
            found = driver.find_elements(By.CSS_SELECTOR, css)
            return bool(found) and found[0].text.strip() == text
        self.wait(shows, f"{what} ({css}) to read exactly {text!r}")

    def console_errors(self, allowed=()):
        """As the shared steps read them, also kept in `console_errors_seen`."""
        self.console_errors_seen = super().console_errors(allowed)
        return self.console_errors_seen

    def find_own_application(self, unit):
        """星级创建活动 → the campaign of this year → 本单位的申报 → the union's button."""
        nav = self.clickable(By.XPATH, '//nav[contains(@class,"main-nav")]/a[normalize-space()="星级创建活动"]', "星级创建活动 in the header")
        self.follow(nav, "星级创建活动")
        title = f"{self.today.year}年度“活力基层工会”星级创建（演示）"
        self.follow(self.link(title), title)
        self.see_text(By.CSS_SELECTOR, "section.own-units h2", "本单位的申报", "the cadre's own units")
        self.follow(self.clickable(By.XPATH, f'//section[contains(@class,"own-units")]//a[normalize-space()="{unit}"]'), unit)
        self.see_text(By.TAG_NAME, "h1", unit, "the application's heading")
        self.assertRegex(self.path(), r"^/campaigns/[0-9a-f-]{36}/units/[0-9a-f-]{36}$")
        here = urlsplit(self.driver.current_url)
        return f"{here.scheme}://{here.netloc}{here.path}"

    def question(self, fact):
        return self.driver.find_element(By.CSS_SELECTOR, f'.sa-question[data-fact="{fact}"]')

    def answer(self, fact, kind, value):
        """Answer one question the way its field asks; waits until it is shown (a question
        asked only after another answer appears when that answer's draft comes back)."""
        self.wait(lambda driver: self.question(fact).is_displayed(), f"the question {fact} to be shown")
        if kind == "radio":
            self.tap(self.question(fact).find_element(By.CSS_SELECTOR, f'input[type="radio"][value="{value}"]'))
        elif kind == "checklist":
            for element in value:
                box = self.question(fact).find_element(By.CSS_SELECTOR, f'input[name="fact:{fact}:{element}"]')
                if not box.is_selected():
                    self.tap(box)
            marker = self.question(fact).find_element(By.CSS_SELECTOR, "input[data-marker]")
            self.assertTrue(marker.is_selected(), f"ticking {fact}'s elements ticks its 已逐项核对 box")
        else:
            field = self.question(fact).find_element(By.CSS_SELECTOR, "input.sa-number")
            field.clear()
            field.send_keys(value)

    def score_of(self, item):
        return f'[data-item-score="{item}"]'

    def warning_of(self, item):
        return self.driver.find_element(By.CSS_SELECTOR, f'[data-warning="{item}"]')

    def applied_lines(self, item):
        return [li.text.strip() for li in self.driver.find_elements(By.CSS_SELECTOR, f'[data-applied="{item}"] li')]

    def progress_unanswered(self, count):
        return f"还有 {count} 项未作答：总分为暂计，未作答的项目不扣分也不加分。"

    def total_text(self, total):
        return f"{total} 分（满分 100 分）"

    as_phone = staticmethod(as_phone)

    @staticmethod
    def as_desktop(browser):
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.set_window_size(*DESKTOP)
        return browser

    # ---- the walk, in order --------------------------------------------

    def test_01_cadre_finds_the_application_and_starts_the_self_assessment(self):
        self.sign_in(CADRE)
        self.see_text(By.CSS_SELECTOR, "a.user-name", CADRE_NAME, "the header user name")
        type(self).application_url = self.find_own_application(UNIT)
        self.assertEqual(self.facts()["当前状态"], "未开始")
        self.follow(self.button("开始自查自评"), "开始自查自评", (303, 200))
        self.assertEqual(self.notice(), "已开始自查自评。")
        self.assertEqual(self.facts()["当前状态"], "自查自评中")
        closes = self.facts("main > dl.profile:last-of-type")["自查自评"].split("至")[1]
        self.follow(self.link(f"填写自查自评（{closes}截止）"), "填写自查自评")
        self.see_text(By.TAG_NAME, "h1", f"{UNIT} · 自查自评", "the self-assessment heading")
        type(self).self_assessment_url = self.driver.current_url
        self.assertTrue(self.self_assessment_url.endswith("/self-assessment"))
        self.assert_clean_console("the self-assessment")

    def test_02_the_live_score_follows_the_answers(self):
        # Nothing answered yet.
        self.exact_text('[data-summary="totalText"]', self.total_text(TOTAL_NOTHING_ANSWERED), "the total")
        self.assertEqual(self.text_of('[data-summary="tier"]'), "四星级")
        self.assertEqual(self.text_of('[data-summary="vetoes"]'), "无")
        self.assertEqual(self.text_of('[data-summary="progress"]'), self.progress_unanswered(QUESTIONS - CONDITIONAL))
        self.assertEqual(self.text_of(self.score_of(1)), "本项得分 5 / 5")
        self.assertEqual(self.text_of(self.score_of(6)), "本项得分 0 / 9")
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, '[data-summary="warnings"]').is_displayed(),
                         "no item is compliant yet, so no evidence warning")

        # Item 1, elected late: ③ takes 2 points.
        self.answer("three_committees", "checklist", ITEM1_COMMITTEES)
        self.answer("cadres_qualified", "radio", "true")
        self.answer("election_on_schedule", "radio", "false")
        self.exact_text('[data-summary="totalText"]', self.total_text(TOTAL_NOTHING_ANSWERED - ELECTION_LATE), "the total")
        self.exact_text(self.score_of(1), "本项得分 3 / 5", "item 1's score")
        self.assertEqual(self.applied_lines(1), ["③未按期换届扣2分 −2"])
        self.assertEqual(self.text_of('[data-summary="tier"]'), "四星级")
        self.assertEqual(self.text_of('[data-summary="progress"]'), self.progress_unanswered(QUESTIONS - CONDITIONAL - 3))
        self.assertFalse(self.warning_of(1).is_displayed(), "item 1 is not compliant while it loses points")

        # Elected on time after all: the 2 points come back, and item 1 is compliant without evidence.
        self.answer("election_on_schedule", "radio", "true")
        self.exact_text('[data-summary="totalText"]', self.total_text(TOTAL_NOTHING_ANSWERED), "the total")
        self.exact_text(self.score_of(1), "本项得分 5 / 5", "item 1's score")
        self.assertEqual(self.applied_lines(1), [])
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, '[data-none-applied="1"]').is_displayed())
        self.wait(lambda driver: self.warning_of(1).is_displayed(), "item 1's evidence warning")
        self.assertEqual(self.warning_of(1).text.strip(), "本项按满分作答，但还没有上传任何台账材料：检查时须有材料佐证，请上传。")
        self.assertEqual(self.text_of('[data-summary="warnings"]'), "1 个按满分作答的项目尚无台账材料（见各项提示）。")

        # Item 6, two competitions at 3 points: 86 + 6 = 92 reaches 五星级 (90).
        self.answer("competitions", "number", str(COMPETITIONS))
        self.exact_text('[data-summary="totalText"]', self.total_text(TOTAL_NOTHING_ANSWERED + 3 * COMPETITIONS), "the total")
        self.exact_text(self.score_of(6), "本项得分 6 / 9", "item 6's score")
        self.assertEqual(self.text_of('[data-summary="tier"]'), "五星级")
        self.assertEqual(len(self.applied_lines(6)), 1, "one rule applied to item 6")
        self.assertIn("当年每开展一次职工劳动竞赛或技术比武活动计3分", self.applied_lines(6)[0])
        self.assertTrue(self.applied_lines(6)[0].endswith(" +6"), self.applied_lines(6))
        self.assertFalse(self.warning_of(6).is_displayed(), "item 6 has 6 of 9, not compliant")

    def test_03_every_item_answered_with_notes(self):
        self.type_into("n-1", NOTE_1)
        self.type_into("n-6", NOTE_6)
        for item, fact, kind, value in REST_OF_THE_ANSWERS:
            self.answer(fact, kind, value)
            if fact == "mental_health_room":
                self.type_into("n-19", NOTE_19)  # before the last answer, whose draft then carries it
        self.exact_text('[data-summary="progress"]', "全部作答完毕。", "the progress line")
        self.exact_text('[data-summary="totalText"]', self.total_text(TOTAL_AT_THE_END), "the total")
        self.exact_text('[data-status]', "草稿已自动保存。", "the draft status")
        self.assertEqual(self.text_of('[data-summary="tier"]'), "五星级")
        self.assertEqual(self.text_of('[data-summary="vetoes"]'), "无")
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, '[data-summary="vetoWarning"]').is_displayed())
        for item, expected in ((5, "4 / 4"), (8, "3 / 3"), (16, "6 / 6"), (20, "1 / 1")):
            self.assertEqual(self.text_of(self.score_of(item)), f"本项得分 {expected}", f"item {item}")
        self.assertEqual(self.text_of('[data-summary="warnings"]'), f"{COMPLIANT_AT_THE_END} 个按满分作答的项目尚无台账材料（见各项提示）。")
        self.assertTrue(self.warning_of(1).is_displayed() and self.warning_of(2).is_displayed())
        self.assertFalse(self.warning_of(6).is_displayed())
        self.assert_clean_console("the self-assessment after answering")
        self.shoot("self-assessment.png")

    def test_04_evidence_on_item_1_clears_its_warning(self):
        upload = self.driver.find_element(By.CSS_SELECTOR, "#item-1 form.sa-upload")
        upload.find_element(By.CSS_SELECTOR, 'input[type="file"]').send_keys(self.png)
        self.follow(upload.find_element(By.XPATH, './/button[normalize-space()="上传"]'), "上传 on item 1", (303, 200))
        self.assertEqual(self.notice(), "材料已上传。")
        self.assertEqual(urlsplit(self.driver.current_url).fragment, "item-1")
        files = self.driver.find_elements(By.CSS_SELECTOR, "#item-1 ul.sa-files li")
        self.assertEqual(len(files), 1, "one file listed on item 1")
        name_link = files[0].find_element(By.XPATH, './a[normalize-space()="election-records.png"]')
        size_kb = max(1, (os.path.getsize(self.png) + 1023) // 1024)
        self.assertEqual(files[0].find_element(By.CSS_SELECTOR, "span.meta").text.strip(),
                         f"PNG，{size_kb} KB，{CADRE_NAME}（{CADRE}） 于 {self.today.isoformat()} 上传")
        thumb = files[0].find_element(By.CSS_SELECTOR, "img.sa-thumb")
        self.wait(lambda driver: thumb.get_property("complete"), "the thumbnail to load")
        self.assertEqual((thumb.get_property("naturalWidth"), thumb.get_property("naturalHeight")), (48, 32),
                         "the thumbnail is the uploaded picture")
        # The warning left item 1 (it has evidence now) and stays on item 2.
        self.assertFalse(self.warning_of(1).is_displayed(), "item 1 has evidence: no warning")
        self.assertTrue(self.warning_of(2).is_displayed(), "item 2 still has none")
        self.assertEqual(self.text_of('[data-summary="warnings"]'), f"{COMPLIANT_AT_THE_END - 1} 个按满分作答的项目尚无台账材料（见各项提示）。")
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "#item-2 ul.sa-files li"), [])
        self.assertIn("尚未上传材料。", self.driver.find_element(By.CSS_SELECTOR, "#item-2 .sa-evidence").text)
        self.assert_clean_console("the self-assessment after the upload")

        # Open it: a new tab with the picture itself.
        home = self.driver.current_window_handle
        self.drain_performance_log()
        self.tap(name_link)
        self.wait(EC.number_of_windows_to_be(2), "the file's tab")
        self.driver.switch_to.window([h for h in self.driver.window_handles if h != home][0])
        try:
            self.wait(lambda driver: "/evidence/" in driver.current_url, "the evidence URL")
            self.assertRegex(self.path(), r"/units/[0-9a-f-]{36}/evidence/[0-9a-f-]{36}$")
            # A new tab's first load can come before the driver listens to it: load it again.
            self.drain_performance_log()
            self.driver.refresh()
            self.expect_documents([200], "the evidence file")
            image = self.visible(By.TAG_NAME, "img", "the picture")
            self.assertEqual(image.get_property("naturalWidth"), 48)
        finally:
            self.driver.close()
            self.driver.switch_to.window(home)
        # Chromium's own image viewer styles its page inline, which the app's CSP (style-src
        # 'self', on every response, files included) blocks: console noise about that page only.
        viewer = [e for e in self.console_errors() if "/evidence/" in e.get("message", "")
                  and "Applying inline style violates" in e.get("message", "")]
        self.assertEqual([e for e in self.console_errors_seen if e not in viewer], [],
                         "no other console errors while the file was open")

    def test_05_drafts_are_kept_without_pressing_save(self):
        # 保存自查自评 was never pressed: everything above went in as the drafts the page's
        # script sends 1.5 s after each change (POST …/self-assessment/draft, answered in JSON).
        def check_answers(what):
            self.assertTrue(self.question("election_on_schedule").find_element(By.CSS_SELECTOR, 'input[value="true"]').is_selected(), what)
            self.assertTrue(self.question("safety_liability_accident").find_element(By.CSS_SELECTOR, 'input[value="false"]').is_selected(), what)
            self.assertTrue(self.question("training_records").find_element(By.CSS_SELECTOR, 'input[value="complete"]').is_selected(), what)
            self.assertTrue(self.question("childcare_service").is_displayed(), f"{what}: the conditional question is shown")
            for element in ITEM1_COMMITTEES:
                self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, f'input[name="fact:three_committees:{element}"]').is_selected(), what)
            self.assertEqual(self.driver.find_element(By.ID, "q-competitions").get_attribute("value"), str(COMPETITIONS), what)
            self.assertEqual(self.driver.find_element(By.ID, "q-membership_rate").get_attribute("value"), "96.5", what)
            self.assertEqual(self.driver.find_element(By.ID, "n-1").get_attribute("value"), NOTE_1, what)
            self.assertEqual(self.driver.find_element(By.ID, "n-6").get_attribute("value"), NOTE_6, what)
            self.assertEqual(self.driver.find_element(By.ID, "n-19").get_attribute("value"), NOTE_19, what)
            self.assertEqual(self.text_of('[data-summary="totalText"]'), self.total_text(TOTAL_AT_THE_END), what)
            self.assertEqual(self.text_of('[data-summary="progress"]'), "全部作答完毕。", what)

        self.drain_performance_log()
        self.driver.refresh()
        self.expect_documents([200], "the self-assessment reloaded")
        self.visible(By.ID, "sa-summary")
        check_answers("after a reload")
        # From the server, not from this browser's unsaved copy (that would say 已恢复…).
        self.assertEqual(self.text_of("[data-status]"), "")

        # A second browser: no local storage, a session of its own.
        other = make_driver(*DESKTOP)
        mine = self.using(other)
        try:
            self.sign_in(CADRE)
            self.open_page(self.self_assessment_url, "the self-assessment in a new session")
            check_answers("in a new browser session")
            self.assertEqual(self.text_of("[data-status]"), "")
            self.open_page(self.application_url, "the application in a new session")
            facts = self.facts()
            self.assertEqual((facts["当前状态"], facts["自评得分"]), ("自查自评中", str(TOTAL_AT_THE_END)))
        finally:
            self.using(mine)
            other.quit()

    def test_06_the_congress_decides_the_tier(self):
        self.open_page(self.application_url, "the application")
        self.follow(self.link("职工（代表）大会决定"), "职工（代表）大会决定")
        self.see_text(By.TAG_NAME, "h1", "职工（代表）大会确定申报星级", "the congress heading")
        self.assertEqual(self.driver.find_element(By.ID, "f-date").get_attribute("value"), self.today.isoformat(),
                         "the meeting's date defaults to today (the server's today is China's)")
        self.assertEqual(Select(self.driver.find_element(By.ID, "f-kind")).first_selected_option.text.strip(), "职工代表大会")
        self.assertEqual(Select(self.driver.find_element(By.ID, "f-tier")).first_selected_option.text.strip(), "五星级",
                         "the tier defaults to the one the self-score reaches")
        self.assertEqual([li.text for li in self.driver.find_elements(By.CSS_SELECTOR, "ul.veto-list li.veto-hit")], [])

        # More present than expected: refused, 422, with the sentence on the field.
        self.type_into("f-expected", "60")
        self.type_into("f-present", "61")
        self.driver.find_element(By.ID, "f-minutes").send_keys(self.pdf)
        self.follow(self.button("记录大会决定"), "记录大会决定 (61 of 60)", (422,))
        self.see_text(By.ID, "e-present", "实到人数不能多于应到人数。", "the attendance error")
        refused = [e["message"] for e in self.console_errors()]
        self.assertEqual(len(refused), 1, refused)
        self.assertRegex(refused[0], r"/congress - Failed to load resource: the server responded with a status of 422 ")
        self.assertEqual(self.driver.find_element(By.ID, "f-expected").get_attribute("value"), "60", "typed values are kept")

        self.type_into("f-present", "52")
        self.driver.find_element(By.ID, "f-minutes").send_keys(self.pdf)
        self.follow(self.button("记录大会决定"), "记录大会决定", (303, 200))
        self.assertEqual(self.notice(), "大会决定已记录。")
        recorded = self.facts("section.congress-recorded dl.profile")
        self.assertEqual(recorded, {"会议日期": zh_day(self.today), "会议形式": "职工代表大会",
                                    "出席情况": "应到60人，实到52人", "确定申报星级": "五星级"})
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "main p.warning"), [],
                         "52 of 60 is over two thirds, and 五星级 is what 97 reaches: no warning")
        self.visible(By.XPATH, '//section[contains(@class,"congress-recorded")]//a[normalize-space()="会议记录（纪要）"]')
        self.follow(self.link(f"返回申报 · {UNIT}"), "返回申报")
        self.assertEqual(self.facts()["当前状态"], "已确定申报星级")
        self.assertEqual(self.facts()["申报星级"], "五星级")

    def test_07_the_notice_starts_today(self):
        self.follow(self.link("公示与异议"), "公示与异议")
        self.see_text(By.TAG_NAME, "h1", "向职工公示", "the notice heading")
        start = self.driver.find_element(By.ID, "f-start")
        self.assertEqual(start.get_attribute("value"), (self.today + timedelta(days=1)).isoformat(), "the start defaults to tomorrow")
        self.type_into("f-start", self.today.isoformat())  # today, so members may object during the test
        self.follow(self.button("开始公示"), "开始公示", (303, 200))
        self.assertEqual(self.notice(), "公示已开始。")
        facts = self.facts()
        self.assertEqual(facts["申报星级"], "五星级")
        period = re.fullmatch(r"(.+)至(.+)（5个工作日）", facts["公示期"])
        self.assertIsNotNone(period, facts["公示期"])
        self.assertEqual(parse_zh_day(period[1]), self.today)
        end = parse_zh_day(period[2])
        # Five working days: at least five calendar days (today included), and weekends and
        # holidays only lengthen it; the working-day calendar itself is the core tests' business.
        self.assertGreaterEqual(end, self.today + timedelta(days=4))
        self.assertLessEqual(end, self.today + timedelta(days=20))
        type(self).notice_end = end
        self.assertEqual(facts["状态"], f"公示中，至{zh_day(end)}结束")
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "section.notice-links .notice-qr svg")), 1, "the QR code")
        public = self.link("公示页面（无需登录）")
        type(self).public_url = public.get_attribute("href")
        self.assertRegex(urlsplit(self.public_url).path, r"^/notices/[A-Za-z0-9_-]{20,100}$")
        self.assertEqual(self.text_of("section.notice-links .notice-url"), self.public_url)
        self.assertEqual(self.text_of("main > p.muted:last-of-type"), "尚未收到异议。")

    def test_08_a_member_objects_on_a_phone(self):
        type(self).member = self.as_phone(make_driver(*PHONE))
        cadre = self.using(self.member)
        try:
            self.open_page(self.public_url, "the public notice on a phone")
            self.no_horizontal_scroll("the public notice")
            self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "a.user-name"), [], "nobody is signed in")
            self.see_text(By.TAG_NAME, "h1", f"{UNIT}申报星级公示", "the public heading")
            facts = self.facts()
            self.assertEqual(facts["申报单位"], UNIT)
            self.assertEqual(facts["申报星级"], "五星级")
            self.assertEqual(facts["自评得分"], str(TOTAL_AT_THE_END))
            self.assertEqual(facts["公示期"], f"{zh_day(self.today)}至{zh_day(self.notice_end)}（5个工作日）")
            self.assertEqual(facts["状态"], f"公示中，至{zh_day(self.notice_end)}结束")
            self.visible(By.CSS_SELECTOR, "article.public-notice .notice-qr svg", "the QR code")
            self.assertIn("公示期间未收到异议。", self.page_text())
            self.assertFalse(self.driver.find_element(By.ID, "f-website").is_displayed(), "the honeypot is not visible")
            self.shoot("notice-phone.png")

            self.type_into("f-text", OBJECTION_TEXT)
            self.type_into("f-name", OBJECTOR)
            self.assertEqual(self.driver.find_element(By.ID, "f-website").get_attribute("value"), "")
            self.follow(self.button("提交异议"), "提交异议", (303, 200))
            self.assertEqual(self.notice(), "您的异议已提交，工会将作出答复。")
            self.assertEqual(self.path(), urlsplit(self.public_url).path)
            self.assertIn("共收到异议1条，已答复0条。", self.page_text())
            self.assertNotIn(OBJECTION_TEXT, self.page_text(), "the objection's text is not public")
            self.assertNotIn(OBJECTOR, self.page_text(), "nor the member's name")
            self.no_horizontal_scroll("the public notice after objecting")
            self.assert_clean_console("the public notice")
        finally:
            self.using(cadre)

    def test_09_the_cadre_answers_on_a_phone(self):
        self.as_phone(self.driver)
        try:
            self.open_page(self.application_url, "the application on a phone")
            self.no_horizontal_scroll("the application")
            self.follow(self.link("公示与异议"), "公示与异议 on a phone")
            self.assertEqual(self.text_of('main p.form-error[role="status"]'), "1条异议尚未答复，答复后方可申报。")
            objections = self.driver.find_elements(By.CSS_SELECTOR, "ol.objections > li")
            self.assertEqual(len(objections), 1)
            self.assertEqual(objections[0].find_element(By.CSS_SELECTOR, "blockquote.objection-text").text.strip(), OBJECTION_TEXT)
            self.assertRegex(objections[0].find_element(By.CSS_SELECTOR, "p.meta").text.strip(),
                             rf"^提出时间：{zh_day(self.today)} \d\d:\d\d · 提出人：{OBJECTOR}$")
            field = objections[0].find_element(By.CSS_SELECTOR, 'textarea[name="answer"]')
            field.send_keys(ANSWER_TEXT)
            self.follow(objections[0].find_element(By.XPATH, './/button[normalize-space()="提交答复"]'), "提交答复", (303, 200))
            self.assertEqual(self.notice(), "答复已保存。")
            self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, 'main p.form-error[role="status"]'), [],
                             "nothing left unanswered")
            answered = self.driver.find_elements(By.CSS_SELECTOR, "ol.objections > li")
            self.assertEqual(len(answered), 1)
            self.assertEqual(answered[0].find_element(By.CSS_SELECTOR, "blockquote.objection-text").text.strip(), OBJECTION_TEXT)
            self.assertEqual(answered[0].find_element(By.CSS_SELECTOR, "p.objection-answer").text.strip(), f"答复：{ANSWER_TEXT}")
            self.assertRegex(answered[0].find_elements(By.CSS_SELECTOR, "p.meta")[-1].text.strip(),
                             rf"^{CADRE_NAME}于{zh_day(self.today)} \d\d:\d\d答复$")
            self.assertEqual(answered[0].find_elements(By.TAG_NAME, "textarea"), [], "no answer form on an answered objection")
            self.no_horizontal_scroll("the answered objection")
            self.assert_clean_console("the notice page")
            self.shoot("objection-answered.png")
        finally:
            self.as_desktop(self.driver)

        # The member's phone, reloaded: the union's answer is public, the objection still is not.
        cadre = self.using(self.member)
        try:
            self.open_page(self.public_url, "the public notice, answered")
            self.assertIn("共收到异议1条，工会已全部答复。", self.page_text())
            self.see_text(By.XPATH, '//article//h2[1]', "工会的答复", "the answers heading")
            answers = self.driver.find_elements(By.CSS_SELECTOR, "article.public-notice ol.objections li")
            self.assertEqual(len(answers), 1)
            self.assertEqual(answers[0].find_element(By.CSS_SELECTOR, "p.meta").text.strip(),
                             f"{zh_day(self.today)}收到的异议，{zh_day(self.today)}答复：")
            self.assertEqual(answers[0].find_element(By.CSS_SELECTOR, "p.objection-answer").text.strip(), ANSWER_TEXT)
            self.assertNotIn(OBJECTION_TEXT, self.page_text())
        finally:
            self.using(cadre)

    def test_10_the_form_is_filled_and_filing_waits_for_the_notice(self):
        self.open_page(self.application_url, "the application")
        self.assertEqual(self.facts()["当前状态"], "公示中")
        self.follow(self.link("填写申报登记表"), "填写申报登记表")
        self.see_text(By.TAG_NAME, "h1", f"申报登记表 · {UNIT}", "the form's heading")
        self.assertEqual(self.text_of('.rf-fixed[data-field="unitName"]'), UNIT)
        self.assertEqual(self.text_of('.rf-fixed[data-field="tier"]'), "五星级")
        self.assertEqual(self.driver.find_element(By.ID, "f-chairName").get_attribute("value"), "李海涛", "from the unit's profile")
        self.assertEqual(self.driver.find_element(By.ID, "f-phone").get_attribute("value"), "0631-6618801")
        self.assertEqual(self.driver.find_element(By.ID, "f-unitOpinionDate").get_attribute("value"), self.today.isoformat())
        self.type_into("f-mainWork", MAIN_WORK)
        self.see_text(By.ID, "f-mainWork-count", f"{len(MAIN_WORK)}/1000", "the live character count")
        self.type_into("f-unitOpinion", OPINION)
        self.follow(self.button("保存"), "保存 the form", (303, 200))
        self.assertEqual(self.notice(), "申报登记表已保存。")
        self.assertEqual(self.driver.find_element(By.ID, "f-mainWork").get_attribute("value"), MAIN_WORK)
        self.assertEqual(self.driver.find_element(By.ID, "f-unitOpinion").get_attribute("value"), OPINION)
        # The notice runs: the page says until when, in the workflow's words, and offers no filing.
        filing = self.visible(By.CSS_SELECTOR, "section#file", "the filing section")
        self.assertEqual(filing.find_element(By.CSS_SELECTOR, "p.form-error").text.strip(),
                         f"公示至{zh_day(self.notice_end)}结束，结束后方可申报。")
        button = filing.find_element(By.XPATH, './/button[normalize-space()="提交申报登记表"]')
        self.assertFalse(button.is_enabled(), "the 提交申报登记表 button is disabled while the notice runs")
        self.assertEqual(filing.find_elements(By.TAG_NAME, "form"), [], "no filing form to send")
        self.assert_clean_console("the registration form")
        self.shoot("registration-form.png")
        self.open_page(self.application_url, "the application")
        self.assertEqual(self.facts()["当前状态"], "公示中", "still on notice, not filed")

    def test_11_a_union_whose_notice_has_ended_files(self):
        self.follow(self.clickable(By.XPATH, '//form[@action="/signout"]/button'), "退出", (303, 200))
        self.sign_in(FILER)
        self.see_text(By.CSS_SELECTOR, "a.user-name", FILER_NAME, "the header user name")
        url = self.find_own_application(FILER_UNIT)
        facts = self.facts()
        self.assertEqual((facts["当前状态"], facts["申报星级"], facts["自评得分"]), ("公示中", "五星级", "100"))
        apply_by = self.facts("main > dl.profile:last-of-type")["申报"]
        self.assertTrue(apply_by.endswith("前（含当日）"), apply_by)
        apply_by = apply_by[: -len("前（含当日）")]

        self.follow(self.link("公示与异议"), "公示与异议")
        ended = re.fullmatch(r"已于(.+)结束", self.facts()["状态"])
        self.assertIsNotNone(ended, self.facts()["状态"])
        self.assertLess(parse_zh_day(ended[1]), self.today, "the demo ran this notice to its end before today")
        self.assertEqual(self.text_of("main > p.muted:last-of-type"), "尚未收到异议。")

        self.follow(self.link(f"返回申报 · {FILER_UNIT}"), "返回申报")
        self.follow(self.link("填写申报登记表"), "填写申报登记表")
        self.assertEqual(self.text_of('.rf-fixed[data-field="tier"]'), "五星级")
        self.assertEqual(self.driver.find_element(By.ID, "f-chairName").get_attribute("value"), "赵红梅")
        self.type_into("f-mainWork", FILER_MAIN_WORK)
        self.type_into("f-unitOpinion", FILER_OPINION)
        self.follow(self.button("保存"), "保存 the form", (303, 200))
        self.assertEqual(self.notice(), "申报登记表已保存。")
        filing = self.visible(By.CSS_SELECTOR, "section#file", "the filing section")
        self.assertEqual(filing.find_element(By.TAG_NAME, "p").text.strip(), f"可提交至{apply_by}。")

        file_button = filing.find_element(By.XPATH, './/form//button[normalize-space()="提交申报登记表"]')
        self.drain_performance_log()
        old_html = self.driver.find_element(By.TAG_NAME, "html")
        self.tap(file_button)
        alert = self.wait(EC.alert_is_present(), "the confirmation before filing")
        self.assertEqual(alert.text, "提交后申报登记表将报送上级工会审核，不能再修改。确定提交吗？")
        alert.accept()
        self.wait(left_page(old_html), "the page after filing")
        self.expect_documents([303, 200], "提交申报登记表")
        self.assertEqual(self.notice(), "申报登记表已提交。")
        self.assertEqual(self.text_of("section#file p"), "已提交第1轮申报，等待上级工会审核。")
        self.assertEqual(self.driver.find_elements(By.ID, "f-mainWork"), [], "a filed form cannot be edited")
        self.assertEqual(self.text_of("main p.hint"), "当前不能修改申报登记表；以下为已填写的内容。")
        self.assertEqual([p.text for p in self.driver.find_elements(By.CSS_SELECTOR, 'td[data-field="mainWork"] p')],
                         FILER_MAIN_WORK.split("\n"))
        round_link = self.visible(By.XPATH, '//section[@id="rounds"]//a[normalize-space()="第1轮申报"]', "round 1")
        filed_line = self.facts("section#rounds dl.profile")["提交"]
        self.assertRegex(filed_line, rf"^{zh_day(self.today)} \d\d:\d\d，{FILER_NAME}（{FILER}）$")
        self.assertTrue(round_link.get_attribute("href").endswith("/rounds/1"))

        self.open_page(url, "the application, filed")
        self.assertEqual(self.facts()["当前状态"], "已申报")
        self.visible(By.XPATH, '//ul[contains(@class,"application-links")]//a[normalize-space()="第1轮申报"]', "the round's link")
        self.assert_clean_console("the filed application")
        self.shoot("filed.png")

    def test_12_every_screenshot_is_there(self):
        self.assert_screenshots(("self-assessment.png", "notice-phone.png", "objection-answered.png", "registration-form.png", "filed.png"))


if __name__ == "__main__":
    run_steps(CampaignWalk, "the campaign walk (self-assessment, evidence, drafts, congress, notice, objection on a phone, form, filing)")
