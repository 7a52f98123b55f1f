import UnionStarCore
import Vapor

/// `notice.leaf`: the unit's notice as the union runs it — starting it, its public page and QR
/// code, and the objections with their answers.
struct NoticeManagePage: Encodable {
    struct Objection: Encodable {
        var lodgedAt: String
        var from: String
        var text: String
        var answer: String?
        var answered: String?
        /// Where the answer form posts, when the user may answer now.
        var answerPath: String?
        var answerValue: String
        var answerError: String?
        var id: String
    }

    struct StartForm: Encodable {
        var action: String
        var version: Int
        var fields: [FormPage.Field]
        var submit: String
    }

    struct PublicLinks: Encodable {
        var pageLabel: String
        var pagePath: String
        var absoluteURL: String
        var printLabel: String
        var printPath: String
        var qr: String
        var scanLabel: String
    }

    var layout: Layout
    var heading: String
    var intro: String
    var back: ApplicationPage.Link
    var facts: [ApplicationPage.Fact]
    var refusal: String?
    var warnings: [String]
    var start: StartForm?
    var formError: String?
    var publicLinks: PublicLinks?
    var objectionsHeading: String
    var noObjections: String
    var objections: [Objection]
    var blocking: String?
    var labels: [String: String]
    var csrf: String
    /// The results notice's page adds naming (staff) and the certificate's link.
    var naming: Naming? = nil
    var links: [ApplicationPage.Link] = []

    struct Naming: Encodable {
        var action: String
        var version: Int
        var submit: String
    }
}

/// `notice-public.leaf` and `notice-print.leaf`: the notice as anyone reads it, without signing in.
struct NoticePublicPage: Encodable {
    struct Answer: Encodable {
        var line: String
        var text: String
    }

    struct ObjectionForm: Encodable {
        var action: String
        var fields: [FormPage.Field]
        var honeypotLabel: String
        var submit: String
        var formError: String?
    }

    var layout: Layout
    var heading: String
    var intro: String
    var facts: [ApplicationPage.Fact]
    /// Not started yet, or ended: in words.
    var state: String?
    var summary: String?
    var answersHeading: String
    var answers: [Answer]
    var form: ObjectionForm?
    var formHeading: String
    var qr: String
    var scanLabel: String
    var absoluteURL: String
    var printPath: String
    var printLabel: String
    var csrf: String
}
