import EnbekshiCore
import Foundation

/// The JSON API's shapes, as `/api/v1/openapi.json` documents them. Keys are snake_case.
enum API {
    struct ArticleSummary: Encodable {
        var id: Int64
        var project: String
        var govkzId: String
        var published: String?
        var languages: [String]
        var originalLanguages: [String]
        var title: String
        var lead: String
        var url: String
        var section: String?
        var region: String?
        var storyId: Int64?
        /// Its lead picture once stored.
        var picture: Picture?
    }

    /// A picture as we serve it: gov.kz's address it came from, never to be shown itself.
    struct Picture: Encodable {
        var sourceUrl: String
        var width: Int
        var height: Int
        /// The largest JPEG.
        var url: String
        var sizes: [PictureSize]
    }

    struct PictureSize: Encodable {
        var width: Int
        var jpeg: String
        var webp: String
    }

    struct ArticleList: Encodable {
        var items: [ArticleSummary]
        var nextCursor: String?
    }

    struct Version: Encodable {
        var language: String
        var title: String
        var bodyHtml: String
        var sourceUrl: String
        var published: String?
        var fetchedAt: String
        var contentHash: String
        var flags: [String]
        var machineTranslation: MachineTranslationInfo?
        /// The newsroom corrected this edition's headline or text (edited the machine translation).
        var editedByNewsroom: Bool
    }

    struct MachineTranslationInfo: Encodable {
        var engine: String
        var model: String?
        var translatedAt: String
        var sourceLanguage: String
    }

    struct Topics: Encodable {
        var section: String
        var secondary: [String]
        var sectionScore: Double
        var sectionReason: String
        var region: String
        var place: String?
        var regionReason: String
    }

    struct ArticleDetail: Encodable {
        var id: Int64
        var project: String
        var govkzId: String
        var published: String?
        var url: String
        var topics: Topics?
        var storyId: Int64?
        var related: [Int64]
        var versions: [Version]
        var views: Int
        var picture: Picture?
        /// The pictures inside the versions' texts that are stored, by gov.kz's address in `body_html`.
        var bodyPictures: [Picture]
    }

    struct MostReadItem: Encodable {
        var id: Int64
        var views: Int
        var language: String
        var title: String
        var url: String
    }

    struct Story: Encodable {
        var id: Int64
        var members: [StoryMember]
    }

    struct StoryMember: Encodable {
        var id: Int64
        var project: String
        var govkzId: String
    }

    struct SourceInfo: Encodable {
        var slug: String
        var kind: String
        var region: String?
        var parent: String?
        var names: [String: String]
        var enabled: Bool
    }

    struct Named: Encodable {
        var code: String
        var names: [String: String]
    }

    struct List<Item: Encodable>: Encodable {
        var items: [Item]
    }

    struct Problem: Encodable {
        var error: String
        var message: String
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The picture gov.kz names at `source`, if it is among those stored.
    static func picture(_ source: String?, in stored: [String: PictureReference], publicURL: String) -> Picture? {
        guard let source, let picture = stored[source] else { return nil }
        return Picture(
            sourceUrl: source, width: picture.width, height: picture.height, url: publicURL + PictureMarkup.largestJPEG(picture),
            sizes: picture.servedWidths.map {
                PictureSize(
                    width: $0, jpeg: publicURL + SiteRoute.picture(hash: picture.hash, width: $0, format: .jpeg).path,
                    webp: publicURL + SiteRoute.picture(hash: picture.hash, width: $0, format: .webp).path)
            })
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func names(_ make: (Language) -> String?) -> [String: String] {
        var names: [String: String] = [:]
        for language in Language.allCases { names[language.rawValue] = make(language) }
        return names
    }
}
