import EnbekshiCore
import Foundation
import GRDB

/// Full-text search over the per-language tables of `SQLiteStore+SearchSchema`.
extension SQLiteStore {
    public func search(_ request: SearchRequest, limit: Int, offset: Int) async throws -> SearchResults {
        let query = request.query
        let exact = try await search(request, expression: { try FTS5Expression.render(query.clauses, expandingPrefixes: $0) }, terms: query.terms, limit: limit, offset: offset)
        // Fewer exact matches than a page: the words also match by their beginning ("кредит" finds
        // "кредитование"), on every page of these results, so paging stays consistent.
        guard exact.total < max(1, limit), let widened = request.query.widened else { return exact }
        var results = try await search(
            request, expression: { try FTS5Expression.render(widened.clauses, expandingPrefixes: $0) }, terms: widened.terms, limit: limit, offset: offset)
        results.widened = results.total > exact.total
        return results.widened ? results : exact
    }

    /// One search; `expression` renders the query's MATCH expression with its one-word prefixes
    /// spelled out by the function it is given (see `SearchTerms`).
    private func search(
        _ request: SearchRequest, expression: @escaping @Sendable ((String) throws -> [String]?) throws -> String,
        terms: [SearchQuery.Term], limit: Int, offset: Int
    ) async throws -> SearchResults {
        let (filterSQL, filterArguments) = Self.searchFilter(request)
        let wanted = max(0, offset) + max(0, limit)
        return try await database.read { db in
            // A date filter becomes the range of article ids published in it (ids grow with time, so the
            // range is tight), which FTS5 seeks to instead of walking the newer matches.
            var idRange = "", rangeArguments: StatementArguments = []
            if request.fromDay != nil || request.toDay != nil {
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT min(first_id), max(last_id) FROM article_days WHERE day >= ? AND day <= ?"),
                    arguments: [request.fromDay?.description ?? "", request.toDay?.description ?? "9999"])
                guard let first: Int64 = row?[0], let last: Int64 = row?[1] else { return SearchResults(hits: [], total: 0) }
                idRange = "AND rowid BETWEEN ? AND ?"
                rangeArguments = [first, last]
            }
            // Each language's index is walked newest first (backwards by row id) for as many matches as
            // the page and the count need; section, region and source are in the match itself, and each
            // match is checked against its article (listed, one per story, exact dates). "By relevance"
            // ranks the newest `relevanceWindow` matches (`SearchRanking`): scoring every match of a
            // common word would cost a score per match.
            let relevance = request.order == .relevance
            let horizon = SearchResults.horizon(offset: offset, limit: limit)
            let walk = relevance ? max(wanted, SearchResults.relevanceWindow) : max(wanted, horizon)
            var hits: [(id: Int64, rank: Double)] = []
            var counted = Set<Int64>()
            for language in Language.allCases {
                let table = Self.searchTable(language)
                let match = SearchFacets.expression(
                    try expression { try SearchTerms.forms(beginning: $0, language: language, db) },
                    section: request.section, region: request.region, source: request.source)
                let sql = """
                    SELECT rowid\(relevance ? ", \(SearchRanking.name)(\(table))" : "") FROM \(table) WHERE \(table) MATCH ? \(idRange)
                    AND EXISTS (SELECT 1 FROM articles a WHERE a.id = \(table).rowid AND a.listed = 1 \(Self.onePerStory) \(filterSQL))
                    ORDER BY rowid DESC LIMIT ?
                    """
                let rows = try Row.fetchAll(
                    db.cachedStatement(sql: sql), arguments: [match] + rangeArguments + filterArguments + [walk])
                for (index, row) in rows.enumerated() {
                    let id: Int64 = row[0]
                    if relevance || index < wanted { hits.append((id, relevance ? row[1] : 0)) }
                    if counted.count < horizon { counted.insert(id) }
                }
            }
            var best: [Int64: Double] = [:]
            for hit in hits { best[hit.id] = min(best[hit.id] ?? .infinity, hit.rank) }
            let ordered = best.sorted { a, b in
                request.order == .newest || a.value == b.value ? a.key > b.key : a.value < b.value
            }.map(\.key)
            let page = ordered.dropFirst(max(0, offset)).prefix(max(0, limit))
            var results: [SearchResults.Hit] = []
            for id in page {
                var snippet = ""
                // The plain text the index was made from, derived as its view derives it, from the
                // version itself (the view would also compute the facets and join the topics).
                if request.snippets,
                    let stored = try DatabaseValue.fetchOne(
                        db.cachedStatement(sql: "SELECT body_html FROM versions WHERE article_id = ? AND lang = ?"),
                        arguments: [id, request.snippetLanguage.rawValue]),
                    let body = PackedText.unpack(stored)
                {
                    snippet = Snippet.html(text: PlainText.from(html: body), terms: terms, language: request.snippetLanguage)
                }
                results.append(SearchResults.Hit(articleID: id, snippetHTML: snippet))
            }
            return SearchResults(hits: results, total: min(counted.count, horizon), horizon: horizon)
        }
    }

    /// The per-match check of a search: only the dates, as section, region and source are exact in
    /// the match's facet tokens.
    static func searchFilter(_ request: SearchRequest) -> (String, StatementArguments) {
        articleFilter(section: nil, region: nil, source: nil, fromDay: request.fromDay, toDay: request.toDay)
    }

    /// The filters search and the API share, as `AND …` clauses on `articles a`.
    static func articleFilter(section: Section?, region: String?, source: String?, fromDay: Day?, toDay: Day?)
        -> (String, StatementArguments)
    {
        var sql = "", arguments: StatementArguments = []
        if let section {
            sql += " AND a.id IN (SELECT article_id FROM article_topics WHERE section = ?)"
            arguments += [section.rawValue]
        }
        if let region {
            sql += " AND a.id IN (SELECT article_id FROM article_topics WHERE region = ?)"
            arguments += [region]
        }
        if let source {
            sql += " AND a.project = ?"
            arguments += [source]
        }
        if let fromDay {
            sql += " AND a.published_local >= ?"
            arguments += [fromDay.description]
        }
        if let toDay {
            // Dates are stored as local "YYYY-MM-DDTHH:MM…": the day after begins where this one ends.
            sql += " AND a.published_local < ?"
            arguments += [toDay.adding(days: 1).description]
        }
        return (sql, arguments)
    }
}
