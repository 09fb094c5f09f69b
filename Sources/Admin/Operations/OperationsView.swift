import EnbekshiCore
import Foundation
import Store

/// The operator's view: is the harvest keeping up? Charts of the requests to gov.kz by outcome,
/// the lag from publication to storage and the items stored, with the failing feeds and the
/// queues as they stand.
enum OperationsView {
    static func render(_ model: OperationsModel, signedIn: SignedIn) -> String {
        let e = HTMLEscaping.escape
        let labels = model.buckets.map { label($0.hour, span: model.span) }
        var main = """
            <form class="filters" method="get" action="\(AdminRoute.operations.path())">
            <label for="source">Source</label> <input id="source" name="source" value="\(e(model.source ?? ""))" maxlength="100" placeholder="every source">
            <label for="span">Span</label> <select id="span" name="span">
            """
        for span in OperationsModel.Span.allCases {
            main += "<option value=\"\(span.rawValue)\"\(span == model.span ? " selected" : "")>\(span == .day ? "24 hours" : "30 days")</option>"
        }
        main += """
            </select>
            <button type="submit">Show</button>
            </form>
            <p>\(e(model.source.map { "Source \($0)" } ?? "Every source")), \(e(model.span.label)), times in UTC.</p>
            <dl class="figures">
            <dt>Translation backlog</dt><dd>\(model.current.translationPending) waiting\(model.current.oldestJobSeconds > 0 ? ", the oldest due for \(duration(model.current.oldestJobSeconds))" : ""), \(model.current.translationFailed) failed for good</dd>
            <dt>Review queue</dt><dd>\(model.current.reviewItems) items</dd>
            <dt>Feeds failing now</dt><dd>\(model.failing.count)</dd>
            <dt>Leases</dt><dd>\(model.leases.held) held, \(model.leases.expired) expired, \(model.leases.due) feeds due of \(model.leases.feeds)</dd>
            </dl>

            """
        let buckets = model.buckets
        main += SVGChart(
            title: "Requests to gov.kz by outcome", unit: "requests", labels: labels,
            series: [
                .init(name: "ok", colour: "#2e7d32", values: buckets.map { Double($0.ok) }),
                .init(name: "429", colour: "#f9a825", values: buckets.map { Double($0.throttled) }),
                .init(name: "5xx", colour: "#c62828", values: buckets.map { Double($0.serverErrors) }),
                .init(name: "timeout", colour: "#6a1b9a", values: buckets.map { Double($0.timeouts) }),
                .init(name: "bad JSON", colour: "#ad1457", values: buckets.map { Double($0.badJSON) }),
                .init(name: "other", colour: "#546e7a", values: buckets.map { Double($0.otherErrors) }),
            ]
        ).render()
        main += SVGChart(
            title: "Mean lag from publication to storage of new items", unit: "minutes", labels: labels,
            series: [.init(name: "mean lag (minutes)", colour: "#1565c0", values: buckets.map { ($0.meanLag ?? 0) / 60 })]
        ).render()
        main += SVGChart(
            title: "Items stored", unit: "items", labels: labels,
            series: [
                .init(name: "new", colour: "#2e7d32", values: buckets.map { Double($0.itemsNew) }),
                .init(name: "changed at the source", colour: "#1565c0", values: buckets.map { Double($0.itemsUpdated) }),
                .init(name: "rejected", colour: "#c62828", values: buckets.map { Double($0.itemsRejected) }),
            ]
        ).render()
        let queues = model.queues
        let sampled = queues.contains { $0 != nil }
        main += "<p>The feeds failing and the queues below are the whole deployment's, at their largest in each \(model.span == .day ? "hour" : "day"), sampled every few minutes by the leading worker\(sampled ? "" : " (no sample yet)").</p>\n"
        main += SVGChart(
            title: "Feeds failing", unit: "feeds", labels: labels,
            series: [.init(name: "feeds whose last poll failed", colour: "#c62828", values: queues.map { Double($0?.feedsFailing ?? 0) })]
        ).render()
        main += SVGChart(
            title: "Translation backlog", unit: "jobs", labels: labels,
            series: [
                .init(name: "waiting", colour: "#1565c0", values: queues.map { Double($0?.translationPending ?? 0) }),
                .init(name: "failed for good", colour: "#c62828", values: queues.map { Double($0?.translationFailed ?? 0) }),
            ]
        ).render()
        main += SVGChart(
            title: "Review queue", unit: "items", labels: labels,
            series: [.init(name: "items waiting for an editor", colour: "#6a1b9a", values: queues.map { Double($0?.reviewItems ?? 0) })]
        ).render()
        main += "<h2>Feeds failing</h2>\n"
        if model.failing.isEmpty {
            main += "<p>None.</p>\n"
        } else {
            main += "<table>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Language</th><th scope=\"col\">Failures in a row</th><th scope=\"col\">Last error</th><th scope=\"col\">Last success</th></tr></thead>\n<tbody>\n"
            for state in model.failing {
                let link = AdminRoute.operations.path() + "?source=" + (state.source.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                main += "<tr><td><a href=\"\(e(link))\">\(e(state.source))</a></td><td>\(state.language.rawValue)</td><td>\(state.consecutiveFailures)</td>"
                main += "<td>\(e(String((state.lastError ?? "").prefix(200))))</td><td>\(state.lastSuccessAt.map(AdminLayout.time) ?? "never")</td></tr>\n"
            }
            main += "</tbody>\n</table>\n"
        }
        return AdminLayout.render(title: "Operations", signedIn: signedIn, main: main)
    }

    static func label(_ date: Date, span: OperationsModel.Span) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.month, .day, .hour], from: date)
        let day = String(format: "%02d-%02d", parts.month ?? 0, parts.day ?? 0)
        return span == .day ? day + String(format: " %02d:00", parts.hour ?? 0) : day
    }

    static func duration(_ seconds: TimeInterval) -> String {
        seconds < 3600 ? "\(Int(seconds / 60)) min" : seconds < 86_400 ? String(format: "%.1f h", seconds / 3600) : String(format: "%.1f days", seconds / 86_400)
    }
}
