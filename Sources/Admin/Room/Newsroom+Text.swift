import Clean
import EnbekshiCore
import Foundation
import Hummingbird
import Publish
import Store

/// Correcting one edition's headline and text: a gov.kz original's, or a machine translation's
/// (edited side by side with the text it was translated from). Both are corrections, kept over
/// every later harvest, re-cleaning and translation run.
extension Newsroom {
    func addTextRoutes(to router: Router<SiteRequestContext>) {
        add(.textEditor, to: router) { _, context, signedIn, form in
            let (article, language) = try await edition(context, form)
            try Self.mayEdit(article, language, signedIn)
            let model = TextEditorModel(
                article: article, language: language, corrections: try await store.corrections(articleID: article.id))
            return AdminPage.response(TextEditorView.render(model, signedIn: signedIn))
        }
        add(.editText, to: router) { _, context, signedIn, form in
            let (article, language) = try await edition(context, form)
            try Self.mayEdit(article, language, signedIn)
            guard let version = article.versions[language] else { throw AdminError.notFound }
            let reason = String((form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(300))
            guard !reason.isEmpty else { throw AdminError.badForm("Say why: the reason is kept with the correction.") }
            let title = String((form["title"] ?? "").replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces).prefix(300))
            guard !title.isEmpty else { throw AdminError.badForm("A headline cannot be empty.") }
            // What an editor types goes through gov.kz's allow-list, like everything readers see.
            let body = HTMLCleaner().clean(form["body"] ?? "")
            guard !body.isEmpty else { throw AdminError.badForm("The text cannot be empty; hide the article instead.") }
            var changes: [(Correction.Field, String, String)] = []
            if title != version.title { changes.append((.title, version.title, title)) }
            if body.html != version.bodyHTML { changes.append((.body, version.bodyHTML, body.html)) }
            let now = Date()
            for (field, before, after) in changes {
                let correction = Correction(
                    articleID: article.id, language: language, field: field, value: after, actor: signedIn.editor.login, reason: reason, at: now)
                guard try await store.correct(correction) else { continue }
                let name = "\(field.rawValue)[\(language.rawValue)]"
                try await audit(
                    signedIn, version.machineTranslation == nil ? "article.correct" : "translation.edit", target: "article:\(article.id)",
                    before: "\(name): \(before.prefix(2_000))", after: "\(name): \(after.prefix(2_000)) (\(reason))", context: context)
            }
            if !changes.isEmpty { contentChanged() }
            return Response.redirect(to: Notice.path(AdminRoute.article.path(id: article.id), changes.isEmpty ? .unchanged : .textEdited), type: .normal)
        }
    }

    func edition(_ context: SiteRequestContext, _ form: [String: String]) async throws -> (Article, Language) {
        guard let id = context.parameters.get("id").flatMap(Int64.init), let article = try await store.article(id: id) else {
            throw AdminError.notFound
        }
        guard let language = form["lang"].flatMap(Language.init(rawValue:)), article.versions[language] != nil else {
            throw AdminError.badForm("Say which edition: one of \(article.versions.keys.sorted().map(\.rawValue).joined(separator: ", ")).")
        }
        return (article, language)
    }

    static func mayEdit(_ article: Article, _ language: Language, _ signedIn: SignedIn) throws {
        if article.versions[language]?.machineTranslation != nil, !signedIn.may(.editTranslation) {
            throw AdminError.forbidden(.editTranslation, signedIn.editor.role)
        }
    }
}
