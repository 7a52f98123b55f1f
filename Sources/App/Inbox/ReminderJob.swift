import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// The day's reminders for everyone (待办提醒): each person's tasks from the core, the reminders
/// the rule calls for today less those already made, recorded (once per person, task and kind,
/// whatever restarts or app instances), shown in the app, and mailed when an SMTP server is
/// configured and the account has an address. A mail that fails is logged and tried again on the
/// next run while its deadline has not passed; nothing here stops the job.
struct ReminderJob {
    let app: Application
    var rule: ReminderRule
    var mailer: (any Mailer)?
    var baseURL: String?

    init(_ app: Application) {
        self.app = app
        rule = app.reminderSettings.rule
        mailer = app.mailer
        baseURL = app.reminderSettings.baseURL
    }

    /// A mail is tried at most this often.
    static let maximumAttempts = 5
    /// A claim older than this is taken for a run that died halfway.
    static let claimLifetime: TimeInterval = 3_600

    struct Summary: Sendable, Equatable {
        /// Open tasks of everyone, reminders made now, mails sent, mails that failed.
        var tasks = 0
        var created = 0
        var mailed = 0
        var failed = 0
    }

    /// An account that may have tasks: enabled, with at least one role.
    struct Person: Sendable {
        var id: UUID
        var name: String
        var email: String?
        var subject: AccessSubject
    }

    func run(today: CalendarDate, now: Date) async throws -> Summary {
        var summary = Summary()
        let store = InboxStore(app)
        var loaded = try await store.load(try await store.allOpen(today: today))
        loaded.calendar = try await CalendarStore.calendar(builtIn: app.builtInCalendar, on: app.db)
        let people = try await Self.people(on: app.db)
        let candidates = Self.index(loaded.applications)
        let sent = try await Self.sentKeys(since: today, on: app.db)
        var due: [(Person, ReminderRule.Reminder)] = []
        for person in people {
            let tasks = Inbox.tasks(for: person.subject, applications: candidates(person.subject).map { loaded.applications[$0] },
                                    campaigns: loaded.plans, today: today, calendar: loaded.calendar)
            summary.tasks += tasks.count
            for reminder in rule.due(tasks, today: today, calendar: loaded.calendar, sent: sent[person.id] ?? []) {
                due.append((person, reminder))
            }
        }
        summary.created = try await record(due, today: today, now: now)
        app.inboxCounts.forgetAll()
        if let mailer {
            let (mailed, failed) = try await mail(with: mailer, today: today, now: now)
            summary.mailed = mailed
            summary.failed = failed
        }
        return summary
    }

    // MARK: Who, and which applications to ask about

