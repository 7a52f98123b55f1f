/// Which tasks get a reminder on a given day: once when the deadline is `workingDaysAhead` working
/// days away or nearer (提前提醒), and once on the day itself (当日提醒). Each (person, task,
/// kind) is reminded once: the caller passes the keys already sent, and a day missed (the job did
/// not run) is made up on the next run while the deadline has not passed.
public struct ReminderRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The deadline is near: at most `workingDaysAhead` working days away.
        case ahead
        /// The deadline is today.
        case dueToday

        public var label: LocalizedText { Strings.Inbox.reminderKind(self) }
    }

    /// A reminder of one task.
    public struct Reminder: Sendable, Hashable {
        public var task: InboxTask
        public var kind: Kind

        public var key: Key { Key(taskKey: task.key, kind: kind) }
    }

    /// What makes a reminder once-only, for one person.
    public struct Key: Sendable, Hashable {
        public var taskKey: String
        public var kind: Kind

        public init(taskKey: String, kind: Kind) {
            self.taskKey = taskKey
            self.kind = kind
        }
    }

    /// Working days before the deadline from which the early reminder goes out (our default: 3,
    /// enough to act on a working week's notice; `UNIONSTAR_REMIND_DAYS` changes it).
    public var workingDaysAhead: Int

    public static let defaultWorkingDaysAhead = 3
    public static let allowedWorkingDaysAhead = 0...20

    public init(workingDaysAhead: Int = ReminderRule.defaultWorkingDaysAhead) {
        self.workingDaysAhead = workingDaysAhead
    }

    /// The reminder a deadline calls for today, if any: `dueToday` on the day; `ahead` from the
    /// `workingDaysAhead`-th working day before it until the day before (none with 0); nothing
    /// after it, nor for a task without a deadline.
    public func kind(deadline: CalendarDate?, today: CalendarDate, calendar: WorkingDayCalendar) -> Kind? {
        guard let deadline, today <= deadline else { return nil }
        if today == deadline { return .dueToday }
        guard workingDaysAhead > 0 else { return nil }
        return today >= calendar.subtracting(workingDays: workingDaysAhead, from: deadline) ? .ahead : nil
    }

    /// The reminders due today for one person's tasks, less those already sent (`sent`), in the
    /// tasks' order.
    public func due(_ tasks: [InboxTask], today: CalendarDate, calendar: WorkingDayCalendar, sent: Set<Key>) -> [Reminder] {
        var reminders: [Reminder] = []
        var seen = sent
        for task in tasks {
            guard let kind = kind(deadline: task.deadline, today: today, calendar: calendar) else { continue }
            let reminder = Reminder(task: task, kind: kind)
            if seen.insert(reminder.key).inserted { reminders.append(reminder) }
        }
        return reminders
    }
}
