import Foundation

/// Page URLs on the gov.kz portal (API.md §1).
public enum GovKzURL {
    public static let defaultBase = "https://www.gov.kz"

    /// The public page of one news item, in one language.
    public static func newsPage(base: String = defaultBase, project: String, id: String, language: Language)
        -> String
    {
        "\(trimmed(base))/memleket/entities/\(project)/press/news/details/\(id)?lang=\(language.rawValue)"
    }

    /// Resolves `/uploads/…` and other relative references against the portal, without double slashes.
    public static func absolute(_ reference: String, base: String = defaultBase) -> String {
        let value = reference.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("http://") || value.hasPrefix("https://") { return value }
        if value.hasPrefix("//") { return "https:" + value }
        if value.hasPrefix("/") { return trimmed(base) + value }
        return trimmed(base) + "/" + value
    }

    /// The path (and query) of a portal URL, when it is on one of the portal's hosts (`bases`, or
    /// gov.kz itself) or relative; nil for any other host, which the harvest never contacts.
    public static func portalPath(_ reference: String, bases: [String]) -> String? {
        let value = reference.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("/"), !value.hasPrefix("//") { return value }
        guard let components = URLComponents(string: value.hasPrefix("//") ? "https:" + value : value),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        let allowed = Set(bases.compactMap { URLComponents(string: $0)?.host?.lowercased() })
        guard allowed.contains(host) || host == "gov.kz" || host.hasSuffix(".gov.kz") else { return nil }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    public static func trimmed(_ base: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }
}
