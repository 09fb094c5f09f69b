import Foundation

/// The bundled catalog of gov.kz entities: 2,066 slugs collected from public data
/// (`../shared/govkz/project-slugs.txt`), each with kind and region derived from its slug.
public enum SourceCatalog {
    public enum LoadError: Error, CustomStringConvertible {
        case missingResource
        public var description: String { "the bundled project-slugs.txt is missing from the build" }
    }

    public static func bundled() throws -> [Source] {
        guard let url = Bundle.module.url(forResource: "project-slugs", withExtension: "txt") else {
            throw LoadError.missingResource
        }
        return parse(try String(contentsOf: url, encoding: .utf8))
    }

    /// One slug a line; `#` starts a comment; blank lines and duplicates are ignored.
    public static func parse(_ text: String) -> [Source] {
        var seen = Set<String>()
        var sources: [Source] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let slug = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard !slug.isEmpty, seen.insert(slug).inserted else { continue }
            sources.append(Source(catalogSlug: slug))
        }
        return sources
    }
}
