import EnbekshiCore
import Foundation

/// What the queue is narrowed to: one kind, an edition, a source (its slug or the start of it, so
/// "kgd" finds every tax department), a region, and items published in the last so many days.
struct QueueFilter: Sendable, Equatable {
    var kind: QueueKind?
    var language: Language?
    var source: String?
    var region: String?
    var days: Int?
    /// Show the first item alone, its actions under the keyboard (see `QueueView.focus`).
    var focus = false

    static let dayChoices = [1, 7, 30]

    /// Reads the queue's query; a value that names nothing is a 400 with the reason.
    init(_ form: [String: String]) throws {
        func value(_ name: String) -> String? {
            form[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        kind = try value("kind").map { raw in
            guard let kind = QueueKind(rawValue: raw) else { throw AdminError.badForm("There is no kind of check called \"\(raw.prefix(60))\".") }
            return kind
        }
        language = try value("lang").map { raw in
            guard let language = Language(rawValue: raw) else { throw AdminError.badForm("\"\(raw.prefix(20))\" is not one of kk, ru, en.") }
            return language
        }
        source = try value("source").map { raw in
            let slug = raw.lowercased()
            guard Source.isValidSlug(slug) else { throw AdminError.badForm("A source is named by its gov.kz slug: letters, digits and dashes.") }
            return slug
        }
        region = try value("region").map { raw in
            guard Region.englishName(code: raw) != nil else { throw AdminError.badForm("There is no region \"\(raw.prefix(40))\".") }
            return raw
        }
        days = try value("days").map { raw in
            guard let days = Int(raw), Self.dayChoices.contains(days) else {
                throw AdminError.badForm("Age is one of \(Self.dayChoices.map(String.init).joined(separator: ", ")) days.")
            }
            return days
        }
        focus = value("focus") == "1"
    }

    init(kind: QueueKind? = nil) { self.kind = kind }

    /// The queue's address with this filter, for links and for coming back after an action.
    var path: String {
        var query: [String] = []
        if let kind { query.append("kind=\(kind.rawValue)") }
        if let language { query.append("lang=\(language.rawValue)") }
        if let source { query.append("source=\(source)") }
        if let region { query.append("region=\(region)") }
        if let days { query.append("days=\(days)") }
        if focus { query.append("focus=1") }
        return AdminRoute.queue.path() + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    func with(_ change: (inout QueueFilter) -> Void) -> QueueFilter {
        var copy = self
        change(&copy)
        return copy
    }

    func matchesSource(_ slug: String) -> Bool {
        guard let source else { return true }
        return slug == source || slug.hasPrefix(source + "-")
    }
}
