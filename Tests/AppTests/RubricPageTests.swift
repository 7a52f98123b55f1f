import Foundation
import Testing
import UnionStarCore
import Vapor
import VaporTesting
@testable import App

/// The rubric page (`/schemes/:id`): every text of ours in the page's language, where each date
/// comes from, the general label of enterprise item 11, and markup a phone can lay out as cards.
@Suite struct RubricPageTests {
    static let schemeIDs = ["rushan-2020-enterprise", "rushan-2020-regional", "yizheng-2019-union", "yizheng-2019-chair"]

    /// As Leaf writes text into the page.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Every note of ours a scheme shows: the scheme's, its settings', facts', items', rules',
    /// vetoes', rewards', re-review's and timeline steps'.
    static func notes(of scheme: Scheme) -> [(zh: String, en: String)] {
        var all: [any BilingualNote] = [scheme]
        all += scheme.settings as [any BilingualNote]
        all += scheme.allFacts as [any BilingualNote]
        all += scheme.items as [any BilingualNote]
        all += scheme.items.flatMap(\.rules) as [any BilingualNote]
        all += scheme.vetoes as [any BilingualNote]
        all += (scheme.rewards?.reductions ?? []) as [any BilingualNote]
        if let policy = scheme.reReview { all.append(policy) }
        all += (scheme.timeline?.steps ?? []) as [any BilingualNote]
        return all.compactMap { annotated in annotated.note.map { ($0, annotated.noteEn ?? "") } }
    }

    func page(_ app: Application, _ path: String) async throws -> String {
        var html = ""
        try await app.http().test(.GET, path) { res async in
            #expect(res.status == .ok)
            html = res.body.string
        }
        return html
    }

    @Test(arguments: schemeIDs)
    func chinesePageShowsOnlyChineseNotesAndEnglishPageOnlyEnglish(id: String) async throws {
        try await withTestApp { app in
            let scheme = try #require(app.catalogue.scheme(id))
            let notes = Self.notes(of: scheme)
            #expect(!notes.isEmpty)
            let zh = try await page(app, "/schemes/\(id)")
            let en = try await page(app, "/schemes/\(id)?lang=en")
            for note in notes {
                #expect(zh.contains(Self.escaped(note.zh)), "zh page lacks: \(note.zh)")
                #expect(!zh.contains(Self.escaped(note.en)), "zh page shows the English note: \(note.en)")
                #expect(en.contains(Self.escaped(note.en)), "en page lacks: \(note.en)")
                #expect(!en.contains(Self.escaped(note.zh)), "en page shows the Chinese note: \(note.zh)")
            }
            for setting in scheme.settings {
                #expect(zh.contains(Self.escaped(setting.label)) && !zh.contains(Self.escaped(setting.labelEn)))
                #expect(en.contains(Self.escaped(setting.labelEn)) && !en.contains(Self.escaped(setting.label)))
                let chosen = try #require(setting.chosen)
                #expect(zh.contains(Self.escaped(chosen.label)) && en.contains(Self.escaped(chosen.labelEn)))
            }
        }
    }

    @Test func theReviewersExampleNoteIsInTheRightLanguage() async throws {
        try await withTestApp { app in
            let zh = try await page(app, "/schemes/rushan-2020-enterprise")
            let en = try await page(app, "/schemes/rushan-2020-enterprise?lang=en")
            #expect(!zh.contains("The seed counts percentage points"))
            #expect(zh.contains("原文以“百分点”计数"))
            #expect(en.contains("The seed counts percentage points"))
            #expect(!en.contains("原文以“百分点”计数"))
        }
    }

