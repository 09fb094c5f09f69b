import EnbekshiCore

enum ArticleView {
    static func render(_ model: ArticleModel) -> String {
        let strings = UIStrings(model.edition)
        let e = HTMLEscaping.escape
        let version = model.version
        let content = version.language.rawValue
        var main = ""
        if let mt = version.machineTranslation {
            let original = SiteRoute.article(mt.sourceLanguage, id: model.articleID, slug: model.canonicalSlug).path
            main += "<p class=\"note\" role=\"note\">\(e(strings.machineTranslation(from: mt.sourceLanguage))). "
                + "<a href=\"\(e(original))\" hreflang=\"\(mt.sourceLanguage.rawValue)\">\(e(strings.readOriginal))</a></p>\n"
        } else if model.isFallback {
            main += "<p class=\"note\" role=\"note\">\(e(strings.notInThisLanguage(shownIn: version.language)))</p>\n"
        }
        main += "<article lang=\"\(content)\">\n"
        main += "<h1>\(e(version.title))</h1>\n"
        main += "<p class=\"meta\" lang=\"\(model.edition.rawValue)\">"
        if let date = model.published {
            main += "<time datetime=\"\(date.local)\">\(e(DateText.format(date, in: model.edition)))</time> · "
        }
        let edition = model.edition
        main += "\(e(strings.publishedBy)): <a href=\"\(e(SiteRoute.source(edition, model.project, page: 1).path))\">\(e(model.sourceName))</a>"
        if let topics = model.topics {
            main += " · <a href=\"\(e(SiteRoute.section(edition, topics.section, page: 1).path))\">\(e(topics.section.name(in: edition)))</a>"
            if let region = Region.name(code: topics.region, in: edition) {
                main += " · <a href=\"\(e(SiteRoute.region(edition, topics.region, page: 1).path))\">\(e(region))</a>"
                if let place = topics.place { main += " (\(e(place)))" }
            }
        }
        main += "</p>\n"
        if !model.alsoPublishedBy.isEmpty {
            let links = model.alsoPublishedBy.map { "<a href=\"\(e($0.route.path))\">\(e($0.name))</a>" }
            main += "<p class=\"meta\" lang=\"\(edition.rawValue)\">\(e(strings.alsoPublishedBy)): \(links.joined(separator: ", "))</p>\n"
        }
        if let heropic = version.heropic, heropic.hasPrefix("https://") || heropic.hasPrefix("http://") {
            main += "<img class=\"hero\" src=\"\(e(heropic))\" alt=\"\" loading=\"lazy\">\n"
        }
        if version.isBrief {
            main += "<p class=\"note\" lang=\"\(model.edition.rawValue)\">\(e(strings.brief))</p>\n"
        } else {
            // Sanitised at ingest: only allow-listed elements with escaped text and checked URLs.
            main += "<div class=\"body\">\n\(version.bodyHTML)\n</div>\n"
        }
        main += "</article>\n"
        if !model.related.isEmpty {
            main += "<section class=\"related\" aria-labelledby=\"related\"><h2 id=\"related\">\(e(strings.related))</h2>\n"
            main += ListingView.items(model.related, edition: edition, headingLevel: 3, withLeads: false) + "</section>\n"
        }
        let originalLanguage = version.machineTranslation?.sourceLanguage ?? version.language
        main += "<p class=\"source\" lang=\"\(model.edition.rawValue)\"><a href=\"\(e(version.sourceURL))\" hreflang=\"\(originalLanguage.rawValue)\" rel=\"nofollow noopener\">\(e(strings.originalOnGovKz))</a>"
        if originalLanguage != model.edition { main += " (\(e(strings.inLanguage(originalLanguage))))" }
        main += "</p>"
        return Layout.render(
            PageMeta(language: model.edition, title: version.title, description: nil, route: model.route), main: main)
    }
}
