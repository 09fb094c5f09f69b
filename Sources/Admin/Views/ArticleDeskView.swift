import EnbekshiCore
import Foundation
import Store

/// What the room shows of one article: each language version with its flags and where it came
/// from, whether it is hidden and why, what changed at the source, and what the newsroom did.
struct ArticleDeskModel: Sendable {
    var article: Article
    var hidden: HiddenArticle?
    var corrections: [Correction]
    var history: [Language: [VersionHistoryEntry]]
    var trail: [AuditEntry]
    /// The copies of its story, lead first (none when it is in no story).
    var story: [(id: Int64, key: ArticleKey)] = []
    var decision: StoryDecision?

    static func load(id: Int64, store: any NewsStore) async throws -> ArticleDeskModel? {
        guard let article = try await store.article(id: id) else { return nil }
        var history: [Language: [VersionHistoryEntry]] = [:]
        for language in article.versions.keys { history[language] = try await store.history(articleID: id, language: language) }
        return ArticleDeskModel(
            article: article, hidden: try await store.hiddenArticle(id: id), corrections: try await store.corrections(articleID: id),
            history: history,
            trail: try await store.auditEntries(AuditFilter(target: "article:\(id)"), limit: 50),
            story: article.storyID == nil ? [] : try await store.storyMembers(storyID: article.storyID ?? id),
            decision: try await store.storyDecisions(of: [id])[id])
    }
}

enum ArticleDeskView {
    static func render(_ model: ArticleDeskModel, signedIn: SignedIn, notice: String?) -> String {
        let e = HTMLEscaping.escape
        let article = model.article
        var main = AdminLayout.notice(notice)
        if article.key.project == Source.newsroomSlug, let own = Int64(article.key.govkzID) {
            main += "<p>The newsroom's own article: <a href=\"\(AdminRoute.ownArticle.path(id: own))\">edit it</a>"
        } else {
            main += "<p>gov.kz: <code>\(e(article.key.project))</code> item <code>\(e(article.key.govkzID))</code>"
        }
        if let published = article.published { main += " · published \(e(published.local))" }
        if let story = article.storyID { main += " · story \(story)" }
        main += "</p>\n"
        if let hidden = model.hidden {
            main += "<p class=\"problem\">Hidden by \(e(hidden.actor)) on \(AdminLayout.time(hidden.at)): \(e(hidden.reason)). Its pages answer 410 Gone.</p>\n"
        }
        for language in Language.allCases {
            guard let version = article.versions[language] else { continue }
            main += "<section lang=\"\(language.rawValue)\">\n<h2>\(e(version.title.isEmpty ? "(no headline)" : version.title))</h2>\n<p>"
            main += "<a href=\"/\(language.rawValue)/news/\(article.id)\">public page (\(language.rawValue))</a> · "
            if !version.sourceURL.isEmpty {
                main += "<a href=\"\(e(version.sourceURL))\" rel=\"noopener noreferrer\">\(article.key.project == Source.newsroomSlug ? "source" : "on gov.kz")</a>"
            } else {
                main += "written by the newsroom"
            }
            if let mt = version.machineTranslation { main += " · machine translation from \(mt.sourceLanguage.rawValue) by \(e(mt.engine))" }
            if signedIn.may(.correct), version.machineTranslation == nil || signedIn.may(.editTranslation) {
                let label = version.machineTranslation == nil ? "correct the text" : "edit the translation"
                main += " · <a href=\"\(AdminRoute.textEditor.path(id: article.id))?lang=\(language.rawValue)\">\(label)</a>"
            }
            main += "</p>\n"
            if !version.flags.isEmpty {
                main += "<ul>" + version.flags.map { "<li><strong>\(e($0.kind.rawValue))</strong>: \(e(String($0.detail.prefix(300))))</li>" }.joined() + "</ul>\n"
            }
            let changes = model.history[language] ?? []
            if !changes.isEmpty {
                main += "<h3>Changed at the source</h3>\n<ul>"
                for change in changes {
                    main += "<li>\(AdminLayout.time(change.replacedAt)): replaced “\(e(change.title ?? ""))”</li>"
                }
                main += "</ul>\n"
            }
            main += "</section>\n"
        }
        main += "<p><a href=\"\(AdminRoute.history.path(id: article.id))\">Its whole history</a>: every text gov.kz sent, every translation and correction, and what the newsroom did.</p>\n"
        main += correctionsHTML(model, signedIn: signedIn)
        main += storyHTML(model, signedIn: signedIn)
        var hiding = ""
        if signedIn.may(.hide) {
            hiding += "<h2>\(model.hidden == nil ? "Hide from readers" : "Hidden from readers")</h2>\n"
            if model.hidden == nil {
                hiding += """
                    <form class="room-form" method="post" action="\(AdminRoute.hideArticle.path(id: article.id))">
                    \(AdminLayout.csrfField(signedIn))
                    <p><label for="reason">Reason for hiding (readers see it)</label>
                    <input id="reason" name="reason" required maxlength="300"></p>
                    <p><button type="submit">Hide from readers</button></p>
                    </form>
                    """
            } else {
                hiding += """
                    <form method="post" action="\(AdminRoute.unhideArticle.path(id: article.id))">\(AdminLayout.csrfField(signedIn))\
                    <button type="submit">Show again</button></form>
                    """
                if signedIn.may(.deleteForGood) {
                    hiding += """
                        <form class="room-form" method="post" action="\(AdminRoute.deleteArticle.path(id: article.id))">\(AdminLayout.csrfField(signedIn))
                        <p><label for="confirm">Delete for good: everything stored of it goes, with no way back. Type its number, \(article.id), to confirm</label>
                        <input id="confirm" name="confirm" required inputmode="numeric" maxlength="20"> <button type="submit">Delete for good</button></p>
                        </form>

                        """
                }
            }
        }
        main += hiding
        main += "<h2>What the newsroom did</h2>\n"
        if model.trail.isEmpty {
            main += "<p>Nothing yet.</p>\n"
        } else {
            main += "<ul>" + model.trail.map { entry in
                "<li>\(AdminLayout.time(entry.at)) · \(e(entry.actor)) · \(e(entry.action))\(entry.after.map { ": " + e($0) } ?? "")</li>"
            }.joined() + "</ul>\n"
        }
        return AdminLayout.render(title: "Article \(article.id)", signedIn: signedIn, main: main)
    }

