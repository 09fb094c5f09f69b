import EnbekshiCore
import Foundation

/// An article labelled as a newspaper editor would file it: one JSON object a line,
/// `{"project", "lang", "title", "body", "section", "section_alt"?, "region"}`. `section_alt` is a
/// second section an editor could hesitate over; a prediction of either counts as right. The body
/// may be HTML. `project` is gov.kz's slug of the publisher, empty when unknown.
public struct LabelledArticle: Codable, Sendable, Hashable {
    public var project: String
    public var lang: String
    public var title: String
    public var body: String
    public var section: String
    public var sectionAlternative: String?
    public var region: String

    enum CodingKeys: String, CodingKey {
        case project, lang, title, body, section, region
        case sectionAlternative = "section_alt"
    }

    /// Whether `section` is one an editor would accept.
    public func accepts(_ predicted: Section) -> Bool {
        predicted.rawValue == section || predicted.rawValue == sectionAlternative
    }

    public enum ParseError: Error, CustomStringConvertible {
        case badLine(Int, String)
        case unknownLabel(Int, String)
        public var description: String {
            switch self {
            case .badLine(let line, let reason): "line \(line): not a labelled article (\(reason))"
            case .unknownLabel(let line, let label): "line \(line): no section or region “\(label)”"
            }
        }
    }

    /// The articles of a JSONL text; a line that does not decode, or names a section or region
    /// that does not exist, is an error naming the line.
    public static func parse(_ text: String) throws -> [LabelledArticle] {
        var articles: [LabelledArticle] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let article: LabelledArticle
            do {
                article = try JSONDecoder().decode(LabelledArticle.self, from: Data(line.utf8))
            } catch {
                throw ParseError.badLine(number + 1, "\(error)")
            }
            for label in [article.section, article.sectionAlternative].compactMap({ $0 }) where Section(rawValue: label) == nil {
                throw ParseError.unknownLabel(number + 1, label)
            }
            guard article.region == "republic" || article.region == "abroad" || Region.name(code: article.region, in: .en) != nil else {
                throw ParseError.unknownLabel(number + 1, article.region)
            }
            articles.append(article)
        }
        return articles
    }

    /// The set bundled with the program, which the section model is fitted on.
    public static let bundled: [LabelledArticle] = {
        guard let url = Bundle.module.url(forResource: "sections", withExtension: "jsonl"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return (try? parse(text)) ?? []
    }()
}
