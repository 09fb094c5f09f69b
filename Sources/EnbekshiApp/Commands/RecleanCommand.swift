import ArgumentParser
import Clean
import EnbekshiCore
import Enrich
import Harvest
import Foundation
import Logging
import Store

struct RecleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reclean",
        abstract: "Clean and classify every stored version again from its original, after the cleaner or classifier improved.",
        discussion: "Originals and history are untouched; headlines, bodies, flags, sections and regions are recomputed.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap()
        let store = try await store.open(logger: logger)
        let preparer = VersionPreparer(cleaner: HTMLCleaner())
        try await NewsIngestor(store: store, logger: logger).finishStoryLinks()
        var changed = 0
        let total = try await VersionWalk.forEach(store, label: "reclean", logger: logger) { stored in
            let version = stored.version
            guard version.machineTranslation == nil else { return }
            let prepared = preparer.prepare(
                title: version.originalTitle, bodyHTML: version.originalHTML, published: version.published,
                dateText: version.createdRaw, requested: nil, fallbackLanguage: version.language)
            if version.machineTranslation == nil, !prepared.headline.isEmpty {
                let source = try await store.source(slug: stored.key.project) ?? Source(catalogSlug: stored.key.project)
                try await store.saveTopics(
                    TopicClassifier.topics(source: source, title: prepared.headline, paragraphs: prepared.body.paragraphs),
                    articleID: stored.articleID)
            }
            // The language is kept as stored; so is the note that gov.kz answered in another language.
            let flags = version.flags.filter { $0.kind == .languageMismatch } + prepared.flags
            guard prepared.headline != version.title || prepared.body.html != version.bodyHTML || flags != version.flags
            else { return }
            try await store.updateCleaned(
                articleID: stored.articleID, language: version.language, title: prepared.headline,
                bodyHTML: prepared.body.html, flags: flags)
            changed += 1
        }
        print("reclean: \(total) versions, \(changed) changed")
    }
}
