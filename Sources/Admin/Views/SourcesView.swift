import EnbekshiCore
import Store

/// The publishing bodies, for admins: which are harvested, and how each feed fared.
struct SourcesModel: Sendable {
    enum State: String, Sendable, CaseIterable {
        case all, enabled, disabled, failing
    }

    struct Row: Sendable {
        var source: Source
        var feeds: [HarvestState]
        var failing: Bool { feeds.contains { $0.consecutiveFailures > 0 } }
    }

    var rows: [Row]
    var matching: Int
    var query: String
    var state: State

    static let shown = 200

    static func load(store: any NewsStore, query: String, state: State) async throws -> SourcesModel {
        let feeds = Dictionary(grouping: try await store.harvestStates(), by: \.source)
        let needle = query.lowercased()
        let rows = try await store.sources(enabledOnly: false).map { Row(source: $0, feeds: feeds[$0.slug] ?? []) }.filter { row in
            let named = needle.isEmpty || row.source.slug.contains(needle)
                || row.source.names.values.contains { $0.lowercased().contains(needle) }
            let inState = switch state {
            case .all: true
            case .enabled: row.source.enabled
            case .disabled: !row.source.enabled
            case .failing: row.failing
            }
            return named && inState
        }
        return SourcesModel(rows: Array(rows.prefix(shown)), matching: rows.count, query: query, state: state)
    }
}

enum SourcesView {
    static func render(_ model: SourcesModel, signedIn: SignedIn, notice: String?) -> String {
        let e = HTMLEscaping.escape
        let states = AdminLayout.options(SourcesModel.State.allCases.map { ($0.rawValue, $0.rawValue) }, selected: model.state.rawValue)
        var main = AdminLayout.notice(notice)
        main += """
            <form class="filters" method="get" action="\(AdminRoute.sources.path())">
            <label for="q">Slug or name</label> <input id="q" name="q" value="\(e(model.query))" maxlength="100">
            <label for="state">Show</label> <select id="state" name="state">\(states)</select>
            <button type="submit">Filter</button>
            </form>
            <p>\(model.matching) sources\(model.matching > model.rows.count ? ", the first \(model.rows.count) shown" : "").</p>

            """
        guard !model.rows.isEmpty else { return AdminLayout.render(title: "Sources", signedIn: signedIn, main: main) }
        main += "<table>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Kind</th><th scope=\"col\">Harvest</th><th scope=\"col\">Harvested</th></tr></thead>\n<tbody>\n"
        for row in model.rows {
            let source = row.source
            main += "<tr><td><strong><a href=\"\(e(AdminRoute.sourcePage.path(slug: source.slug)))\">\(e(source.displayName(in: .en)))</a></strong><br><code>\(e(source.slug))</code></td><td>\(e(source.kind.rawValue))</td><td>"
            if row.feeds.isEmpty {
                main += "not read yet"
            } else {
                main += "<ul>" + row.feeds.sorted { $0.language.rawValue < $1.language.rawValue }.map { feed in
                    var line = "\(feed.language.rawValue): \(feed.itemsStored) stored"
                    if let success = feed.lastSuccessAt { line += ", last read \(AdminLayout.time(success))" }
                    if feed.consecutiveFailures > 0 {
                        line += ", <strong>failing \(feed.consecutiveFailures)×</strong>: \(e(String((feed.lastError ?? "").prefix(120))))"
                    }
                    return "<li>\(line)</li>"
                }.joined() + "</ul>"
            }
            guard source.kind != .newsroom else {
                // The newsroom's own articles: written in the room, never asked of gov.kz.
                main += "</td><td><a href=\"\(AdminRoute.writing.path())\">our articles</a></td></tr>\n"
                continue
            }
            main += """
                </td><td><form method="post" action="\(e(AdminRoute.changeSource.path(slug: source.slug)))">\(AdminLayout.csrfField(signedIn))\
                \(source.enabled ? "yes" : "no") <button type="submit" name="change" value="\(source.enabled ? "disable" : "enable")">\
                \(source.enabled ? "Stop harvesting" : "Harvest")</button></form></td></tr>

                """
        }
        main += "</tbody>\n</table>\n"
        return AdminLayout.render(title: "Sources", signedIn: signedIn, main: main)
    }
}
