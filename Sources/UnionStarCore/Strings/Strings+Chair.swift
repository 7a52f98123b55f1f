extension Strings {
    /// The chair track (争当星级基层工会主席): the person, eligibility, the chair's certificate and lists.
    public enum Chair {
        public static func post(_ post: ChairPerson.Post) -> LocalizedText {
            switch post {
            case .chair: LocalizedText(zh: "工会主席", en: "Union chair")
            case .presidingViceChair: LocalizedText(zh: "主持工作的副主席", en: "Vice-chair presiding over the union's work")
            }
        }

        static let fields: [String: LocalizedText] = [
            "name": LocalizedText(zh: "姓名", en: "Name"),
            "post": LocalizedText(zh: "职务", en: "Post"),
            "unionWorkSince": LocalizedText(zh: "开始从事工会工作日期", en: "In union work since"),
            "tookOfficeOn": LocalizedText(zh: "任现职（上岗）日期", en: "Took office on"),
            "certificateOn": LocalizedText(zh: "上岗资格培训证书取得日期", en: "Post training certificate obtained on"),
        ]

        public static func field(_ name: String) -> LocalizedText { fields[name] ?? LocalizedText(zh: name, en: name) }

        public static func nameInvalid(_ limit: Int) -> LocalizedText {
            LocalizedText(zh: "请填写姓名（不超过\(limit)个字）。", en: "Enter the name (at most \(limit) characters).")
        }
        public static let postInvalid = LocalizedText(zh: "请选择职务：工会主席或主持工作的副主席。",
                                                      en: "Choose the post: union chair or the vice-chair presiding over the union's work.")
        public static func dateRequired(_ field: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "请填写\(field.zh)（如 2016-09-01）。", en: "Enter the date for “\(field.en)” (e.g. 2016-09-01).")
        }
        public static func dateInvalid(_ field: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(field.zh)不是有效日期，请按 2016-09-01 的格式填写。", en: "“\(field.en)” is not a date; write it as 2016-09-01.")
        }
        public static func dateInFuture(_ field: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(field.zh)不能晚于今天。", en: "“\(field.en)” cannot be after today.")
        }
        public static let workAfterOffice = LocalizedText(zh: "开始从事工会工作日期不能晚于任现职日期。",
                                                          en: "Union work cannot begin after taking office (the post is union work).")

        static func date(_ day: CalendarDate, _ language: Language) -> String { Campaign.date(day, language) }

        public static func reason(_ reason: ChairEligibility.Reason) -> LocalizedText {
            switch reason {
            case .notEntered:
                LocalizedText(zh: "尚未填写工会主席（主持工作的副主席）的任职信息。",
                              en: "The chair's details (name, post, dates) are not entered yet.")
            case .tooFewYears(let since, let completesOn, let asOf):
                LocalizedText(zh: "从事工会工作不满三年：自\(date(since, .zh))起，至\(date(completesOn, .zh))方满三年，晚于申报截止日\(date(asOf, .zh))。",
                              en: "Less than three years in union work: since \(since), three years are complete on \(completesOn), after the application deadline \(asOf).")
            case .noCertificate(let dueBy, let asOf):
                LocalizedText(zh: "截至申报截止日\(date(asOf, .zh))没有上岗资格培训证书（须在上岗一年内、即\(date(dueBy, .zh))前取得）。",
                              en: "No post training certificate by the application deadline \(asOf) (it is due within a year of taking office, by \(dueBy)).")
            case .certificateLate(let on, let dueBy):
                LocalizedText(zh: "上岗资格培训证书于\(date(on, .zh))取得，晚于上岗一年内的期限\(date(dueBy, .zh))。",
                              en: "The post training certificate came on \(on), later than a year after taking office (\(dueBy)).")
            }
        }

        public static func ineligible(_ reasons: [ChairEligibility.Reason]) -> LocalizedText {
            LocalizedText(zh: "不符合“争当星级基层工会主席”的条件：" + reasons.map(\.message.zh).joined(separator: ""),
                          en: "Not eligible for the star union chair: " + reasons.map(\.message.en).joined(separator: " "))
        }

        // The person's page.
        public static let heading = LocalizedText(zh: "参评人员（工会主席）", en: "The chair assessed")
        public static let intro = LocalizedText(
            zh: "“争当星级基层工会主席”的参评人为本单位工会主席或主持工作的副主席。条件（仪工字〔2019〕42号）：从事工会工作三年以上，有上岗资格培训证书，且上岗一年内完成上岗资格培训；按申报截止日计算。公示开始后不能修改。",
            en: "The chair assessed is the union's chair or the vice-chair presiding over its work. Conditions (Yizheng federation notice 2019 no. 42): at least three years in union work, and a post training certificate obtained within a year of taking office; judged as of the application deadline. It cannot change once the notice starts.")
        public static let link = LocalizedText(zh: "参评人员信息", en: "The chair's details")
        public static let edit = LocalizedText(zh: "填写参评人员信息", en: "Enter the chair's details")
        public static let dateHint = LocalizedText(zh: "格式 2016-09-01", en: "Format 2016-09-01")
        public static let certificateHint = LocalizedText(zh: "格式 2016-09-01；尚未取得的留空", en: "Format 2016-09-01; leave empty if none yet")
        public static let stale = LocalizedText(zh: "参评人员信息已被他人修改，请查看最新内容后再保存。",
                                                en: "Someone changed the chair's details meanwhile; review them and save again.")
        public static let notEditable = LocalizedText(zh: "参评人员信息只能在自查自评开始后、公示开始前（或被退回后）修改。",
                                                      en: "The chair's details can change after the self-assessment starts and before the notice (or once returned).")
        public static let notChairCampaign = LocalizedText(zh: "本次活动评的是基层工会，不是工会主席。",
                                                           en: "This campaign rates unions, not chairs.")
        public static let eligible = LocalizedText(zh: "符合参评条件（按申报截止日计算）。", en: "Eligible (as of the application deadline).")
        public static let eligibilityHeading = LocalizedText(zh: "参评条件", en: "Eligibility")
        public static func person(_ person: ChairPerson) -> LocalizedText {
            LocalizedText(zh: "\(person.name)（\(person.post.label.zh)）", en: "\(person.name) (\(person.post.label.en))")
        }
        public static let personLabel = LocalizedText(zh: "参评人", en: "Chair assessed")
        public static let auditSaved = LocalizedText(zh: "保存参评人员信息", en: "saved the chair's details")
        public static let saved = LocalizedText(zh: "参评人员信息已保存。", en: "The chair's details are saved.")

        // Campaigns by subject.
        public static func subject(_ subject: UnionStarCore.Scheme.Subject) -> LocalizedText {
            switch subject {
            case .union: LocalizedText(zh: "星级基层工会", en: "Star unions")
            case .chair: LocalizedText(zh: "星级基层工会主席", en: "Star union chairs")
            }
        }
        public static let subjectField = LocalizedText(zh: "评选对象", en: "Who is rated")
        public static let subjectHint = LocalizedText(zh: "评工会主席时，只能选用评工会主席的方案。", en: "A chair campaign runs on chair schemes only.")
        public static let schemeNotForSubject = LocalizedText(zh: "该方案不评此类对象（评工会与评工会主席的方案不能混用）。",
                                                              en: "This scheme does not rate this subject (union and chair schemes cannot be mixed).")

        // The chair's certificate: the Chinese paper.
        public static func certificateBody(person: String, post: String, unit: String, year: Int, tier: String) -> String {
            "\(person)同志（\(unit)\(post)）：\n经考核评定，被命名为\(year)年度\(tier)基层工会主席。"
        }
        public static let certificateTitle = LocalizedText(zh: "星级基层工会主席证书", en: "Star union chair certificate")

        // The public list.
        public static let starsChairs = LocalizedText(zh: "星级基层工会主席", en: "Star union chairs")
        public static let starsPerson = LocalizedText(zh: "姓名", en: "Name")
    }
}
