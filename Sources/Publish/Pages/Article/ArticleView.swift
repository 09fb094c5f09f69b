import Foundation
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
            let edited = model.editedByNewsroom ? ", " + strings.editedByNewsroom : ""
            main += "<p class=\"note\" role=\"note\">\(e(strings.machineTranslation(from: mt.sourceLanguage) + edited)). "
                + "<a href=\"\(e(original))\" hreflang=\"\(mt.sourceLanguage.rawValue)\">\(e(strings.readOriginal))</a></p>\n"
        } else if model.isFallback {
            main += "<p class=\"note\" role=\"note\">\(e(strings.notInThisLanguage(shownIn: version.language)))</p>\n"
        }
        if model.editedByNewsroom, version.machineTranslation == nil, !model.isNewsroomArticle {
            main += "<p class=\"note\" role=\"note\">\(e(strings.correctedByNewsroom))</p>\n"
        }
        main += "<article lang=\"\(content)\">\n"
        main += "<h1>\(ForeignRuns.mark(e(model.headline), in: version.language))</h1>\n"
        if let translated = model.translatedHeadline {
            main += "<p class=\"note\" role=\"note\">\(e(strings.headlineTranslated(from: translated.from))): "
                + "<span lang=\"\(translated.from.rawValue)\">\(e(translated.original))</span></p>\n"
        }
        main += "<p class=\"meta\" lang=\"\(model.edition.rawValue)\">"
        if let date = model.published {
            main += "<time datetime=\"\(date.local)\">\(e(DateText.format(date, in: model.edition)))</time> · "
        }
        let edition = model.edition
        main += "\(e(strings.publishedBy)): <a href=\"\(e(SiteRoute.source(edition, model.project, page: 1).path))\">\(e(model.sourceName))</a>"
        if let byline = model.byline { main += " · \(e(strings.byline)): \(e(byline))" }
        if let topics = model.topics {
            main += " · <a href=\"\(e(SiteRoute.section(edition, topics.section, page: 1).path))\">\(e(topics.section.name(in: edition)))</a>"
            if let region = Region.name(code: topics.region, in: edition) {
                main += " · <a href=\"\(e(SiteRoute.region(edition, topics.region, page: 1).path))\">\(e(region))</a>"
                if let place = topics.place { main += " (\(e(place)))" }
            }
        }
        if model.readingMinutes > 0 { main += " · \(e(strings.readingTime(minutes: model.readingMinutes)))" }
        if model.views > 0 { main += " · <span class=\"views\">\(e(strings.views(model.views)))</span>" }
        main += "</p>\n"
        if !model.alsoPublishedBy.isEmpty {
            let links = model.alsoPublishedBy.map { "<a href=\"\(e($0.route.path))\">\(e($0.name))</a>" }
            main += "<p class=\"meta\" lang=\"\(edition.rawValue)\">\(e(strings.alsoPublishedBy)): \(links.joined(separator: ", "))</p>\n"
        }
        // Only a picture we hold: one gov.kz could not give leaves no gap.
        if let picture = model.picture {
            main += "<figure class=\"hero\">" + PictureMarkup.html(picture, alt: strings.pictureAlt(model.headline), placement: .hero)
            main += "<figcaption lang=\"\(edition.rawValue)\">\(e(strings.photoCredit(model.sourceName)))</figcaption></figure>\n"
        }
        if version.isBrief {
            main += "<p class=\"note\" lang=\"\(model.edition.rawValue)\">\(e(strings.brief))</p>\n"
        } else {
            // Sanitised at ingest: only allow-listed elements with escaped text and checked URLs.
            let body = PictureMarkup.body(version.bodyHTML, pictures: model.bodyPictures, alt: strings.pictureAlt(model.headline))
            main += "<div class=\"body\">\n\(ForeignRuns.mark(body, in: version.language, glosses: model.glosses, label: strings.machineTranslationShort))\n</div>\n"
        }
        main += "</article>\n"
        if !model.related.isEmpty {
            main += "<section class=\"related\" aria-labelledby=\"related\"><h2 id=\"related\">\(e(strings.related))</h2>\n"
            main += ListingView.items(model.related, edition: edition, headingLevel: 3, withLeads: false) + "</section>\n"
        }
        if let published = model.published { main += DayNavigation.render(day: Day(published), around: model.daysAround, edition: edition) + "\n" }
        let originalLanguage = version.machineTranslation?.sourceLanguage ?? version.language
        if model.isNewsroomArticle {
            // The newsroom's own story: its outside source, if it named one; never a gov.kz page.
            main += "<p class=\"source\" lang=\"\(model.edition.rawValue)\">\(e(strings.newsroomOwn))"
            if !version.sourceURL.isEmpty {
                main += " · <a href=\"\(e(version.sourceURL))\" rel=\"nofollow noopener\">\(e(strings.storySource))</a>"
            }
            main += "</p>"
        } else {
            main += "<p class=\"source\" lang=\"\(model.edition.rawValue)\"><a href=\"\(e(version.sourceURL))\" hreflang=\"\(originalLanguage.rawValue)\" rel=\"nofollow noopener\">\(e(strings.originalOnGovKz))</a>"
            if originalLanguage != model.edition { main += " (\(e(strings.inLanguage(originalLanguage))))" }
            main += "</p>"
        }
        return Layout.render(
            PageMeta(language: model.edition, title: version.title, description: model.description, route: model.route,
                     head: head(model)), main: main)
    }

    /// Open Graph tags and schema.org `NewsArticle` JSON-LD, with absolute addresses.
    static func head(_ model: ArticleModel) -> String {
        let e = HTMLEscaping.escape
        let url = model.publicURL + model.route.path
        var head = "\n<meta property=\"og:type\" content=\"article\">"
        head += "\n<meta property=\"og:site_name\" content=\"\(Layout.siteName)\">"
        head += "\n<meta property=\"og:title\" content=\"\(e(model.version.title))\">"
        head += "\n<meta property=\"og:url\" content=\"\(e(url))\">"
        head += "\n<meta property=\"og:locale\" content=\"\(model.version.language.rawValue)\">"
        if let description = model.description { head += "\n<meta property=\"og:description\" content=\"\(e(description))\">" }
        let image = model.picture.map { model.publicURL + PictureMarkup.largestJPEG($0) }
        if let image { head += "\n<meta property=\"og:image\" content=\"\(e(image))\">" }
        var ld: [String: Any] = [
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": String(model.version.title.prefix(110)),
            "inLanguage": model.version.language.rawValue, "url": url, "mainEntityOfPage": url,
            "publisher": ["@type": "Organization", "name": Layout.siteName],
            "author": model.isNewsroomArticle
                ? ["@type": model.byline == nil ? "Organization" : "Person", "name": model.byline ?? model.sourceName]
                : ["@type": "GovernmentOrganization", "name": model.sourceName],
        ]
        if !model.version.sourceURL.isEmpty { ld["isBasedOn"] = model.version.sourceURL }
        if let published = model.published { ld["datePublished"] = Feed.rfc3339(published) }
        if let image { ld["image"] = [image] }
        if model.version.machineTranslation != nil, !model.version.sourceURL.isEmpty {
            ld["translationOfWork"] = ["@type": "NewsArticle", "url": model.version.sourceURL]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ld, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        // No "<" may reach the script element's content (a title can hold "</script>" or "<!--").
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
        return head + "\n<script type=\"application/ld+json\">\(json)</script>"
    }
}
