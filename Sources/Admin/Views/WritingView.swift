import Clean
import EnbekshiCore
import Foundation
import Store

/// What the editor page shows: the article, what the classifier would choose from its text, and
/// (once stored) what was done to it.
struct WritingModel: Sendable {
    var article: NewsroomArticle
    var isNew: Bool
    var suggestion: ArticleTopics?
    var trail: [AuditEntry] = []

    static func load(_ article: NewsroomArticle, store: any NewsStore) async throws -> WritingModel {
        WritingModel(
            article: article, isNew: false, suggestion: NewsroomPublisher.suggestion(for: article),
            trail: try await store.auditEntries(AuditFilter(target: "newsroom:\(article.id)"), limit: 50))
    }
}

/// The newsroom's own articles: the list by state, and the editor with its preview and the
/// actions the member's role allows.
enum WritingView {
    static let astana = TimeZone(secondsFromGMT: 5 * 3600) ?? .gmt

    static func list(_ articles: [NewsroomArticle], status: NewsroomArticle.Status?, signedIn: SignedIn, notice: String?) -> String {
        let e = HTMLEscaping.escape
        var main = AdminLayout.notice(notice)
        if signedIn.may(.writeArticle) { main += "<p><a class=\"button\" href=\"\(AdminRoute.newArticle.path())\">Write an article</a></p>\n" }
        let filters = [("", "All")] + NewsroomArticle.Status.allCases.map { ($0.rawValue, $0.rawValue.capitalized) }
        main += "<nav aria-label=\"States\"><ul class=\"nav\">" + filters.map { value, label in
            let href = AdminRoute.writing.path() + (value.isEmpty ? "" : "?status=" + value)
            let current = (status?.rawValue ?? "") == value ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(href)\"\(current)>\(label)</a></li>"
        }.joined() + "</ul></nav>\n"
        guard !articles.isEmpty else { return AdminLayout.render(title: "The newsroom's articles", signedIn: signedIn, main: main + "<p>None yet.</p>\n") }
        main += "<table>\n<thead><tr><th scope=\"col\">Headline</th><th scope=\"col\">Languages</th><th scope=\"col\">State</th>"
        main += "<th scope=\"col\">Byline</th><th scope=\"col\">Changed</th></tr></thead>\n<tbody>\n"
        for article in articles {
            let language = article.writtenLanguages.first?.rawValue ?? "en"
            main += "<tr><td><a href=\"\(AdminRoute.ownArticle.path(id: article.id))\" lang=\"\(language)\">\(e(article.displayTitle))</a></td>"
            main += "<td>\(article.writtenLanguages.map(\.rawValue).joined(separator: ", "))</td><td>\(stateText(article))</td>"
            main += "<td>\(e(article.byline))</td><td>\(AdminLayout.time(article.updatedAt))</td></tr>\n"
        }
        return AdminLayout.render(title: "The newsroom's articles", signedIn: signedIn, main: main + "</tbody>\n</table>\n")
    }

    static func stateText(_ article: NewsroomArticle) -> String {
        switch article.status {
        case .scheduled: "scheduled for " + (article.publishAt.map(astanaTime) ?? "?")
        default: article.status.rawValue
        }
    }

    /// Kazakhstan wall time, as gov.kz dates are read (`GovKzDate.localNow`), to the minute.
    static func astanaTime(_ date: Date) -> String {
        GovKzDate.localNow(date).prefix(16).replacingOccurrences(of: "T", with: " ") + " Astana time"
    }

    static func editor(_ model: WritingModel, signedIn: SignedIn, notice: String?, problem: String? = nil) -> String {
        let e = HTMLEscaping.escape
        let article = model.article
        var main = AdminLayout.notice(notice)
        if let problem { main += "<p class=\"problem\" role=\"alert\">\(e(problem))</p>\n" }
        if !model.isNew {
            main += "<p>State: <strong>\(e(stateText(article)))</strong> · written by \(e(article.author))"
            if let articleID = article.articleID {
                let links = article.writtenLanguages.map { "<a href=\"/\($0.rawValue)/news/\(articleID)\">public page (\($0.rawValue))</a>" }
                main += " · " + links.joined(separator: " · ") + " · <a href=\"\(AdminRoute.article.path(id: articleID))\">as an article (hide, corrections)</a>"
            }
            main += "</p>\n"
        }
        let locked = [.scheduled, .published].contains(article.status) && !signedIn.may(.publish)
        if signedIn.may(.writeArticle), !locked {
            main += form(model, signedIn: signedIn)
        }
        if !model.isNew {
            main += actions(article, signedIn: signedIn)
            main += preview(article)
            main += "<h2>What the newsroom did</h2>\n"
            main += model.trail.isEmpty ? "<p>Nothing yet.</p>\n" : "<ul>" + model.trail.map { entry in
                "<li>\(AdminLayout.time(entry.at)) · \(e(entry.actor)) · \(e(entry.action))\(entry.after.map { ": " + e($0) } ?? "")</li>"
            }.joined() + "</ul>\n"
        }
        let title = model.isNew ? "Write an article" : (article.displayTitle.isEmpty ? "Article of the newsroom" : article.displayTitle)
        return AdminLayout.render(title: title, signedIn: signedIn, main: main)
    }

