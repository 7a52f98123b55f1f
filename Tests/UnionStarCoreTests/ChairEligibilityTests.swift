import Testing
@testable import UnionStarCore

private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

/// 仪征 2019: 单位申报(每年的9月30日之前) — the day eligibility is judged on.
private let deadline = day("2019-09-30")

private func person(since: String, took: String, certificate: String?) -> ChairPerson {
    ChairPerson(name: "李强", post: .chair, unionWorkSince: day(since), tookOfficeOn: day(took), certificateOn: certificate.map(day))
}

/// A Yizheng 2019 chair campaign on the chair scheme, every window open on the days used.
private func chairCampaign() -> CampaignPlan {
    var dates = CampaignDates.defaults(from: builtInSchemes["yizheng-2019-chair"]!.timeline, year: 2019)
    dates.selfCheck = DateWindow(from: day("2019-09-01"), by: day("2019-09-30"))
    let county = TreePath(ids: ["yangzhou", "yizheng"])
    var plan = CampaignPlan(year: 2019, owner: county,
                            schemes: [.enterprise: SchemePin(schemeID: "yizheng-2019-chair", version: 1, contentHash: String(repeating: "0", count: 64), settings: [:])],
                            dates: dates, participationTarget: nil, tiersOnOffer: ["star", "three-star", "five-star"])
    plan.subject = .chair
    return plan
}

@Suite struct ChairEligibilityTests {
    // MARK: 从事工会工作三年以上 ("以上" includes three years exactly; the Civil Code's counting)

    @Test(arguments: [
        ("2016-09-30", true),   // exactly three years on the deadline: 以上 includes it
        ("2016-09-29", true),
        ("2016-10-01", false),  // three years complete on 2019-10-01, a day late
        ("2019-01-01", false),
        ("2010-03-15", true),
    ])
    func threeYearsInUnionWork(since: String, enough: Bool) {
        #expect(ChairEligibility.hasYears(since: day(since), asOf: deadline) == enough, "\(since)")
    }

    @Test(arguments: [
        ("2016-02-29", 3, "2019-02-28"),  // no 29 February in 2019: the month's last day (民法典第二百零二条)
        ("2016-02-29", 4, "2020-02-29"),
        ("2018-09-30", 1, "2019-09-30"),
        ("2018-01-31", 1, "2019-01-31"),
    ])
    func anniversaries(start: String, years: Int, expected: String) {
        #expect(ChairEligibility.anniversary(of: day(start), years: years) == day(expected))
    }

    // MARK: Every reason, as of the deadline

    @Test(arguments: [
        // eligible: three years, certified within a year of taking office
        (person(since: "2015-03-01", took: "2017-06-01", certificate: "2017-11-20"), [ChairEligibility.Reason]()),
        // the certificate on the last day of the year (一年内 includes the anniversary)
        (person(since: "2015-03-01", took: "2017-06-01", certificate: "2018-06-01"), []),
        // trained before taking office
        (person(since: "2015-03-01", took: "2017-06-01", certificate: "2016-05-10"), []),
        // certified a day late
        (person(since: "2015-03-01", took: "2017-06-01", certificate: "2018-06-02"),
         [.certificateLate(on: day("2018-06-02"), dueBy: day("2018-06-01"))]),
        // never certified, long in office
        (person(since: "2015-03-01", took: "2017-06-01", certificate: nil),
         [.noCertificate(dueBy: day("2018-06-01"), asOf: deadline)]),
        // in office less than a year, no certificate yet: not eligible (有上岗资格培训证书 is the chair's own standard)
        (person(since: "2015-03-01", took: "2019-03-01", certificate: nil),
         [.noCertificate(dueBy: day("2020-03-01"), asOf: deadline)]),
        // a certificate dated after the deadline is not held on it
        (person(since: "2015-03-01", took: "2019-03-01", certificate: "2019-10-08"),
         [.noCertificate(dueBy: day("2020-03-01"), asOf: deadline)]),
        // too few years and no certificate: both reasons, in the standard's order
        (person(since: "2017-05-01", took: "2018-01-01", certificate: nil),
         [.tooFewYears(since: day("2017-05-01"), completesOn: day("2020-05-01"), asOf: deadline),
          .noCertificate(dueBy: day("2019-01-01"), asOf: deadline)]),
        // three years exactly on the deadline
        (person(since: "2016-09-30", took: "2016-09-30", certificate: "2017-09-30"), []),
        (person(since: "2016-10-01", took: "2016-10-01", certificate: "2017-03-01"),
         [.tooFewYears(since: day("2016-10-01"), completesOn: day("2019-10-01"), asOf: deadline)]),
    ])
    func reasons(person: ChairPerson, expected: [ChairEligibility.Reason]) {
        #expect(ChairEligibility.reasons(person, asOf: deadline) == expected)
    }

    @Test func nobodyEnteredIsNotEligible() {
        #expect(ChairEligibility.reasons(nil, asOf: deadline) == [.notEntered])
        #expect(ChairEligibility.metElements(nil, asOf: deadline).isEmpty)
    }

