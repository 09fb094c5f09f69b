import Foundation

/// One language version of an article, cleaned and ready to store.
public struct ArticleVersion: Sendable, Hashable {
    public var language: Language
    /// The headline shown to readers (cleaned; never empty for a stored version).
    public var title: String
    /// The headline exactly as gov.kz sent it (may be empty or `-`).
    public var originalTitle: String?
    /// Sanitised HTML: allow-listed block elements only.
    public var bodyHTML: String
    /// The body exactly as gov.kz sent it, kept so cleaning can be re-run.
    public var originalHTML: String?
    /// gov.kz's own slug for the item, if it sent one.
    public var slug: String?
    public var sourceURL: String
    public var heropic: String?
    /// The raw `created_date` string.
    public var createdRaw: String?
    public var published: GovKzDate?
    public var fetchedAt: Date
    /// Hash of what gov.kz sent (title + body), to notice changes at the source.
    public var contentHash: String
    /// The item as JSON, unknown keys included, so nothing gov.kz sent is lost.
    public var rawJSON: String?
    /// What an editor should look at (see `QualityFlag`).
    public var flags: [QualityFlag]
    /// Set on machine translations; nil on what gov.kz published.
    public var machineTranslation: MachineTranslation?

    public init(
        language: Language, title: String, originalTitle: String?, bodyHTML: String, originalHTML: String?,
        slug: String?, sourceURL: String, heropic: String?, createdRaw: String?, published: GovKzDate?,
        fetchedAt: Date, contentHash: String, rawJSON: String?, flags: [QualityFlag] = [],
        machineTranslation: MachineTranslation? = nil
    ) {
        self.language = language
        self.title = title
        self.originalTitle = originalTitle
        self.bodyHTML = bodyHTML
        self.originalHTML = originalHTML
        self.slug = slug
        self.sourceURL = sourceURL
        self.heropic = heropic
        self.createdRaw = createdRaw
        self.published = published
        self.fetchedAt = fetchedAt
        self.contentHash = contentHash
        self.rawJSON = rawJSON
        self.flags = flags
        self.machineTranslation = machineTranslation
    }

    /// gov.kz's title when it is in another language than the body (the headline shown is then
    /// derived from the body): what a machine translation of the headline translates, and the key it
    /// is stored under.
    public var foreignTitle: String? {
        guard flags.contains(where: { $0.kind == .titleLanguage }),
            let title = originalTitle?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty
        else { return nil }
        return title
    }

    /// A machine translation that still carries source-language words is never shown.
    public var isShowable: Bool {
        !title.isEmpty && (machineTranslation == nil || !flags.contains { $0.kind == .cyrillicInEnglish })
    }

    /// A version whose body is empty is shown as a brief (title only).
    public var isBrief: Bool { bodyHTML.isEmpty }
}
