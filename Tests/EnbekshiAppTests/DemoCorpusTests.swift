@testable import EnbekshiApp
import EnbekshiCore
import Enrich
import Foundation
import Harvest
import Logging
import Store
import TestSupport
import Testing

@Suite("the bundled demo corpus")
struct DemoCorpusTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test("every bundled translation matches its original paragraph for paragraph and is stored labelled, once")
    func translations() async throws {
        let database = try await TemporaryDatabase()
        _ = try await DemoCorpus.load(into: NewsIngestor(store: database.store, logger: logger))
        let bundled = try DemoCorpus.bundledTranslations()
        #expect(bundled.count >= 20)
        #expect(try await DemoCorpus.loadTranslations(into: database.store, logger: logger) == bundled.count)
        for translation in bundled {
            let article = try #require(try await database.store.article(key: ArticleKey(project: translation.project, govkzID: translation.id)))
            let version = try #require(article.versions[translation.to])
            #expect(version.machineTranslation?.engine == DemoCorpus.bundledEngine, "\(translation.id)")
            #expect(version.machineTranslation?.sourceLanguage == translation.from)
            #expect(version.title == translation.texts[0])
            #expect(version.bodyHTML.components(separatedBy: "<p>").count == translation.texts.count)
            // Readers see none of the old site's defects in them (the audit's rules, as for gov.kz's texts).
            #expect(ContentAudit.defects(of: version).isEmpty, "\(translation.id) \(translation.to)")
            // The original is untouched.
            #expect(article.versions[translation.from]?.machineTranslation == nil)
        }
        // A second start stores nothing: the editions exist.
        #expect(try await DemoCorpus.loadTranslations(into: database.store, logger: logger) == 0)
    }

    @Test("a bundled translation is never stored over gov.kz's own text, nor when it no longer fits its original")
    func refusals() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: logger)
        _ = try await DemoCorpus.load(into: ingestor)
        let bundled = try #require(try DemoCorpus.bundledTranslations().first { $0.to == .kk })
        let key = ArticleKey(project: bundled.project, govkzID: bundled.id)
        // The source changes at gov.kz: one paragraph more than the bundled text translated.
        var changed = try #require(try Self.recordedItem(bundled))
        changed.body = (changed.body ?? "") + "<p>Новый абзац, добавленный позже.</p>"
        #expect(try await ingestor.ingest([changed], project: bundled.project, language: bundled.from) == [.saved(.updated)])
        _ = try await DemoCorpus.loadTranslations(into: database.store, logger: logger)
        #expect(try await database.store.article(key: key)?.versions[bundled.to] == nil)

        // gov.kz's own text in the target language wins over a bundled translation.
        let own = try #require(try DemoCorpus.bundledTranslations().first { $0.to == .kk && $0.id != bundled.id })
        let ownKey = ArticleKey(project: own.project, govkzID: own.id)
        var kazakh = try #require(try Self.recordedItem(own))
        kazakh.title = "Қазақ тіліндегі өз мәтіні"
        kazakh.body = "<p>gov.kz жариялаған қазақша мәтін.</p>"
        _ = try await ingestor.ingest([kazakh], project: own.project, language: .kk)
        _ = try await DemoCorpus.loadTranslations(into: database.store, logger: logger)
        let version = try #require(try await database.store.article(key: ownKey)?.versions[.kk])
        #expect(version.machineTranslation == nil)
        #expect(version.title == "Қазақ тіліндегі өз мәтіні")
    }

    /// The recorded gov.kz item a bundled translation was made from.
    static func recordedItem(_ translation: DemoCorpus.BundledTranslation) throws -> GovKzItem? {
        for entry in try DemoCorpus.entries() where entry.project == translation.project && entry.language == translation.from {
            let recorded = RecordedFile(path: entry.file.path, project: entry.project, language: entry.language)
            if let item = try recorded.items().items.first(where: { $0.id == translation.id }) { return item }
        }
        return nil
    }
}
