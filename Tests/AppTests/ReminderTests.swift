import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import UnionStarCore
import Vapor
@testable import App

/// Reminders before deadlines, in the app and by e-mail to a real SMTP server on loopback
/// (`SMTPSink`, aiosmtpd): 甲公司工会 filed under 夏村镇, whose stamp is due on Monday 2020-08-31
/// (the day before the inspection opens); three working days before it is 08-26.
@Suite struct ReminderTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// The fixture, 甲公司工会 filed, the clock on `day`, and the reviewer's address set on their account page.
    static func filed(_ app: Application, on day: String) async throws -> (Fixture, WebSession) {
        app.clock = FixedClock(Fixture.chinaMorning(day))
        let f = try await Fixture.make(app)
        try await FilingSetup.application(app, f, state: .filed, rounds: 1)
        let reviewer = WebSession(app)
        try await reviewer.signIn("reviewer")
        let account = try await reviewer.get("/account")
        #expect(account.body.contains(#"name="email""#))
        let saved = try await reviewer.post("/account/email", ["email": "Reviewer@XiaCun.Example.CN"])
        #expect(saved.status == .seeOther && saved.location == "/account?done=email")
        return (f, reviewer)
    }

    static func mailTo(_ app: Application, _ sink: SMTPSink, username: String? = nil, password: String? = nil) {
        let settings = sink.settings(username: username, password: password)
        app.reminderSettings = ReminderSettings(rule: ReminderRule(), hour: 8, scheduled: false, baseURL: "https://star.example.cn", mail: settings)
        app.mailer = SMTPClient(settings: settings)
    }

    static func run(_ app: Application, _ day: String) async throws -> ReminderJob.Summary {
        app.clock = FixedClock(Fixture.chinaMorning(day))
        return try await ReminderJob(app).run(today: Fixture.day(day), now: app.clock.now())
    }

    @Test(.enabled(if: SMTPSink.runs)) func theReviewerIsRemindedOnceInTheAppAndByMail() async throws {
        try await withTestApp { app in
            // setup
            let sink = try await SMTPSink()
            defer { sink.stop() }
            let (f, reviewer) = try await Self.filed(app, on: "2020-08-27")
            Self.mailTo(app, sink)
            // act: Thursday 08-27, within three working days of the deadline
            let first = try await Self.run(app, "2020-08-27")
            // check: one reminder, one mail to the reviewer's address, as the sink's parser reads it
            #expect(first == ReminderJob.Summary(tasks: 1, created: 1, mailed: 1, failed: 0))
            let mails = try sink.mails()
            try #require(mails.count == 1)
            let mail = mails[0]
            #expect(mail.rcpt_tos == ["Reviewer@xiacun.example.cn"] && mail.mail_from == "noreply@rushan.example.cn")
            #expect(mail.subject == "【基层工会星级评定平台】待办提醒：1项事项临近截止")
            #expect(mail.raw.contains("Subject: =?UTF-8?B?"), "the subject goes as RFC 2047 encoded words")
            #expect(mail.content_type == "text/plain" && mail.charset == "utf-8" && mail.transfer_encoding == "base64")
            #expect(mail.to.contains("测试reviewer") && mail.to.contains("<Reviewer@xiacun.example.cn>"))
            let endorse = "https://star.example.cn/campaigns/\(Self.id(f.rushanCampaign))/units/\(Self.id(f.unionA))/endorse"
            #expect(mail.body.contains("测试reviewer（reviewer）：\n\n以下事项等待您处理："))
            #expect(mail.body.contains("1. 审核盖章 · 甲公司工会 · 2020年度“活力基层工会”星级创建 · 截止日期2020年8月31日（临近截止）\n   \(endorse)"))
            #expect(mail.body.contains("1. Endorse and stamp · 甲公司工会 · 2020年度“活力基层工会”星级创建 · due by 2020-08-31 (due soon)"))
            let row = try #require(try await ReminderModel.query(on: app.db).first())
            #expect(row.userID == f.users["reviewer"]! && row.kind == "ahead" && row.taskKind == "endorse" && row.deadline == "2020-08-31"
                    && row.emailedAt != nil && row.emailAttempts == 0)

            // act: a second run the same day (a restart, a second instance)
            let again = try await Self.run(app, "2020-08-27")
            // check: nothing new, nothing sent
            #expect(again == ReminderJob.Summary(tasks: 1, created: 0, mailed: 0, failed: 0))
            #expect(try sink.mails().count == 1)
            #expect(try await ReminderModel.query(on: app.db).count() == 1)

            // the reminder in the app: marked in the header, listed on the inbox page, then read
            let elsewhere = try await reviewer.get("/campaigns")
            #expect(elsewhere.body.contains(#"<a href="/inbox">待办 <span class="count alert" title="1项待办，1条新提醒">1</span></a>"#), "\(elsewhere.body.prefix(1500))")
            let inbox = try await reviewer.get("/inbox")
            #expect(inbox.body.contains("<h2>新提醒</h2>") && inbox.body.contains("<li>甲公司工会：审核盖章，截止日期2020年8月31日（临近截止）</li>"))
            #expect(inbox.body.contains(#"<a href="/inbox" aria-current="page">待办 <span class="count" title="1项待办">1</span></a>"#))
            #expect(try await ReminderModel.query(on: app.db).first()?.readAt != nil)
            let seen = try await reviewer.get("/inbox")
            #expect(!seen.body.contains("新提醒") && seen.body.contains(">审核盖章</a>"))

            // act: Monday 08-31, the deadline: the reminder of the day
            let onTheDay = try await Self.run(app, "2020-08-31")
            // check
            #expect(onTheDay == ReminderJob.Summary(tasks: 1, created: 1, mailed: 1, failed: 0))
            let second = try sink.mails()
            #expect(second.count == 2 && second.contains { $0.body.contains("截止日期2020年8月31日（今天到期）") })
            // nobody else has a task, or an address
            #expect(second.allSatisfy { $0.rcpt_tos == ["Reviewer@xiacun.example.cn"] })
        }
    }

    @Test(.enabled(if: SMTPSink.runs)) func aMailThatFailsIsTriedAgainOnTheNextRunAndTheJobGoesOn() async throws {
        try await withTestApp { app in
            // setup: the SMTP server is down (a loopback port nobody listens on)
            let (_, _) = try await Self.filed(app, on: "2020-08-27")
            let closed = MailSettings(host: "127.0.0.1", port: try Self.unusedPort(), from: "noreply@rushan.example.cn", fromName: nil,
                                      username: nil, password: nil, helo: "unionstar-test", timeout: 5)
            app.reminderSettings = ReminderSettings(rule: ReminderRule(), hour: 8, scheduled: false, baseURL: nil, mail: closed)
            app.mailer = SMTPClient(settings: closed)
            // act
            let down = try await Self.run(app, "2020-08-27")
            // check: the reminder is made and shown; the mail waits
            #expect(down == ReminderJob.Summary(tasks: 1, created: 1, mailed: 0, failed: 1))
            let row = try #require(try await ReminderModel.query(on: app.db).first())
            #expect(row.emailedAt == nil && row.emailAttempts == 1 && row.emailError != nil && row.emailClaimedAt == nil)

            // act: the server is back, and asks for a password (AUTH PLAIN on loopback)
            let sink = try await SMTPSink(auth: "unionstar:s3cret-Pass")
            defer { sink.stop() }
            Self.mailTo(app, sink, username: "unionstar", password: "s3cret-Pass")
            let back = try await Self.run(app, "2020-08-28")
            // check: the same reminder is mailed, nothing made twice
            #expect(back == ReminderJob.Summary(tasks: 1, created: 0, mailed: 1, failed: 0))
            #expect(try sink.mails().map(\.rcpt_tos) == [["Reviewer@xiacun.example.cn"]])
            #expect(try sink.mails().first?.body.contains("截止日期2020年8月31日（临近截止）") == true)

            // a wrong password is refused by the server: logged, kept for the next run
            try await app.writes.perform { db in
                let row = try await ReminderModel.query(on: db).first()!
                row.emailedAt = nil
                try await row.update(on: db)
            }
            Self.mailTo(app, sink, username: "unionstar", password: "wrong")
            #expect(try await Self.run(app, "2020-08-28") == ReminderJob.Summary(tasks: 1, created: 0, mailed: 0, failed: 1))
            #expect(try await ReminderModel.query(on: app.db).first()?.emailError?.contains("AUTH PLAIN") == true)
        }
    }

    /// Without SMTP_HOST the reminders show in the app only; the command says so.
    @Test func withoutAnSMTPServerRemindersShowInTheAppOnly() async throws {
        try await withTestApp { app in
            // setup
            let (_, reviewer) = try await Self.filed(app, on: "2020-08-27")
            #expect(app.mailer == nil)
            // act
            let summary = try await Self.run(app, "2020-08-27")
            // check
            #expect(summary == ReminderJob.Summary(tasks: 1, created: 1, mailed: 0, failed: 0))
            #expect((try await reviewer.get("/inbox")).body.contains("<li>甲公司工会：审核盖章，截止日期2020年8月31日（临近截止）</li>"))
        }
    }

    /// The server's own schedule: nothing before the hour, the day's reminders once after it.
    @Test func theServerRunsTheDaysRemindersOnceFromTheHour() async throws {
        try await withTestApp { app in
            // setup: 07:00 in China on 08-27, the hour set at 8
            let (_, _) = try await Self.filed(app, on: "2020-08-27")
            app.reminderSettings = ReminderSettings(rule: ReminderRule(), hour: 8, scheduled: true, baseURL: nil, mail: nil)
            let lastRun = NIOLockedValueBox<CalendarDate?>(nil)
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-27").addingTimeInterval(-3 * 3600))
            // act and check
            await ReminderSchedule.tick(app, lastRun: lastRun)
            #expect(try await ReminderModel.query(on: app.db).count() == 0 && lastRun.withLockedValue { $0 } == nil)
            app.clock = FixedClock(Fixture.chinaMorning("2020-08-27"))
            await ReminderSchedule.tick(app, lastRun: lastRun)
            #expect(try await ReminderModel.query(on: app.db).count() == 1 && lastRun.withLockedValue { $0 } == Fixture.day("2020-08-27"))
            try await ReminderModel.query(on: app.db).delete()
            await ReminderSchedule.tick(app, lastRun: lastRun)
            #expect(try await ReminderModel.query(on: app.db).count() == 0, "once a day in a process")
        }
    }

    @Test func theCommandRunsTheDaysReminders() throws {
        let result = try runUnionstar(["remind", "--date", "2020-08-27"], environment: ["SMTP_HOST": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "2020-08-27: 0 open tasks, 0 reminders made, 0 mails sent, 0 mails failed (no SMTP_HOST: reminders shown in the app only)\n")
        let bad = try runUnionstar(["remind"], environment: ["SMTP_HOST": "127.0.0.1", "SMTP_FROM": "not an address"])
        #expect(bad.status != 0 && bad.stderr.contains("SMTP_FROM must be the sender's e-mail address"))
    }

    static func unusedPort() throws -> Int {
        // Bind, read the port, close: nobody listens there afterwards.
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw SMTPSink.SinkUnavailable(reason: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
