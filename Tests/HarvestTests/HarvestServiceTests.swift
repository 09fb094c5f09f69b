import Foundation
import Harvest
import Logging
import Synchronization
import TestSupport
import Testing

/// Collects log messages so a test can count what an operator would see.
final class LogRecorder: Sendable {
    let messages = Mutex<[(Logger.Level, String)]>([])

    var logger: Logger {
        Logger(label: "recorder") { _ in RecordingHandler(recorder: self) }
    }

    func count(_ level: Logger.Level, containing text: String) -> Int {
        messages.withLock { $0.filter { $0.0 == level && $0.1.contains(text) }.count }
    }

    struct RecordingHandler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            recorder.messages.withLock { $0.append((event.level, event.message.description)) }
        }
    }
}

@Suite("HarvestService: the polling loop inside serve")
struct HarvestServiceTests {
    @Test("an unreachable gov.kz is reported once, not on every poll, and polls go on")
    func unreachableOnce() async throws {
        let database = try await TemporaryDatabase()
        try await database.store.seed(sources: [.init(catalogSlug: "mod")])
        let recorder = LogRecorder()
        var configuration = testConfiguration(closedPort)
        configuration.maxRetries = 0
        try await withClient(configuration) { client in
            var options = Harvester.Options()
            options.languages = [.kk]
            let harvester = Harvester(
                client: client, ingestor: NewsIngestor(store: database.store, logger: quietLogger), options: options,
                logger: quietLogger)
            var settings = PollingHarvester.Settings()
            settings.unreachableRetry = 0.05
            settings.allSourcesInterval = nil
            let service = HarvestService(
                polling: PollingHarvester(harvester: harvester, settings: settings, logger: recorder.logger),
                baseURL: configuration.baseURL, logger: recorder.logger)
            let task = Task { try await service.run() }
            // Wait for at least three polls (each records an attempt in the harvest state), however
            // loaded the machine.
            var attempts = 0
            for _ in 0..<1200 {
                try await Task.sleep(for: .milliseconds(50))
                if let state = try await database.store.harvestState(source: "mod", language: .kk) {
                    attempts = state.consecutiveFailures
                    if attempts >= 3 { break }
                }
            }
            task.cancel()
            try await task.value
            #expect(attempts >= 3)
        }
        #expect(recorder.count(.warning, containing: "gov.kz cannot be reached") == 1)
    }
}
