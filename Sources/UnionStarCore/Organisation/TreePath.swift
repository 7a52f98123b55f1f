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

    public var ids: [String] { text.split(separator: "/").map(String.init) }
    public var depth: Int { ids.count }

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
