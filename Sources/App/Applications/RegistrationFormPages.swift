import UnionStarCore
import Vapor

/// `registration-form-edit.leaf`: the 申报登记表 of one application — the cadre's form while it may
/// be changed (or the filled form as printed when it may not), its print view and Word file, the
/// filing, the return, and every earlier round.
struct RegistrationFormEditPage: Encodable {
    typealias Link = ApplicationPage.Link

    /// A field as the page shows it: what it holds and, sent back, what is wrong with it.
    struct Field: Encodable {
        var name: String
        var label: String
        var value: String
        var error: String?
        var hint: String?
    }

    /// The cadre's form: the unit and the tier shown, the rest typed.
    struct Edit: Encodable {
        var action: String
        var unitName: Field
        var tier: Field
        var chairName: Field
        var phone: Field
        var mainWork: Field
        /// 「12/1000」, kept current by `registration-form.js`.
        var counter: String
        var counterLabel: String
        var limit: Int
        var overLimit: Bool
        var opinion: Field
        var opinionDate: Field
        var stamp: String
        var opinionHint: String
        var higherBoxesNote: String
        var save: String
    }

    struct Filing: Encodable {
        var heading: String
        var path: String
        var button: String
        var confirm: String
        /// The button works now.
        var ready: Bool
        /// Until when, or why not.
        var message: String?
    }

    struct Returned: Encodable {
        var text: String
        var reasonLabel: String
        var reason: String
        var refileBy: String?
    }

    struct ReturnForm: Encodable {
        var heading: String
        var path: String
        var field: Field
        var button: String
        var confirm: String
    }

    struct Round: Encodable {
        var name: String
        var path: String
        var filedLabel: String
        var filed: String
        var returnedLabel: String
        var returned: String?
        var reasonLabel: String
        var reason: String?
    }

    var layout: Layout
    var heading: String
    var breadcrumbs: [Link]
    /// After filing or returning (`?done=filed|returned`).
    var notice: String?
    /// Why the last request changed nothing (a stale version, a closed deadline).
    var formError: String?
    var problemsHeading: String
    /// Every problem that stops the filing, each sentence naming its field.
    var problems: [String]
    var edit: Edit?
    /// The form as printed, when it is not to be changed here; after a stale save, the form as the
    /// other person saved it, below what this one typed (under `latestHeading`).
    var registrationForm: RegistrationFormPage?
    var readOnlyNote: String?
    var latestHeading: String
    var printLink: Link
    var docxLink: Link
    var filing: Filing?
    var returned: Returned?
    var returnForm: ReturnForm?
    var roundsHeading: String
    var rounds: [Round]
    var csrf: String
    var version: Int
}

/// `registration-form-print.leaf`: the form alone, one A4 page as on paper (the current form, or
/// one round as it was filed, with what became of it).
struct RegistrationFormPrintPage: Encodable {
    struct Fact: Encodable {
        var label: String
        var text: String
    }

    var layout: Layout
    var back: RegistrationFormEditPage.Link
    var printLabel: String
    /// 「第1轮申报 · 甲公司工会」 for a round; nil for the current form.
    var heading: String?
    var facts: [Fact]
    var registrationForm: RegistrationFormPage
}
