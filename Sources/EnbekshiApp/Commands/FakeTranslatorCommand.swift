import ArgumentParser
import Foundation
import Hummingbird
import Logging
import TranslationFakes

struct FakeTranslatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-translator",
        abstract: "A stand-in translation engine on 127.0.0.1 (LibreTranslate and OpenAI protocols), for trying the pipeline offline.",
        discussion: """
            Its output is not a translation: it marks each paragraph "[en] " and romanises it. Then: \
            enbekshi translate --libretranslate-url http://127.0.0.1:PORT
            """)

    @OptionGroup var logging: LoggingOptions
    @Option(name: .long, help: "Port (default 5050).") var port = 5050

    func run() async throws {
        let logger = logging.bootstrap()
        let app = FakeTranslationServer().application(port: port) { port in
            logger.info("fake translator listening", metadata: ["base_url": "http://127.0.0.1:\(port)"])
        }
        try await app.runService()
    }
}
