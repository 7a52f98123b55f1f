import Fluent
import Foundation
import SQLKit
import UnionStarCore
import Vapor

/// 待办事项: the signed-in person's tasks by deadline, each linking to the page where it is done,
/// and the reminders they have not seen yet (marked read as the page shows them).
struct InboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, .inbox, use: show)
    }

    /// The page of an application where a task is done.
    static func route(_ target: InboxTask.Target, campaign: UUID, unit: UUID) -> SiteRoute {
        switch target {
        case .notice: .notice(campaign: campaign, unit: unit)
        case .registrationForm: .registrationForm(campaign: campaign, unit: unit)
        case .endorse: .endorse(campaign: campaign, unit: unit)
        case .inspection: .inspection(campaign: campaign, unit: unit)
        case .inspectors: .inspectors(campaign: campaign, unit: unit)
        case .decision: .decision(campaign: campaign, unit: unit)
        case .resultsNotice: .results(campaign: campaign, unit: unit)
        case .campaignResults: .campaignResults(campaign)
        case .application: .application(campaign: campaign, unit: unit)
        case .reReviewOutcomes: .reReviewOutcomes(campaign)
        }
    }

    static func path(of task: InboxTask) -> String {
        guard let campaign = UUID(uuidString: task.campaignID), let unit = UUID(uuidString: task.unitID) else { return SiteRoute.inbox.path }
        return route(task.target, campaign: campaign, unit: unit).path
    }

    /// Unread reminders shown at most (the newest); all are marked read.
    static let remindersShown = 50

    func show(req: Request) async throws -> View {
        let user = try req.requireUser()
        let t = Translator(req.language)
        let today = req.today, now = req.now
        let (tasks, titles) = try await InboxStore(req).tasks(for: user.subject, accountID: user.id, today: today)
        let unread = try await ReminderModel.query(on: req.db).filter(\.$userID == user.id).filter(\.$readAt == nil)
            .sort(\.$createdAt, .descending).sort(\.$deadline).all()
        if !unread.isEmpty {
            let account = user.id
            try await req.writes.perform { db in
                try await (db as! any SQLDatabase).update(ReminderModel.schema).set("read_at", to: SQLBind(now))
                    .where("user_id", .equal, SQLBind(account)).where("read_at", .is, SQLLiteral.null).run()
            }
        }
        // The header shows what this page shows.
        let badge = InboxBadge(tasks: tasks.count, unread: 0)
        req.inboxBadge = badge
        req.application.inboxCounts.store(badge, for: user.id, today: today, now: now)
        let rows = tasks.map { task in
            InboxPage.Row(
                task: t(task.kind.label), path: Self.path(of: task), unit: task.unitName, campaign: titles[task.campaignID] ?? "—",
                deadline: task.deadline.map { t(Strings.Notice.day($0)) } ?? t(Strings.Endorsement.noDue),
                status: task.isOverdue(on: today) ? t(Strings.Inbox.overdue) : task.deadline == today ? t(Strings.Inbox.dueToday) : "",
                rowClass: task.isOverdue(on: today) ? "overdue" : task.deadline == today ? "due-today" : "")
        }
        let reminders = unread.prefix(Self.remindersShown).compactMap { row -> String? in
            guard let kind = ReminderRule.Kind(rawValue: row.kind), let task = InboxTask.Kind(rawValue: row.taskKind),
                  let deadline = CalendarDate(parsing: row.deadline) else { return nil }
            return t(Strings.Inbox.reminder(unit: row.unitName, task: task, deadline: deadline, kind: kind))
        }
        return try await req.view.render("inbox", InboxPage(
            layout: Layout(request: req, title: t(Strings.Inbox.heading)), heading: t(Strings.Inbox.heading), intro: t(Strings.Inbox.intro),
            remindersHeading: t(Strings.Inbox.remindersHeading), reminders: reminders,
            labels: .init(task: t(Strings.Inbox.taskColumn), unit: t(Strings.Endorsement.unitColumn), campaign: t(Strings.Endorsement.campaignColumn),
                          deadline: t(Strings.Endorsement.dueColumn), status: t(Strings.Inbox.statusColumn)),
            rows: rows, empty: t(Strings.Inbox.empty)))
    }
}

struct InboxPage: Encodable {
    struct Labels: Encodable {
        var task: String
        var unit: String
        var campaign: String
        var deadline: String
        var status: String
    }

    struct Row: Encodable {
        var task: String
        var path: String
        var unit: String
        var campaign: String
        var deadline: String
        var status: String
        var rowClass: String
    }

    var layout: Layout
    var heading: String
    var intro: String
    var remindersHeading: String
    var reminders: [String]
    var labels: Labels
    var rows: [Row]
    var empty: String
}
