import Foundation
import Testing
@testable import UnionStarCore

/// The 申报登记表 as a value: what may be filed, counted as a reader counts, and the words each
/// document prints on it.
@Suite struct RegistrationFormTests {
    /// A form that may be filed; each case changes one thing.
    static let filled = RegistrationForm(
        unitName: "乳山市某某机械有限公司工会", tier: "四星级", chairName: "王丽", phone: "0631-6663572",
        mainWork: "一、组织建设规范达标。\n二、切实发挥工会作用。")

    static func form(mainWork: String) -> RegistrationForm {
        var form = filled
        form.mainWork = mainWork
        return form
    }

    static func chinese(_ count: Int) -> String { String(repeating: "工", count: count) }

    @Test func aFilledFormHasNoProblems() {
        // setup
        let form = Self.filled
        // act
        let problems = form.problems()
        // check
        #expect(problems.isEmpty)
    }

    struct MainWorkCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var count: Int
        var passes: Bool
        var testDescription: String { name }
    }

    static let mainWorkCases: [MainWorkCase] = [
        MainWorkCase(name: "1,000 Chinese characters", text: chinese(1000), count: 1000, passes: true),
        MainWorkCase(name: "1,001 Chinese characters", text: chinese(1001), count: 1001, passes: false),
        // 1,002 bytes of UTF-8: characters are counted, not bytes.
        MainWorkCase(name: "334 Chinese characters are more than 1,000 bytes", text: chinese(334), count: 334, passes: true),
        MainWorkCase(name: "surrounding whitespace is trimmed", text: "\n  " + chinese(1000) + " \r\n\t　", count: 1000, passes: true),
        MainWorkCase(name: "emoji with skin tone and a family are one character each",
                     text: chinese(998) + "👍🏽" + "👨‍👩‍👧", count: 1000, passes: true),
        MainWorkCase(name: "flags and combined accents are one character each",
                     text: chinese(997) + "🇨🇳" + "e\u{301}" + "a\u{308}\u{323}", count: 1000, passes: true),
        MainWorkCase(name: "one emoji past the limit", text: chinese(1000) + "👍🏽", count: 1001, passes: false),
        MainWorkCase(name: "a line break inside counts as one", text: chinese(500) + "\r\n" + chinese(499), count: 1000, passes: true),
        MainWorkCase(name: "a line break inside past the limit", text: chinese(500) + "\n" + chinese(500), count: 1001, passes: false),
    ]

    @Test(arguments: mainWorkCases)
    func mainWorkIsCountedInCharacters(_ row: MainWorkCase) {
        // setup
        let form = Self.form(mainWork: row.text)
        // act
        let problems = form.problems()
        // check
        #expect(form.mainWorkCount == row.count)
        if row.passes {
            #expect(problems.isEmpty)
        } else {
            #expect(problems.order == ["mainWork"])
            #expect(problems["mainWork"]?.zh == "主要工作不能超过1000字（现为\(row.count)字）。")
            #expect(problems["mainWork"]?.en == "The main work may have at most 1000 characters (it has \(row.count)).")
        }
    }

    @Test func theTooLongSentenceNamesTheFieldAndTheCount() {
        #expect(Strings.RegistrationForm.mainWorkTooLong(count: 1001).zh == "主要工作不能超过1000字（现为1001字）。")
    }

    @Test func everyEmptyRequiredFieldIsNamed() {
        // setup
        let form = RegistrationForm(unitName: " ", tier: "", chairName: "\n", phone: "", mainWork: " \n　")
        // act
        let problems = form.problems()
        // check
        #expect(problems.order == ["unitName", "tier", "chairName", "phone", "mainWork"])
        #expect(problems["unitName"]?.zh == "请填写申报单位。")
        #expect(problems["tier"]?.zh == "请填写申报星级。")
        #expect(problems["chairName"]?.zh == "请填写工会主席。")
        #expect(problems["phone"]?.zh == "请填写联系电话。")
        #expect(problems["mainWork"]?.zh == "请填写主要工作。")
        #expect(problems["mainWork"]?.en == "Enter the main work.")
    }

    @Test func overlongNamesAreRefused() {
        // setup
        var form = Self.filled
        form.unitName = Self.chinese(101)
        form.chairName = Self.chinese(51)
        form.tier = Self.chinese(21)
        // act
        let problems = form.problems()
        // check
        #expect(problems.order == ["unitName", "tier", "chairName"])
        #expect(problems["chairName"]?.zh == "工会主席不能超过50个字。")
    }

    static let phoneCases: [(phone: String, plausible: Bool)] = [
        ("0631-6663572", true),            // the seed's own 咨询电话
        ("13806311234", true),             // a mobile
        ("138 0631 1234", true),
        ("+86 631 666 3572", true),
        ("(0631) 666-3572", true),
        ("6663572", true),                 // 7 digits, a local number
        ("  0631-6663572 ", true),         // trimmed
        ("12345678901234567890", true),    // 20 digits
        ("666357", false),                 // 6 digits
        ("123456789012345678901", false),  // 21 digits
        ("0631－6663572", false),           // full-width hyphen
        ("１３８０６３１１２３４", false),     // full-width digits
        ("0631—6663572", false),           // a dash that is not -
        ("0631-6663572转8001", false),      // extension in words
        ("138-0631-12a4", false),
        ("86+13806311234", false),         // + not at the start
        ("++8613806311234", false),
        ("--- () ---", false),             // no digits
    ]

    @Test(arguments: phoneCases)
    func phonesArePlausibleOrNamed(phone: String, plausible: Bool) {
        // setup
        var form = Self.filled
        form.phone = phone
        // act
        let problems = form.problems()
        // check
        #expect(RegistrationForm.isPlausiblePhone(phone) == plausible)
        if plausible {
            #expect(problems.isEmpty)
        } else {
            #expect(problems.order == ["phone"])
            #expect(problems["phone"]?.zh == "联系电话只能包含数字、空格、-、括号和开头的+，数字须为7至20位。")
        }
    }

    @Test func aFilledOpinionBoxNeedsTextAndWhoStampsIt() throws {
        // setup
        var form = Self.filled
        let date = try #require(CalendarDate(year: 2026, month: 9, day: 1))
        form.opinions[.unitUnion] = .init(text: "同意申报。", date: date, by: "乳山市某某机械有限公司工会")
        form.opinions[.districtFederation] = .init(text: "  ", date: date, by: "某区总工会")
        form.opinions[.cityFederation] = .init(text: "同意", date: date, by: "")
        // act
        let rushan = form.problems()
        let yizheng = form.problems(labels: .yizheng2019)
        // check
        #expect(rushan.order == ["opinions.districtFederation", "opinions.cityFederation"])
        #expect(rushan["opinions.districtFederation"]?.zh == "请填写区（市）总工会意见。")
        #expect(rushan["opinions.cityFederation"]?.zh == "市总工会审批意见须写明盖章单位。")
        #expect(yizheng["opinions.districtFederation"]?.zh == "请填写镇（园区、系统）工会审核意见。")
        #expect(yizheng["opinions.cityFederation"]?.zh == "市总工会推荐意见须写明盖章单位。")
    }

    @Test func boxesLeftBlankAreNoProblem() {
        #expect(Self.filled.opinions.isEmpty)
        #expect(Self.filled.problems().isEmpty)
    }

    @Test func datesReadAsOnTheForm() throws {
        let date = try #require(CalendarDate(year: 2026, month: 9, day: 1))
        #expect(RegistrationForm.dateText(date, in: .zh) == "2026年9月1日")
        #expect(RegistrationForm.dateText(date, in: .en) == "1 September 2026")
    }

    @Test func linesKeepTheBreaksAsTyped() {
        #expect(RegistrationForm.lines(of: "\n一\r\n二\r三\n\n四\n ") == ["一", "二", "三", "", "四"])
        #expect(RegistrationForm.lines(of: "  ") == [])
    }

    @Test func codableRoundTripKeepsOpinionsByBox() throws {
        // setup
        var form = Self.filled
        form.opinions[.districtFederation] = .init(text: "同意", date: CalendarDate(year: 2026, month: 9, day: 1)!, by: "某镇总工会")
        // act
        let json = try JSONEncoder().encode(form)
        let back = try JSONDecoder().decode(RegistrationForm.self, from: json)
        // check
        #expect(back == form)
        #expect(String(decoding: json, as: UTF8.self).contains("\"districtFederation\":{"))
    }
}

