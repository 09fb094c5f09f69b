import Clean
import EnbekshiCore
import Enrich
import Foundation
import Store

/// Everything that happened to an article, newest first: each text gov.kz sent (and when another
/// replaced it), each machine translation, each correction and each thing the newsroom did, with
/// before and after. An earlier gov.kz text can be shown again ("restore this"): it becomes a
/// correction of the headline and the text, so later harvests keep it until it is restored away.
struct ArticleHistoryModel: Sendable {
    struct Event: Sendable {
        var at: Date
        var language: Language?
        var what: String
        var before: String?
        var after: String?
        /// An earlier gov.kz text that can be shown again: its content hash.
        var restorable: String?
    }

    var article: Article
    var events: [Event]

    static func load(id: Int64, store: any NewsStore) async throws -> ArticleHistoryModel? {
        guard let article = try await store.article(id: id) else { return nil }
        var events: [Event] = []
        for (language, version) in article.versions {
            let earlier = try await store.history(articleID: id, language: language)
            // Each text was shown from when it was fetched until the next replaced it.
            for (index, entry) in earlier.enumerated() {
                let next = index == 0 ? (version.title, version.bodyHTML) : restored(earlier[index - 1], language: language)
                let this = restored(entry, language: language)
                events.append(Event(
                    at: entry.replacedAt, language: language, what: "gov.kz changed the text", before: text(this), after: text(next),
                    restorable: version.machineTranslation == nil ? entry.contentHash : nil))
            }
            if let mt = version.machineTranslation {
                events.append(Event(
                    at: mt.translatedAt, language: language, what: "machine translation from \(mt.sourceLanguage.rawValue) by \(mt.engine)",
                    after: text((version.title, version.bodyHTML))))
            } else {
                events.append(Event(at: earlier.last?.fetchedAt ?? version.fetchedAt, language: language, what: "first fetched from gov.kz"))
            }
        }
        for change in try await store.topicChanges(articleID: id) {
            events.append(Event(at: change.at, language: nil, what: "the machines filed it under another \(change.field)", before: change.before, after: change.after))
        }
        for correction in try await store.corrections(articleID: id) {
            events.append(Event(
                at: correction.at, language: correction.language, what: "\(correction.field.rawValue) corrected by \(correction.actor): \(correction.reason)",
                before: correction.replaced.map { PlainText.from(html: $0) }, after: PlainText.from(html: correction.value)))
        }
        for entry in try await store.auditEntries(AuditFilter(target: "article:\(id)"), limit: 200) {
            events.append(Event(at: entry.at, language: nil, what: "\(entry.action) by \(entry.actor)", before: entry.before, after: entry.after))
        }
        return ArticleHistoryModel(article: article, events: events.sorted { $0.at > $1.at })
    }

    /// An earlier original as readers would have seen it: cleaned as today's cleaner does.
    static func restored(_ entry: VersionHistoryEntry, language: Language) -> (title: String, bodyHTML: String) {
        let prepared = VersionPreparer(cleaner: HTMLCleaner()).prepare(
            title: entry.title, bodyHTML: entry.originalHTML, published: nil, dateText: nil, requested: nil, fallbackLanguage: language)
        return (prepared.headline, prepared.body.html)
    }

    static func text(_ version: (title: String, bodyHTML: String)) -> String {
        version.title + "\n\n" + PlainText.from(html: version.bodyHTML)
    }
}

enum ArticleHistoryView {
    static func render(_ model: ArticleHistoryModel, signedIn: SignedIn, notice: String?) -> String {
        let e = HTMLEscaping.escape
        let id = model.article.id
        var main = AdminLayout.notice(notice)
        main += "<p><a href=\"\(AdminRoute.article.path(id: id))\">Back to the article</a></p>\n"
        if let topics = model.article.topics {
            // Classification is redone at every harvest of a text: what stands now, and why.
            main += "<h2>Where it is filed now</h2>\n<ul>"
            main += "<li>Section <strong>\(e(topics.section.name(in: .en)))</strong> (margin \(QueueModel.format(topics.sectionMargin))): \(e(String(topics.sectionReason.prefix(300))))</li>"
            main += "<li>Region <strong>\(e(Region.englishName(code: topics.region) ?? topics.region))</strong> (margin \(QueueModel.format(topics.regionMargin))): \(e(String(topics.regionReason.prefix(300))))</li>"
            main += "</ul>\n<h2>What happened</h2>\n"
        }
        guard !model.events.isEmpty else { return AdminLayout.render(title: "History", signedIn: signedIn, main: main + "<p>Nothing yet.</p>") }
        main += "<ol class=\"history\" reversed>\n"
        for (index, event) in model.events.enumerated() {
            main += "<li><p><strong>\(AdminLayout.time(event.at))</strong>\(event.language.map { " · \($0.rawValue)" } ?? "") · \(e(event.what))</p>"
            let before = event.before ?? "", after = event.after ?? ""
            if before.count + after.count <= 160, !(before + after).contains("\n") {
                // Short values (a section, a headline) read best on one line.
                if !before.isEmpty || !after.isEmpty { main += "<p>“\(e(before))” → “\(e(after))”</p>" }
            } else {
                if !before.isEmpty { main += "<details><summary>Before</summary><p class=\"history-text\">\(e(String(before.prefix(4_000))))</p></details>" }
                if !after.isEmpty { main += "<details><summary>After</summary><p class=\"history-text\">\(e(String(after.prefix(4_000))))</p></details>" }
            }
            if let hash = event.restorable, let language = event.language, signedIn.may(.correct) {
                main += """
                    <form class="inline" method="post" action="\(AdminRoute.restoreVersion.path(id: id))">\(AdminLayout.csrfField(signedIn))\
                    <input type="hidden" name="lang" value="\(language.rawValue)"><input type="hidden" name="hash" value="\(e(hash))">\
                    <label for="why-\(index)">Why</label> <input id="why-\(index)" name="reason" required maxlength="300" size="20">\
                    <button type="submit">Restore this earlier text</button></form>
                    """
            }
            main += "</li>\n"
        }
        main += "</ol>\n"
        return AdminLayout.render(title: "History: " + QueueModel.headline(model.article), signedIn: signedIn, main: main)
    }
}
