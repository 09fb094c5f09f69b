import Clean
import Enrich
import EnbekshiCore
import Foundation
import GovKzFake
import Harvest
import Logging
import Store

/// The sample corpus bundled with the binary: recorded gov.kz answers from `../shared/govkz/fixtures*`,
/// copied into the package, listed in `manifest.tsv` (file, project, language).
enum DemoCorpus {
    struct Entry {
        var file: URL
        var project: String
        var language: Language
    }

    enum LoadError: Error, CustomStringConvertible {
        case missing
        var description: String { "the demo corpus is missing from the build (Resources/demo/manifest.tsv)" }
    }

    static func entries() throws -> [Entry] {
        guard let manifest = Bundle.module.url(forResource: "manifest", withExtension: "tsv", subdirectory: "demo")
        else { throw LoadError.missing }
        let directory = manifest.deletingLastPathComponent()
        return try String(contentsOf: manifest, encoding: .utf8).split(whereSeparator: \.isNewline).compactMap { line in
            let columns = line.split(separator: "\t").map(String.init)
            guard columns.count >= 3, !line.hasPrefix("#"), let language = Language(rawValue: columns[2]) else { return nil }
            return Entry(file: directory.appendingPathComponent(columns[0]), project: columns[1], language: language)
        }
    }

    /// Stores every demo item through the ingest path. Loading twice changes nothing.
    static func load(into ingestor: NewsIngestor) async throws -> (files: Int, inserted: Int) {
        var inserted = 0
        let entries = try entries()
        for entry in entries {
            let recorded = RecordedFile(path: entry.file.path, project: entry.project, language: entry.language)
            let (project, language, items, _) = try recorded.items()
            let outcomes = try await ingestor.ingest(items, project: project, language: language)
            inserted += outcomes.filter { $0 == .saved(.inserted) }.count
        }
        return (entries.count, inserted)
    }

    /// One bundled machine translation (a line of `translations.jsonl`): an article's title and
    /// paragraphs in `to`, translated from its gov.kz text in `from`.
    struct BundledTranslation: Decodable {
        var project: String
        var id: String
        var from: Language
        var to: Language
        var texts: [String]
    }

    /// The engine named on the bundled translations. They were machine-translated offline, with a
    /// language model, when the sample was put together: the demo runs no engine, and gov.kz's
    /// recorded answers hold few Kazakh and English texts.
    static let bundledEngine = "demo-sample"

    static func bundledTranslations() throws -> [BundledTranslation] {
        guard let url = Bundle.module.url(forResource: "translations", withExtension: "jsonl", subdirectory: "demo")
        else { throw LoadError.missing }
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map {
            try decoder.decode(BundledTranslation.self, from: Data($0.utf8))
        }
    }

    /// Stores the bundled translations as labelled machine translations, as the translation worker
    /// would, once: an article that has the language already keeps it. One whose article is missing
    /// or whose text no longer matches the cleaned original paragraph for paragraph is skipped with a
    /// warning.
    static func loadTranslations(into store: any NewsStore, logger: Logger) async throws -> Int {
        let cleaner = HTMLCleaner()
        var stored = 0
        for bundled in try bundledTranslations() {
            guard let article = try await store.article(key: ArticleKey(project: bundled.project, govkzID: bundled.id)),
                let source = article.versions[bundled.from], source.machineTranslation == nil
            else {
                logger.warning("demo translation has no original", metadata: ["article": "\(bundled.project)/\(bundled.id)"])
                continue
            }
            // Loaded already, or gov.kz's own text: a second start changes nothing.
            if article.versions[bundled.to] != nil { continue }
            let expected = source.translationTexts(cleaner: cleaner).count
            guard expected == bundled.texts.count else {
                logger.warning(
                    "demo translation does not match its original",
                    metadata: ["article": "\(bundled.project)/\(bundled.id)", "paragraphs": "\(bundled.texts.count)", "expected": "\(expected)"])
                continue
            }
            let version = source.machineTranslated(into: bundled.to, texts: bundled.texts, engine: bundledEngine, model: nil, at: Date())
            if try await store.saveTranslation(version, articleID: article.id) { stored += 1 }
        }
        return stored
    }

    /// Gives the demo's articles their pictures from the photographs the fake gov.kz serves, through
    /// the same processing as fetched ones: a demo fetches nothing. Returns how many were stored.
    static func loadPictures(into store: any PictureLibrary) async throws -> Int {
        var stored = 0
        while true {
            let due = try await store.claimPictures(limit: 50, now: Date(), duration: 3600)
            if due.isEmpty { return stored }
            for task in due {
                let path = URLComponents(string: task.url)?.path ?? task.url
                switch FakePictures.answer(path: path) {
                case .picture(let bytes, _):
                    do {
                        try await store.storePicture(url: task.url, picture: try PictureProcessor.process(bytes), now: Date())
                        stored += 1
                    } catch {
                        try await store.pictureFailed(url: task.url, reason: "\(error)", retryAt: nil, now: Date())
                    }
                case .notAPicture, .missing:
                    try await store.pictureFailed(url: task.url, reason: "the demo has no picture for it", retryAt: nil, now: Date())
                }
            }
        }
    }

    /// The same items as a corpus for the fake gov.kz.
    static func fakeCorpus() throws -> FakeCorpus {
        var corpus = FakeCorpus()
        for entry in try entries() {
            try corpus.add(project: entry.project, language: entry.language.rawValue, recorded: Data(contentsOf: entry.file))
        }
        return corpus
    }
}
