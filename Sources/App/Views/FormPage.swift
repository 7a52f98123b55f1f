import UnionStarCore
import Vapor

/// A form as a page shows it: fields with their values and errors, rendered by `form.leaf`.
struct FormPage: Encodable {
    struct Field: Encodable {
        enum Kind: String, Encodable {
            case text, password, number, select, checkbox, file, hidden, textarea, picker
        }

        /// A search box over a `<select>` of what matches it: typing asks `url` (with `q=`) and
        /// refills the list; without JavaScript the search button sends the form back to be shown
        /// again with the matches, keeping what was typed.
        struct Search: Encodable {
            var name: String
            var value: String
            var url: String
            var button: String
            var placeholder: String
            var more: String?
        }

        struct Option: Encodable {
            var value: String
            var label: String
            var selected: Bool
        }

        var name: String
        var label: String
        var kind: Kind
        var value: String = ""
        var options: [Option] = []
        var error: String?
        var hint: String?
        var required: Bool = false
        var checked: Bool = false
        var autocomplete: String?
        var search: Search?

        static func select(_ name: String, _ label: String, options: [(String, String)], selected: String, required: Bool = true) -> Field {
            Field(name: name, label: label, kind: .select,
                  options: options.map { Option(value: $0.0, label: $0.1, selected: $0.0 == selected) }, required: required)
        }
    }

    var layout: Layout
    var heading: String
    var intro: String?
    var action: String
    var multipart: Bool = false
    var csrf: String
    var fields: [Field]
    var submit: String
    var formError: String?
    var cancelPath: String?
    var cancelLabel: String?

    init(request: Request, title: String, intro: String? = nil, action: String, fields: [Field], submit: String,
         errors: FieldErrors = FieldErrors(), formError: String? = nil, multipart: Bool = false, cancelPath: String? = nil) {
        let t = Translator(request.language)
        layout = Layout(request: request, title: title)
        heading = title
        self.intro = intro
        self.action = action
        self.multipart = multipart
        csrf = request.csrfToken
        self.fields = fields.map { field in
            var f = field
            if let error = errors[field.name] { f.error = t(error) }
            return f
        }
        self.submit = submit
        let unplaced = errors.order.filter { name in !fields.contains { $0.name == name } }.compactMap { errors[$0] }.map { t($0) }
        self.formError = ([formError].compactMap { $0 } + unplaced).joined(separator: " ").nilIfEmpty
        self.cancelPath = cancelPath
        cancelLabel = cancelPath == nil ? nil : t(Strings.Common.cancel)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension Request {
    /// Renders a page with a status (422 for a form sent back with errors).
    func render(_ template: String, _ context: some Encodable, status: HTTPResponseStatus = .ok) async throws -> Response {
        let response = try await view.render(template, context).encodeResponse(for: self)
        response.status = status
        return response
    }
}
