import ArgumentParser
import Foundation
import GovKzFake
import Hummingbird
import Logging

struct FakeGovKzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-govkz",
        abstract: "Serve the bundled sample corpus with gov.kz's API paths on 127.0.0.1, for trying the harvester offline.",
        discussion: "Then: enbekshi harvest --govkz-base-url http://127.0.0.1:PORT")

    @OptionGroup var logging: LoggingOptions
    @Option(name: .long, help: "Port (default 8081).") var port = 8081

    func run() async throws {
        let logger = logging.bootstrap()
        let fake = FakeGovKz(corpus: try DemoCorpus.fakeCorpus(), logger: logger)
        let app = fake.application(port: port) { port in
            logger.info("fake gov.kz listening", metadata: ["base_url": "http://127.0.0.1:\(port)"])
        }
        try await app.runService()
    }
}
