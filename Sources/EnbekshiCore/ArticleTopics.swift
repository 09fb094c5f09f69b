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

    public init(
        section: Section, secondary: [Section], sectionScore: Double, sectionReason: String, region: String,
        place: String?, regionReason: String
    ) {
        self.section = section
        self.secondary = secondary
        self.sectionScore = sectionScore
        self.sectionReason = sectionReason
        self.region = region
        self.place = place
        self.regionReason = regionReason
    }
}
