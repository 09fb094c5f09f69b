import EnbekshiCore
import Foundation
import Publish
import Store

/// One source in the room: what readers see of it (the catalog with the newsroom's corrections
/// over it), each correction with who, when and why, its feeds' health, and what was done to it.
struct SourceDeskModel: Sendable {
    var source: Source
    var corrections: [SourceCorrection]
    var feeds: [HarvestState]
    var trail: [AuditEntry]

    static func load(slug: String, store: any NewsStore) async throws -> SourceDeskModel? {
        guard let source = try await store.source(slug: slug) else { return nil }
        return SourceDeskModel(
            source: source, corrections: try await store.sourceCorrections(slug: slug),
            feeds: try await store.harvestStates().filter { $0.source == slug },
            trail: try await store.auditEntries(AuditFilter(target: "source:\(slug)"), limit: 50))
    }

    /// The value a field shows now, as the form edits it.
    static func value(_ field: SourceCorrection.Field, of source: Source) -> String {
        switch field {
        case .nameKK: source.names[.kk] ?? ""
        case .nameRU: source.names[.ru] ?? ""
        case .nameEN: source.names[.en] ?? ""
        case .kind: source.kind.rawValue
        case .region: source.region ?? ""
        case .parent: source.parentSlug ?? ""
        }
    }

    static func label(_ field: SourceCorrection.Field) -> String {
        switch field {
        case .nameKK: "Name in Kazakh"
        case .nameRU: "Name in Russian"
        case .nameEN: "Name in English"
        case .kind: "Kind"
        case .region: "Region"
        case .parent: "Part of (parent body's slug)"
        }
    }
}

enum SourceDeskView {
    static func render(_ model: SourceDeskModel, signedIn: SignedIn, notice: String?) -> String {
        let e = HTMLEscaping.escape
        let source = model.source
        var main = AdminLayout.notice(notice)
        main += "<p><code>\(e(source.slug))</code> · \(source.enabled ? "harvested" : "not harvested") · "
        main += "<a href=\"\(e(SiteRoute.source(.en, source.slug, page: 1).path))\">its public page</a></p>\n"
        main += "<h2>What readers see</h2>\n<dl class=\"facts\">"
        for field in SourceCorrection.Field.allCases {
            let raw = SourceDeskModel.value(field, of: source)
            let value = field == .region ? (Region.englishName(code: raw) ?? raw) : raw
            let corrected = model.corrections.contains { $0.field == field }
            main += "<dt>\(e(SourceDeskModel.label(field)))</dt><dd>\(value.isEmpty ? "—" : e(value))\(corrected ? " <em>(corrected)</em>" : "")</dd>"
        }
        main += "</dl>\n"
        if !model.corrections.isEmpty {
            main += "<h2>Corrections</h2>\n<ul>"
            for correction in model.corrections {
                main += "<li><strong>\(e(SourceDeskModel.label(correction.field)))</strong>: “\(e(correction.value))”"
                main += correction.replaced.map { " (the catalog says “\(e($0))”)" } ?? ""
                main += " — \(e(correction.actor)), \(AdminLayout.time(correction.at)): \(e(correction.reason))"
                main += """
                     <form class="inline" method="post" action="\(e(AdminRoute.restoreSourceField.path(slug: source.slug)))">\(AdminLayout.csrfField(signedIn))\
                    <input type="hidden" name="field" value="\(correction.field.rawValue)"><button type="submit">Back to the catalog's</button></form></li>
                    """
            }
            main += "</ul>\n"
        }
        main += correctionForm(model, signedIn: signedIn)
        main += "<h2>Harvest</h2>\n"
        if source.kind == .newsroom {
            main += "<p>The newsroom's own articles are written in the room, never asked of gov.kz.</p>\n"
        } else if model.feeds.isEmpty {
            main += "<p>Not read yet.</p>\n"
        } else {
            main += "<ul>" + model.feeds.sorted { $0.language.rawValue < $1.language.rawValue }.map { feed in
                var line = "\(feed.language.rawValue): \(feed.itemsStored) stored"
                if let success = feed.lastSuccessAt { line += ", last read \(AdminLayout.time(success))" }
                if feed.consecutiveFailures > 0 { line += ", <strong>failing \(feed.consecutiveFailures)×</strong>: \(e(String((feed.lastError ?? "").prefix(120))))" }
                return "<li>\(line)</li>"
            }.joined() + "</ul>\n"
        }
        main += "<h2>What the newsroom did</h2>\n"
        main += model.trail.isEmpty ? "<p>Nothing yet.</p>\n" : "<ul>" + model.trail.map { entry in
            "<li>\(AdminLayout.time(entry.at)) \(e(entry.actor)): \(e(entry.action))\(entry.after.map { " → \(e(String($0.prefix(200))))" } ?? "")</li>"
        }.joined() + "</ul>\n"
        return AdminLayout.render(title: source.displayName(in: .en), signedIn: signedIn, main: main)
    }

    static func correctionForm(_ model: SourceDeskModel, signedIn: SignedIn) -> String {
        let e = HTMLEscaping.escape
        let source = model.source
        var form = """
            <h2 id="correct">Correct</h2>
            <form class="room-form" method="post" action="\(e(AdminRoute.correctSource.path(slug: source.slug)))">
            \(AdminLayout.csrfField(signedIn))

            """
        for field in [SourceCorrection.Field.nameKK, .nameRU, .nameEN] {
            let language = field == .nameKK ? "kk" : field == .nameRU ? "ru" : "en"
            form += "<p><label for=\"\(field.rawValue)\">\(SourceDeskModel.label(field))</label> "
            form += "<input id=\"\(field.rawValue)\" name=\"\(field.rawValue)\" lang=\"\(language)\" value=\"\(e(SourceDeskModel.value(field, of: source)))\" maxlength=\"300\"></p>\n"
        }
        let kinds = AdminLayout.options(SourceKind.allCases.filter { $0 != .newsroom }.map { ($0.rawValue, $0.rawValue) }, selected: source.kind.rawValue)
        let regions = AdminLayout.options([("", "none")] + AdminLayout.regionChoices, selected: source.region ?? "")
        form += """
            <p><label for="kind">Kind</label> <select id="kind" name="kind">\(kinds)</select></p>
            <p><label for="region">Region</label> <select id="region" name="region">\(regions)</select></p>
            <p><label for="parent">\(SourceDeskModel.label(.parent))</label> <input id="parent" name="parent" value="\(e(source.parentSlug ?? ""))" maxlength="100"></p>
            <p><label for="reason">Why</label> <input id="reason" name="reason" required maxlength="300"></p>
            <p><button type="submit">Save the changed fields</button></p>
            </form>

            """
        return form
    }
}
