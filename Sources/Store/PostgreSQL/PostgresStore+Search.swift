import EnbekshiCore
import PostgresNIO

/// Full-text search over each version's `tsvector` (`PostgresSearchDocument`), with the same
/// contract as SQLite's: one hit per story, newest first or by relevance, counted up to a horizon,
/// widened to prefixes when the exact words find less than a page.
extension PostgresStore {
    public func search(_ request: SearchRequest, limit: Int, offset: Int) async throws -> SearchResults {
        let exact = try await search(request, clauses: request.query.clauses, terms: request.query.terms, limit: limit, offset: offset)
        guard exact.total < max(1, limit), let widened = request.query.widened else { return exact }
        var results = try await search(request, clauses: widened.clauses, terms: widened.terms, limit: limit, offset: offset)
        results.widened = results.total > exact.total
        return results.widened ? results : exact
    }

    private func search(
        _ request: SearchRequest, clauses: [SearchQuery.Clause], terms: [SearchQuery.Term], limit: Int, offset: Int
    ) async throws -> SearchResults {
        guard
            let state = try await rows(
                """
                SELECT (SELECT max(id) FROM articles) AS newest, (SELECT pairs FROM search_format) AS pairs,
                (SELECT reltuples FROM pg_class WHERE oid = 'search_documents'::regclass)::float8 AS documents
                """
            ).first,
            let newest = try state["newest"].decode(Int64?.self)
        else { return SearchResults(hits: [], total: 0) }
        let pairs = try state["pairs"].decode(Bool?.self) ?? false
        let documents = try state["documents"].decode(Double?.self) ?? 0
        // Each language's versions are matched with the query in that language's forms, all in one
        // `tsquery` (`anyLanguage`): the index then names only rows that match, and none is read to
        // learn its language.
        var sql = PostgresSQL()
        guard let any = PostgresSearchDocument.anyLanguage(clauses, pairs: pairs) else { return SearchResults(hits: [], total: 0) }
        let tsquery = sql.bind(any)
        // Asked before anything else binds a value: the estimate's statement has only the query.
        let expected = try await estimatedMatches(sql, tsquery: tsquery)
        // Ranked by each language's own query: the other languages' branches and marks are no
        // words of the text.
        let relevance = request.order == .relevance
        var ranks: [String] = []
        if relevance {
            for language in Language.allCases {
                guard let query = PostgresSearchDocument.query(clauses, language: language, pairs: pairs) else { continue }
                ranks.append("WHEN \(sql.bind(language.rawValue)) THEN ts_rank_cd(d.document, \(sql.bind(query))::tsquery)")
            }
        }
        // The planner prices `document @@ query` as nearly free, but every row it tests costs a read
        // of a document of some 10 KB: for a query matching few of the rows it walks (a rare word,
        // most word pairs) it chose the walk back along the primary key and read 200,000 documents
        // to find 160 (11 s). Such a sparse query is read by bitmap scans alone (`bitmapScansOnly`);
        // one that matches a good share of all rows keeps the planner's choice, the walk, which
        // finds its page in the first few hundred rows (6 ms, where the bitmap took 18). A table
        // never analysed (new, small: `reltuples` is -1) counts as sparse. A prefix keeps the
        // planner's choice and the fixed first slice: the statistics know words, not beginnings,
        // and trusting their guess made every class with a prefix slower at a million articles
        // (two-letter prefix p95 67 → 194 ms).
        let prefixed = clauses.contains { if case .phrase(_, true) = $0 { true } else { false } }
        var sparse = !prefixed && (documents <= 0 || expected < documents * Self.denseShare)
        let horizon = SearchResults.horizon(offset: offset, limit: limit)
        let conditions = Self.filter(
            &sql, section: request.section, region: request.region, source: request.source, fromDay: request.fromDay, toDay: request.toDay)
        // "By relevance" ranks the newest `relevanceWindow` matches, as on SQLite: ranking every
        // match of a common word took seconds at a million articles.
        let wanted = max(horizon, max(0, offset) + max(0, limit))
        let needed = request.order == .relevance ? max(wanted, SearchResults.relevanceWindow) : wanted
        // Newest first, a slice of article ids at a time: the index finds every match of a word,
        // and each match costs a read of its row, so a word of middling frequency asked of the
        // whole table read tens of thousands of rows to keep the newest two hundred. A slice
        // reads only its own matches; the next, wider (`nextSpan`), is asked only when the newer
        // ones found too few.
        var found: [(id: Int64, rank: Double)] = []
        var upper = newest + 1
        // A filter (a section, a region, a source, dates in the past) leaves the newest slices
        // nearly empty, and the walk through them cost more than one whole query (46 → 241 ms p95).
        let filtered = request.section != nil || request.region != nil || request.source != nil || request.fromDay != nil || request.toDay != nil
        var span: Int64
        if filtered {
            span = Int64.max
        } else {
            span = searchSlice.map { max(1, $0) } ?? (prefixed ? Self.prefixSlice : Self.firstSpan(expected: expected, needed: needed, newest: newest))
        }
        while found.count < needed, upper > 0 {
            let lower = upper > span ? upper - span : 0
            if sparse, !filtered, !relevance {
                // The newest matching ids first, from the documents alone, then their articles by
                // key: joined in one statement, each of a rare word's thousands of matches was
                // looked up in `articles` by a bitmap scan of its own (25 ms for 3,427). Not for
                // ranking, which would rank the quarter more it reads.
                let wanted = needed - found.count, asked = wanted + wanted / 4 + 16
                let candidates = try await newestMatches(sql, tsquery: tsquery, lower: lower, upper: upper, limit: asked)
                let shown = try await listedArticles(candidates)
                found += candidates.filter(shown.contains).prefix(wanted).map { (id: $0, rank: 0) }
                if candidates.count == asked, let oldest = candidates.last {
                    upper = oldest  // the slice holds more: go on below the oldest seen
                } else {
                    upper = lower
                    span = Self.nextSpan(after: span, found: candidates.count, stillNeeded: needed - found.count)
                }
                continue
            }
            var slice = sql
            let from = slice.bind(lower), below = slice.bind(upper), rest = slice.bind(Int64(needed - found.count))
            slice.append(
                """
                SELECT d.article_id AS id, \(relevance ? "max(CASE d.lang \(ranks.joined(separator: " ")) ELSE 0 END)" : "0::float4") AS rank
                FROM search_documents d JOIN articles a ON a.id = d.article_id
                WHERE d.document @@ \(tsquery)::tsquery AND d.article_id >= \(from) AND d.article_id < \(below) AND a.listed \(Self.onePerStory)
                \(conditions) GROUP BY d.article_id ORDER BY id DESC LIMIT \(rest)
                """)
            let before = found.count
            for row in try await (sparse ? bitmapScansOnly(slice.query) : rows(slice.query)) {
                found.append((try row["id"].decode(Int64.self), Double(try row["rank"].decode(Float.self))))
            }
            // A slice that found few of its rows to match says the rest is sparse too, whatever the
            // planner expected: a rare prefix (`этог*`) walked by the planner's choice read a
            // million documents (51 s) where the index names its few rows.
            if !sparse, Self.sparseSlice(found: found.count - before, span: upper - lower, documents: documents, newest: newest) {
                sparse = true
            }
            upper = lower
            span = Self.nextSpan(after: span, found: found.count - before, stillNeeded: needed - found.count)
        }
        if relevance {
            found.sort { ($0.rank, $0.id) > ($1.rank, $1.id) }
            found = Array(found.prefix(wanted))
        }
        let ids = found.map(\.id)
        let page = Array(ids.dropFirst(max(0, offset)).prefix(max(0, limit)))
        var snippets: [Int64: String] = [:]
        if request.snippets, !page.isEmpty {
            for row in try await rows(
                "SELECT article_id, body_html FROM versions WHERE article_id = ANY(\(page)) AND lang = \(request.snippetLanguage.rawValue)")
            {
                let body = try row["body_html"].decode(String.self)
                snippets[try row["article_id"].decode(Int64.self)] = Snippet.html(
                    text: PlainText.from(html: body), terms: terms, language: request.snippetLanguage)
            }
        }
        return SearchResults(
            hits: page.map { SearchResults.Hit(articleID: $0, snippetHTML: snippets[$0] ?? "") }, total: min(ids.count, horizon),
            horizon: horizon)
    }

