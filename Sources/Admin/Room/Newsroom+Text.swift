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
            let reason = try Self.reason(form)
            let title = String((form["title"] ?? "").replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces).prefix(300))
            guard !title.isEmpty else { throw AdminError.badForm("A headline cannot be empty.") }
            // What an editor types goes through gov.kz's allow-list, like everything readers see.
            let body = HTMLCleaner().clean(form["body"] ?? "")
            guard !body.isEmpty else { throw AdminError.badForm("The text cannot be empty; hide the article instead.") }
            let changed = try await correctText(
                article.id, language, from: version, title: title, bodyHTML: body.html, reason: reason,
                action: version.machineTranslation == nil ? "article.correct" : "translation.edit", signedIn, context)
            return Response.redirect(to: Notice.path(AdminRoute.article.path(id: article.id), changed ? .textEdited : .unchanged), type: .normal)
        }
    }

    /// Records an edition's new headline and text as corrections, each field only if it differs
    /// from `version`, each audited as `action`; tells the public site. True when anything changed.
    func correctText(
        _ articleID: Int64, _ language: Language, from version: ArticleVersion, title: String, bodyHTML: String, reason: String, action: String,
        _ signedIn: SignedIn, _ context: SiteRequestContext
    ) async throws -> Bool {
        var changes: [(Correction.Field, String, String)] = []
        if title != version.title { changes.append((.title, version.title, title)) }
        if bodyHTML != version.bodyHTML { changes.append((.body, version.bodyHTML, bodyHTML)) }
        let now = Date()
        for (field, before, after) in changes {
            let correction = Correction(
                articleID: articleID, language: language, field: field, value: after, actor: signedIn.editor.login, reason: reason, at: now)
            guard try await store.correct(correction) else { continue }
            let name = "\(field.rawValue)[\(language.rawValue)]"
            try await audit(
                signedIn, action, target: "article:\(articleID)",
                before: "\(name): \(before.prefix(2_000))", after: "\(name): \(after.prefix(2_000)) (\(reason))", context: context)
        }
        if !changes.isEmpty { contentChanged() }
        return !changes.isEmpty
    }

    /// The reason a form gives for a correction: required, at most 300 characters.
    static func reason(_ form: [String: String]) throws -> String {
        let reason = String((form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(300))
        guard !reason.isEmpty else { throw AdminError.badForm("Say why: the reason is kept with the correction.") }
        return reason
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