@Suite struct RegistrationFormLabelTests {
    @Test func rushanPrintsAttachmentThreeWordForWord() {
        // setup
        let labels = RegistrationForm.Labels.rushan2020
        // check
        #expect(labels.title.zh == "“活力基层工会”申报登记表")
        #expect([labels.unitName, labels.tier, labels.chairName, labels.phone].map(\.zh) == ["申报单位", "申报星级", "工会主席", "联系电话"])
        #expect(labels.mainWork.zh == "主 要 工 作（简明扼要1000字以内）")
        #expect(RegistrationForm.OpinionBox.allCases.map { labels.box($0).zh } == ["单位工会意见", "区（市）总工会意见", "市总工会审批意见"])
        #expect(labels.stamp.zh == "（章）")
        #expect(labels.blankDate.zh.split(separator: " ") == ["年", "月", "日"])
    }

    @Test func yizhengNamesTheLevelsThatEndorseIt() {
        // setup
        let labels = RegistrationForm.Labels.yizheng2019
        // check
        #expect(labels.title.zh == "“新时代星级基层工会”申报登记表")
        #expect([labels.unitName, labels.tier, labels.chairName, labels.phone].map(\.zh) == ["申报单位", "申报星级", "工会主席", "联系电话"])
        #expect(RegistrationForm.OpinionBox.allCases.map { labels.box($0).zh } == ["单位工会意见", "镇（园区、系统）工会审核意见", "市总工会推荐意见"])
        #expect(labels.stamp.zh == "（章）")
    }

