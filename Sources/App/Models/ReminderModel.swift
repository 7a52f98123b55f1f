import Fluent
import Foundation

/// A reminder of one task sent to one account (待办提醒): shown in the app until read, and mailed
/// when an SMTP server is configured and the account has an address.
final class ReminderModel: Model, @unchecked Sendable {
    static let schema = "reminders"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    /// `InboxTask.key`: the work, the application and the deadline.
    @Field(key: "task_key") var taskKey: String
    /// `ReminderRule.Kind` raw value.
    @Field(key: "kind") var kind: String
    /// `InboxTask.Kind` raw value, the campaign, the unit and its name, to show it without the task.
    @Field(key: "task_kind") var taskKind: String
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "unit_name") var unitName: String
    /// The task's deadline and the day the reminder was made (YYYY-MM-DD).
    @Field(key: "deadline") var deadline: String
    @Field(key: "sent_on") var sentOn: String
    @Field(key: "created_at") var createdAt: Date
    /// When the account saw it on the inbox page.
    @OptionalField(key: "read_at") var readAt: Date?
    /// When the mail went out; failed attempts and the last error, retried on the next run; a run
    /// claims the rows it mails so another instance does not mail them too.
    @OptionalField(key: "emailed_at") var emailedAt: Date?
    @Field(key: "email_attempts") var emailAttempts: Int
    @OptionalField(key: "email_claimed_at") var emailClaimedAt: Date?
    @OptionalField(key: "email_error") var emailError: String?

    init() {}
}
