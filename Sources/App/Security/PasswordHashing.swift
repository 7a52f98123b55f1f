import Foundation
import Vapor

/// Makes and checks password hashes. The app holds one (`Application.hashing`, set in
/// `configure`): bcrypt on the thread pool, never on an event loop. Tests put a recording one
/// around it to see which checks ran, without measuring time.
protocol PasswordHashing: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}

/// bcrypt at the configured cost, on the thread pool.
struct BcryptHashing: PasswordHashing {
    let cost: Int
    let threadPool: NIOThreadPool

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}

extension Application {
    private struct HashingKey: StorageKey { typealias Value = any PasswordHashing }
    private struct StandInKey: StorageKey { typealias Value = StandInHash }

    /// The password hashing in use; `configure(_:)` sets bcrypt at `security.bcryptCost`.
    var hashing: any PasswordHashing {
        get {
            guard let hashing = storage[HashingKey.self] else { fatalError("configure(_:) sets the password hashing") }
            return hashing
        }
        set { storage[HashingKey.self] = newValue }
    }

    /// Sets bcrypt at the given cost and forgets any stand-in hash made before.
    func useBcrypt(cost: Int) {
        hashing = BcryptHashing(cost: cost, threadPool: threadPool)
        storage[StandInKey.self] = StandInHash()
    }

    /// A hash of a random password, checked when the account does not exist so that answer costs
    /// one bcrypt check like a wrong password does. Made on first use, through `hashing` (so at
    /// the same cost as real hashes), so commands that never sign anyone in do not pay for it.
    func standInPasswordHash() async throws -> String {
        guard let standIn = storage[StandInKey.self] else { fatalError("configure(_:) sets the password hashing") }
        let hashing = hashing
        return try await standIn.value { try await hashing.hash(RandomToken.make()) }
    }
}

extension Request {
    var hashing: any PasswordHashing { application.hashing }
}

/// The stand-in hash, made once; a failed attempt is not kept, so the next caller tries again.
actor StandInHash {
    private var making: Task<String, any Error>?

    func value(_ make: @escaping @Sendable () async throws -> String) async throws -> String {
        let task = making ?? Task { try await make() }
        making = task
        do {
            return try await task.value
        } catch {
            if making == task { making = nil }
            throw error
        }
    }
}
