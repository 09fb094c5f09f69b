import EnbekshiCore
import Foundation
import Store

/// A source's harvest health for readers and operators: per language, the last success, the last
/// error and how many items we hold. Times are shown as Kazakhstan time.
enum SourceHealthView {
    static func render(slug: String, edition: Language, store: any NewsStore) async throws -> String {
        let strings = UIStrings(edition)
        let e = HTMLEscaping.escape
        var rows: [(Language, HarvestState)] = []
        for language in Language.allCases {
            if let state = try await store.harvestState(source: slug, language: language) { rows.append((language, state)) }
        }
        guard !rows.isEmpty else {
            // News loaded from recorded files is collected news: the page lists it, and says nothing
            // about harvests that have not run here.
            let hasNews = try await store.publishedArticleCount(filter: .source(slug), limit: 1) > 0
            return hasNews ? "" : "<p class=\"meta\">\(e(strings.notHarvestedYet))</p>"
        }
        func when(_ date: Date?) -> String {
            guard let date, let local = GovKzDate(GovKzDate.localNow(date)) else { return strings.never }
            return DateText.format(local, in: edition)
        }
        var html = "<details class=\"health\"><summary>\(e(strings.harvestHealth))</summary><div class=\"table\"><table><tbody>"
        html += "<tr><th>\(e(strings.languageLabel))</th><th>\(e(strings.lastSuccess))</th><th>\(e(strings.lastError))</th><th>\(e(strings.itemsStored))</th></tr>"
        for (language, state) in rows {
            let error = state.lastError.map { "\(when(state.lastErrorAt)): \($0)" } ?? "—"
            html += "<tr><td>\(e(language.endonym))</td><td>\(e(when(state.lastSuccessAt)))</td><td>\(e(error))</td><td>\(state.itemsStored)</td></tr>"
        }
        return html + "</tbody></table></div></details>"
    }
}
