import ArgumentParser
import Foundation
import Harvest

/// How to reach gov.kz. Every option has an ENBEKSHI_GOVKZ_* variable, so a service can be
/// configured from its environment.
struct GovKzOptions: ParsableArguments {
    @Option(name: .customLong("govkz-base-url"), help: "API base URL (env ENBEKSHI_GOVKZ_BASE_URL; default https://www.gov.kz).")
    var baseURL: String?

    @Option(
        name: .customLong("govkz-header"),
        help: "Extra request header \"Name: value\", repeatable (env ENBEKSHI_GOVKZ_HEADERS, one per line).")
    var headers: [String] = []

    @Option(name: .customLong("govkz-rate"), help: "Requests per second over all sources (env ENBEKSHI_GOVKZ_RATE; default 2).")
    var rate: Double?

    @Option(name: .customLong("govkz-concurrency"), help: "Sources harvested at once (env ENBEKSHI_GOVKZ_CONCURRENCY; default 2).")
    var concurrency: Int?

    @Option(name: .customLong("govkz-timeout"), help: "Seconds to wait for one answer (default 30).")
    var timeout: Double?

    @Option(name: .customLong("govkz-retries"), help: "Retries after a timeout, 429 or 5xx (default 4).")
    var retries: Int?

    @Option(name: .customLong("govkz-page-size"), help: "Items asked for per page (default 50).")
    var pageSize: Int?

    @Option(name: .customLong("govkz-first-page"), help: "gov.kz's first page number (default 1).")
    var firstPage: Int?

    @Option(name: .customLong("govkz-max-pages"), help: "Pages read per feed and pass (default 20; 1000 with --since).")
    var maxPages: Int?

    @Option(
        name: .customLong("govkz-challenge"),
        help: "Anti-bot challenge path POSTed before news requests, e.g. /api/v1/public/_/c/k6 (env ENBEKSHI_GOVKZ_CHALLENGE).")
    var challengePath: String?

    @Option(name: .customLong("govkz-user-agent"), help: "User-Agent header (env ENBEKSHI_GOVKZ_USER_AGENT).")
    var userAgent: String?

    @Flag(name: .customLong("govkz-insecure"), help: "Do not verify TLS certificates (only for a broken mirror).")
    var insecure = false

    /// Whether the operator named a gov.kz to read, on the command line or in the environment.
    func hasExplicitBaseURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !(baseURL ?? environment["ENBEKSHI_GOVKZ_BASE_URL"] ?? "").isEmpty
    }

    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> GovKzConfiguration {
        var configuration = GovKzConfiguration()
        if let base = baseURL ?? environment["ENBEKSHI_GOVKZ_BASE_URL"], !base.isEmpty {
            guard let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationError("--govkz-base-url must be an http(s) URL, got \(base)")
            }
            configuration.baseURL = base
        }
        let headerLines = headers + (environment["ENBEKSHI_GOVKZ_HEADERS"]?.split(whereSeparator: \.isNewline).map(String.init) ?? [])
        for line in headerLines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw ValidationError("a gov.kz header must look like \"Name: value\", got \(line)")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw ValidationError("a gov.kz header needs a name: \(line)") }
            configuration.extraHeaders.append((name, value))
        }
        if let rate = rate ?? environment["ENBEKSHI_GOVKZ_RATE"].flatMap(Double.init) {
            guard rate > 0, rate <= 100 else { throw ValidationError("--govkz-rate must be between 0 and 100 requests/s") }
            configuration.requestsPerSecond = rate
        }
        if let concurrency = concurrency ?? environment["ENBEKSHI_GOVKZ_CONCURRENCY"].flatMap(Int.init) {
            guard (1...64).contains(concurrency) else { throw ValidationError("--govkz-concurrency must be 1…64") }
            configuration.concurrency = concurrency
        }
        if let timeout {
            guard timeout > 0 else { throw ValidationError("--govkz-timeout must be positive") }
            configuration.requestTimeout = timeout
        }
        if let retries {
            guard (0...20).contains(retries) else { throw ValidationError("--govkz-retries must be 0…20") }
            configuration.maxRetries = retries
        }
        if let pageSize {
            guard (1...100).contains(pageSize) else { throw ValidationError("--govkz-page-size must be 1…100") }
            configuration.pageSize = pageSize
        }
        if let firstPage { configuration.firstPage = firstPage }
        if let maxPages {
            guard maxPages >= 1 else { throw ValidationError("--govkz-max-pages must be at least 1") }
            configuration.maxPages = maxPages
        }
        if let path = challengePath ?? environment["ENBEKSHI_GOVKZ_CHALLENGE"], !path.isEmpty {
            configuration.challengePath = path.hasPrefix("/") ? path : "/" + path
        }
        if let agent = userAgent ?? environment["ENBEKSHI_GOVKZ_USER_AGENT"], !agent.isEmpty {
            configuration.userAgent = agent
        }
        configuration.verifyTLS = !insecure
        return configuration
    }
}