    /// The first slice, sized from how many versions the planner expects to match (its statistics
    /// of the index's most common words): about twice the matches needed, so one slice usually
    /// does. A query the statistics call rare is asked of the whole table at once, where the index
    /// reads only its few rows; slices would ask it again and again.
    static func firstSpan(expected: Double, needed: Int, newest: Int64) -> Int64 {
        guard expected >= Double(needed) * 4, expected > 0 else { return Int64.max }
        let span = 2 * Double(needed) * Double(newest) / expected
        return span >= Double(Int64.max / 4) ? Int64.max : max(1024, Int64(span))
    }

    /// The share of all search documents above which a query counts as common: walking the newest
    /// rows finds its matches quickly.
    static let denseShare = 0.05

    /// The newest articles (up to `limit`) with a document matching `tsquery` (bound in `sql`) among
    /// ids `lower..<upper`, newest first, read by bitmap scans only.
    func newestMatches(_ sql: PostgresSQL, tsquery: String, lower: Int64, upper: Int64, limit: Int) async throws -> [Int64] {
        var statement = sql
        let from = statement.bind(lower), below = statement.bind(upper), count = statement.bind(Int64(limit))
        statement.append(
            """
            SELECT DISTINCT d.article_id AS id FROM search_documents d
            WHERE d.document @@ \(tsquery)::tsquery AND d.article_id >= \(from) AND d.article_id < \(below)
            ORDER BY id DESC LIMIT \(count)
            """)
        return try await bitmapScansOnly(statement.query).map { try $0["id"].decode(Int64.self) }
    }

