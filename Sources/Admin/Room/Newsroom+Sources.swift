import EnbekshiCore
import Foundation
import Hummingbird
import Publish
import Store

/// An admin's corrections of a source: its names, kind, region and parent body, kept as records
/// over the catalog (which is seeded again at every start) and given back to it on request.
extension Newsroom {
    func addSourceRoutes(to router: Router<SiteRequestContext>) {
        add(.sourcePage, to: router) { request, context, signedIn, _ in
            guard let slug = context.parameters.get("slug"), let model = try await SourceDeskModel.load(slug: slug, store: store) else {
                throw AdminError.notFound
            }
            return AdminPage.response(SourceDeskView.render(model, signedIn: signedIn, notice: Notice.text(QueryItems.parse(request.uri.query)["done"])))
        }
        add(.correctSource, to: router) { _, context, signedIn, form in
            guard let slug = context.parameters.get("slug"), let source = try await store.source(slug: slug) else { throw AdminError.notFound }
            let reason = try Self.reason(form)
            // Every field is checked before any is saved: a refused form changes nothing.
            var changes: [(field: SourceCorrection.Field, before: String, after: String)] = []
            for field in SourceCorrection.Field.allCases {
                guard let raw = form[field.rawValue] else { continue }
                let value = try await Self.sourceValue(field, raw, of: source, store: store)
                let before = SourceDeskModel.value(field, of: source)
                if value != before { changes.append((field, before, value)) }
            }
            for change in changes {
                let correction = SourceCorrection(slug: slug, field: change.field, value: change.after, actor: signedIn.editor.login, reason: reason, at: Date())
                guard try await store.correctSource(correction) else { throw AdminError.notFound }
                try await audit(signedIn, "source.correct.\(change.field.rawValue)", target: "source:\(slug)", before: change.before, after: change.after, context: context)
            }
            let changed = !changes.isEmpty
            if changed { contentChanged() }
            return Response.redirect(to: Notice.path(AdminRoute.sourcePage.path(slug: slug), changed ? .corrected : .unchanged), type: .normal)
        }
        add(.restoreSourceField, to: router) { _, context, signedIn, form in
            guard let slug = context.parameters.get("slug"), try await store.source(slug: slug) != nil else { throw AdminError.notFound }
            guard let field = form["field"].flatMap(SourceCorrection.Field.init(rawValue:)) else {
                throw AdminError.badForm("Say which field goes back to the catalog's value.")
            }
            let before = try await store.sourceCorrections(slug: slug).first { $0.field == field }?.value
            guard try await store.removeSourceCorrection(slug: slug, field: field) else { throw AdminError.badForm("That field has no correction.") }
            contentChanged()
            try await audit(signedIn, "source.restore.\(field.rawValue)", target: "source:\(slug)", before: before, context: context)
            return Response.redirect(to: Notice.path(AdminRoute.sourcePage.path(slug: slug), .catalogRestored), type: .normal)
        }
    }

    /// A field's new value as the form gives it, checked: names are text (never emptied: the
    /// catalog's comes back by restoring), a kind and a region are ones that exist, and a parent is
    /// another known source.
    static func sourceValue(_ field: SourceCorrection.Field, _ raw: String, of source: Source, store: any NewsStore) async throws -> String {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch field {
        case .nameKK, .nameRU, .nameEN:
            guard value.count <= 300 else { throw AdminError.badForm("A name has at most 300 characters.") }
            if value.isEmpty && !SourceDeskModel.value(field, of: source).isEmpty {
                throw AdminError.badForm("A name cannot be emptied; to give the catalog's back, restore it.")
            }
            return value
        case .kind:
            guard let kind = SourceKind(rawValue: value), kind != .newsroom else { throw AdminError.badForm("There is no kind \"\(value.prefix(40))\".") }
            guard source.kind != .newsroom else { throw AdminError.badForm("The newsroom stays the newsroom.") }
            return value
        case .region:
            guard value.isEmpty || Region.englishName(code: value) != nil else { throw AdminError.badForm("There is no region \"\(value.prefix(40))\".") }
            return value
        case .parent:
            guard !value.isEmpty else { return "" }
            guard value != source.slug, Source.isValidSlug(value), try await store.source(slug: value) != nil else {
                throw AdminError.badForm("The parent is another source, named by its slug (\"\(value.prefix(60))\" is none).")
            }
            return value
        }
    }
}
