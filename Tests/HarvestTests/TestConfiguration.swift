import Harvest
import Logging

/// A port nothing listens on: gov.kz unreachable.
let closedPort = "http://127.0.0.1:9"

/// Client settings for tests: the fake's address, and short delays so retries take milliseconds.
func testConfiguration(_ base: String) -> GovKzConfiguration {
    var configuration = GovKzConfiguration()
    configuration.baseURL = base
    configuration.requestsPerSecond = 1000
    configuration.backoffBase = 0.01
    configuration.backoffMax = 0.05
    // Generous: a test that counts requests must not see a retry because a loaded machine answered
    // slowly. Tests of timeouts set their own, below their fault's delay.
    configuration.requestTimeout = 20
    configuration.connectTimeout = 10
    configuration.maxRetries = 3
    // A refused connection is tried again until the connect timeout: a test of an unreachable
    // gov.kz would wait it out on every request.
    if base == closedPort { configuration.connectTimeout = 1 }
    return configuration
}

let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

/// Runs `body` with a client and always shuts it down, even when the body throws
/// (AsyncHTTPClient refuses to be released while running).
func withClient<T>(
    _ configuration: GovKzConfiguration, _ body: (HTTPGovKzClient) async throws -> T
) async throws -> T {
    let client = HTTPGovKzClient(configuration: configuration, logger: quietLogger)
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}
