import EnbekshiCore
import Foundation

/// An article the newsroom writes itself, from its first draft to its publication. Once published
/// it enters the store as an article of the newsroom's source (`Source.newsroomSlug`) by the same
/// path as a gov.kz item; this record keeps what the editors typed and where it stands.
public struct NewsroomArticle: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable, Codable {
        /// Being written; only the newsroom sees it.
        case draft
        /// Handed to a chief editor to publish.
        case submitted
        /// A chief editor set it to appear at `publishAt`.
        case scheduled
        /// On the public site (`articleID`).
        case published
    }

    /// One language's text as the editor typed it: the body is plain paragraphs (blank lines
    /// between) or allow-listed HTML, sanitised when it is published or previewed.
    public struct Edition: Sendable, Hashable, Codable {
        public var title: String
        public var lead: String
        public var body: String

        public init(title: String, lead: String = "", body: String = "") {
            self.title = title
            self.lead = lead
            self.body = body
        }

        public var isEmpty: Bool { title.isEmpty && lead.isEmpty && body.isEmpty }
    }

    public var id: Int64
    public var status: Status
    public var editions: [Language: Edition]
    /// The editor's section and region; nil leaves them to the classifier.
    public var section: Section?
    public var region: String?
    public var byline: String
    /// Where the story came from, when it has a source outside the newsroom.
    public var sourceLink: String?
    /// When a scheduled article appears (and the publication time readers see).
    public var publishAt: Date?
    /// The login of who wrote it.
    public var author: String
    public var createdAt: Date
    public var updatedAt: Date
    /// The public article, once published.
    public var articleID: Int64?

    public init(
        id: Int64 = 0, status: Status = .draft, editions: [Language: Edition], section: Section? = nil, region: String? = nil,
        byline: String, sourceLink: String? = nil, publishAt: Date? = nil, author: String, createdAt: Date, updatedAt: Date,
        articleID: Int64? = nil
    ) {
        self.id = id
        self.status = status
        self.editions = editions
        self.section = section
        self.region = region
        self.byline = byline
        self.sourceLink = sourceLink
        self.publishAt = publishAt
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.articleID = articleID
    }

    /// The editions with a headline, in the site's language order.
    public var writtenLanguages: [Language] {
        Language.allCases.filter { !(editions[$0]?.title.isEmpty ?? true) }
    }

    /// The headline in the first written language, for lists.
    public var displayTitle: String {
        writtenLanguages.first.flatMap { editions[$0]?.title } ?? ""
    }

    /// The editions as stored: JSON keyed by language code.
    public var editionsJSON: String {
        let keyed = Dictionary(uniqueKeysWithValues: editions.map { ($0.key.rawValue, $0.value) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(keyed)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    public static func editions(json: String) -> [Language: Edition] {
        guard let keyed = try? JSONDecoder().decode([String: Edition].self, from: Data(json.utf8)) else { return [:] }
        var editions: [Language: Edition] = [:]
        for (code, edition) in keyed { if let language = Language(rawValue: code) { editions[language] = edition } }
        return editions
    }
}