    @Test func theReasonsReadAsSentences() {
        let reasons = ChairEligibility.reasons(person(since: "2017-05-01", took: "2018-01-01", certificate: nil), asOf: deadline)
        #expect(reasons.map(\.message.zh) == [
            "从事工会工作不满三年：自2017年5月1日起，至2020年5月1日方满三年，晚于申报截止日2019年9月30日。",
            "截至申报截止日2019年9月30日没有上岗资格培训证书（须在上岗一年内、即2019年1月1日前取得）。",
        ])
    }

    // MARK: The scheme's facts prefilled from the dates

    @Test(arguments: [
        (person(since: "2015-03-01", took: "2017-06-01", certificate: "2017-11-20"), Set(["three_years_experience", "qualification_certificate"])),
        (person(since: "2017-05-01", took: "2017-06-01", certificate: "2017-11-20"), Set(["qualification_certificate"])),
        (person(since: "2015-03-01", took: "2017-06-01", certificate: nil), Set(["three_years_experience"])),
        (person(since: "2015-03-01", took: "2017-06-01", certificate: "2018-07-01"), Set(["three_years_experience"])),
    ])
    func metElements(person: ChairPerson, expected: Set<String>) {
        #expect(ChairEligibility.metElements(person, asOf: deadline) == expected)
    }

    @Test func theChairSchemeAsksForBothElements() {
        let elements = builtInSchemes["yizheng-2019-chair"]!.allFacts.flatMap { $0.elements ?? [] }.map(\.id)
        #expect(elements.contains(ChairEligibility.experienceElement) && elements.contains(ChairEligibility.certificateElement))
    }

    // MARK: The person's form

    @Test(arguments: [
        (["", "chair", "2015-01-01", "2016-01-01", ""], "name"),
        (["李强", "secretary", "2015-01-01", "2016-01-01", ""], "post"),
        (["李强", "chair", "", "2016-01-01", ""], "unionWorkSince"),
        (["李强", "chair", "2015-13-01", "2016-01-01", ""], "unionWorkSince"),
        (["李强", "chair", "2015-01-01", "2019-10-01", ""], "tookOfficeOn"),   // after today
        (["李强", "chair", "2017-01-01", "2016-01-01", ""], "unionWorkSince"), // union work after taking office
        (["李强", "chair", "2015-01-01", "2016-01-01", "2016-1-5"], "certificateOn"),
    ])
    func aBadFormNamesTheField(values: [String], field: String) {
        let result = ChairPerson.parse(name: values[0], post: values[1], unionWorkSince: values[2], tookOfficeOn: values[3],
                                       certificateOn: values[4], today: deadline)
        guard case .failure(let errors) = result else { Issue.record("accepted \(values)"); return }
        #expect(errors.first?.field == field, "\(values)")
    }

    @Test func aGoodFormGivesThePerson() {
        let result = ChairPerson.parse(name: " 王芳 ", post: "presidingViceChair", unionWorkSince: "2014-04-01", tookOfficeOn: "2018-04-01",
                                       certificateOn: "", today: deadline)
        #expect(result == .success(ChairPerson(name: "王芳", post: .presidingViceChair, unionWorkSince: day("2014-04-01"),
                                               tookOfficeOn: day("2018-04-01"), certificateOn: nil)))
    }

    // MARK: Enforced by the workflow: the notice and the filing

    @Test(arguments: [ApplicationAction.startNotice, .file])
    func anIneligibleChairCannotGoOnNoticeOrFile(action: ApplicationAction) {
        let unit = TreePath(ids: ["yangzhou", "yizheng", "union-y"])
        let cadre = AccessSubject(accountID: "cadre", grants: [Grant(role: .unionCadre, scope: unit)])
        let state: ApplicationState = action == .startNotice ? .drafting : .onNotice
        let notice = NoticePeriod(start: day("2019-09-16"), end: day("2019-09-20"), workingDays: 5)
        var snapshot = ApplicationSnapshot(state: state, unit: unit, notice: notice)
        let today = day("2019-09-23")
        let plan = chairCampaign()
        // nobody entered
        #expect(ApplicationWorkflow.check(action, by: cadre, on: snapshot, campaign: plan, today: today, calendar: builtInCalendar)
                == .failure(.chairIneligible([.notEntered])))
        // no certificate
        snapshot.chair = person(since: "2015-03-01", took: "2017-06-01", certificate: nil)
        #expect(ApplicationWorkflow.check(action, by: cadre, on: snapshot, campaign: plan, today: today, calendar: builtInCalendar)
                == .failure(.chairIneligible([.noCertificate(dueBy: day("2018-06-01"), asOf: deadline)])))
        // eligible
        snapshot.chair = person(since: "2015-03-01", took: "2017-06-01", certificate: "2017-11-20")
        #expect(ApplicationWorkflow.check(action, by: cadre, on: snapshot, campaign: plan, today: today, calendar: builtInCalendar).isSuccess)
        // a union campaign asks nothing of the chair
        var unionPlan = plan
        unionPlan.subject = .union
        snapshot.chair = nil
        #expect(ApplicationWorkflow.check(action, by: cadre, on: snapshot, campaign: unionPlan, today: today, calendar: builtInCalendar).isSuccess)
    }

    @Test(arguments: ApplicationState.allCases)
    func thePersonChangesOnlyBeforeTheNotice(state: ApplicationState) {
        #expect(ChairEligibility.mayEditPerson(in: state, kind: .award) == [.drafting, .congressDecided, .returned].contains(state))
        #expect(!ChairEligibility.mayEditPerson(in: state, kind: .reReview))
        #expect(!ChairEligibility.mayEditPerson(in: state, kind: .selfCheck))
    }
}
