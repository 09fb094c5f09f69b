import EnbekshiCore
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The shared store: a PostgreSQL database reached through PostgresNIO's connection pool, for
/// several web nodes and workers at once. Every value travels as a bound parameter; a save, a
/// batch and a migration are each one transaction.
///
/// The pool's `run()` is started when the store is made and ended by `shutdown()`, so commands
/// that are not services (`ingest`, `migrate`) use the store as they use SQLite's; `serve` shuts
/// it down with the rest of its services.
public final class PostgresStore: NewsStore {
    let client: PostgresClient
    let logger: Logger
    public let location: String
    /// The schema the URL's `search_path` names, created by `migrate`.
    let schema: String?
    private let running: Task<Void, Never>
    private let lastFailure = PostgresPoolLog.LastFailure()
    let poolGauge = PostgresPoolGauge()
    /// How long `connect` waits for a first answer (`?connect_timeout=` seconds in the URL).
    let connectTimeout: Duration
    /// How long one operation may take, waiting for a connection included (`bounded`).
    let operationTimeout: Duration
    /// How many of the newest article ids a search asks of first (`?search_slice=` in the URL);
    /// nil sizes it per query from the planner's estimate.
    let searchSlice: Int64?

    public init(url: String, logger: Logger = Logger(label: "enbekshi.postgres")) throws {
        let target = try PostgresLocation(url: url)
        location = target.shown
        schema = target.schema
        connectTimeout = target.connectTimeout
        operationTimeout = target.requestTimeout
        searchSlice = target.searchSlice
        self.logger = logger
        let client = PostgresClient(
            configuration: target.configuration, backgroundLogger: PostgresPoolLog.logger(wrapping: logger, lastFailure: lastFailure))
        self.client = client
        running = Task { await client.run() }
    }

    deinit {
        running.cancel()
    }

    public struct Unreachable: Error, CustomStringConvertible {
        public var location: String
        public var reason: String?
        public var seconds: Int
        public var description: String {
            "cannot reach the database \(location) within \(seconds) s" + (reason.map { ": \($0)" } ?? "")
        }
    }

    /// Waits for one answer from the server; the pool retries connecting meanwhile (it would go
    /// on for ever), so a refused password or a server that is down ends here with the reason.
    public func connect() async throws {
        let client = client, logger = logger, timeout = connectTimeout
        let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                _ = try await client.query("SELECT 1", logger: logger).collect()
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
        guard answered else {
            throw Unreachable(location: location, reason: lastFailure.value, seconds: Int(timeout.components.seconds))
        }
    }