    static func people(on db: any Database) async throws -> [Person] {
        struct Row: Decodable {
            var id: UUID
            var username: String
            var display_name: String
            var email: String?
            var role: String
            var organisation_id: UUID?
            var path: String?
        }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT u.id, u.username, u.display_name, u.email, r.role, r.organisation_id, o.path
            FROM \(ident: UserModel.schema) u
            JOIN \(ident: RoleAssignmentModel.schema) r ON r.user_id = u.id
            LEFT JOIN \(ident: OrganisationModel.schema) o ON o.id = r.organisation_id
            WHERE u.disabled_at IS NULL
            """).all(decoding: Row.self)
        var people: [UUID: Person] = [:]
        for row in rows {
            let name = Strings.Common.personWithUserName(row.display_name, row.username).zh
            var person = people[row.id] ?? Person(id: row.id, name: name, email: row.email,
                                                  subject: AccessSubject(accountID: row.id.uuidString.lowercased(), grants: []))
            if let grant = SessionLookup.grant(role: row.role, organisationID: row.organisation_id, path: row.path) {
                person.subject.grants.append(grant)
            }
            people[row.id] = person
        }
        return people.values.sorted { $0.id.uuidString < $1.id.uuidString }
    }

    /// For a person, the applications that may hold their tasks: those under a node they hold a
    /// role at (every one for a role held everywhere), and those they are assigned to inspect. The
    /// core decides; this only keeps a county's cadre from being asked about a province.
    static func index(_ applications: [InboxApplication]) -> @Sendable (AccessSubject) -> [Int] {
        var byNode: [String: [Int]] = [:]
        var byInspector: [String: [Int]] = [:]
        for (index, application) in applications.enumerated() {
            for id in application.snapshot.unit.ids { byNode[id, default: []].append(index) }
            for inspector in application.snapshot.inspectors { byInspector[inspector, default: []].append(index) }
        }
        let all = Array(applications.indices)
        return { [byNode, byInspector] subject in
            var found = Set(byInspector[subject.accountID] ?? [])
            for grant in subject.grants {
                guard let scope = grant.scope else { return all }
                found.formUnion(scope.ids.last.flatMap { byNode[$0] } ?? [])
            }
            return found.sorted()
        }
    }

    // MARK: Recording

    /// The reminders already made whose deadline is today or later, per account.
    static func sentKeys(since today: CalendarDate, on db: any Database) async throws -> [UUID: Set<ReminderRule.Key>] {
        struct Row: Decodable { var user_id: UUID; var task_key: String; var kind: String }
        let rows = try await (db as! any SQLDatabase).select().columns("user_id", "task_key", "kind").from(ReminderModel.schema)
            .where("deadline", .greaterThanOrEqual, SQLBind(today.description)).all(decoding: Row.self)
        var keys: [UUID: Set<ReminderRule.Key>] = [:]
        for row in rows {
            guard let kind = ReminderRule.Kind(rawValue: row.kind) else { continue }
            keys[row.user_id, default: []].insert(ReminderRule.Key(taskKey: row.task_key, kind: kind))
        }
        return keys
    }

    /// Writes the new reminders, checking again inside the write gate that none was made meanwhile
    /// (by another instance, or a command run beside the server). Answers how many were made.
    func record(_ due: [(Person, ReminderRule.Reminder)], today: CalendarDate, now: Date) async throws -> Int {
        guard !due.isEmpty else { return 0 }
        return try await app.writes.perform { db in
            let sent = try await Self.sentKeys(since: today, on: db)
            var rows: [ReminderModel] = []
            for (person, reminder) in due where !(sent[person.id]?.contains(reminder.key) ?? false) {
                guard let campaign = UUID(uuidString: reminder.task.campaignID), let unit = UUID(uuidString: reminder.task.unitID),
                      let deadline = reminder.task.deadline else { continue }
                let row = ReminderModel()
                row.id = UUID()
                row.userID = person.id
                row.taskKey = reminder.task.key
                row.kind = reminder.kind.rawValue
                row.taskKind = reminder.task.kind.rawValue
                row.campaignID = campaign
                row.unitID = unit
                row.unitName = reminder.task.unitName
                row.deadline = deadline.description
                row.sentOn = today.description
                row.createdAt = now
                row.emailAttempts = 0
                rows.append(row)
            }
            for start in stride(from: 0, to: rows.count, by: 200) {
                try await Array(rows[start..<min(start + 200, rows.count)]).create(on: db)
            }
            return rows.count
        }
    }

    // MARK: Mailing

    /// A reminder to mail, with its account's address and name.
    struct Pending: Decodable, Sendable {
        var id: UUID
        var user_id: UUID
        var kind: String
        var task_kind: String
        var campaign_id: UUID
        var unit_id: UUID
        var unit_name: String
        var deadline: String
        var email: String
        var display_name: String
        var username: String
    }

    /// Claims the reminders not mailed yet (deadline not passed, fewer than the maximum attempts,
    /// the account enabled and with an address), mails each account once with all of its, and
    /// records what went and what failed. Answers the mails sent and failed.
    func mail(with mailer: any Mailer, today: CalendarDate, now: Date) async throws -> (mailed: Int, failed: Int) {
        let stale = now.addingTimeInterval(-Self.claimLifetime)
        let claimed: [Pending] = try await app.writes.perform { db in
            let sql = db as! any SQLDatabase
            let rows = try await sql.raw("""
                SELECT r.id, r.user_id, r.kind, r.task_kind, r.campaign_id, r.unit_id, r.unit_name, r.deadline, u.email, u.display_name, u.username
                FROM \(ident: ReminderModel.schema) r JOIN \(ident: UserModel.schema) u ON u.id = r.user_id
                WHERE r.emailed_at IS NULL AND r.email_attempts < \(literal: Self.maximumAttempts) AND r.deadline >= \(bind: today.description)
                  AND u.email IS NOT NULL AND u.disabled_at IS NULL AND (r.email_claimed_at IS NULL OR r.email_claimed_at < \(bind: stale))
                ORDER BY r.deadline, r.created_at
                """).all(decoding: Pending.self)
            for start in stride(from: 0, to: rows.count, by: ChunkedQuery.chunkSize) {
                let chunk = rows[start..<min(start + ChunkedQuery.chunkSize, rows.count)].map(\.id)
                try await sql.update(ReminderModel.schema).set("email_claimed_at", to: SQLBind(now)).where("id", .in, SQLBind.group(chunk)).run()
            }
            return rows
        }
        guard !claimed.isEmpty else { return (0, 0) }
        let titles = Dictionary(uniqueKeysWithValues: try await ChunkedQuery.all(Set(claimed.map(\.campaign_id))) {
            CampaignModel.query(on: app.db).filter(\.$id ~~ $0)
        }.map { ($0.id!, $0.title) })
        var mailed = 0, failed = 0
        for (_, reminders) in Dictionary(grouping: claimed, by: \.user_id).sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let message = self.message(reminders, titles: titles)
            let ids = reminders.map(\.id)
            do {
                try await mailer.send(message, date: now)
                mailed += 1
                try await app.writes.perform { db in
                    try await (db as! any SQLDatabase).update(ReminderModel.schema).set("emailed_at", to: SQLBind(now))
                        .set("email_claimed_at", to: SQLLiteral.null).set("email_error", to: SQLLiteral.null)
                        .where("id", .in, SQLBind.group(ids)).run()
                }
            } catch {
                failed += 1
                let reason = String(String(describing: error).prefix(500))
                app.logger.error("reminder mail to \(message.to) failed, tried again on the next run: \(reason)")
                try await app.writes.perform { db in
                    try await (db as! any SQLDatabase).raw("""
                        UPDATE \(ident: ReminderModel.schema) SET email_attempts = email_attempts + 1, email_claimed_at = NULL,
                        email_error = \(bind: reason) WHERE id IN \(SQLBind.group(ids))
                        """).run()
                }
            }
        }
        return (mailed, failed)
    }

    /// One account's mail: the subject counts the tasks; the body lists each (what, which unit,
    /// which campaign, by when, why now, and a link when the site's address is known), in Chinese
    /// and then in English.
    func message(_ reminders: [Pending], titles: [UUID: String]) -> MailMessage {
        let first = reminders[0]
        let name = Strings.Common.personWithUserName(first.display_name, first.username)
        var lines: [(zh: String, en: String)] = []
        var listed: Set<String> = []
        for reminder in reminders {
            // A task reminded ahead and, a mail failing meanwhile, on the day: listed once.
            guard listed.insert("\(reminder.task_kind):\(reminder.campaign_id):\(reminder.unit_id):\(reminder.deadline)").inserted,
                  let task = InboxTask.Kind(rawValue: reminder.task_kind), let kind = ReminderRule.Kind(rawValue: reminder.kind),
                  let deadline = CalendarDate(parsing: reminder.deadline) else { continue }
            let line = Strings.Email.reminderLine(task: task, unit: reminder.unit_name, campaign: titles[reminder.campaign_id] ?? "—",
                                                  deadline: deadline, kind: kind)
            let link = baseURL.map { "\n   " + $0 + InboxController.route(task.target, campaign: reminder.campaign_id, unit: reminder.unit_id).path } ?? ""
            lines.append(("\(lines.count + 1). " + line.zh + link, "\(lines.count + 1). " + line.en + link))
        }
        let greeting = Strings.Email.reminderGreeting(name.zh)
        let closing = Strings.Email.reminderClosing
        let inbox = baseURL.map { "\n" + $0 + SiteRoute.inbox.path } ?? ""
        let body = greeting.zh + "\n\n" + lines.map(\.zh).joined(separator: "\n") + "\n\n" + closing.zh + inbox
            + "\n\n----\n\n" + Strings.Email.reminderGreeting(name.en).en + "\n\n" + lines.map(\.en).joined(separator: "\n") + "\n\n" + closing.en + inbox
            + "\n"
        let settings = app.reminderSettings.mail
        return MailMessage(from: settings?.from ?? "unionstar@localhost", fromName: settings?.fromName ?? Strings.Common.appName.zh,
                           to: first.email, toName: first.display_name, subject: Strings.Email.reminderSubject(count: lines.count).zh, body: body)
    }
}
