import Foundation
import Yams

/// Reads scheme files (YAML) and refuses any that would score wrongly, naming file, item and reason.
public enum SchemeLoader {
    /// Decodes and validates one scheme. `file` names the source in error messages.
    public static func load(yaml: String, file: String) throws(SchemeError) -> Scheme {
        let scheme: Scheme
        do {
            scheme = try YAMLDecoder().decode(Scheme.self, from: yaml)
        } catch let error as DecodingError {
            throw describe(error, yaml: yaml, file: file)
        } catch {
            throw SchemeError(file: file, location: .file,
                              reason: Strings.Scheme.Loading.notYAML("\(error)"))
        }
        var validator = SchemeValidator(scheme: scheme, file: file)
        try validator.validate()
        return scheme
    }

    /// Loads one file.
    public static func load(contentsOf url: URL) throws(SchemeError) -> Scheme {
        try loadSource(contentsOf: url).scheme
    }

    /// A scheme with the exact text it was read from (what a campaign pins).
    public struct Source: Sendable {
        public var scheme: Scheme
        public var text: String
    }

    /// Loads one file and keeps its text.
    public static func loadSource(contentsOf url: URL) throws(SchemeError) -> Source {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw SchemeError(file: name, location: .file,
                              reason: Strings.Scheme.Loading.notUTF8)
        }
        return Source(scheme: try load(yaml: text, file: name), text: text)
    }

    /// Loads every `*.yaml`/`*.yml` in a folder, sorted by id; scheme ids must be unique.
    public static func loadDirectory(_ directory: URL) throws(SchemeError) -> [Scheme] {
        try loadSources(directory).map(\.scheme)
    }

    /// Every scheme of a folder with its text, sorted by id.
    public static func loadSources(_ directory: URL) throws(SchemeError) -> [Source] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw SchemeError(file: directory.path, location: .file,
                              reason: Strings.Scheme.Loading.folderUnreadable)
        }
        var schemes: [Source] = []
        var files: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let source = try loadSource(contentsOf: directory.appendingPathComponent(name))
            let scheme = source.scheme
            if let other = files[scheme.id] {
                throw SchemeError(file: name, location: .file,
                                  reason: Strings.Scheme.Loading.idTaken(scheme.id, by: other))
            }
            files[scheme.id] = name
            schemes.append(source)
        }
        return schemes.sorted { $0.scheme.id < $1.scheme.id }
    }

    /// Turns a decoding error into a sentence naming the item when the path runs through one.
    private static func describe(_ error: DecodingError, yaml: String, file: String) -> SchemeError {
        // The decoder's own words are English; they stand in both languages.
        func words(_ text: String) -> LocalizedText { LocalizedText(zh: text, en: text) }
        let (path, detail): ([any CodingKey], LocalizedText) = switch error {
        case .keyNotFound(let key, let context): (context.codingPath + [key], Strings.Scheme.Loading.missingField(key.stringValue))
        case .typeMismatch(_, let context): (context.codingPath, words(context.debugDescription))
        case .valueNotFound(_, let context): (context.codingPath, words(context.debugDescription))
        case .dataCorrupted(let context): (context.codingPath, words(context.debugDescription))
        @unknown default: ([], words("\(error)"))
        }
        let dotted = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        let location = itemLocation(of: path, yaml: yaml) ?? .file
        return SchemeError(file: file, location: location,
                           reason: Strings.Scheme.Loading.malformed(at: dotted, detail))
    }

    /// Finds the number of the item at `sections[i].items[j]` in the raw YAML, if the path has one.
    private static func itemLocation(of path: [any CodingKey], yaml: String) -> SchemeError.Location? {
        guard path.count >= 4, path[0].stringValue == "sections", let i = path[1].intValue,
              path[2].stringValue == "items", let j = path[3].intValue,
              let root = try? Yams.load(yaml: yaml) as? [String: Any],
              let sections = root["sections"] as? [[String: Any]], i < sections.count,
              let items = sections[i]["items"] as? [[String: Any]], j < items.count,
              let number = items[j]["number"] as? Int else { return nil }
        return .item(number)
    }
}
