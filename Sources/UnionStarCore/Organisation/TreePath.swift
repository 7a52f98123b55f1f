/// A node's place in the tree as the ids from the root down, written `/a/b/c/`, so "within this
/// subtree" is a prefix test and moving a subtree is one prefix replacement.
public struct TreePath: Sendable, Hashable, Codable, CustomStringConvertible {
    public let text: String

    public init(ids: [String]) {
        text = ids.isEmpty ? "/" : "/" + ids.joined(separator: "/") + "/"
    }

    public init?(text: String) {
        guard text.hasPrefix("/"), text.hasSuffix("/") else { return nil }
        self.text = text
    }

    public static let root = TreePath(ids: [])

    /// The ids from the root down. Split on the UTF-8 bytes: splitting the `String` by
    /// `Character` was a tenth of the audit page, which names many paths.
    public var ids: [String] {
        text.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
    }

    public var depth: Int { text.utf8.split(separator: UInt8(ascii: "/")).count }

    public func appending(_ id: String) -> TreePath { TreePath(ids: ids + [id]) }

    /// True when `other` is this node or below it.
    public func contains(_ other: TreePath) -> Bool { other.text.hasPrefix(text) }

    /// This path with `old` (an ancestor or itself) replaced by `new`.
    public func rebased(from old: TreePath, to new: TreePath) -> TreePath {
        guard old.contains(self) else { return self }
        return TreePath(text: new.text + text.dropFirst(old.text.count))!
    }

    public var description: String { text }
}
