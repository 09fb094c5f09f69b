import EnbekshiCore
import Foundation
import Store

/// The search page's query string: what was asked and how it is filtered, in one value that can
/// be parsed from a URL and written back into one (pager, language switcher, feeds).
public struct SearchParameters: Sendable, Hashable {
    public var q = ""
    public var section: Section?
    public var region: String?
    public var source: String?
    public var from: Day?
    public var to: Day?
    public var order: SearchRequest.Order = .newest
    public var page = 1

    public init() {}

    /// The store's request for these parameters; throws when the query text cannot be searched.
    func request(snippetLanguage: Language) throws(SearchQuery.Problem) -> SearchRequest {
        var request = SearchRequest(query: try SearchQuery(q))
        request.section = section
        request.region = region
        request.source = source
        request.fromDay = from
        request.toDay = to
        request.order = order
        request.snippetLanguage = snippetLanguage
        return request
    }

    /// The query string, without the page unless it is past the first.
    public var queryString: String {
        var items: [(String, String)] = [("q", q)]
        if let section { items.append(("section", section.slug)) }
        if let region { items.append(("region", region)) }
        if let source { items.append(("source", source)) }
        if let from { items.append(("from", from.description)) }
        if let to { items.append(("to", to.description)) }
        if order != .newest { items.append(("order", order.rawValue)) }
        if page > 1 { items.append(("page", String(page))) }
        return items.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Reads the parameters; a filter that names nothing we know is a bad request, said plainly.
    static func parse(_ query: [String: String]) throws(BadParameter) -> SearchParameters {
        var parameters = SearchParameters()
        parameters.q = String((query["q"] ?? "").prefix(SearchQuery.maximumLength * 4))
        if let raw = query["section"], !raw.isEmpty {
            guard let section = Section.allCases.first(where: { $0.slug == raw }) else { throw .filter("section", raw) }
            parameters.section = section
        }
        if let raw = query["region"], !raw.isEmpty {
            guard Region.englishName(code: raw) != nil else { throw .filter("region", raw) }
            parameters.region = raw
        }
        if let raw = query["source"], !raw.isEmpty {
            guard raw.count <= 100, raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw .filter("source", raw)
            }
            parameters.source = raw
        }
        for key in ["from", "to"] {
            guard let raw = query[key], !raw.isEmpty else { continue }
            guard let day = Self.day(raw) else { throw .day(key, raw) }
            if key == "from" { parameters.from = day } else { parameters.to = day }
        }
        if let raw = query["order"], !raw.isEmpty {
            guard let order = SearchRequest.Order(rawValue: raw) else { throw .filter("order", raw) }
            parameters.order = order
        }
        if let raw = query["page"] {
            guard let page = Int(raw), page >= 1, page <= SearchModel.maximumPage else { throw .pageNumber(raw) }
            parameters.page = page
        }
        return parameters
    }

    /// The days a date filter may name (the API's document states the same range).
    static let firstDay = "1990-01-01", lastDay = "2100-12-31"

    /// The day `YYYY-MM-DD` names, when it exists (no 30 February) and lies between 1990 and 2100.
    static func day(_ text: String) -> Day? {
        guard let day = Day(text), (1990...2100).contains(day.year) else { return nil }
        return day
    }
}
