#!/usr/bin/env python3
"""Headless-browser end-to-end test: part 2 of the campaign, a Rushan enterprise union taken on
from its filed application to its five-star certificate by the people above it, each clicking
through their own pages, on a demo server whose clock moves forward between the phases.

Who and what (from `unionstar demo`, see DemoData.swift / DemoCampaigns.swift):

* 乳山市宏岳电子科技有限公司工会 (under 夏村镇, rushan-2020-enterprise), which the demo always leaves
  fully compliant (self-score 100, 五星级 applied for), its notice over and its 申报登记表 filed,
  waiting for 夏村镇's stamp, in this year's Rushan campaign, whose inspection is still ahead;
* `xiacun-reviewer` (夏村镇总工会), `rushan-staff` (乳山市总工会), `inspector` (考核人员, homed at
  乳山市总工会), `xiacun-inspector` (a 夏村镇 inspector: in conflict, 须回避), `weihai-staff`
  (威海市总工会: Rushan's 五星 is decided and named by the prefecture), and a member with a phone.

The walk spans weeks, so the test runs the server itself (support.DemoServer) on the database
`run` made, and stops and starts it between the phases with the clock replayed from a later
moment (UNIONSTAR_CLOCK_START, China time); every date comes from the pages (the campaign's
inspection window, the results notice's last day), none is written here. A restart also shows
that what the server acknowledged before it stopped is there after.

 Phase A, on the real clock:
  1. the town's reviewer finds the union in 待审核 and stamps it with an opinion (screenshot);
  2. the county's staff read the campaign's inspection window, follow 待办 to 指派考核人员, see the
     town's inspector marked 须回避 (and refused, 422, with the reason) and assign `inspector`;
 Phase B, the clock at the inspection's first day:
  3. the inspector, on a 390×844 phone, records the visit and scores every item (two half points
     off: 99), the drafts reach the server, then submits (screenshot);
  4. the county's staff close the inspection (the combined score, the spread), and have no
     decision to take: five stars are the prefecture's;
  5. 威海's staff follow 待办 to 确定星级 and decide 五星级 (screenshot);
  6. the county's staff start the results notice today for the campaign's decided units;
 Phase C, the clock the day after the results notice ends:
  7. 威海's staff name the union (命名): the certificate number, the naming federation;
  8. the certificate: A4 landscape (printed to PDF by Chromium: one landscape A4 page), the
     unit, the tier, the year, 威海市总工会, the number; its QR code, read off the screenshot by
     zbarimg, is the address printed under it (screenshot);
  9. a member's phone opens that address: the public record; 星级工会名录 lists the union
     (screenshot).

Every page load's HTTP status is read from Chromium's performance log (200; 303 then 200 for a
form sent; 422 for the refused assignment), no page may show the server's error text, and the
console stays free of errors but for favicon.ico and the refused form's own 422.

Normally started by `browser-tests/run`, which stops its own server first and passes
UNIONSTAR_SERVER_BIN. Steps share state and run in order; the run stops at the first failure.
"""

import base64
import os
import re
import subprocess
import unittest
from datetime import timedelta
from urllib.parse import urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import (ACCOUNTS_FILE, ARTIFACTS_DIR, BASE_URL, PHONE, BrowserSteps, DemoServer, as_phone, china_today, make_driver,
                     parse_zh_day, points_text, read_password, run_steps, zh_day)

UNIT = "乳山市宏岳电子科技有限公司工会"
REVIEWER, STAFF, INSPECTOR, TOWN_INSPECTOR, PREFECTURE = "xiacun-reviewer", "rushan-staff", "inspector", "xiacun-inspector", "weihai-staff"
OPINION = "情况属实，台账齐全，同意上报。"
PEOPLE_MET = "工会主席周建华、职工代表8人"
FINDINGS = "台账齐全；劳动竞赛记录完整；职工书屋开放时间不固定。"
# Two items a half point short of their maximum: 100 − 1 = 99, still 五星级 (≥ 90).
SHORT = {4: 0.5, 11: 0.5}
INSPECTED = 99
DESKTOP = (1280, 1600)
# The moment of the day a replayed phase starts at (China time).
MORNING = "T09:00"