    @Test func timelineStepsCarryTheirProvenance() async throws {
        try await withTestApp { app in
            let zh = try await page(app, "/schemes/yizheng-2019-union")
            #expect(zh.contains("<span class=\"badge seed\">文件原文</span> <strong>单位申报（逐级审核盖章汇总后报至市总组织部）</strong>：9月30日前（含当日）"))
            #expect(zh.contains("原文：“<span lang=\"zh-CN\">单位申报(每年的9月30日之前)</span>”"))
            #expect(zh.contains("<span class=\"badge ours\">本系统默认</span> <strong>考评（听汇报、查看台账资料、个别访谈、召开座谈会）</strong>：10月1日至11月5日"))
            #expect(zh.contains("<strong>向扬州市总工会推荐表彰</strong>：11月15日前（含当日）"))
            #expect(zh.contains("<strong>年初预申报</strong>：文件未定具体日期"))
            #expect(!zh.contains("1月1日") && !zh.contains("3月31日") && !zh.contains("9月15日"))
            let en = try await page(app, "/schemes/yizheng-2019-union?lang=en")
            #expect(en.contains("<span class=\"badge seed\">seed</span> <strong>Application"))
            #expect(en.contains("<span class=\"badge ours\">our default</span> <strong>Assessment"))
            #expect(en.contains("by 15 Nov, the day included"))

            let rushan = try await page(app, "/schemes/rushan-2020-regional")
            #expect(rushan.contains("<span class=\"badge ours\">本系统默认</span> <strong>自查</strong>：8月1日至8月15日"))
            #expect(rushan.contains("原文：“<span lang=\"zh-CN\">8月份进行自查</span>”"))
            #expect(rushan.contains("<span class=\"badge seed\">文件原文</span> <strong>乳山市总工会督导检查</strong>：9月1日至9月30日"))
            #expect(rushan.contains("<strong>向职工公示</strong>：5个工作日，自上一步结束次日起"))
        }
    }

    @Test func reReviewSaysWhoIsReviewed() async throws {
        try await withTestApp { app in
            let rushan = try await page(app, "/schemes/rushan-2020-enterprise")
            let yizheng = try await page(app, "/schemes/yizheng-2019-union")
            let english = try await page(app, "/schemes/rushan-2020-enterprise?lang=en")
            #expect(rushan.contains("2020年复查2018年获评的单位"))
            #expect(yizheng.contains("2019年复查2018年获评的单位"))
            #expect(english.contains("2020 re-reviews those named in 2018"))
        }
    }

    @Test func enterpriseItemElevenShowsTheGeneralLabel() async throws {
        try await withTestApp { app in
            let html = try await page(app, "/schemes/rushan-2020-enterprise")
            #expect(html.contains("厂务、院（校）务公开制度（公开及时真实，公开档案资料齐全）"))
            #expect(html.contains("建立了职工创新工作室（“劳模（工匠人才）创新工作室”也算）"))
        }
    }

    /// At 390 px the table becomes one card per item: each cell says which column it is.
    @Test(arguments: [("", ["内容", "序号", "创建标准", "分值", "量化项", "得分"]), ("?lang=en", ["Area", "No.", "Standard", "Points", "Quantification", "Score"])])
    func everyCellCarriesItsColumnForPhoneCards(query: String, columns: [String]) async throws {
        try await withTestApp { app in
            let html = try await page(app, "/schemes/rushan-2020-enterprise" + query)
            #expect(html.contains("<article class=\"rubric\">"))
            for column in columns.dropFirst() {
                #expect(html.components(separatedBy: "data-label=\"\(column)\"").count - 1 == 20, "\(column)")
            }
            #expect(html.components(separatedBy: "data-label=\"\(columns[0])\"").count - 1 == 5)  // one per section
            #expect(!html.contains("style=") && !html.contains("<script>"))
        }
    }

    @Test func phoneCardRulesAreScopedToTheRubric() async throws {
        try await withTestApp { app in
            try await app.http().test(.GET, "/css/site.css") { res async in
                let css = res.body.string
                // The block of card rules (the header's own phone rules sit in another block).
                let start = css.range(of: "@media screen and (max-width: 40rem) {\n  .rubric table.rubric-table")
                    .map { css.index($0.lowerBound, offsetBy: "@media screen and (max-width: 40rem)".count)..<$0.upperBound }
                #expect(start != nil)
                guard let start else { return }
                // The block's body, up to the brace that closes it (later blocks of other pages follow).
                var depth = 0
                let block = css[start.lowerBound...].drop { $0 != "{" }.dropFirst().prefix { character in
                    if character == "{" { depth += 1 }
                    if character == "}" { depth -= 1 }
                    return depth >= 0
                }
                let selectors = block.split(separator: "}").compactMap { $0.split(separator: "{").first }
                    .flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    .filter { !$0.isEmpty }
                #expect(!selectors.isEmpty)
                #expect(selectors.allSatisfy { $0.hasPrefix(".rubric ") }, "\(selectors)")
                #expect(css.contains(".rubric table.rubric-table td[data-label]::before"))
            }
        }
    }
}
