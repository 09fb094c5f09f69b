import Clean
import EnbekshiCore
import Enrich
import Foundation
import Harvest
import Logging
import Store

/// Puts the newsroom's own articles on the public site by the path gov.kz items take (clean,
/// classify, store, link into stories), as articles of `Source.newsroom`: they then appear in
/// every listing, feed, search, sitemap and the API like any other. The author's section and
/// region are kept as corrections, and the missing editions are queued for machine translation.
public struct NewsroomPublisher: Sendable {
    let store: any NewsStore
    let ingestor: NewsIngestor
    let logger: Logger
    let contentChanged: @Sendable () -> Void

    /// Why the publisher's section and region records exist, in the corrections' history.
    static let authorReason = "chosen by the article's author"

    public init(store: any NewsStore, logger: Logger, contentChanged: @escaping @Sendable () -> Void = {}) {
        self.store = store
        self.ingestor = NewsIngestor(store: store, logger: logger)
        self.logger = logger
        self.contentChanged = contentChanged
    }

    /// Stores (or updates) the public article of `article`, dated `publishAt` or `now`, and
    /// returns its id.
    @discardableResult
    public func publish(_ article: NewsroomArticle, now: Date = Date()) async throws -> Int64 {
        let languages = article.writtenLanguages
        guard !languages.isEmpty else { throw PublishFailure.nothingWritten }
        try await store.seed(sources: [.newsroom])
        let published = GovKzDate.localNow(article.publishAt.map { min($0, now) } ?? now)
        let pages = languages.compactMap { language in
            article.editions[language].map { edition in
                IngestPage(items: [Self.item(article, edition: edition, published: published)], project: Source.newsroomSlug, language: language)
            }
        }
        let outcomes = try await ingestor.ingest(pages).flatMap { $0 }
        if let rejected = outcomes.first(where: { if case .rejected = $0 { true } else { false } }), case .rejected(let why) = rejected {
            throw PublishFailure.rejected(why)
        }
        let key = ArticleKey(project: Source.newsroomSlug, govkzID: String(article.id))
        guard let stored = try await store.article(key: key) else { throw PublishFailure.notStored }
        try await keepAuthorsTopics(article, stored: stored, now: now)
        for target in Language.allCases where !stored.originalLanguages.contains(target) {
            if let source = TranslationPlanner.source(for: target, among: stored.originalLanguages) {
                try await store.enqueueTranslation(articleID: stored.id, from: source, to: target)
            }
        }
        contentChanged()
        logger.info("newsroom: article published", metadata: ["newsroom_article": "\(article.id)", "article": "\(stored.id)"])
        return stored.id
    }

    /// Publishes the scheduled articles whose time has come; returns how many. Safe on several
    /// nodes at once: storing is idempotent, and only one node moves an article to published.
    @discardableResult
    public func publishDue(now: Date = Date()) async -> Int {
        let due: [NewsroomArticle]
        do {
            due = try await store.dueNewsroomArticles(now: now, limit: 50)
        } catch {
            logger.error("newsroom: could not read the scheduled articles", metadata: ["error": "\(error)"])
            return 0
        }
        var count = 0
        for article in due {
            do {
                let articleID = try await publish(article, now: now)
                if try await store.moveNewsroomArticle(
                    id: article.id, from: [.scheduled], to: .published, publishAt: nil, articleID: articleID, at: now)
                {
                    try await store.appendAudit(
                        AuditEntry(actor: "scheduler", action: "newsroom.publish", target: "newsroom:\(article.id)", after: "article:\(articleID)"))
                    count += 1
                }
            } catch {
                // Left scheduled: the next pass tries again.
                logger.error("newsroom: scheduled article not published", metadata: ["newsroom_article": "\(article.id)", "error": "\(error)"])
            }
        }
        return count
    }

    /// Section and region the classifier suggests for the article's text (first written edition).
    public static func suggestion(for article: NewsroomArticle, cleaner: HTMLCleaner = HTMLCleaner()) -> ArticleTopics? {
        guard let language = article.writtenLanguages.first, let edition = article.editions[language] else { return nil }
        let body = cleaner.clean(bodyHTML(edition))
        return TopicClassifier.topics(source: .newsroom, title: edition.title, paragraphs: body.paragraphs)
    }

    /// The HTML an edition is published as: the lead as its first paragraph, then the body.
    /// A body with no markup is plain paragraphs separated by blank lines. Either way the cleaner
    /// sanitises it with gov.kz's allow-list before it is stored or shown.
    public static func bodyHTML(_ edition: NewsroomArticle.Edition) -> String {
        var html = ""
        let lead = edition.lead.trimmingCharacters(in: .whitespacesAndNewlines)
        if !lead.isEmpty { html += "<p>\(HTMLEscaping.escape(lead))</p>\n" }
        let body = edition.body.replacingOccurrences(of: "\r\n", with: "\n")
        if body.contains("<") {
            html += body
        } else {
            for paragraph in body.components(separatedBy: "\n\n") {
                let text = paragraph.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                if !text.isEmpty { html += "<p>\(HTMLEscaping.escape(text))</p>\n" }
            }
        }
        return html
    }

    static func item(_ article: NewsroomArticle, edition: NewsroomArticle.Edition, published: String) -> GovKzItem {
        let body = bodyHTML(edition)
        var newsroom: [String: JSONValue] = ["byline": .string(article.byline)]
        if let link = article.sourceLink { newsroom["source_link"] = .string(link) }
        var item = GovKzItem(
            id: String(article.id), title: edition.title, body: body, createdDate: published,
            raw: .object([
                "id": .integer(article.id), "title": .string(edition.title), "body": .string(body), "created_date": .string(published),
                "projects": .string(Source.newsroomSlug), "newsroom": .object(newsroom),
            ]))
        item.sourceURL = article.sourceLink ?? ""
        return item
    }

    /// The author's section and region stand as corrections, so no reclassification undoes them;
    /// left to the classifier, an earlier choice of the author's is withdrawn.
    func keepAuthorsTopics(_ article: NewsroomArticle, stored: Article, now: Date) async throws {
        let existing = try await store.corrections(articleID: stored.id)
        let wanted: [(Correction.Field, String?)] = [(.section, article.section?.rawValue), (.region, article.region)]
        for (field, value) in wanted {
            let current = existing.first { $0.field == field }
            if let value {
                guard current?.value != value else { continue }
                try await store.correct(
                    Correction(articleID: stored.id, language: nil, field: field, value: value, actor: article.author, reason: Self.authorReason, at: now))
            } else if current?.reason == Self.authorReason {
                try await store.removeCorrection(articleID: stored.id, language: nil, field: field)
            }
        }
    }

    public enum PublishFailure: Error, CustomStringConvertible {
        case nothingWritten
        case rejected(String)
        case notStored

        public var description: String {
            switch self {
            case .nothingWritten: "The article has no headline in any language."
            case .rejected(let why): "The text was refused as not news: \(why)."
            case .notStored: "The article was not stored."
            }
        }
    }
}
