import Fluent
import Foundation
import UnionStarCore
import Vapor

/// The 申报登记表 of one application: what it holds now, when the cadre may change it, saving it
/// (in the write gate, with the version check and the audit entry), and the rounds kept of every
/// filing.
enum RegistrationFormStore {
    /// The states after a first filing: from these on, round 1 and later are kept.
    static let unfiledStates: Set<ApplicationState> = [.notStarted, .preApplied, .drafting, .congressDecided, .onNotice]

    /// The tier's name as the form prints it: the scheme's own (Chinese) name, as on the paper form.
    static func tierName(_ tierID: String?, schemeID: String, catalogue: SchemeCatalogue) -> String {
        guard let tierID else { return "" }
        return catalogue.scheme(schemeID)?.tiers.first { $0.id == tierID }?.name ?? tierID
    }

    /// The form as it stands: as last saved, with the unit's name and the tier applied for as they
    /// are now (neither is the cadre's to type); before the first save, the chair and the phone come
    /// from the unit's profile.
    static func current(_ application: ApplicationModel?, unit: OrganisationModel, schemeID: String,
                        catalogue: SchemeCatalogue) -> RegistrationForm {
        var form = application?.formJSON.flatMap { try? CampaignStore.decode(RegistrationForm.self, $0) }
            ?? RegistrationForm(chairName: unit.chair, phone: unit.phone)
        form.unitName = unit.name
        form.tier = tierName(application?.tier, schemeID: schemeID, catalogue: catalogue)
        return form
    }

    static func current(_ context: ApplicationContext, catalogue: SchemeCatalogue) -> RegistrationForm {
        current(context.application, unit: context.unit, schemeID: context.pin.schemeID, catalogue: catalogue)
    }

    static func labels(_ context: ApplicationContext) -> RegistrationForm.Labels {
        .forScheme(id: context.pin.schemeID)
    }

    /// The last day the form may be changed and filed: the application deadline, or once returned
    /// the refile window (the core's `refileBy`), either kept open longer by a staff extension.
    static func lastDay(state: ApplicationState, returnedOn: CalendarDate?, dates: CampaignDates, calendar: WorkingDayCalendar,
                        extensions: [DeadlineExtension]) -> CalendarDate {
        TaskDeadlines.file(state: state, returnedOn: returnedOn, dates: dates, calendar: calendar, extensions: extensions)
    }

    /// What the cadre types: the chair, the phone, 主要工作 and the unit's own opinion box.
    struct Entry: Sendable {
        var chairName: String
        var phone: String
        var mainWork: String
        /// Nil clears the box.
        var unitOpinion: RegistrationForm.Opinion?

        func applied(to form: RegistrationForm) -> RegistrationForm {
            var form = form
            form.chairName = chairName
            form.phone = phone
            form.mainWork = mainWork
            form.opinions[.unitUnion] = unitOpinion
            return form
        }
    }

    enum SaveError: Error {
        /// Someone changed the application since the page was opened.
        case stale
        /// The workflow's state or dates do not allow a change now.
        case refused(WorkflowRefusal)
    }

    /// Saves what the cadre typed: re-reads the application in the write gate, refuses a stale
    /// `version` or a state or date that allows no change, keeps the boxes of the levels above as
    /// they are, and writes the audit entry with the form before and after.
    static func save(_ entry: Entry, _ context: ApplicationContext, version: Int, req: Request) async throws {
        let builtIn = req.application.builtInCalendar, today = req.today, actor = req.auditActor, catalogue = req.catalogue
        let campaignID = context.campaignID, unit = context.unit, plan = context.plan, schemeID = context.pin.schemeID
        let subject = context.user.subject
        try await req.writes.perform { db in
            guard let application = try await ApplicationModel.query(on: db)
                .filter(\.$campaignID == campaignID).filter(\.$unitID == unit.id!).first() else {
                throw SaveError.refused(.wrongState(.notStarted))
            }
            guard application.version == version else { throw SaveError.stale }
            let inputs = try await ApplicationStore.workflowInputs(.saveForm, application, campaignID: campaignID, unit: unit, plan: plan,
                                                                   builtIn: builtIn, on: db)
            if case .failure(let refusal) = ApplicationWorkflow.check(.saveForm, by: subject, on: inputs.snapshot, campaign: plan, today: today,
                                                                      calendar: inputs.calendar, extensions: inputs.extensions) {
                throw SaveError.refused(refusal)
            }
            let before = application.formJSON.flatMap { try? CampaignStore.decode(RegistrationForm.self, $0) }
            let form = entry.applied(to: current(application, unit: unit, schemeID: schemeID, catalogue: catalogue))
            application.formJSON = CampaignStore.encode(form)
            application.version += 1
            application.updatedAt = actor.at
            try await application.update(on: db)
            try await AuditLog.append([AuditDraft(actor: actor, action: "application.saveForm", entityType: "application",
                                                  entityID: application.id!.uuidString.lowercased(), scope: unit.path,
                                                  before: before, after: form)], on: db)
        }
    }

    /// Every filing of the application, first round first.
    static func rounds(_ applicationID: UUID?, on db: any Database) async throws -> [ApplicationRoundModel] {
        guard let applicationID else { return [] }
        return try await ApplicationRoundModel.query(on: db).filter(\.$applicationID == applicationID).sort(\.$round).all()
    }

    /// How many rounds the application has filed, read from the application alone: none before the
    /// first filing, then its round number.
    static func filedRounds(_ application: ApplicationModel?) -> Int {
        guard let application, let state = ApplicationState(rawValue: application.state), !unfiledStates.contains(state) else { return 0 }
        return application.round
    }
}
