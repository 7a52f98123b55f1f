import Foundation
import Testing
@testable import App

/// The first administrator is made on the command line; no default password exists.
@Suite(.serialized) struct CommandLineAccountTests {
    @Test func createAdminReadsThePasswordAndRefusesAWeakOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("admin-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["DATABASE_PATH": folder.appendingPathComponent("db.sqlite").path, "UNIONSTAR_BCRYPT_COST": "4"]
        let weak = try runUnionstar(["user", "create-admin", "--username", "chief", "--name", "主任", "--password-stdin"],
                                    environment: environment, stdin: Data("12345678\n".utf8))
        #expect(weak.status == 1)
        #expect(weak.stderr.contains("too common"))
        let made = try runUnionstar(["user", "create-admin", "--username", "chief", "--name", "主任", "--password-stdin"],
                                    environment: environment, stdin: Data("Weihai-Union-Boss-26\n".utf8))
        #expect(made.status == 0)
        #expect(made.stdout.contains("administrator 'chief' created"))
        let again = try runUnionstar(["user", "create-admin", "--username", "chief", "--name", "主任", "--password-stdin"],
                                     environment: environment, stdin: Data("Weihai-Union-Boss-26\n".utf8))
        #expect(again.status == 1)
        #expect(again.stderr.contains("is taken"))
    }

    @Test func demoPrintsOneAccountPerRoleWithFreshPasswords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["DATABASE_PATH": folder.appendingPathComponent("db.sqlite").path, "UNIONSTAR_BCRYPT_COST": "4"]
        let accounts = folder.appendingPathComponent("accounts.txt").path
        let first = try runUnionstar(["demo", "--accounts-file", accounts], environment: environment)
        #expect(first.status == 0)
        for name in ["sysadmin", "rushan-admin", "rushan-staff", "weihai-staff", "xiacun-reviewer", "cadre", "inspector", "yizheng-staff"] {
            #expect(first.stdout.contains("  \(name) "), "\(name)")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: accounts)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Again: the same tree, new passwords; --if-empty does nothing once accounts exist.
        let second = try runUnionstar(["demo"], environment: environment)
        #expect(second.status == 0 && second.stdout != first.stdout)
        let skipped = try runUnionstar(["demo", "--if-empty"], environment: environment)
        #expect(skipped.status == 0 && skipped.stdout.isEmpty)
    }
}