    /// Closes the pool's connections; the store answers nothing after. Waits at most five seconds
    /// for the pool to wind down (a pool that is reconnecting to a lost server may take longer),
    /// so that stopping never hangs.
    public func shutdown() async {
        running.cancel()
        let running = running
        // Not a task group: a group waits for all its children, and waiting for the pool is not
        // cancellable, so the race is between two free tasks and whichever ends first resumes us.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let first = FirstOf(continuation)
            Task { await running.value; first.resume(()) }
            Task {
                try? await Task.sleep(for: .seconds(5))
                first.resume(())
            }
        }
    }

    // MARK: Queries

    /// Rows of a query, read whole.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        let logger = logger
        return try await bounded { [self] in
            try await pooled { connection in try await connection.query(query, logger: logger).collect() }
        }.map { $0.makeRandomAccess() }
    }

    func execute(_ query: PostgresQuery) async throws {
        let logger = logger
        _ = try await bounded { [self] in try await pooled { connection in try await connection.query(query, logger: logger).collect() } }
    }

    /// A transaction has no deadline: a batch of a thousand saves may rightly take a while, and
    /// writers (harvest, ingest, translation) retry on their own schedule.
    func transaction<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let logger = logger
        return try await Self.unwrapping {
            try await pooled { connection in try await connection.withTransaction(logger: logger) { connection in try await body(connection) } }
        }
    }

    /// A connection of the pool for `body`, counted in `database_pool_connections`.
    func pooled<Result: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let passage = poolGauge.enter()
        defer { passage.end() }
        return try await client.withConnection { connection in
            passage.acquired()
            return try await body(connection)
        }
    }

    /// Runs one statement with a deadline (`?request_timeout=`, 30 s): the pool waits for a
    /// connection as long as the server is away, and a page must not wait with it. Past the
    /// deadline the statement is cancelled and `StoreError.unavailable`.
    func bounded<Result: Sendable>(_ operation: @escaping @Sendable () async throws -> Result) async throws -> Result {
        let timeout = operationTimeout
        return try await Self.unwrapping {
            // Free tasks rather than a group, which would wait for an operation that ignores its
            // cancellation (a lease from a pool that cannot connect) and so never time out.
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
                let first = FirstOf(continuation)
                let timer = Task {
                    try? await Task.sleep(for: timeout)
                    guard !Task.isCancelled else { return }
                    first.fail(StoreError.unavailable("no answer from the database within \(timeout.components.seconds) s"))
                }
                Task {
                    defer { timer.cancel() }
                    do { first.resume(try await operation()) } catch { first.fail(error) }
                }
            }
        }
    }

    /// A failed transaction's own error (what the body threw, or why BEGIN or COMMIT failed)
    /// rather than PostgresNIO's wrapper, so callers see "the schema is newer", not a wrapper;
    /// and a lost connection or a cancelled statement as `StoreError.unavailable`, which pages
    /// answer with 503 while the pool reconnects.
    static func unwrapping<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as PostgresTransactionError {
            throw mapped(error.closureError ?? error.beginError ?? error.commitError ?? error)
        } catch {
            throw mapped(error)
        }
    }

    static func mapped(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return StoreError.unavailable("the connection to the database was lost (\(error.code))")
        case .server:
            // 57014: statement timeout or cancel; 57P0x: the server is shutting down or restarting;
            // 08xxx: connection exceptions.
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "server error"
            guard state == "57014" || state.hasPrefix("57P") || state.hasPrefix("08") else {
                // PostgresNIO's own description hides the server's message.
                return StoreError.failed("\(message) (SQLSTATE \(state))")
            }
            return StoreError.unavailable(message)
        default:
            return error
        }
    }

    static func rows(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws
        -> [PostgresRandomAccessRow]
    {
        try await connection.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
    }

    // MARK: Migrations

    public var migrationSteps: [String] { PostgresSchema.steps.map(\.name) }

    public func migrate() async throws {
        try await PostgresMigrator(steps: PostgresSchema.steps, schema: schema).migrate(client, logger: logger)
        if try await rows("SELECT pairs FROM search_format").first?["pairs"].decode(Bool.self) == false {
            logger.warning("search documents were written before word pairs: phrase search is slow until `enbekshi reindex` rewrites them")
        }
    }

    public func pendingMigrations() async throws -> [String] {
        try await PostgresMigrator(steps: PostgresSchema.steps, schema: schema).pending(client, logger: logger)
    }

    // MARK: Sources

    @discardableResult public func seed(sources: [Source]) async throws -> Int {
        guard !sources.isEmpty else { return 0 }
        // One statement for the whole catalog (every command seeds it): columns as arrays, absent
        // values as empty strings. Catalog-derived fields follow the catalog; `enabled` is the
        // operator's; a row that says the same already is left alone (an update would bump the
        // content generation and empty every node's page cache).
        func column(_ value: (Source) -> String?) -> [String] { sources.map { value($0) ?? "" } }
        let rows = try await rows(
            """
            INSERT INTO sources (slug, kind, region, name_kk, name_ru, name_en, enabled, added_at)
            SELECT slug, kind, NULLIF(region, ''), NULLIF(kk, ''), NULLIF(ru, ''), NULLIF(en, ''), enabled, \(Date())
            FROM unnest(\(column(\.slug)), \(column(\.kind.rawValue)), \(column(\.region)), \(column { $0.names[.kk] }),
                        \(column { $0.names[.ru] }), \(column { $0.names[.en] }), \(sources.map(\.enabled)))
                 AS catalog (slug, kind, region, kk, ru, en, enabled)
            ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind, region = excluded.region,
            name_kk = excluded.name_kk, name_ru = excluded.name_ru, name_en = excluded.name_en
            WHERE (sources.kind, sources.region, sources.name_kk, sources.name_ru, sources.name_en)
            IS DISTINCT FROM (excluded.kind, excluded.region, excluded.name_kk, excluded.name_ru, excluded.name_en)
            RETURNING (xmax = 0) AS inserted
            """)
        return try rows.filter { try $0["inserted"].decode(Bool.self) }.count
    }

    public func sources(enabledOnly: Bool) async throws -> [Source] {
        try await rows(
            "SELECT * FROM corrected_sources WHERE enabled OR NOT \(enabledOnly) ORDER BY slug COLLATE \"C\""
        ).map(Self.source)
    }

    public func source(slug: String) async throws -> Source? {
        try await rows("SELECT * FROM corrected_sources WHERE slug = \(slug)").first.map(Self.source)
    }

    public func sources(slugs: [String]) async throws -> [String: Source] {
        let unique = Array(Set(slugs))
        guard !unique.isEmpty else { return [:] }
        var result: [String: Source] = [:]
        for row in try await rows("SELECT * FROM corrected_sources WHERE slug = ANY(\(unique))") {
            let source = try Self.source(row)
            result[source.slug] = source
        }
        return result
    }

    public func setEnabled(_ enabled: Bool, slug: String) async throws -> Bool {
        try await !rows("UPDATE sources SET enabled = \(enabled) WHERE slug = \(slug) RETURNING slug").isEmpty
    }

    static func source(_ row: PostgresRandomAccessRow) throws -> Source {
        var names: [Language: String] = [:]
        for language in Language.allCases {
            if let name = try row["name_\(language.rawValue)"].decode(String?.self) { names[language] = name }
        }
        return Source(
            slug: try row["slug"].decode(String.self), kind: SourceKind(rawValue: try row["kind"].decode(String.self)) ?? .other,
            region: try row["region"].decode(String?.self), names: names, enabled: try row["enabled"].decode(Bool.self),
            parent: try row["parent"].decode(String?.self))
    }

    // MARK: Harvest ledger

    public func harvestState(source: String, language: Language) async throws -> HarvestState? {
        try await rows("SELECT * FROM harvest_state WHERE source = \(source) AND lang = \(language.rawValue)")
            .first.flatMap(Self.harvestState)
    }

    public func harvestStates() async throws -> [HarvestState] {
        try await rows("SELECT * FROM harvest_state").compactMap(Self.harvestState)
    }

    static func harvestState(_ row: PostgresRandomAccessRow) throws -> HarvestState? {
        guard let language = Language(rawValue: try row["lang"].decode(String.self)) else { return nil }
        return HarvestState(
            source: try row["source"].decode(String.self), language: language,
            lastAttemptAt: try row["last_attempt_at"].decode(Date?.self), lastSuccessAt: try row["last_success_at"].decode(Date?.self),
            lastErrorAt: try row["last_error_at"].decode(Date?.self), lastError: try row["last_error"].decode(String?.self),
            newestSeen: try row["newest_seen"].decode(String?.self), itemsStored: Int(try row["items_stored"].decode(Int64.self)),
            consecutiveFailures: Int(try row["failures"].decode(Int32.self)))
    }

    public func record(_ state: HarvestState, fence: Lease?) async throws {
        let logger = self.logger
        try await transaction { connection in
            try await Self.checkFence(fence, on: connection, logger: logger)
            try await Self.run(
            """
            INSERT INTO harvest_state (source, lang, last_attempt_at, last_success_at, last_error_at, last_error,
            newest_seen, items_stored, failures) VALUES (\(state.source), \(state.language.rawValue), \(state.lastAttemptAt),
            \(state.lastSuccessAt), \(state.lastErrorAt), \(state.lastError), \(state.newestSeen), \(Int64(state.itemsStored)),
            \(Int32(clamping: state.consecutiveFailures)))
            ON CONFLICT (source, lang) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
            last_success_at = excluded.last_success_at, last_error_at = excluded.last_error_at,
            last_error = excluded.last_error, newest_seen = excluded.newest_seen,
            items_stored = excluded.items_stored, failures = excluded.failures
            """, on: connection, logger: logger)
        }
    }

    public func feedActivity(since: Date) async throws -> [FeedActivity] {
        let day = GovKzDate.localNow(since)
        return try await rows(
            """
            SELECT a.project, v.lang, count(*) AS items FROM articles a JOIN versions v ON v.article_id = a.id
            WHERE a.published_local >= \(day) AND v.mt_engine IS NULL GROUP BY a.project, v.lang
            """
        ).compactMap { row in
            try Language(rawValue: row["lang"].decode(String.self)).map {
                FeedActivity(source: try row["project"].decode(String.self), language: $0, items: Int(try row["items"].decode(Int64.self)))
            }
        }
    }

    // MARK: Whole-database figures

    public func statistics() async throws -> StoreStatistics {
        guard
            let row = try await rows(
                """
                SELECT (SELECT count(*) FROM sources) AS sources,
                (SELECT count(*) FROM sources WHERE enabled) AS enabled_sources,
                (SELECT count(*) FROM articles) AS articles,
                (SELECT count(*) FROM articles WHERE listed) AS published,
                (SELECT count(*) FROM versions) AS versions
                """
            ).first
        else { throw StoreError.inconsistent("statistics returned no row") }
        func count(_ column: String) throws -> Int { Int(try row[column].decode(Int64.self)) }
        return StoreStatistics(
            sources: try count("sources"), enabledSources: try count("enabled_sources"), articles: try count("articles"),
            publishedArticles: try count("published"), versions: try count("versions"))
    }

    /// Bytes of the tables and indexes of this store's schema.
    public func storageBytes() async throws -> Int {
        let row = try await rows(
            """
            SELECT COALESCE(sum(pg_total_relation_size(c.oid)), 0)::BIGINT AS bytes FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')
            """
        ).first
        return Int(try row?["bytes"].decode(Int64.self) ?? 0)
    }

    public func contentGeneration() async throws -> Int64 {
        try await rows("SELECT value FROM content_generation WHERE id = 1").first?["value"].decode(Int64.self) ?? 0
    }

    public var announcesChanges: Bool { true }

    /// LISTEN on one connection of the pool, held for as long as it lives; each commit that bumps
    /// the generation NOTIFYs its schema and new value (schema v10); other schemas' are ignored. A notification sent while no connection
    /// listened is lost, so the generation is read again after every (re)connection.
    public func watchContentGeneration(_ report: @escaping @Sendable (ContentChange) -> Void) async throws {
        var failures = 0
        let logger = self.logger
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.contentChannel) { notifications in
                        let row = try await Self.rows(
                            "SELECT current_schema() AS schema, value FROM content_generation WHERE id = 1", on: connection, logger: logger
                        ).first
                        let prefix = (try row?["schema"].decode(String?.self) ?? "") + ":"
                        report(.listening(try row?["value"].decode(Int64.self) ?? 0))
                        failures = 0
                        for try await notification in notifications where notification.payload.hasPrefix(prefix) {
                            if let value = Int64(notification.payload.dropFirst(prefix.count)) { report(.changed(value)) }
                        }
                    }
                }
                if Task.isCancelled { return }
                report(.lost("the listening connection ended"))
            } catch {
                if Task.isCancelled { return }
                report(.lost(String(describing: error)))
            }
            failures += 1
            do {
                try await Task.sleep(for: .milliseconds(min(5000, 100 << min(failures, 6))))
            } catch {
                return
            }
        }
    }

    static let contentChannel = "enbekshi_content"
}

/// Resumes a continuation once: with whichever of several racing tasks ends first.
final class FirstOf<Value: Sendable, Failure: Error>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Value, Failure>?>

    init(_ continuation: CheckedContinuation<Value, Failure>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ value: Value) {
        continuation.withLock { $0.take() }?.resume(returning: value)
    }

    func fail(_ error: Failure) {
        continuation.withLock { $0.take() }?.resume(throwing: error)
    }
}
