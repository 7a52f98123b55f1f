import Fluent
import Foundation
import Logging
import UnionStarCore
import Vapor

/// The `unionstar` executable: logging to stderr (stdout is for command output), configuration,
/// migrations before serving, and a clean message with a non-zero exit code on failure.
public enum UnionStarMain {
    public static func run() async -> Int32 {
        var environment: Environment
        do {
            environment = try Environment.detect()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 2
        }
        let level = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "") ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let app: Application
        do {
            app = try await Application.make(environment)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 2
        }
        var status: Int32 = 0
        do {
            try await configure(app)
            if servesHTTP(environment.arguments) {
                // First start creates and migrates the database; later starts find nothing to do.
                try await prepareDatabase(app)
                // The day's reminders, run by the server itself (not by commands).
                ReminderSchedule.start(app)
            }
            // `execute()` without its warning log: the message below is the one the user reads.
            try await app.startup()
            try await app.running?.onStop.get()
        } catch {
            FileHandle.standardError.write(Data("error: \(describe(error))\n".utf8))
            status = 1
        }
        try? await app.asyncShutdown()
        return status
    }

    /// `unionstar`, `unionstar serve …` and flags alone all run the server.
    static func servesHTTP(_ arguments: [String]) -> Bool {
        guard arguments.count > 1 else { return true }
        return arguments[1] == "serve" || arguments[1].hasPrefix("-") && arguments[1] != "--help" && arguments[1] != "-h"
    }

    static func describe(_ error: any Error) -> String {
        let language = Language(tag: ProcessInfo.processInfo.environment["UNIONSTAR_LANG"])
        switch error {
        case let e as SchemeError: return e.message(in: language)
        case let e as AnswerError: return e.message(in: language)
        case let e as CommandFailure: return e.message
        case let e as AppError: return e.message.text(in: language)
        default: return String(describing: error)
        }
    }
}

/// A command that cannot do what was asked, with the sentence to print.
struct CommandFailure: Error {
    var message: String
}
