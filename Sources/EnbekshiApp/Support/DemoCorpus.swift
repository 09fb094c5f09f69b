import Clean
import EnbekshiCore
import Foundation
import GovKzFake
import Harvest
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