    @Test(arguments: [
        ("rushan-2020-enterprise", "rushan-2020"),
        ("rushan-2020-regional", "rushan-2020"),
        ("yizheng-2019-union", "yizheng-2019"),
        ("yizheng-2019-chair", "yizheng-2019-chair"),
        ("somewhere-2030-union", "rushan-2020"),
    ])
    func eachSchemeGetsItsDocumentsLabels(scheme: String, labels: String) {
        #expect(RegistrationForm.Labels.forScheme(id: scheme).id == labels)
    }

    @Test func theChairFormDiffersOnlyInItsTitle() {
        // setup
        var chair = RegistrationForm.Labels.yizheng2019Chair
        // act
        chair.title = RegistrationForm.Labels.yizheng2019.title
        chair.id = RegistrationForm.Labels.yizheng2019.id
        // check
        #expect(chair == .yizheng2019)
        #expect(RegistrationForm.Labels.yizheng2019Chair.title.zh == "“新时代星级基层工会主席”申报登记表")
    }

    @Test(arguments: [RegistrationForm.Labels.rushan2020, .yizheng2019, .yizheng2019Chair])
    func everyLabelHasBothLanguages(labels: RegistrationForm.Labels) {
        let all = [labels.title, labels.unitName, labels.tier, labels.chairName, labels.phone, labels.mainWork,
                   labels.unitUnion, labels.districtFederation, labels.cityFederation, labels.stamp, labels.blankDate]
        for label in all {
            #expect(!label.zh.isEmpty && !label.en.isEmpty)
            #expect(label.en.unicodeScalars.allSatisfy { $0.value < 0x3000 }, "English label with Chinese: \(label.en)")
        }
    }

    @Test func everyBuiltInSchemeHasAForm() {
        for id in builtInSchemes.keys {
            let labels = RegistrationForm.Labels.forScheme(id: id)
            #expect(id.hasPrefix(labels.id.split(separator: "-").prefix(2).joined(separator: "-")))
        }
    }
}
