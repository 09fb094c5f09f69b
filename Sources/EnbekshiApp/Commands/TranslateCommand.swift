import ArgumentParser
import AsyncHTTPClient
import EnbekshiCore
import Enrich
import Foundation
import Store
import Logging
import Synchronization

struct TranslateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Fill missing editions by machine translation: queue what is missing, then work through the queue.",
        discussion: """
            Jobs are kept in the database and survive restarts; each paragraph's translation is cached by \
            (text, languages, engine), so an unchanged text is never translated twice. gov.kz's own versions \
            are never overwritten. Cyrillic words left in gov.kz's English texts are glossed, each run once, \
            and shown beside the run, labelled. With --article ID --to LANG, translates that one article now.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var engines: TranslatorOptions
    @OptionGroup var logging: LoggingOptions

    @Option(name: .long, help: "Translate only this article (our id, as in its URL).") var article: Int64?
    @Option(name: .long, help: "Target language for --article: kk, ru or en.") var to: String?
    @Option(name: .long, help: "Jobs worked in this run at most.") var limit = 10_000

    func validate() throws {
        if let to, Language(rawValue: to) == nil { throw ValidationError("--to must be kk, ru or en") }
        if (article == nil) != (to == nil) { throw ValidationError("--article and --to go together") }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let store = try await store.open(logger: logger)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await work(store: store, client: client, logger: logger)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    func work(store: any NewsStore, client: HTTPClient, logger: Logger) async throws {
        let translators = try engines.translators(client: client)
        guard !translators.isEmpty else {
            throw ValidationError("no translation engine: pass --libretranslate-url or --openai-base-url with --openai-model")
        }
        if let article, let target = to.flatMap(Language.init) {
            guard let stored = try await store.article(id: article) else { throw ValidationError("no article \(article)") }
            guard let source = TranslationPlanner.source(for: target, among: stored.originalLanguages) else {
                throw ValidationError("article \(article) has no original to translate from")
            }
            try await store.enqueueTranslation(articleID: article, from: source, to: target)
        } else {
            let planned = try await TranslationPlanner.plan(store: store)
            logger.info("translation jobs planned", metadata: ["added": "\(planned)"])
        }
        let worker = TranslationWorker(
            store: store, translators: translators, requestsPerSecond: engines.rate, logger: logger)
        let progress = ProgressLine(label: "translate", logger: logger)
        let report = try await worker.runDue(limit: limit) { done, total in
            progress.update(done: done, total: total, detail: "jobs")
        }
        let (glosses, titles) = article == nil ? try await worker.glossPass() : (TranslationWorker.GlossReport(), TranslationWorker.GlossReport())
        let counts = try await store.translationQueueCounts()
        print(
            "translate: \(report.translated) translated, \(report.skipped) skipped, \(report.retried) to retry, "
                + "\(report.failed) failed; \(report.paragraphsRequested) paragraphs sent to an engine; "
                + "queue: \(counts.pending) pending, \(counts.failed) failed; "
                + "\(glosses.glossed) foreign runs glossed, \(glosses.failed) to retry; "
                + "\(titles.glossed) headlines translated from another language, \(titles.failed) to retry")
    }
}
