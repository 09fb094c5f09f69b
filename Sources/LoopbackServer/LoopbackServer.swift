import Hummingbird

/// Runs a Hummingbird application on a free port of 127.0.0.1 for the duration of `body`, which
/// gets its base URL; then stops it. The test fakes (gov.kz, translation engines) share this.
///
/// `makeApp` builds the application, calling the given closure with the bound port once it listens.
public func withLoopbackServer<App: ApplicationProtocol, T: Sendable>(
    _ makeApp: (@escaping @Sendable (Int) async -> Void) -> App, _ body: @Sendable (String) async throws -> T
) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = makeApp { port in continuation.yield(port) }
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await app.runService(gracefulShutdownSignals: [])
            return nil
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        let result = try await body("http://127.0.0.1:\(port)")
        group.cancelAll()
        return result
    }
}
