import EnbekshiCore
import Foundation
import Store

/// One edition's headline and text beside what it should be read against: for a machine
/// translation, the edition it was translated from; for a gov.kz original, the text the machines made.
struct TextEditorModel: Sendable {
    var article: Article
    var language: Language
    var corrections: [Correction]

    var version: ArticleVersion? { article.versions[language] }

    /// The text shown beside the form: its language, headline and sanitised HTML.
    var reference: (language: Language, title: String, bodyHTML: String, label: String)? {
        guard let version else { return nil }
        if let mt = version.machineTranslation, let source = article.versions[mt.sourceLanguage] {
            return (mt.sourceLanguage, source.title, source.bodyHTML, "Translated from (\(mt.sourceLanguage.rawValue))")
        }
        let title = corrections.first { $0.field == .title && $0.language == language }?.replaced ?? version.title
        let body = corrections.first { $0.field == .body && $0.language == language }?.replaced ?? version.bodyHTML
        return (language, title, body, "As the machines made it from gov.kz (\(language.rawValue))")
    }
}

enum TextEditorView {
    static func render(_ model: TextEditorModel, signedIn: SignedIn) -> String {
        let e = HTMLEscaping.escape
        guard let version = model.version, let reference = model.reference else {
            return AdminLayout.render(title: "No such edition", signedIn: signedIn, main: "")
        }
        let code = model.language.rawValue
        let kind = version.machineTranslation.map { "machine translation from \($0.sourceLanguage.rawValue) by \(e($0.engine))" } ?? "gov.kz's text"
        var main = "<p><a href=\"\(AdminRoute.article.path(id: model.article.id))\">Back to the article</a> · \(kind)</p>\n"
        main += "<div class=\"side-by-side\">\n"
        main += """
            <section class="preview" lang="\(reference.language.rawValue)" aria-labelledby="reference">
            <h2 id="reference">\(e(reference.label))</h2>
            <h3>\(e(reference.title))</h3>
            <div class="body">
            \(reference.bodyHTML)
            </div>
            </section>

            """
        main += """
            <section aria-labelledby="edit">
            <h2 id="edit">This edition (\(code))</h2>
            <form class="room-form writing" method="post" action="\(AdminRoute.editText.path(id: model.article.id))">
            \(AdminLayout.csrfField(signedIn))
            <input type="hidden" name="lang" value="\(code)">
            <p><label for="title">Headline</label>
            <input id="title" name="title" lang="\(code)" required maxlength="300" value="\(e(version.title))"></p>
            <p><label for="body">Text (HTML: paragraphs, headings, lists, links, emphasis, tables; anything else is removed)</label>
            <textarea id="body" name="body" lang="\(code)" rows="20">\(e(version.bodyHTML))</textarea></p>
            <p><label for="text-reason">Why (kept with the correction)</label>
            <input id="text-reason" name="reason" required maxlength="300"></p>
            <p><button type="submit">Save the corrected text</button></p>
            </form>
            </section>

            """
        main += "</div>\n"
        let title = version.machineTranslation == nil ? "Correct the text (\(code))" : "Edit the machine translation (\(code))"
        return AdminLayout.render(title: title, signedIn: signedIn, main: main)
    }
}
