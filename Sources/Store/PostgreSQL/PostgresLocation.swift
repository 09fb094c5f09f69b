import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database` URL read into what PostgresNIO connects with.
/// `?sslmode=disable|require` chooses TLS; without it, loopback goes in the clear (a local test
/// cluster has a self-signed certificate at most) and any other host requires verified TLS.
/// `?search_path=name` puts every table in that schema (tests use one schema each);
/// `?connect_timeout=seconds` is how long a command waits for the server before giving up (10);
/// `?statement_timeout=milliseconds` ends any statement that runs longer (the server's default:
/// none), which a page then answers with 503; `?request_timeout=seconds` bounds one operation,
/// waiting for a connection included (30), so nothing waits for ever on a server that is away;
/// `?search_slice=ids` fixes how many of the newest article ids search asks of first (without it,
/// the span is sized from the planner's estimate of the matches; tests make it small so that every
/// search walks several slices); `?pool_size=connections` caps the connections this process opens
/// (PostgresNIO's 20 by default): every node and worker holds its own pool, and together they must
/// stay under the server's `max_connections`.
struct PostgresLocation: Sendable {
    var configuration: PostgresClient.Configuration
    var schema: String?
    var connectTimeout: Duration = .seconds(10)
    var requestTimeout: Duration = .seconds(30)
    var searchSlice: Int64?
    /// The URL without its password, for logs.
    var shown: String

    init(url: String) throws {
        shown = StoreFactory.redacted(url)
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw StoreFactory.Failure.badURL("\(shown) is not a URL of the form postgres://user:password@host:port/database")
        }
        let database = String(components.path.dropFirst())
        guard !database.isEmpty else { throw StoreFactory.Failure.badURL("\(shown) names no database") }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        let password = components.password.flatMap { $0.removingPercentEncoding }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        let tls: PostgresClient.Configuration.TLS
        switch query["sslmode"] ?? (loopback ? "disable" : "require") {
        case "disable": tls = .disable
        case "require", "verify-full": tls = .require(.makeClientConfiguration())
        case let other: throw StoreFactory.Failure.badURL("sslmode=\(other) is not understood (disable or require)")
        }
        configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: password, database: database, tls: tls)
        if let seconds = query["connect_timeout"] {
            guard let value = Int(seconds), (1...3600).contains(value) else {
                throw StoreFactory.Failure.badURL("connect_timeout must be a number of seconds from 1 to 3600")
            }
            connectTimeout = .seconds(value)
            configuration.options.connectTimeout = .seconds(value)
        }
        if let schema = query["search_path"], !schema.isEmpty {
            guard schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw StoreFactory.Failure.badURL("search_path must be a plain schema name")
            }
            self.schema = schema
            configuration.options.additionalStartupParameters.append(("search_path", schema))
        }
        if let seconds = query["request_timeout"] {
            guard let value = Int(seconds), (1...86_400).contains(value) else {
                throw StoreFactory.Failure.badURL("request_timeout must be a number of seconds from 1 to 86400")
            }
            requestTimeout = .seconds(value)
        }
        if let ids = query["search_slice"] {
            guard let value = Int64(ids), value > 0 else { throw StoreFactory.Failure.badURL("search_slice must be a positive number of article ids") }
            searchSlice = value
        }
        if let connections = query["pool_size"] {
            guard let value = Int(connections), (1...1000).contains(value) else {
                throw StoreFactory.Failure.badURL("pool_size must be a number of connections from 1 to 1000")
            }
            configuration.options.maximumConnections = value
            configuration.options.minimumConnections = min(configuration.options.minimumConnections, value)
        }
        if let milliseconds = query["statement_timeout"] {
            guard let value = Int(milliseconds), value > 0 else {
                throw StoreFactory.Failure.badURL("statement_timeout must be a number of milliseconds")
            }
            configuration.options.additionalStartupParameters.append(("statement_timeout", String(value)))
        }
    }
}
