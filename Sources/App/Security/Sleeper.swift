import Vapor

/// Waits before a throttled answer (a slowed sign-in). The app holds one (`Application.sleeper`);
/// tests put a recording one in its place and check the delays asked for, without measuring time.
protocol Sleeper: Sendable {
    func sleep(for duration: Duration) async throws
}

/// Really waits: `Task.sleep`.
struct TaskSleeper: Sleeper {
    func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

extension Application {
    private struct SleeperKey: StorageKey { typealias Value = any Sleeper }

    var sleeper: any Sleeper {
        get { storage[SleeperKey.self] ?? TaskSleeper() }
        set { storage[SleeperKey.self] = newValue }
    }
}