    /// The corrections in force, each with a way back, and the form that makes new ones.
    static func correctionsHTML(_ model: ArticleDeskModel, signedIn: SignedIn) -> String {
        let e = HTMLEscaping.escape
        let article = model.article
        var html = "<h2 id=\"correct\">Corrections</h2>\n"
        if model.corrections.isEmpty {
            html += "<p>None: what readers see is what the machines made.</p>\n"
        } else {
            html += "<ul>"
            for correction in model.corrections {
                let field = correction.field.rawValue + (correction.language.map { " (\($0.rawValue))" } ?? "")
                // A text is shown by its start: the whole of it is on the public page and in the audit trail.
                func shown(_ value: String?) -> String {
                    guard let value else { return "?" }
                    return correction.field == .body ? String(PlainText.from(html: value).prefix(160)) + "…" : value
                }
                html += "<li><strong>\(e(field))</strong>: “\(e(shown(correction.value)))” instead of “\(e(shown(correction.replaced)))”, "
                html += "by \(e(correction.actor)) on \(AdminLayout.time(correction.at)): \(e(correction.reason))"
                let mayRestore = signedIn.may(.correct) && (correction.actor == signedIn.editor.login || signedIn.may(.revertOthers))
                if mayRestore {
                    html += """
                         <form class="inline" method="post" action="\(AdminRoute.restoreCorrection.path(id: article.id))">\(AdminLayout.csrfField(signedIn))\
                        <input type="hidden" name="field" value="\(correction.field.rawValue)">\
                        <input type="hidden" name="lang" value="\(correction.language?.rawValue ?? "")">\
                        <button type="submit">Restore the machines' value</button></form>
                        """
                }
                html += "</li>"
            }
            html += "</ul>\n"
        }
        guard signedIn.may(.correct) else { return html }
        html += "<form class=\"room-form\" method=\"post\" action=\"\(AdminRoute.correctArticle.path(id: article.id))\">\n\(AdminLayout.csrfField(signedIn))\n"
        for language in Language.allCases {
            guard let version = article.versions[language] else { continue }
            html += """
                <p><label for="title-\(language.rawValue)">Headline (\(language.rawValue))</label>
                <input id="title-\(language.rawValue)" name="title-\(language.rawValue)" lang="\(language.rawValue)" maxlength="300" value="\(e(version.title))"></p>

                """
        }
        let sections = AdminLayout.options(AdminLayout.sectionChoices, selected: article.topics?.section.rawValue)
        let regions = AdminLayout.options(AdminLayout.regionChoices, selected: article.topics?.region)
        html += """
            <p><label for="section">Section</label> <select id="section" name="section">\(sections)</select></p>
            <p><label for="region">Region</label> <select id="region" name="region">\(regions)</select></p>
            <p><label for="correction-reason">Why (kept with the correction)</label>
            <input id="correction-reason" name="reason" required maxlength="300"></p>
            <p><button type="submit">Save corrections</button></p>
            </form>

            """
        return html
    }

