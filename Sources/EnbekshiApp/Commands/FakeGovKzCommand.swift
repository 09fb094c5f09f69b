import ArgumentParser
import EnbekshiCore
import Foundation
import GovKzFake
import Hummingbird
import Logging

struct FakeGovKzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-govkz",
        abstract: "Serve the bundled sample corpus with gov.kz's API paths on 127.0.0.1, for trying the harvester offline.",
        discussion: """
            Then: enbekshi harvest --govkz-base-url http://127.0.0.1:PORT. With --simulate N, N sources of the catalog \
            publish news as it happens instead (in real time, at --per-day releases a day each, with a few 429 and 503 \
            answers at the start), for watching the harvest's figures in the editors' room and in Prometheus.
            """)

    @OptionGroup var logging: LoggingOptions
    @Option(name: .long, help: "Port (default 8081).") var port = 8081
    @Option(name: .long, help: "Sources of the catalog that publish live news (default 0: serve the sample corpus).") var simulate = 0
    @Option(name: .long, help: "Median releases per day and source, with --simulate (default 2000).") var perDay = 2000.0

    func validate() throws {
        guard (0...2000).contains(simulate) else { throw ValidationError("--simulate must be 0…2000") }
        guard perDay > 0 else { throw ValidationError("--per-day must be positive") }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let fake: FakeGovKz
        if simulate > 0 {
            let sources = try SourceCatalog.bundled().filter { $0.kind != .newsroom }.map(\.slug).sorted().prefix(simulate)
            let simulation = PublishingSimulation(
                sources: Array(sources), start: Date(), duration: 30 * 86_400, seed: 7, medianPerDay: perDay, spread: 0.5,
                clock: { Date() })
            fake = FakeGovKz(content: simulation, keepsRequests: false, logger: logger)
            fake.inject(FakeFault(.status(429, retryAfter: "1"), target: .list, times: 2))
            fake.inject(FakeFault(.status(503), target: .list, times: 2))
            logger.info("simulating live publishing", metadata: ["sources": "\(sources.joined(separator: " "))"])
        } else {
            fake = FakeGovKz(corpus: try DemoCorpus.fakeCorpus(), logger: logger)
        }
        let app = fake.application(port: port) { port in
            logger.info("fake gov.kz listening", metadata: ["base_url": "http://127.0.0.1:\(port)"])
        }
        try await app.runService()
    }
}
