import Clean
import EnbekshiCore
import Enrich
import Foundation
import Logging
import Store

/// The one path by which gov.kz items enter the store, whether they came over HTTP (`Harvester`)
/// or from recorded files (`enbekshi ingest`): check, clean, build the version, save.
public struct NewsIngestor: Sendable {
    public let store: any NewsStore
    public let preparer: VersionPreparer
    public let publicBaseURL: String
    let logger: Logger

    public init(store: any NewsStore, publicBaseURL: String = GovKzURL.defaultBase, logger: Logger) {
        self.store = store
        self.preparer = VersionPreparer(cleaner: HTMLCleaner(base: publicBaseURL))
        self.publicBaseURL = publicBaseURL
        self.logger = logger
    }

    /// What became of each item.
    public enum Outcome: Sendable, Equatable {
        case saved(SaveOutcome)
        /// Not stored: the text is an error message, not news. The fetch counts as failed.
        case rejected(String)

        public var isNewOrChanged: Bool {
            self == .saved(.inserted) || self == .saved(.updated)
        }
    }

    /// Fingerprint of what gov.kz sent for an item: changes when its title, body or date change.
    public static func fingerprint(_ item: GovKzItem) -> String {
        ContentHash.of(item.title, item.body, item.createdDate, item.heropic)
    }

    /// Ingests one list page (or file) of a project's items in one requested language.
    /// `detail` is asked for the full item when the list gave no body; it may return nil.
    ///
    /// The page is one batch: its items are cleaned and classified on every core, saved in one
    /// transaction, and placed in stories together (`StoryLinker`), so a page costs a few database
    /// round trips rather than several per item.
    public func ingest(
        _ items: [GovKzItem], project: String, language: Language,
        detail: (@Sendable (GovKzItem) async -> GovKzItem?)? = nil
    ) async throws -> [Outcome] {
        let stored = try await store.storedHashes(project: project, language: language, govkzIDs: items.map(\.id))
        var outcomes = [Outcome](repeating: .saved(.unchanged), count: items.count)
        var work: [(index: Int, item: GovKzItem, fingerprint: String)] = []
        for (index, item) in items.enumerated() {
            let fingerprint = Self.fingerprint(item)
            if stored[item.id] == fingerprint { continue }
            var full = item
            if !item.hasBody, let detail, let fetched = await detail(item), fetched.hasBody {
                full.body = fetched.body
                if HeadlineMaker.isPlaceholderTitle(full.title) { full.title = fetched.title }
            }
            work.append((index, full, fingerprint))
        }
        guard !work.isEmpty else { return outcomes }
        let source = try await store.source(slug: project) ?? Source(catalogSlug: project)
        let prepared = await work.concurrentMap { [self] entry in
            prepare(entry.item, fingerprint: entry.fingerprint, project: project, language: language, source: source)
        }
        var ready: [(index: Int, item: Ready)] = []
        for (entry, preparation) in zip(work, prepared) {
            switch preparation {
            case .rejected(let reason): outcomes[entry.index] = .rejected(reason)
            case .ready(let item): ready.append((entry.index, item))
            }
        }
        let saved = try await store.saveBatch(ready.map(\.item.article))
        var texts: [StoryLinker.Text] = []
        for ((index, item), result) in zip(ready, saved) {
            outcomes[index] = .saved(result.outcome)
            guard result.outcome != .unchanged else { continue }
            texts.append(StoryLinker.Text(
                articleID: result.articleID, language: item.article.version.language, fingerprint: item.fingerprint, day: item.day))
        }
        try await StoryLinker.link(texts, store: store)
        return outcomes
    }

    /// An item ready to store: the version with its topics, and its story fingerprint.
    struct Ready: Sendable {
        var article: BulkArticle
        var fingerprint: TextFingerprint
        var day: String
    }

    enum Preparation: Sendable {
        case ready(Ready)
        case rejected(String)
    }

    /// Everything about one item that needs no database: checks, cleaning, language, topics and the
    /// story fingerprint.
    func prepare(_ item: GovKzItem, fingerprint: String, project: String, language: Language, source: Source) -> Preparation {
        if let title = item.title, ErrorTextDetector.looksLikeError(title) {
            logger.warning("rejected an error message sent as a title", metadata: ["item": "\(project)/\(item.id)", "title": "\(title.prefix(80))"])
            return .rejected("title is an error message: \(title.prefix(80))")
        }
        let published = item.createdDate.flatMap(GovKzDate.init)
        // Stored under the language the text is in: gov.kz sometimes answers a Kazakh request in Russian.
        let prepared = preparer.prepare(
            title: item.title, bodyHTML: item.body, shortDescription: item.shortDescription, published: published,
            requested: language, fallbackLanguage: language)
        if prepared.body.paragraphs.count <= 2, ErrorTextDetector.looksLikeError(prepared.body.plainText) {
            logger.warning("rejected an error page sent as a body", metadata: ["item": "\(project)/\(item.id)"])
            return .rejected("body is an error page")
        }
        let version = ArticleVersion(
            language: prepared.language,
            title: prepared.headline,
            originalTitle: item.title,
            bodyHTML: prepared.body.html,
            originalHTML: item.body,
            slug: item.slug.flatMap { $0.isEmpty ? nil : $0 },
            sourceURL: GovKzURL.newsPage(base: publicBaseURL, project: project, id: item.id, language: language),
            heropic: item.heropic.flatMap { $0.isEmpty ? nil : GovKzURL.absolute($0, base: publicBaseURL) },
            createdRaw: item.createdDate,
            published: published,
            fetchedAt: Date(),
            contentHash: fingerprint,
            rawJSON: item.raw.jsonString,
            flags: prepared.flags)
        // Section and region follow the newest text gov.kz sent for the article; stored with it, so
        // its search rows are written once, with their filter tokens.
        let topics = TopicClassifier.topics(source: source, title: prepared.headline, paragraphs: prepared.body.paragraphs)
        return .ready(Ready(
            article: BulkArticle(key: ArticleKey(project: project, govkzID: item.id), version: version, requested: language, topics: topics),
            fingerprint: TextFingerprint(title: prepared.headline, paragraphs: prepared.body.paragraphs),
            day: published?.day ?? String(GovKzDate.localNow().prefix(10))))
    }
}
