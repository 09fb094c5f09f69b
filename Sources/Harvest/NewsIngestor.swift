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
    /// An item with its own source address (the newsroom's) also changes with it and its other fields.
    public static func fingerprint(_ item: GovKzItem) -> String {
        guard let sourceURL = item.sourceURL else { return ContentHash.of(item.title, item.body, item.createdDate, item.heropic) }
        return ContentHash.of(item.title, item.body, item.createdDate, item.heropic, sourceURL, item.raw.jsonString)
    }

    /// Ingests one list page (or file) of a project's items in one requested language.
    /// `detail` is asked for the full item when the list gave no body; it may return nil.
    /// With a `fence`, the save happens only while that lease is held (`StoreError.leaseLost`).
    public func ingest(
        _ items: [GovKzItem], project: String, language: Language, fence: Lease? = nil,
        detail: (@Sendable (GovKzItem) async -> GovKzItem?)? = nil
    ) async throws -> [Outcome] {
        try await ingest([IngestPage(items: items, project: project, language: language)], fence: fence, detail: detail).first ?? []
    }

    /// Ingests pages together (a harvest's page, or many recorded files at once) and returns each
    /// page's outcomes. The batch costs a few database round trips whatever its size: one read of
    /// what is already stored, its items cleaned and classified on every core, saved in one
    /// transaction and placed in stories together (`StoryLinker`).
    public func ingest(
        _ pages: [IngestPage], fence: Lease? = nil, detail: (@Sendable (GovKzItem) async -> GovKzItem?)? = nil
    ) async throws -> [[Outcome]] {
        try await commit(prepare(pages, detail: detail), fence: fence)
    }

    /// The first half of `ingest`, which needs no writer: what is already stored is skipped, the
    /// rest is cleaned, classified and fingerprinted. `IngestPipeline` prepares the next batch
    /// this way while the previous one is written.
    public func prepare(
        _ pages: [IngestPage], detail: (@Sendable (GovKzItem) async -> GovKzItem?)? = nil
    ) async throws -> PreparedBatch {
        let stored = try await store.storedHashes(of: pages.flatMap { page in
            page.items.map { FetchKey(project: page.project, language: page.language, govkzID: $0.id) }
        })
        var batch = PreparedBatch(outcomes: pages.map { [Outcome](repeating: .saved(.unchanged), count: $0.items.count) })
        var work: [Work] = []
        for (pageIndex, page) in pages.enumerated() {
            for (index, item) in page.items.enumerated() {
                let fingerprint = Self.fingerprint(item)
                if stored[FetchKey(project: page.project, language: page.language, govkzID: item.id)] == fingerprint { continue }
                var full = item
                if !item.hasBody, let detail, let fetched = await detail(item), fetched.hasBody {
                    full.body = fetched.body
                    if HeadlineMaker.isPlaceholderTitle(full.title) { full.title = fetched.title }
                }
                work.append(Work(page: pageIndex, index: index, item: full, fingerprint: fingerprint))
            }
        }
        guard !work.isEmpty else { return batch }
        let sources = try await store.sources(slugs: work.map { pages[$0.page].project })
        let prepared = await work.concurrentMap { [self] entry in
            let page = pages[entry.page]
            return prepare(
                entry.item, fingerprint: entry.fingerprint, project: page.project, language: page.language,
                source: sources[page.project] ?? Source(catalogSlug: page.project))
        }
        for (entry, preparation) in zip(work, prepared) {
            switch preparation {
            case .rejected(let reason): batch.outcomes[entry.page][entry.index] = .rejected(reason)
            case .ready(let item): batch.ready.append((entry.page, entry.index, item))
            }
        }
        // The store's own preparation (compression, search documents) too, so the writer only writes.
        batch.save = await store.prepareSave(batch.ready.map(\.item.article))
        return batch
    }

    /// The second half of `ingest`, on the writer: the prepared items saved in one transaction,
    /// then placed in stories. An item already saved since it was prepared (by an earlier batch of
    /// the same run) comes out unchanged.
    public func commit(_ batch: PreparedBatch, fence: Lease? = nil) async throws -> [[Outcome]] {
        var outcomes = batch.outcomes
        guard !batch.ready.isEmpty else { return outcomes }
        let save: PreparedSave
        if let prepared = batch.save { save = prepared } else { save = await store.prepareSave(batch.ready.map(\.item.article)) }
        let saved = try await store.saveBatch(save, fence: fence)
        CrashPoint.pass("ingest.saved")
        var texts: [StoryLinker.Text] = []
        for ((page, index, item), result) in zip(batch.ready, saved) {
            outcomes[page][index] = .saved(result.outcome)
            guard result.outcome != .unchanged else { continue }
            texts.append(StoryLinker.Text(
                articleID: result.articleID, language: item.article.version.language, fingerprint: item.fingerprint, day: item.day))
        }
        try await StoryLinker.link(texts, store: store)
        CrashPoint.pass("ingest.linked")
        // Pictures inside new or changed bodies join the picture queue (lead pictures join as the
        // store saves them).
        let pictures = zip(batch.ready, saved).filter { $0.1.outcome != .unchanged }
            .flatMap { BodyPictures.sources(inHTML: $0.0.item.article.version.bodyHTML) }
        if !pictures.isEmpty { try await store.queuePictures(urls: pictures, now: Date()) }
        return outcomes
    }

    /// Places the texts a stopped run saved but never linked into stories (`NewsStore.pendingStoryTexts`),
    /// a batch at a time, as `commit` would have. Every run that writes calls it first; returns how
    /// many texts it placed.
    @discardableResult
    public func finishStoryLinks() async throws -> Int {
        var placed = 0
        while true {
            let pending = try await store.pendingStoryTexts(limit: IngestPipeline.batchItems)
            guard !pending.isEmpty else { return placed }
            if placed == 0 { logger.notice("placing texts an interrupted run saved but did not link into stories") }
            let texts = pending.map { text in
                let paragraphs = preparer.cleaner.clean(text.bodyHTML).paragraphs
                return StoryLinker.Text(
                    articleID: text.articleID, language: text.language,
                    fingerprint: TextFingerprint(title: text.title, paragraphs: paragraphs),
                    day: text.day.count == 10 ? text.day : String(GovKzDate.localNow().prefix(10)))
            }
            try await StoryLinker.link(texts, store: store)
            placed += texts.count
        }
    }

    /// Pages prepared for `commit`.
    public struct PreparedBatch: Sendable {
        /// Per page and item: rejections and unchanged items are final; the rest is filled in by `commit`.
        var outcomes: [[Outcome]]
        var ready: [(page: Int, index: Int, item: Ready)] = []
        /// `ready`'s articles as the store prepared them for the write.
        var save: PreparedSave?
    }

    /// An item to prepare, and where its outcome goes.
    struct Work: Sendable {
        var page: Int
        var index: Int
        var item: GovKzItem
        var fingerprint: String
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
            dateText: item.createdDate, requested: language, fallbackLanguage: language)
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
            sourceURL: item.sourceURL ?? GovKzURL.newsPage(base: publicBaseURL, project: project, id: item.id, language: language),
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

