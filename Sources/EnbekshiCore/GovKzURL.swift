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

    public static func trimmed(_ base: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }
}
