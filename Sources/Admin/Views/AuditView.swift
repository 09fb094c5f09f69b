import EnbekshiCore
import Store

/// The audit trail, newest first, filtered by actor, action and target, a page at a time.
enum AuditView {
    static func query(_ filter: AuditFilter) -> String {
        var items: [String] = []
        func add(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { items.append(name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        }
        add("actor", filter.actor)
        add("action", filter.actionPrefix)
        add("target", filter.target)
        add("before", filter.beforeID.map(String.init))
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    static func render(_ entries: [AuditEntry], filter: AuditFilter, pageSize: Int, signedIn: SignedIn) -> String {
        let e = HTMLEscaping.escape
        var main = """
            <form class="filters" method="get" action="\(AdminRoute.audit.path())">
            <label for="actor">Actor</label> <input id="actor" name="actor" value="\(e(filter.actor ?? ""))" maxlength="100">
            <label for="action">Action starts with</label> <input id="action" name="action" value="\(e(filter.actionPrefix ?? ""))" maxlength="100">
            <label for="target">Target</label> <input id="target" name="target" value="\(e(filter.target ?? ""))" maxlength="200">
            <button type="submit">Filter</button>
            </form>
            """
        var exportFilter = filter
        exportFilter.beforeID = nil
        main += "<p><a href=\"\(e(AdminRoute.auditExport.path() + query(exportFilter)))\">Export as JSON lines</a></p>\n"
        guard !entries.isEmpty else { return AdminLayout.render(title: "Audit trail", signedIn: signedIn, main: main + "<p>No entries.</p>") }
        main += "<table class=\"audit\">\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">Action</th><th scope=\"col\">Target</th><th scope=\"col\">Before</th><th scope=\"col\">After</th><th scope=\"col\">From</th></tr></thead>\n<tbody>\n"
        for entry in entries {
            main += "<tr><td>\(AdminLayout.time(entry.at))</td><td>\(e(entry.actor))</td><td>\(e(entry.action))</td><td>\(e(entry.target))</td>"
            main += "<td>\(e(String((entry.before ?? "").prefix(300))))</td><td>\(e(String((entry.after ?? "").prefix(300))))</td><td>\(e(entry.address ?? ""))</td></tr>\n"
        }
        main += "</tbody>\n</table>\n"
        if entries.count == pageSize, let last = entries.last?.id {
            var next = filter
            next.beforeID = last
            main += "<p><a rel=\"next\" href=\"\(e(AdminRoute.audit.path() + query(next)))\">Older entries</a></p>\n"
        }
        return AdminLayout.render(title: "Audit trail", signedIn: signedIn, main: main)
    }
}