    /// The article's story, and a chief editor's ways to change it.
    static func storyHTML(_ model: ArticleDeskModel, signedIn: SignedIn) -> String {
        let e = HTMLEscaping.escape
        let id = model.article.id
        var html = "<h2>Story</h2>\n"
        if model.story.count > 1 {
            html += "<p>The same release, published by \(model.story.count) bodies" + (model.decision?.placed == true ? " (as the newsroom set it)" : "") + ":</p>\n<ul>"
            for (index, member) in model.story.enumerated() {
                html += "<li>\(index == 0 ? "<strong>lead</strong> · " : "")<a href=\"\(AdminRoute.article.path(id: member.id))\">\(member.id)</a> "
                html += "<code>\(e(member.key.project))</code>\(member.id == id ? " (this one)" : "")</li>"
            }
            html += "</ul>\n"
        } else {
            html += "<p>No other body published this release.</p>\n"
        }
        if let apart = model.decision?.apart, !apart.isEmpty {
            html += "<p>Kept apart from: " + apart.sorted().map { "<a href=\"\(AdminRoute.article.path(id: $0))\">\($0)</a>" }.joined(separator: ", ") + "</p>\n"
        }
        guard signedIn.may(.mergeStories) else { return html }
        let csrf = AdminLayout.csrfField(signedIn)
        if model.story.count > 1 {
            if model.story.first?.id != id {
                html += "<form class=\"inline\" method=\"post\" action=\"\(AdminRoute.leadStory.path(id: id))\">\(csrf)<button type=\"submit\">Make this copy the lead</button></form> "
            }
            html += "<form class=\"inline\" method=\"post\" action=\"\(AdminRoute.splitStory.path(id: id))\">\(csrf)<button type=\"submit\">Take this copy out of the story</button></form>\n"
        }
        html += """
            <form class="room-form" method="post" action="\(AdminRoute.mergeStory.path(id: id))">\(csrf)
            <p><label for="merge-other">Same story as article (number or address)</label>
            <input id="merge-other" name="other" required maxlength="300"> <button type="submit">Merge the stories</button></p>
            </form>
            <form class="room-form" method="post" action="\(AdminRoute.keepApart.path(id: id))">\(csrf)
            <p><label for="apart-other">Not the same story as article (number or address)</label>
            <input id="apart-other" name="other" required maxlength="300"> <button type="submit">Keep them apart</button></p>
            </form>

            """
        return html
    }

    static func hiddenList(_ hidden: [HiddenArticle], signedIn: SignedIn, notice: String? = nil) -> String {
        let e = HTMLEscaping.escape
        guard !hidden.isEmpty else {
            return AdminLayout.render(title: "Hidden articles", signedIn: signedIn, main: AdminLayout.notice(notice) + "<p>No article is hidden.</p>")
        }
        var main = AdminLayout.notice(notice) + "<table>\n<thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Why</th><th scope=\"col\">Who</th><th scope=\"col\">When</th></tr></thead>\n<tbody>\n"
        for item in hidden {
            main += "<tr><td><a href=\"\(AdminRoute.article.path(id: item.articleID))\">\(item.articleID)</a></td><td>\(e(item.reason))</td>"
            main += "<td>\(e(item.actor))</td><td>\(AdminLayout.time(item.at))</td></tr>\n"
        }
        return AdminLayout.render(title: "Hidden articles", signedIn: signedIn, main: main + "</tbody>\n</table>\n")
    }
}
