/// The person a chair assessment (争当星级基层工会主席) belongs to: the union's chair, or the
/// vice-chair presiding over its work (主持工作的副主席), with the dates the eligibility rule reads.
public struct ChairPerson: Sendable, Hashable, Codable {
    /// 职务.
    public enum Post: String, Sendable, Hashable, Codable, CaseIterable {
        /// 工会主席.
        case chair
        /// 主持工作的副主席.
        case presidingViceChair

        public var label: LocalizedText { Strings.Chair.post(self) }
    }

    public var name: String
    public var post: Post
    /// 开始从事工会工作的日期.
    public var unionWorkSince: CalendarDate
    /// 任现职（上岗）日期.
    public var tookOfficeOn: CalendarDate
    /// 上岗资格培训证书的取得日期; nil: none yet.
    public var certificateOn: CalendarDate?

    public init(name: String, post: Post, unionWorkSince: CalendarDate, tookOfficeOn: CalendarDate, certificateOn: CalendarDate?) {
        self.name = name
        self.post = post
        self.unionWorkSince = unionWorkSince
        self.tookOfficeOn = tookOfficeOn
        self.certificateOn = certificateOn
    }

    /// Longest name kept (a person's name; 50 leaves room for ethnic-minority names with ·).
    public static let nameLimit = 50

    /// The person from the form's texts, or the errors by field (`name`, `post`, `unionWorkSince`,
    /// `tookOfficeOn`, `certificateOn`). No date may lie after today; union work begins no later
    /// than taking office (the post is union work). The certificate may predate taking office
    /// (trained before), and may be left empty.
    public static func parse(name: String?, post: String?, unionWorkSince: String?, tookOfficeOn: String?, certificateOn: String?,
                             today: CalendarDate) -> Result<ChairPerson, FieldErrors> {
        var errors = FieldErrors()
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let name = trimmed(name)
        if name.isEmpty || name.count > nameLimit { errors.add("name", Strings.Chair.nameInvalid(nameLimit)) }
        let post = Post(rawValue: trimmed(post))
        if post == nil { errors.add("post", Strings.Chair.postInvalid) }
        func day(_ field: String, _ text: String?, required: Bool) -> CalendarDate? {
            let t = trimmed(text)
            if t.isEmpty {
                if required { errors.add(field, Strings.Chair.dateRequired(Strings.Chair.field(field))) }
                return nil
            }
            guard let d = CalendarDate(parsing: t) else { errors.add(field, Strings.Chair.dateInvalid(Strings.Chair.field(field))); return nil }
            if d > today { errors.add(field, Strings.Chair.dateInFuture(Strings.Chair.field(field))); return nil }
            return d
        }
        let since = day("unionWorkSince", unionWorkSince, required: true)
        let took = day("tookOfficeOn", tookOfficeOn, required: true)
        let certificate = day("certificateOn", certificateOn, required: false)
        if let since, let took, since > took { errors.add("unionWorkSince", Strings.Chair.workAfterOffice) }
        guard errors.isEmpty, let post, let since, let took else { return .failure(errors) }
        return .success(ChairPerson(name: name, post: post, unionWorkSince: since, tookOfficeOn: took, certificateOn: certificate))
    }
}
