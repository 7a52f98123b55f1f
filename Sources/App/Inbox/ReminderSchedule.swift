import Foundation
import NIOConcurrencyHelpers
import NIOCore
import UnionStarCore
import Vapor

/// The server runs the day's reminders itself: a task on the event loop looks every ten minutes
/// and runs `ReminderJob` once a day, from `UNIONSTAR_REMIND_HOUR` (China's time, by the app's
/// clock). Started only by `unionstar serve` (not by commands or tests); `UNIONSTAR_REMINDERS=0`
/// turns it off. Running twice (a restart, a second instance) sends nothing twice.
enum ReminderSchedule {
    static let interval: TimeAmount = .minutes(10)
    static let firstLook: TimeAmount = .minutes(1)

    static func start(_ app: Application) {
        guard app.reminderSettings.scheduled else { return }
        let lastRun = NIOLockedValueBox<CalendarDate?>(nil)
        let loop = app.eventLoopGroup.next()
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: firstLook, delay: interval) { _ in
            let promise = loop.makePromise(of: Void.self)
            promise.completeWithTask { await tick(app, lastRun: lastRun) }
            return promise.futureResult
        }
        app.lifecycle.use(Stopper(task: task))
    }

    /// Runs the job when the day's hour has come and it has not run today in this process.
    static func tick(_ app: Application, lastRun: NIOLockedValueBox<CalendarDate?>) async {
        let now = app.clock.now()
        let today = CalendarDate.china(now)
        let hour = Int((now.timeIntervalSince1970 + 8 * 3600).truncatingRemainder(dividingBy: 86_400) / 3600)
        guard hour >= app.reminderSettings.hour, lastRun.withLockedValue({ $0 }) != today else { return }
        do {
            let summary = try await ReminderJob(app).run(today: today, now: now)
            lastRun.withLockedValue { $0 = today }
            app.logger.info("reminders for \(today): \(summary.created) made, \(summary.mailed) mails sent, \(summary.failed) failed")
        } catch {
            // Tried again at the next look.
            app.logger.error("reminders for \(today) failed: \(String(describing: error))")
        }
    }

    struct Stopper: LifecycleHandler {
        let task: RepeatedTask
        func shutdown(_ application: Application) { task.cancel() }
    }
}
