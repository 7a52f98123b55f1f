/// What an evidence upload must be: not empty, within the size limit, and by content one of the
/// accepted types.
public struct EvidencePolicy: Sendable, Hashable {
    /// The largest file accepted, in MiB (shown to users as "MB").
    public var limitMB: Int

    public init(limitMB: Int) {
        self.limitMB = limitMB
    }

    /// 20 MiB: a scanned multi-page PDF or a phone photo fits; a video does not.
    public static let standard = EvidencePolicy(limitMB: 20)

    /// The limit in bytes, for the upload route's body limit too.
    public var limitBytes: Int { limitMB * 1_048_576 }

    /// The type to store the file as, or why it is refused. `sniffed` is `EvidenceType.sniff` of
    /// the content; `claimedName` (the user's file name) decides nothing, so a file named .pdf
    /// whose content is a web page is refused, and a PDF named .docx is stored as a PDF.
    public func check(size: Int, sniffed: EvidenceType?, claimedName: String?) -> Result<EvidenceType, EvidenceRejection> {
        if size <= 0 { return .failure(.empty) }
        if size > limitBytes { return .failure(.tooLarge(limit: limitBytes)) }
        guard let sniffed else { return .failure(.unsupportedType) }
        return .success(sniffed)
    }

    /// `check` under the standard policy.
    public static func check(size: Int, sniffed: EvidenceType?, claimedName: String?) -> Result<EvidenceType, EvidenceRejection> {
        standard.check(size: size, sniffed: sniffed, claimedName: claimedName)
    }
}

/// Why an evidence file was refused.
public enum EvidenceRejection: Error, Sendable, Hashable {
    case empty
    /// `limit` in bytes.
    case tooLarge(limit: Int)
    case unsupportedType

    /// A sentence for the person who chose the file, naming the file field.
    public var message: LocalizedText {
        switch self {
        case .empty: Strings.Evidence.empty
        case .tooLarge(let limit): Strings.Evidence.tooLarge(limitMB: limit / 1_048_576)
        case .unsupportedType: Strings.Evidence.unsupportedType
        }
    }
}
