import Foundation

/// Finds the folder that holds `Resources/` and `Public/`, so the binary works from the checkout,
/// from `.build/<config>/`, or wherever `UNIONSTAR_ROOT` points.
enum ResourceLocator {
    /// The first candidate that has `Resources/Schemes`; the working directory otherwise.
    static func root(environment: [String: String] = ProcessInfo.processInfo.environment,
                     workingDirectory: String = FileManager.default.currentDirectoryPath,
                     executable: String = CommandLine.arguments.first ?? "") -> URL {
        var candidates: [URL] = []
        if let root = environment["UNIONSTAR_ROOT"], !root.isEmpty {
            candidates.append(URL(fileURLWithPath: root))
        }
        candidates.append(URL(fileURLWithPath: workingDirectory))
        // .build/debug/unionstar → the checkout is three levels up (a few more for arch folders).
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder)
            folder.deleteLastPathComponent()
        }
        return candidates.first { has($0, "Resources/Schemes") } ?? URL(fileURLWithPath: workingDirectory)
    }

    private static func has(_ base: URL, _ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}