    static func form(_ model: WritingModel, signedIn: SignedIn) -> String {
        let e = HTMLEscaping.escape
        let article = model.article
        let action = model.isNew ? AdminRoute.createArticle.path() : AdminRoute.saveArticle.path(id: article.id)
        var html = "<form class=\"room-form writing\" method=\"post\" action=\"\(action)\">\n\(AdminLayout.csrfField(signedIn))\n"
        html += "<p class=\"hint\">Write in one language or several; editions left empty are machine-translated and labelled so. "
        html += "The body is paragraphs separated by blank lines, or HTML limited to what gov.kz articles may hold (paragraphs, headings, lists, links, emphasis, tables).</p>\n"
        for language in Language.allCases {
            let code = language.rawValue
            let edition = article.editions[language] ?? NewsroomArticle.Edition(title: "")
            html += """
                <fieldset lang="\(code)"><legend>\(e(language.endonym)) (\(code))</legend>
                <p><label for="title-\(code)">Headline</label>
                <input id="title-\(code)" name="title-\(code)" maxlength="300" value="\(e(edition.title))"></p>
                <p><label for="lead-\(code)">Lead</label>
                <textarea id="lead-\(code)" name="lead-\(code)" rows="2" maxlength="1000">\(e(edition.lead))</textarea></p>
                <p><label for="body-\(code)">Body</label>
                <textarea id="body-\(code)" name="body-\(code)" rows="12">\(e(edition.body))</textarea></p>
                </fieldset>

                """
        }
        let suggested = model.suggestion
        let sections = "<option value=\"\">Automatic\(suggested.map { " (suggested: " + e($0.section.name(in: .en)) + ")" } ?? "")</option>"
            + AdminLayout.options(AdminLayout.sectionChoices, selected: article.section?.rawValue)
        let suggestedRegion = suggested.flatMap { Region.englishName(code: $0.region) }
        let regions = "<option value=\"\">Automatic\(suggestedRegion.map { " (suggested: " + e($0) + ")" } ?? "")</option>"
            + AdminLayout.options(AdminLayout.regionChoices, selected: article.region)
        html += """
            <p><label for="section">Section</label> <select id="section" name="section">\(sections)</select></p>
            <p><label for="region">Region</label> <select id="region" name="region">\(regions)</select></p>
            <p><label for="byline">Byline</label> <input id="byline" name="byline" required maxlength="120" value="\(e(article.byline))"></p>
            <p><label for="source_link">Source link (optional)</label>
            <input id="source_link" name="source_link" type="url" maxlength="500" value="\(e(article.sourceLink ?? ""))"></p>
            <p><button type="submit">\(article.status == .published ? "Save and update the public article" : "Save")</button></p>
            </form>

            """
        return html
    }

    static func actions(_ article: NewsroomArticle, signedIn: SignedIn) -> String {
        var html = ""
        let csrf = AdminLayout.csrfField(signedIn)
        if article.status == .draft, signedIn.may(.writeArticle) {
            html += "<form method=\"post\" action=\"\(AdminRoute.submitArticle.path(id: article.id))\">\(csrf)<button type=\"submit\">Submit to a chief editor</button></form>\n"
        }
        if article.status != .published, signedIn.may(.publish) {
            html += """
                <form class="room-form" method="post" action="\(AdminRoute.publishArticle.path(id: article.id))">\(csrf)
                <p><label for="publish_at">Publication time (Astana time; empty publishes now)</label>
                <input id="publish_at" name="publish_at" type="datetime-local"></p>
                <p><button type="submit">Publish</button></p>
                </form>

                """
        }
        if [.submitted, .scheduled].contains(article.status), signedIn.may(.publish) {
            html += "<form method=\"post\" action=\"\(AdminRoute.withdrawArticle.path(id: article.id))\">\(csrf)<button type=\"submit\">Back to draft</button></form>\n"
        }
        return html
    }

    /// Each edition as readers will see it: the same cleaning and allow-list as gov.kz's articles.
    static func preview(_ article: NewsroomArticle) -> String {
        let e = HTMLEscaping.escape
        let cleaner = HTMLCleaner()
        var html = ""
        for language in article.writtenLanguages {
            guard let edition = article.editions[language] else { continue }
            html += "<section class=\"preview\" lang=\"\(language.rawValue)\" aria-label=\"Preview (\(language.rawValue))\">\n"
            html += "<h2>\(e(cleaner.titleText(edition.title)))</h2>\n<p class=\"meta\">\(e(article.byline))</p>\n"
            html += "<div class=\"body\">\n\(cleaner.clean(NewsroomPublisher.bodyHTML(edition)).html)\n</div>\n</section>\n"
        }
        return html
    }
}
