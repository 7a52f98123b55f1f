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
            errors.add("name", zh: "请填写名称", en: "Enter the name")
        } else if p.name.count > 100 {
            errors.add("name", zh: "名称不能超过100个字", en: "The name may have at most 100 characters")
        }
        if p.level == .grassroots && p.kind == nil {
            errors.add("kind", zh: "请选择基层工会类型", en: "Choose the kind of grassroots union")
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
            errors.add("members", zh: "会员人数应在0至\(Self.maximumHeadcount)之间", en: "Members must be between 0 and \(Self.maximumHeadcount)")
        }
        if !(0...Self.maximumHeadcount).contains(p.employees) {
            errors.add("employees", zh: "职工人数应在0至\(Self.maximumHeadcount)之间", en: "Employees must be between 0 and \(Self.maximumHeadcount)")
        }
        if p.chair.count > 50 {
            errors.add("chair", zh: "工会主席姓名不能超过50个字", en: "The chair's name may have at most 50 characters")
        }
        if !p.phone.isEmpty && !Self.isPhone(p.phone) {
            errors.add("phone", zh: "联系电话只能包含数字、空格、+、-、括号，5至20位", en: "The phone number may hold only digits, spaces, +, - and brackets, 5 to 20 of them")
        }
        if p.address.count > 200 {
            errors.add("address", zh: "地址不能超过200个字", en: "The address may have at most 200 characters")
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

    public mutating func add(_ field: String, zh: String, en: String) {
        add(field, LocalizedText(zh: zh, en: en))
    }

    public subscript(field: String) -> LocalizedText? { errors[field] }

    public var first: (field: String, text: LocalizedText)? {
        order.first.map { ($0, errors[$0]!) }
    }
}