def read_qr(picture):
    """The text of the one QR code in a picture, as zbarimg (Debian's zbar-tools) reads it."""
    result = subprocess.run(["zbarimg", "--quiet", "--raw", picture], capture_output=True, text=True, timeout=60)
    codes = result.stdout.splitlines()
    if result.returncode != 0 or len(codes) != 1:
        raise AssertionError(f"zbarimg read {codes} from {picture} (exit {result.returncode}): {result.stderr.strip()[:300]}")
    return codes[0]


class CampaignPart2(BrowserSteps, unittest.TestCase):
    maxDiff = None
    driver = None
    server = None
    today = None             # the real clock's day (phase A)
    year = None
    campaign_title = None
    campaign_url = None
    inspection_from = None   # phase B's day
    results_end = None       # phase C is the day after
    application_url = None
    inspectors_url = None
    certificate_number = None
    record_url = None

    @classmethod
    def setUpClass(cls):
        cls.passwords = {name: read_password(ACCOUNTS_FILE, name) for name in (REVIEWER, STAFF, INSPECTOR, PREFECTURE)}
        cls.today = china_today()
        cls.year = cls.today.year
        cls.campaign_title = f"{cls.year}年度“活力基层工会”星级创建（演示）"
        cls.server = DemoServer()
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        if cls.driver is not None:
            cls.driver.quit()
        if cls.server is not None:
            cls.server.stop()

    # ---- helpers -------------------------------------------------------

    def browser(self, phone=False):
        """A fresh browser (nothing stored: a new person, or the same one on a later day)."""
        if self.driver is not None:
            self.driver.quit()
        type(self).driver = as_phone(make_driver(*PHONE)) if phone else make_driver(*DESKTOP)
        self.driver = type(self).driver
        return self.driver

    def sign_in_as(self, username, phone=False):
        """A fresh browser, signed in as `username`."""
        self.browser(phone)
        self.sign_in(username)

    def restart(self, day):
        """Stop the server (SIGTERM) and start it on the same database with the clock at `day`, 09:00."""
        self.server.stop()
        moment = day.isoformat() + MORNING
        self.server.start(clock_start=moment)
        self.assertIn(f"UNIONSTAR_CLOCK_START is set: the app's clock starts at {day.isoformat()} 09:00:00 China time",
                      self.server.log(), "the server says loudly that its clock is replayed")

    def nav(self, label):
        """A link of the header's navigation (on a phone, behind 菜单)."""
        toggles = self.driver.find_elements(By.CSS_SELECTOR, "label.menu-button")
        if toggles and toggles[0].is_displayed():
            toggles[0].click()
        # Its own words, not the count of tasks beside 待办.
        return self.clickable(By.XPATH, f'//nav[contains(@class,"main-nav")]/a[normalize-space(text()[1])="{label}"]', f"{label} in the header")

    def row_of(self, table_css, unit):
        """The cells' texts of the table row whose link is `unit`, and the row."""
        row = self.visible(By.XPATH, f'//table[contains(@class,"{table_css}")]//tr[.//a[normalize-space()="{unit}"]]', f"{unit}'s row")
        return [cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")], row

    def inbox_task(self, task):
        """待办 → the task for the union (a link in its row)."""
        self.follow(self.nav("待办"), "待办")
        self.see_text(By.TAG_NAME, "h1", "待办事项", "the inbox")
        rows = self.driver.find_elements(By.XPATH, f'//table[contains(@class,"inbox-table")]//tr[td[2][normalize-space()="{UNIT}"]]')
        tasks = [row.find_element(By.XPATH, "./td[1]").text.strip() for row in rows]
        self.assertIn(task, tasks, f"the inbox's tasks for {UNIT}")
        return rows[tasks.index(task)].find_element(By.XPATH, "./td[1]/a")

    def open_campaign(self):
        self.follow(self.nav("星级创建活动"), "星级创建活动")
        self.follow(self.link(self.campaign_title), self.campaign_title)
        self.see_text(By.TAG_NAME, "h1", self.campaign_title, "the campaign's heading")

    def state_line(self):
        """The inspectors page's line of the application's state (a paragraph of no class)."""
        return self.driver.find_element(By.XPATH, "//main/p[not(@class)]").text.strip()

    def assigned(self):
        """The inspectors page's 已指派 list, or its sentence when there is none."""
        following = self.driver.find_element(By.XPATH, '//main/h2[normalize-space()="已指派"]/following-sibling::*[1]')
        if following.tag_name == "ul":
            return [li.find_element(By.CLASS_NAME, "assignee").text.strip() for li in following.find_elements(By.TAG_NAME, "li")]
        return following.text.strip()

    def here(self):
        address = urlsplit(self.driver.current_url)
        return f"{address.scheme}://{address.netloc}{address.path}"

    # ---- phase A: the real clock -----------------------------------------

    def test_01_the_town_reviewer_stamps_it(self):
        self.sign_in_as(REVIEWER)
        self.follow(self.nav("待审核"), "待审核")
        self.see_text(By.TAG_NAME, "h1", "待审核的申报", "the review queue")
        cells, row = self.row_of("grid", UNIT)
        # unit, campaign, tier applied for, self-score, evidence files, due (the day before the inspection)
        self.assertEqual(cells[:5], [UNIT, self.campaign_title, "五星级", "100", "0"])
        type(self).stamp_due = parse_zh_day(cells[5])
        self.follow(row.find_element(By.XPATH, f'.//a[normalize-space()="{UNIT}"]'), UNIT)
        self.see_text(By.TAG_NAME, "h1", f"审核盖章 · {UNIT}", "the endorsement page")
        self.assertEqual(self.facts(), {"申报星级": "五星级", "自评得分": "100", "台账数": "0", "当前状态": "已申报"})
        self.assertEqual(self.text_of("section.stamps p.muted"), "本轮尚无审核记录。")
        self.assertIn("待夏村镇总工会审核盖章。", self.text_of("section.stamps"))
        self.assertEqual(self.driver.find_element(By.ID, "f-date").get_attribute("value"), self.today.isoformat(), "the date defaults to today")
        self.type_into("f-opinion", OPINION)
        self.follow(self.button("审核通过并盖章"), "审核通过并盖章", (303, 200))
        self.assertEqual(self.notice(), "已审核盖章。")
        stamps = [li.text.strip() for li in self.driver.find_elements(By.CSS_SELECTOR, "section.stamps ol li")]
        self.assertEqual(stamps, [f"夏村镇总工会（{zh_day(self.today)}，夏村镇总工会审核人（{REVIEWER}））：{OPINION}"])
        self.assertEqual(self.facts()["当前状态"], "已逐级审核")
        self.assertEqual(self.driver.find_elements(By.ID, "f-opinion"), [], "nothing left to stamp")
        back = self.link(f"返回申报 · {UNIT}")
        type(self).application_url = back.get_attribute("href")
        self.assert_clean_console("the endorsement")
        self.shoot("endorsed.png")
        self.follow(self.nav("待审核"), "待审核 again")
        self.assertEqual(self.driver.find_elements(By.XPATH, f'//main//a[normalize-space()="{UNIT}"]'), [], "no longer in the queue")

    def test_02_county_staff_assign_an_inspector_and_not_the_town_one(self):
        self.sign_in_as(STAFF)
        self.open_campaign()
        type(self).campaign_url = self.here()
        window = re.fullmatch(r"(.+)至(.+)", self.facts("section.campaign-plan dl.profile")["督导检查（考核验收）"])
        self.assertIsNotNone(window, "the inspection window")
        type(self).inspection_from = parse_zh_day(window[1])
        self.assertGreater(self.inspection_from, self.today, "the demo's inspection is ahead")
        self.assertEqual(self.stamp_due, self.inspection_from - timedelta(days=1), "the stamp was due the day before the inspection")

        self.follow(self.inbox_task("指派考核人员"), "指派考核人员")
        self.see_text(By.TAG_NAME, "h1", f"考核人员 · {UNIT}", "the inspectors page")
        type(self).inspectors_url = self.here()
        self.assertEqual(self.state_line(), "当前状态：已逐级审核")
        self.assertEqual(self.assigned(), "尚未指派考核人员。")
        choice = Select(self.visible(By.ID, "f-inspector"))
        options = [option.text.strip() for option in choice.options]
        conflicted = "夏村镇总工会考核人员（xiacun-inspector）（须回避）"
        self.assertIn(conflicted, options)
        self.assertIn("考核人员（inspector）", options)
        # The town's inspector is refused, with the reason, and nothing is stored.
        choice.select_by_visible_text(conflicted)
        self.follow(self.button("指派"), "指派 the town's inspector", (422,))
        self.assertEqual(self.text_of('main p.form-error[role="alert"]'), "考核人员属于该单位的上级审核单位（镇、园区、系统工会），须回避。")
        self.assertEqual(self.assigned(), "尚未指派考核人员。", "nothing stored")
        self.assert_clean_console("the refused assignment", allowed=("status of 422",))
        Select(self.visible(By.ID, "f-inspector")).select_by_visible_text("考核人员（inspector）")
        self.follow(self.button("指派"), "指派 inspector", (303, 200))
        self.assertEqual(self.notice(), "已指派考核人员。")
        self.assertEqual(self.assigned(), ["考核人员（inspector） · 未提交评分"])
        # not scored yet: an assignment made by mistake can still be withdrawn (撤销指派)
        self.assertEqual([b.text for b in self.driver.find_elements(By.CSS_SELECTOR, "ul.assigned-inspectors li button")], ["撤销指派"])
        self.assert_clean_console("the assignment")

    # ---- phase B: the inspection's first day ----------------------------

    def test_03_the_inspector_scores_on_a_phone(self):
        self.restart(self.inspection_from)
        self.sign_in_as(INSPECTOR, phone=True)
        self.follow(self.nav("考核任务"), "考核任务")
        self.see_text(By.TAG_NAME, "h1", "我的考核任务", "the inspector's list")
        self.follow(self.clickable(By.XPATH, f'//main//table//a[normalize-space()="{UNIT}"]', UNIT), UNIT)
        self.see_text(By.TAG_NAME, "h1", f"考核评分 · {UNIT}", "the inspection page")
        self.no_horizontal_scroll("the inspection page")
        # Today, by the server's replayed clock.
        self.assertEqual(self.driver.find_element(By.ID, "f-visitedOn").get_attribute("value"), self.inspection_from.isoformat())
        maxima = {}
        for label in self.driver.find_elements(By.CSS_SELECTOR, 'label[for^="f-item-"]'):
            found = re.fullmatch(r"第(\d+)项（满分([0-9.]+)分） · 自评：([0-9.]+)分", label.text.strip())
            self.assertIsNotNone(found, f"an item's label: {label.text!r}")
            self.assertEqual(found[2], found[3], "the union answered every item in full")
            maxima[int(found[1])] = float(found[2])
        self.assertEqual((len(maxima), sum(maxima.values())), (20, 100), "the standard's 20 items make 100")
        for method in ("听汇报", "查看台账资料", "个别访谈"):
            self.tap(self.clickable(By.XPATH, f'//label[contains(@class,"check") and normalize-space()="{method}"]/input', method))
        self.type_into("f-peopleMet", PEOPLE_MET)
        self.type_into("f-findings", FINDINGS)
        for number, maximum in sorted(maxima.items()):
            field = self.driver.find_element(By.ID, f"f-item-{number}")
            field.clear()
            field.send_keys(points_text(maximum - SHORT.get(number, 0)))
        self.see_text(By.CSS_SELECTOR, ".inspection-bar [data-status]", "草稿已保存到服务器", "the draft's status")
        self.follow(self.clickable(By.XPATH, '//div[contains(@class,"inspection-bar")]/button[normalize-space()="提交评分"]', "提交评分"),
                    "提交评分", (303, 200))
        self.see_text(By.CSS_SELECTOR, 'p.notice[role="status"]', "评分已提交。", "the confirmation")
        self.see_text(By.TAG_NAME, "main", f"您已提交评分，合计{INSPECTED}分。", "the submitted total")
        self.no_horizontal_scroll("the submitted scores")
        self.assert_clean_console("the inspection")
        self.shoot("inspection-phone-submitted.png")

    def test_04_county_staff_close_the_inspection(self):
        self.sign_in_as(STAFF)
        self.follow(self.inbox_task("结束考核"), "结束考核")
        self.assertEqual(self.here(), self.inspectors_url)
        self.assertEqual(self.text_of("p.inspection-summary"),
                         f"考核得分{INSPECTED}分（取各考核人员评分的平均分）；考核人员评分最高与最低相差0分；与自评不同的项目{len(SHORT)}项。")
        self.follow(self.button("结束考核"), "结束考核", (303, 200))
        self.assertEqual(self.notice(), "考核已结束。")
        self.assertEqual(self.text_of("p.inspection-summary"), f"考核已结束：考核得分{INSPECTED}分，评分相差0分。")
        self.assertEqual(self.state_line(), "当前状态：已考核")
        self.assertEqual(self.assigned(), [f"考核人员（inspector） · 合计{INSPECTED}分"])
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "ul.assigned-inspectors li button"), [], "scores stay: no 撤销指派")
        # Five stars are decided above the county: nothing waits for its staff now.
        self.follow(self.nav("待办"), "待办")
        self.assertEqual(self.driver.find_elements(By.XPATH, f'//table[contains(@class,"inbox-table")]//tr[td[2][normalize-space()="{UNIT}"]]'), [],
                         "the county has no task left for the union")
        self.assert_clean_console("closing the inspection")

    def test_05_the_prefecture_decides_five_stars(self):
        self.sign_in_as(PREFECTURE)
        self.follow(self.inbox_task("确定星级"), "确定星级")
        self.see_text(By.TAG_NAME, "h1", f"确定星级 · {UNIT}", "the decision page")
        self.assertEqual(self.facts(), {"申报星级": "五星级", "自评得分": "100", "考核得分": str(INSPECTED),
                                        "按考核得分应定星级": "五星级", "当前状态": "已考核"})
        self.assertEqual(Select(self.visible(By.ID, "f-tier")).first_selected_option.text.strip(), "五星级", "the computed tier is offered")
        self.follow(self.button("确定"), "确定", (303, 200))
        self.assertEqual(self.notice(), "星级已确定。")
        self.assertEqual(self.text_of("p.decision"), f"已确定：五星级（威海市总工会组织部（{PREFECTURE}），{zh_day(self.inspection_from)}）")
        self.assertEqual(self.facts()["当前状态"], "已确定星级")
        self.assert_clean_console("the decision")
        self.shoot("decided.png")

    def test_06_county_staff_start_the_results_notice(self):
        self.sign_in_as(STAFF)
        self.open_page(self.campaign_url, "the campaign")
        self.follow(self.link("结果公示与命名"), "结果公示与命名")
        self.see_text(By.TAG_NAME, "h1", "评选结果公示与命名", "the results page")
        cells, row = self.row_of("grid", UNIT)
        self.assertEqual(cells[1:], [UNIT, "五星级", str(INSPECTED), "已确定星级", "—", "0"])
        self.assertTrue(row.find_element(By.CSS_SELECTOR, 'input[name="units[]"]').is_selected(), "the decided unit is chosen")
        start = self.driver.find_element(By.ID, "f-start")
        self.assertEqual(start.get_attribute("value"), (self.inspection_from + timedelta(days=1)).isoformat(), "the start defaults to tomorrow")
        self.type_into("f-start", self.inspection_from.isoformat())
        self.follow(self.button("开始结果公示"), "开始结果公示", (303, 200))
        self.assertEqual(self.notice(), "1个单位已开始结果公示。")
        cells, _ = self.row_of("grid", UNIT)
        self.assertEqual(cells[4], "结果公示中")
        period = re.fullmatch(r"(.+)至(.+)（5个工作日）", cells[5])
        self.assertIsNotNone(period, cells[5])
        self.assertEqual(parse_zh_day(period[1]), self.inspection_from)
        type(self).results_end = parse_zh_day(period[2])
        # Five working days: at least five calendar days, today included; holidays only lengthen it.
        self.assertGreaterEqual(self.results_end, self.inspection_from + timedelta(days=4))
        self.assertLessEqual(self.results_end, self.inspection_from + timedelta(days=20))
        self.assertEqual(self.driver.find_elements(By.XPATH, '//main//button[normalize-space()="命名公示已结束且无未答复异议的单位"]'), [],
                         "nothing can be named while the notice runs")
        self.assert_clean_console("the results notice")

    # ---- phase C: the day after the results notice ----------------------

    def test_07_the_prefecture_names_it(self):
        named_on = self.results_end + timedelta(days=1)
        self.restart(named_on)
        self.sign_in_as(PREFECTURE)
        self.open_campaign()
        self.follow(self.link("结果公示与命名"), "结果公示与命名")
        self.follow(self.link(UNIT), UNIT)
        self.see_text(By.TAG_NAME, "h1", f"{UNIT}：评选结果公示", "the unit's results page")
        facts = self.facts()
        self.assertEqual((facts["确定星级"], facts["考核得分"], facts["当前状态"]), ("五星级", str(INSPECTED), "结果公示中"))
        self.assertEqual(facts["公示期"], f"{zh_day(self.inspection_from)}至{zh_day(self.results_end)}（5个工作日）")
        self.assertEqual(facts["状态"], f"已于{zh_day(self.results_end)}结束")
        self.follow(self.button("命名"), "命名", (303, 200))
        self.assertEqual(self.notice(), "已命名。")
        facts = self.facts()
        self.assertEqual((facts["当前状态"], facts["命名日期"], facts["命名单位"]), ("已命名", zh_day(named_on), "威海市总工会"))
        # The campaign's year, the tier's rank (三星 1, 四星 2, 五星 3), the first named in the campaign.
        self.assertEqual(facts["证书编号"], f"{self.year}-3-0001")
        type(self).certificate_number = facts["证书编号"]
        type(self).named_on = named_on
        self.assert_clean_console("naming")

    def test_08_the_certificate_prints_on_one_landscape_a4(self):
        self.follow(self.link("证书（A4横版，可打印）"), "the certificate")
        self.assertEqual(self.text_of("h1.cert-heading"), "荣誉证书")
        self.assertEqual([p.text.strip() for p in self.driver.find_elements(By.CSS_SELECTOR, ".cert-body p")],
                         [f"{UNIT}：", f"经考核评定，被命名为{self.year}年度五星级工会。"])
        self.assertEqual(self.text_of(".cert-org"), "威海市总工会")
        self.assertEqual([p.text.strip() for p in self.driver.find_elements(By.CSS_SELECTOR, ".cert-issuer p")],
                         ["威海市总工会", zh_day(self.named_on), f"证书编号：{self.certificate_number}"])
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, ".cert-qr svg")), 1, "the QR code")
        self.assertIn("扫码核验", self.text_of(".cert-qr"))
        printed = self.text_of(".cert-url")
        self.assertRegex(printed, rf"^{re.escape(BASE_URL)}/notices/[A-Za-z0-9_-]{{20,100}}$")
        self.assert_clean_console("the certificate")
        shot = self.shoot("certificate.png")
        # The QR code, read off the picture as a phone's camera reads it, is the address printed under it.
        type(self).record_url = read_qr(shot)
        self.assertEqual(self.record_url, printed, "the QR code opens the address printed under it")
        # Printed as Chromium prints it, with the page's own @page size: one A4 page, landscape.
        pdf = base64.b64decode(self.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
        with open(os.path.join(ARTIFACTS_DIR, "certificate.pdf"), "wb") as handle:
            handle.write(pdf)
        pages = re.findall(rb"/Type\s*/Page(?![a-z])", pdf)
        boxes = {tuple(round(float(n)) for n in box) for box in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]", pdf)}
        self.assertEqual(len(pages), 1, "the certificate prints on one page")
        self.assertEqual(boxes, {(842, 595)}, "an A4 page in landscape (297 × 210 mm in points)")

    def test_09_a_member_follows_the_qr_link_to_the_public_record(self):
        self.browser(phone=True)
        self.open_page(self.record_url, "the public record on a phone")
        self.see_text(By.TAG_NAME, "h1", f"{UNIT}星级工会命名记录", "the public record")
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "a.user-name"), [], "nobody is signed in")
        facts = self.facts()
        self.assertEqual((facts["命名星级"], facts["命名单位"], facts["命名日期"], facts["证书编号"]),
                         ("五星级", "威海市总工会", zh_day(self.named_on), self.certificate_number))
        self.no_horizontal_scroll("the public record")
        self.assert_clean_console("the public record")
        self.shoot("public-record-phone.png")
        self.follow(self.nav("星级工会名录"), "星级工会名录")
        self.see_text(By.TAG_NAME, "h1", "星级工会名录", "the list of star unions")
        self.assertEqual(self.text_of("main ul.links strong"), f"{self.year} · {self.campaign_title}", "this year's campaign is shown")
        cells, row = self.row_of("stars", UNIT)
        self.assertEqual(cells, [UNIT, "五星级", "威海市总工会", self.certificate_number])
        self.assertEqual(urlsplit(row.find_element(By.TAG_NAME, "a").get_attribute("href")).path, urlsplit(self.record_url).path,
                         "the list links to the record the QR code opens")
        self.no_horizontal_scroll("the list of star unions")
        self.assert_clean_console("the list of star unions")

    def test_10_every_screenshot_is_there(self):
        self.assert_screenshots(("endorsed.png", "inspection-phone-submitted.png", "decided.png", "certificate.png", "public-record-phone.png"))


if __name__ == "__main__":
    run_steps(CampaignPart2, "the part 2 walk (stamp, inspectors, inspection on a phone, close, decision at 威海, results notice, "
                             "naming, certificate, public record)")
