import EnbekshiCore
import Foundation

/// The review queue: counts per kind, a filter form, and each item with its actions. With
/// `focus`, the first item stands alone with its actions under access keys and the first action
/// focused, so an editor works through the queue with the keyboard: Enter approves, and the next
/// item comes up focused the same way.
enum QueueView {
    static func countsHTML(_ model: QueueModel) -> String {
        var html = "<ul class=\"queue-kinds\">"
        let all = model.filter.with { $0.kind = nil }
        html += "<li><a href=\"\(HTMLEscaping.escape(all.path))\"\(model.filter.kind == nil ? " aria-current=\"page\"" : "")>All <span class=\"count\">\(model.total)</span></a></li>"
        for kind in QueueKind.all {
            let count = model.counts[kind] ?? 0
            let current = model.filter.kind == kind ? " aria-current=\"page\"" : ""
            let link = model.filter.with { $0.kind = kind; $0.focus = false }.path
            html += "<li><a href=\"\(HTMLEscaping.escape(link))\"\(current)>\(HTMLEscaping.escape(kind.label)) <span class=\"count\">\(count)\(count >= model.scan ? "+" : "")</span></a></li>"
        }
        return html + "</ul>\n"
    }

    static func filterForm(_ filter: QueueFilter) -> String {
        let e = HTMLEscaping.escape
        let options = AdminLayout.options
        let kinds = options([("", "every kind")] + QueueKind.all.map { ($0.rawValue, $0.label) }, filter.kind?.rawValue ?? "")
        let languages = options([("", "every edition")] + Language.allCases.map { ($0.rawValue, $0.rawValue) }, filter.language?.rawValue ?? "")
        let regions = options([("", "every region")] + AdminLayout.regionChoices, filter.region ?? "")
        let ages = options([("", "any age")] + QueueFilter.dayChoices.map { (String($0), $0 == 1 ? "the last day" : "the last \($0) days") }, filter.days.map(String.init) ?? "")
        return """
            <form class="queue-filter" method="get" action="\(AdminRoute.queue.path())">
            <p><label for="q-kind">Kind</label> <select id="q-kind" name="kind">\(kinds)</select>
            <label for="q-lang">Edition</label> <select id="q-lang" name="lang">\(languages)</select>
            <label for="q-source">Source</label> <input id="q-source" name="source" value="\(e(filter.source ?? ""))" size="14" maxlength="100" placeholder="kgd">
            <label for="q-region">Region</label> <select id="q-region" name="region">\(regions)</select>
            <label for="q-days">Published</label> <select id="q-days" name="days">\(ages)</select>
            <button type="submit">Show</button></p>
            </form>

            """
    }

    static func render(_ model: QueueModel, signedIn: SignedIn, notice: String?) -> String {
        var main = AdminLayout.notice(notice) + countsHTML(model) + filterForm(model.filter)
        let focus = model.filter.with { $0.focus = true }
        if model.filter.focus {
            main += "<p><a href=\"\(HTMLEscaping.escape(model.filter.with { $0.focus = false }.path))\">Show the whole list</a></p>\n"
        } else if !model.items.isEmpty {
            main += "<p><a href=\"\(HTMLEscaping.escape(focus.path))\">Work through it one at a time</a> (keyboard: Enter approves; access keys "
                + "A approve, H hide, C correct, M merge, N not the same story)</p>\n"
        }
        guard let first = model.items.first else {
            return AdminLayout.render(title: "Review queue", signedIn: signedIn, main: main + "<p>Nothing to review here.</p>")
        }
        if model.filter.focus {
            main += "<section class=\"queue-focus\" aria-labelledby=\"focus-title\">\n"
            main += "<h2 id=\"focus-title\">\(HTMLEscaping.escape(first.kind.label)): \(titleHTML(first))</h2>\n"
            main += describe(first) + actions(first, back: focus.path, signedIn: signedIn, keyboard: true)
            main += "</section>\n<p>\(model.items.count - 1) more after this one here.</p>\n"
            return AdminLayout.render(title: "Review queue", signedIn: signedIn, main: main)
        }
        main += "<table class=\"queue\">\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Edition</th><th scope=\"col\">Source</th>"
        main += "<th scope=\"col\">Region</th><th scope=\"col\">What to check</th><th scope=\"col\">Actions</th></tr></thead>\n<tbody>\n"
        for item in model.items {
            main += "<tr><td>\(titleHTML(item))\(item.published.map { "<br><small>\(HTMLEscaping.escape($0.local.replacingOccurrences(of: "T", with: " ")))</small>" } ?? "")</td>"
            main += "<td>\(item.language?.rawValue ?? "—")</td><td>\(HTMLEscaping.escape(item.source))</td>"
            main += "<td>\(HTMLEscaping.escape(item.region.flatMap { Region.englishName(code: $0) } ?? "—"))</td>"
            main += "<td>\(describe(item))</td><td>\(actions(item, back: model.filter.path, signedIn: signedIn, keyboard: false))</td></tr>\n"
        }
        main += "</tbody>\n</table>\n"
        return AdminLayout.render(title: "Review queue", signedIn: signedIn, main: main)
    }

    static func titleHTML(_ item: QueueItem) -> String {
        let e = HTMLEscaping.escape
        let title = e(String(item.title.prefix(140)))
        if let id = item.articleID { return "<a href=\"\(AdminRoute.article.path(id: id))\">\(title)</a>" }
        return "<a href=\"\(e(AdminRoute.sourcePage.path(slug: item.source)))\">\(title)</a>"
    }

    static func describe(_ item: QueueItem) -> String {
        let e = HTMLEscaping.escape
        var html = "<p><strong>\(e(item.kind.label))</strong></p><ul>"
        for check in item.checks { html += "<li>\(e(check))</li>" }
        if let other = item.other {
            html += "<li>The other: <a href=\"\(AdminRoute.article.path(id: other.id))\">\(e(String(other.title.prefix(140))))</a> (\(e(other.source)))</li>"
        }
        return html + "</ul>"
    }

    /// The forms that settle an item; each comes back to the queue as it was (`back`).
    static func actions(_ item: QueueItem, back: String, signedIn: SignedIn, keyboard: Bool) -> String {
        let e = HTMLEscaping.escape
        func key(_ letter: String) -> String { keyboard ? " accesskey=\"\(letter)\"" : "" }
        let first = keyboard ? " autofocus" : ""
        let common = AdminLayout.csrfField(signedIn) + "<input type=\"hidden\" name=\"back\" value=\"\(e(back))\">"
        var html = ""
        switch item.kind {
        case .flag, .version:
            guard let id = item.articleID, let language = item.language else { return "" }
            if signedIn.may(.correct) {
                html += """
                    <form class="inline" method="post" action="\(AdminRoute.approve.path())">\(common)\
                    <input type="hidden" name="article" value="\(id)"><input type="hidden" name="lang" value="\(language.rawValue)">\
                    <button type="submit"\(key("a"))\(first)>Approve as it stands</button></form>
                    <a class="button" href="\(AdminRoute.textEditor.path(id: id))?lang=\(language.rawValue)"\(key("c"))>Correct the text</a>
                    """
            }
        case .uncertainTopics:
            guard let id = item.articleID else { return "" }
            if signedIn.may(.correct) {
                html += """
                    <form class="inline" method="post" action="\(AdminRoute.approve.path())">\(common)\
                    <input type="hidden" name="article" value="\(id)"><input type="hidden" name="topics" value="1">\
                    <button type="submit"\(key("a"))\(first)>Section and region are right</button></form>
                    <a class="button" href="\(AdminRoute.article.path(id: id))#correct"\(key("c"))>Correct them</a>
                    """
            }
        case .nearDuplicate:
            guard let id = item.articleID, let other = item.other else { return "" }
            if signedIn.may(.mergeStories) {
                html += """
                    <form class="inline" method="post" action="\(AdminRoute.mergeStory.path(id: id))">\(common)\
                    <input type="hidden" name="other" value="\(other.id)"><button type="submit"\(key("m"))\(first)>The same story: merge</button></form>
                    <form class="inline" method="post" action="\(AdminRoute.keepApart.path(id: id))">\(common)\
                    <input type="hidden" name="other" value="\(other.id)"><button type="submit"\(key("n"))>Not the same story</button></form>
                    """
            }
        case .newSource:
            if signedIn.may(.manageSources) {
                html += """
                    <form class="inline" method="post" action="\(AdminRoute.approve.path())">\(common)\
                    <input type="hidden" name="source" value="\(e(item.source))"><button type="submit"\(key("a"))\(first)>Looks right</button></form>
                    <a class="button" href="\(e(AdminRoute.sourcePage.path(slug: item.source)))"\(key("c"))>Correct it</a>
                    """
            }
        }
        if let id = item.articleID, signedIn.may(.hide) {
            let field = "hide-\(id)-\(item.kind.rawValue)-\(item.language?.rawValue ?? "all")"
            html += """
                <form class="inline" method="post" action="\(AdminRoute.hideArticle.path(id: id))">\(common)\
                <label for="\(field)">Reason</label> <input id="\(field)" name="reason" required maxlength="300" size="16">\
                <button type="submit"\(key("h"))>Hide</button></form>
                """
        }
        return html.isEmpty ? "<p>Your role reads the queue.</p>" : html
    }
}