    /// Which of these articles a reader may find: listed, and the first of their story.
    func listedArticles(_ ids: [Int64]) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        var statement = PostgresSQL()
        statement.append("SELECT a.id FROM articles a WHERE a.id = ANY(\(statement.bind(ids))) AND a.listed \(Self.onePerStory)")
        return Set(try await rows(statement.query).map { try $0["id"].decode(Int64.self) })
    }

    /// Whether a slice of `span` article ids that found `found` matches is below `denseShare`, at
    /// the table's documents per article id.
    static func sparseSlice(found: Int, span: Int64, documents: Double, newest: Int64) -> Bool {
        guard newest > 0, documents > 0 else { return true }
        return Double(found) < denseShare * Double(span) * documents / Double(newest)
    }

    /// The first slice of a query with a prefix, in article ids.
    static let prefixSlice: Int64 = 16384

    /// The next slice: sized from what the last one found (twice the matches still needed at the
    /// density seen), four times wider at least, sixteen times when it found nothing.
    static func nextSpan(after span: Int64, found: Int, stillNeeded: Int) -> Int64 {
        guard span < Int64.max / 16 else { return Int64.max }
        guard found > 0 else { return span * 16 }
        let sized = 2 * Double(max(0, stillNeeded)) * Double(span) / Double(found)
        return sized >= Double(Int64.max / 16) ? Int64.max : max(span * 4, Int64(sized))
    }

    /// One statement read by bitmap scans only (the index says which rows match, and only those
    /// are read), in a transaction of its own so the setting ends with it.
    func bitmapScansOnly(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        let client = client, logger = logger
        return try await bounded {
            try await client.withTransaction(logger: logger) { connection in
                _ = try await connection.query("SET LOCAL enable_indexscan = off", logger: logger)
                _ = try await connection.query("SET LOCAL enable_seqscan = off", logger: logger)
                return try await connection.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
            }
        }
    }

    /// The planner's estimate of the search documents that match (`EXPLAIN`, which plans and runs nothing).
    func estimatedMatches(_ sql: PostgresSQL, tsquery: String) async throws -> Double {
        var probe = sql
        probe.append("EXPLAIN SELECT 1 FROM search_documents d WHERE d.document @@ \(tsquery)::tsquery")
        guard let line = try await rows(probe.query).first?[0].decode(String.self) else { return 0 }
        return Self.plannedRows(line) ?? 0
    }

    /// The `rows=` of a plan line: "Bitmap Heap Scan on search_documents d  (cost=… rows=1234 width=4)".
    static func plannedRows(_ line: String) -> Double? {
        guard let range = line.range(of: " rows=") else { return nil }
        return Double(line[range.upperBound...].prefix { $0.isNumber })
    }

    /// Recomputes every version's search document (after a change to stemming), a batch at a time.
    public func reindexSearch(progress: @Sendable (Language, Int) -> Void) async throws {
        let logger = self.logger
        for language in Language.allCases {
            var after: Int64 = 0
            var done = 0
            while true {
                let batch = try await rows(
                    """
                    SELECT article_id, title, body_html FROM versions WHERE lang = \(language.rawValue) AND article_id > \(after)
                    ORDER BY article_id LIMIT 500
                    """)
                guard let last = batch.last else { break }
                let documents = try batch.map { row in
                    SearchDocumentRow(
                        articleID: try row["article_id"].decode(Int64.self), language: language,
                        vector: PostgresSearchDocument.vector(
                            title: try row["title"].decode(String.self), bodyHTML: try row["body_html"].decode(String.self),
                            language: language))
                }
                try await transaction { connection in try await Self.writeDocuments(documents, on: connection, logger: logger) }
                after = try last["article_id"].decode(Int64.self)
                done += batch.count
            }
            progress(language, done)
        }
        // Every document now holds its word pairs: phrases are asked as pairs from here on.
        _ = try await rows("UPDATE search_format SET pairs = TRUE WHERE NOT pairs")
    }
}
