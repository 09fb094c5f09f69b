import EnbekshiCore

/// The line under a source's name: what kind of body it is, its region and the body it belongs to.
enum SourceAboutView {
    static func render(_ source: Source, edition: Language, sources: SourceDirectory) async -> String {
        let strings = UIStrings(edition)
        let e = HTMLEscaping.escape
        var parts = [e(strings.kindName(source.kind))]
        if let region = source.region, let name = Region.name(code: region, in: edition) {
            parts.append("<a href=\"\(e(SiteRoute.region(edition, region, page: 1).path))\">\(e(name))</a>")
        }
        if let parentSlug = source.parentSlug, let parent = await sources.source(parentSlug) {
            let link = "<a href=\"\(e(SiteRoute.source(edition, parentSlug, page: 1).path))\">\(e(parent.displayName(in: edition)))</a>"
            parts.append("\(e(strings.partOf)): \(link)")
        }
        return "<p class=\"meta\">\(parts.joined(separator: " · "))</p>"
    }
}
