import UnionStarCore

/// What `registration-form.leaf` shows: the 申报登记表 as printed, every word from the document's
/// labels in the page's language and every value as typed. A page embeds it under the key
/// `registrationForm` and `#extend("registration-form")`s where the form goes.
struct RegistrationFormPage: Encodable, Sendable {
    struct Field: Encodable, Sendable {
        var label: String
        var value: String
    }

    struct Box: Encodable, Sendable {
        var label: String
        /// The opinion, one entry per line as typed; empty while the box is blank.
        var lines: [String]
        /// Who stamps it followed by （章）, or （章） alone while blank.
        var stamp: String
        /// `2026年9月1日`, or the blank 年 月 日 to be written in by hand.
        var date: String
        var filled: Bool
    }

    var lang: String
    var title: String
    var unitName: Field
    var tier: Field
    var chairName: Field
    var phone: Field
    var mainWorkLabel: String
    /// 主要工作, one entry per line as typed.
    var mainWork: [String]
    var boxes: [Box]

    init(_ form: RegistrationForm, labels: RegistrationForm.Labels, language: Language) {
        func t(_ text: LocalizedText) -> String { text.text(in: language) }
        lang = language.rawValue
        title = t(labels.title)
        unitName = Field(label: t(labels.unitName), value: form.unitName)
        tier = Field(label: t(labels.tier), value: form.tier)
        chairName = Field(label: t(labels.chairName), value: form.chairName)
        phone = Field(label: t(labels.phone), value: form.phone)
        mainWorkLabel = t(labels.mainWork)
        mainWork = RegistrationForm.lines(of: form.mainWork)
        boxes = RegistrationForm.OpinionBox.allCases.map { box in
            let opinion = form.opinions[box]
            return Box(label: t(labels.box(box)),
                       lines: opinion.map { RegistrationForm.lines(of: $0.text) } ?? [],
                       stamp: (opinion?.by ?? "") + t(labels.stamp),
                       date: opinion.map { RegistrationForm.dateText($0.date, in: language) } ?? t(labels.blankDate),
                       filled: opinion != nil)
        }
    }
}
