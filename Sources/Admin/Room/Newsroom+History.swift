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
            let (article, language) = try await edition(context, form)
            let id = article.id
            let reason = try Self.reason(form)
            guard let hash = form["hash"], let version = article.versions[language], version.machineTranslation == nil,
                let entry = try await store.history(articleID: id, language: language).first(where: { $0.contentHash == hash })
            else { throw AdminError.badForm("That edition has no such earlier text from gov.kz.") }
            let earlier = ArticleHistoryModel.restored(entry, language: language)
            guard !earlier.title.isEmpty else { throw AdminError.badForm("That earlier text has no headline to show.") }
            let changed = try await correctText(
                id, language, from: version, title: earlier.title, bodyHTML: earlier.bodyHTML,
                reason: "restored gov.kz's text replaced \(AdminLayout.time(entry.replacedAt)): \(reason)", action: "version.restore", signedIn, context)
            return Response.redirect(to: Notice.path(AdminRoute.history.path(id: id), changed ? .versionRestored : .unchanged), type: .normal)
        }
    }
}
