import EnbekshiCore

/// An article's filter values (section, region, source) as single tokens in the `facets` column of
/// each search table. FTS5 then intersects a query with its filters itself, skipping through the
/// index, instead of walking every match of a common word and checking its article.
///
/// A token is "0", a kind letter and the hex FNV-1a of the value: it starts with a digit, so the
/// stemmers leave it alone, and it has no separator for the tokenizer to split on. Readers' words
/// never reach this column: their expression is confined to `{title body}`.
public enum SearchFacets {
    static func token(_ kind: Character, _ value: String) -> String {
        "0\(kind)" + String(FNV1a.hash(value.utf8), radix: 16)
    }

    public static func section(_ section: Section) -> String { token("s", section.rawValue) }
    public static func region(_ region: String) -> String { token("r", region) }
    public static func source(_ project: String) -> String { token("p", project) }

    /// The column's text for one article; topics are nil until the article is classified.
    static func text(project: String?, section: String?, region: String?) -> String {
        [project.map { token("p", $0) }, section.map { token("s", $0) }, region.map { token("r", $0) }]
            .compactMap { $0 }.joined(separator: " ")
    }

    /// The MATCH expression of a reader's query with its filters.
    static func expression(_ query: String, section: Section?, region: String?, source: String?) -> String {
        let filters = [section.map(Self.section), region.map(Self.region), source.map(Self.source)].compactMap { $0 }
        let words = "{title body} : (\(query))"
        guard !filters.isEmpty else { return words }
        return "(\(words)) AND facets : (" + filters.map { "\"\($0)\"" }.joined(separator: " AND ") + ")"
    }
}
