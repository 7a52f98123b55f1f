/// Evidence files are stored under the SHA-256 of their bytes, written as 64 lowercase hex
/// digits. (The hash itself is computed in the app: the core has no SHA-256.)
public enum ContentHash {
    /// Whether `text` is exactly 64 lowercase hex digits: the only form a storage path is built from.
    public static func isSHA256Hex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
