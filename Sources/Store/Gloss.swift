import EnbekshiCore

/// A machine translation of a run of words left in another script inside a text (a Kazakh service
/// name in an English sentence), shown beside the run and labelled. Keyed by the run's text, so a
/// run glossed once is glossed on every page it appears on.
public struct Gloss: Sendable, Hashable {
    public var run: String
    public var source: Language
    public var target: Language
    public var text: String
    /// The engine that made it, as provenance.
    public var engine: String

    public init(run: String, source: Language, target: Language, text: String, engine: String) {
        self.run = run
        self.source = source
        self.target = target
        self.text = text
        self.engine = engine
    }
}
