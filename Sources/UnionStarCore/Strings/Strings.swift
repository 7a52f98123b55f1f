/// The one place every user-facing text lives, each in Chinese (`zh`) and English (`en`).
///
/// Entries sit in extensions, one file per area (`Strings+Accounts.swift`, `Strings+Scheme.swift`,
/// …), grouped in nested enums. A fixed text is `static let name = LocalizedText(zh:en:)`; a text
/// with values is `static func name(_:) -> LocalizedText`. Outside this folder no Swift source
/// writes Chinese text or a `LocalizedText(zh:en:)` literal (`StringCatalogueTests` checks it);
/// the texts of a scheme's YAML file are data and are decoded, not written here.
public enum Strings {}

extension LocalizedText {
    /// No text, in either language: what a missing prefix adds.
    public static let empty = LocalizedText(zh: "", en: "")

    /// One text after the other, language by language (a prefix and a message, say).
    public static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText {
        LocalizedText(zh: lhs.zh + rhs.zh, en: lhs.en + rhs.en)
    }
}
