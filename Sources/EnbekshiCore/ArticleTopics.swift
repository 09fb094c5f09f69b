/// Where an article belongs, and why: one primary section (and secondary ones) and a region, each
/// with the evidence that decided, so an editor can see it and override it later.
public struct ArticleTopics: Sendable, Hashable {
    public var section: Section
    public var secondary: [Section]
    public var sectionScore: Double
    public var sectionReason: String
    /// A region code from `Region`, "republic" for national news, "abroad" for embassies.
    public var region: String
    /// For "abroad": the place, as the embassy's slug names it.
    public var place: String?
    public var regionReason: String
    /// How clearly each was chosen, 0 (a tie) to 1 (no rival): the review queue asks editors about
    /// the least clear. Given topics (tests, an editor's choice) are clear.
    public var sectionMargin: Double
    public var regionMargin: Double

    public init(
        section: Section, secondary: [Section], sectionScore: Double, sectionReason: String, region: String,
        place: String?, regionReason: String, sectionMargin: Double = 1, regionMargin: Double = 1
    ) {
        self.section = section
        self.secondary = secondary
        self.sectionScore = sectionScore
        self.sectionReason = sectionReason
        self.region = region
        self.place = place
        self.regionReason = regionReason
        self.sectionMargin = sectionMargin
        self.regionMargin = regionMargin
    }
}
