import EnbekshiCore
import Store

/// What the review queue shows: flagged versions, newest first, with counts per kind.
struct QueueModel: Sendable {
    var items: [StoredVersion]
    var counts: [QualityFlag.Kind: Int]
    var kind: QualityFlag.Kind?
    var language: Language?
    var total: Int

    /// The newest `scan` flagged versions, narrowed to one kind and language when asked.
    static func load(store: any NewsStore, kind: QualityFlag.Kind?, language: Language?, scan: Int = 1_000) async throws -> QueueModel {
        let flagged = try await store.flaggedVersions(limit: scan)
        var counts: [QualityFlag.Kind: Int] = [:]
        for stored in flagged { for kind in Set(stored.version.flags.map(\.kind)) { counts[kind, default: 0] += 1 } }
        let items = flagged.filter { stored in
            (kind.map { wanted in stored.version.flags.contains { $0.kind == wanted } } ?? true)
                && (language.map { stored.version.language == $0 } ?? true)
        }
        return QueueModel(items: Array(items.prefix(200)), counts: counts, kind: kind, language: language, total: flagged.count)
    }
}

enum QueueView {
    static func countsHTML(_ model: QueueModel) -> String {
        var html = "<ul class=\"queue-kinds\">"
        html += "<li><a href=\"\(AdminRoute.queue.path())\">All <span class=\"count\">\(model.total)</span></a></li>"
        for kind in QualityFlag.Kind.allCases {
            let count = model.counts[kind] ?? 0
            let current = model.kind == kind ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(AdminRoute.queue.path())?kind=\(kind.rawValue)\"\(current)>\(kind.rawValue) <span class=\"count\">\(count)</span></a></li>"
        }
        return html + "</ul>\n"
    }

    static func render(_ model: QueueModel, signedIn: SignedIn, notice: String?) -> String {
        let e = HTMLEscaping.escape
        var main = AdminLayout.notice(notice) + countsHTML(model)
        main += "<p>Languages: "
        main += (["all"] + Language.allCases.map(\.rawValue)).map { code in
            var query: [String] = []
            if let kind = model.kind { query.append("kind=\(kind.rawValue)") }
            if code != "all" { query.append("lang=\(code)") }
            return "<a href=\"\(AdminRoute.queue.path())\(query.isEmpty ? "" : "?" + query.joined(separator: "&amp;"))\">\(code)</a>"
        }.joined(separator: " · ") + "</p>\n"
        guard !model.items.isEmpty else { return AdminLayout.render(title: "Review queue", signedIn: signedIn, main: main + "<p>Nothing to review here.</p>") }
        main += "<table class=\"queue\">\n<thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Language</th><th scope=\"col\">Source</th><th scope=\"col\">What to check</th></tr></thead>\n<tbody>\n"
        for stored in model.items {
            let language = stored.version.language.rawValue
            let title = stored.version.title.isEmpty ? "(no headline)" : stored.version.title
            main += "<tr><td><a href=\"\(AdminRoute.article.path(id: stored.articleID))\">\(e(String(title.prefix(140))))</a></td>"
            main += "<td>\(language)</td><td>\(e(stored.key.project))</td><td><ul>"
            for flag in stored.version.flags { main += "<li><strong>\(e(flag.kind.rawValue))</strong>: \(e(String(flag.detail.prefix(200))))</li>" }
            main += "</ul>"
            if signedIn.may(.correct) {
                main += """
                    <form class="inline" method="post" action="\(AdminRoute.approve.path())">\(AdminLayout.csrfField(signedIn))\
                    <input type="hidden" name="article" value="\(stored.articleID)"><input type="hidden" name="lang" value="\(language)">\
                    <input type="hidden" name="kind" value="\(model.kind?.rawValue ?? "")"><button type="submit">Approve as it stands</button></form>
                    """
            }
            main += "</td></tr>\n"
        }
        main += "</tbody>\n</table>\n"
        return AdminLayout.render(title: "Review queue", signedIn: signedIn, main: main)
    }
}
