import EnbekshiCore
import Foundation
import Hummingbird
import Publish
import Store

/// An article's history in the room, and showing an earlier gov.kz text again.
extension Newsroom {
    func addHistoryRoutes(to router: Router<SiteRequestContext>) {
        add(.history, to: router) { request, context, signedIn, _ in
            let id = try await articleID(context)
            guard let model = try await ArticleHistoryModel.load(id: id, store: store) else { throw AdminError.notFound }
            return AdminPage.response(ArticleHistoryView.render(model, signedIn: signedIn, notice: Notice.text(QueryItems.parse(request.uri.query)["done"])))
        }
        add(.restoreVersion, to: router) { _, context, signedIn, form in
            let id = try await articleID(context)
            guard let language = form["lang"].flatMap(Language.init(rawValue:)), let hash = form["hash"] else {
                throw AdminError.badForm("Say which edition and which of its earlier texts.")
            }
            let reason = String((form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(300))
            guard !reason.isEmpty else { throw AdminError.badForm("Say why: the reason is kept with the correction.") }
            guard let version = try await store.article(id: id)?.versions[language], version.machineTranslation == nil,
                let entry = try await store.history(articleID: id, language: language).first(where: { $0.contentHash == hash })
            else { throw AdminError.badForm("That edition has no such earlier text from gov.kz.") }
            let earlier = ArticleHistoryModel.restored(entry, language: language)
            guard !earlier.title.isEmpty else { throw AdminError.badForm("That earlier text has no headline to show.") }
            let why = "restored gov.kz's text replaced \(AdminLayout.time(entry.replacedAt)): \(reason)"
            var changed = false
            for (field, value, current) in [(Correction.Field.title, earlier.title, version.title), (.body, earlier.bodyHTML, version.bodyHTML)]
            where value != current {
                let correction = Correction(articleID: id, language: language, field: field, value: value, actor: signedIn.editor.login, reason: why, at: Date())
                guard try await store.correct(correction) else { throw AdminError.notFound }
                changed = true
            }
            if changed {
                contentChanged()
                try await audit(
                    signedIn, "version.restore", target: "article:\(id)", before: version.title, after: "\(language.rawValue) \(hash): \(earlier.title)",
                    context: context)
            }
            return Response.redirect(to: Notice.path(AdminRoute.history.path(id: id), changed ? .versionRestored : .unchanged), type: .normal)
        }
    }
}
