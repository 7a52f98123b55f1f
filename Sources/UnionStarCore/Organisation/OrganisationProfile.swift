import Foundation

/// What staff type about a node of the tree (工会基本信息), checked before anything is stored.
public struct OrganisationProfile: Sendable, Hashable, Codable {
    public var name: String
    public var level: OrganisationLevel
    /// Required for grassroots unions, absent above them.
    public var kind: UnionKind?
    /// 统一社会信用代码, normalised; optional.
    public var creditCode: String?
    /// 会员人数
    public var members: Int
    /// 职工人数
    public var employees: Int
    /// 工会主席（或主持工作的副主席）
    public var chair: String
    /// 联系电话
    public var phone: String
    public var address: String
    /// 公司制企业 (enterprise item 11 reads it).
    public var companyForm: Bool

    public init(name: String, level: OrganisationLevel, kind: UnionKind? = nil, creditCode: String? = nil,
                members: Int = 0, employees: Int = 0, chair: String = "", phone: String = "", address: String = "",
                companyForm: Bool = false) {
        self.name = name
        self.level = level
        self.kind = kind
        self.creditCode = creditCode
        self.members = members
        self.employees = employees
        self.chair = chair
        self.phone = phone
        self.address = address
        self.companyForm = companyForm
    }

    public static let maximumHeadcount = 10_000_000

    /// Trims text, normalises the credit code, and lists every field that is wrong.
    public func validated() -> Result<OrganisationProfile, FieldErrors> {
        var p = self
        p.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        p.chair = chair.trimmingCharacters(in: .whitespacesAndNewlines)
        p.phone = phone.trimmingCharacters(in: .whitespacesAndNewlines)
        p.address = address.trimmingCharacters(in: .whitespacesAndNewlines)
        p.creditCode = creditCode.map(CreditCode.normalize).flatMap { $0.isEmpty ? nil : $0 }
        var errors = FieldErrors()
        if p.name.isEmpty {
            errors.add("name", Strings.Organisations.Problems.enterName)
        } else if p.name.count > 100 {
            errors.add("name", Strings.Organisations.Problems.nameTooLong)
        }
        if p.level == .grassroots && p.kind == nil {
            errors.add("kind", Strings.Organisations.Problems.chooseKind)
        }
        if p.level != .grassroots {
            p.kind = nil
            p.companyForm = false
        }
        if p.kind != .enterprise { p.companyForm = false }
        if let code = p.creditCode, let problem = CreditCode.problem(in: code) {
            errors.add("creditCode", problem.text)
        }
        if !(0...Self.maximumHeadcount).contains(p.members) {
            errors.add("members", Strings.Organisations.Problems.membersOutOfRange(Self.maximumHeadcount))
        }
        if !(0...Self.maximumHeadcount).contains(p.employees) {
            errors.add("employees", Strings.Organisations.Problems.employeesOutOfRange(Self.maximumHeadcount))
        }
        if p.chair.count > 50 {
            errors.add("chair", Strings.Organisations.Problems.chairTooLong)
        }
        if !p.phone.isEmpty && !Self.isPhone(p.phone) {
            errors.add("phone", Strings.Organisations.Problems.phoneMalformed)
        }
        if p.address.count > 200 {
            errors.add("address", Strings.Organisations.Problems.addressTooLong)
        }
        return errors.isEmpty ? .success(p) : .failure(errors)
    }

    static func isPhone(_ text: String) -> Bool {
        guard (5...20).contains(text.count) else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isNumber || " +-()".contains($0)) } && text.contains(where: \.isNumber)
    }
}

/// Errors keyed by field, each a sentence in both languages.
public struct FieldErrors: Error, Sendable, Hashable {
    public private(set) var errors: [String: LocalizedText] = [:]
    /// Field names in the order errors were found.
    public private(set) var order: [String] = []

    public init() {}

    public var isEmpty: Bool { errors.isEmpty }

    public mutating func add(_ field: String, _ text: LocalizedText) {
        if errors[field] == nil { order.append(field) }
        errors[field] = text
    }

    public subscript(field: String) -> LocalizedText? { errors[field] }

    public var first: (field: String, text: LocalizedText)? {
        order.first.map { ($0, errors[$0]!) }
    }
}
