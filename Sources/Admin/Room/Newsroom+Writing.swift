import EnbekshiCore
import Foundation
import Hummingbird
import Publish
import Store

/// The newsroom's own articles: editors write and submit them, chief editors publish them at once
/// or at a set time, and change them after publication.
extension Newsroom {
    static let writingPage = 200

    func addWritingRoutes(to router: Router<SiteRequestContext>) {
        add(.writing, to: router) { _, _, signedIn, form in
            let raw = form["status"] ?? ""
            let status = NewsroomArticle.Status(rawValue: raw)
            guard raw.isEmpty || status != nil else { throw AdminError.badForm("There is no state \"\(raw)\": draft, submitted, scheduled or published.") }
            let articles = try await store.newsroomArticles(status: status, limit: Self.writingPage)
            return AdminPage.response(WritingView.list(articles, status: status, signedIn: signedIn, notice: Notice.text(form["done"])))
        }
        add(.newArticle, to: router) { _, _, signedIn, _ in
            let now = Date()
            let blank = NewsroomArticle(
                editions: [:], byline: signedIn.editor.displayName, author: signedIn.editor.login, createdAt: now, updatedAt: now)
            return AdminPage.response(WritingView.editor(WritingModel(article: blank, isNew: true), signedIn: signedIn, notice: nil))
        }
        add(.createArticle, to: router) { _, context, signedIn, form in
            let now = Date()
            var article = NewsroomArticle(editions: [:], byline: "", author: signedIn.editor.login, createdAt: now, updatedAt: now)
            do {
                try Self.fill(&article, from: form)
            } catch let problem as WritingProblem {
                return problem.page(article, isNew: true, signedIn: signedIn)
            }
            let id = try await store.addNewsroomArticle(article)
            try await audit(signedIn, "newsroom.create", target: "newsroom:\(id)", after: article.displayTitle, context: context)
            return Response.redirect(to: Notice.path(AdminRoute.ownArticle.path(id: id), .draftSaved), type: .normal)
        }
        add(.ownArticle, to: router) { request, context, signedIn, _ in
            let model = try await WritingModel.load(try await ownArticle(context), store: store)
            return AdminPage.response(
                WritingView.editor(model, signedIn: signedIn, notice: Notice.text(QueryItems.parse(request.uri.query)["done"])))
        }
        add(.saveArticle, to: router) { _, context, signedIn, form in
            var article = try await ownArticle(context)
            // Text readers see or are about to see is the chief editors' to change.
            if [.scheduled, .published].contains(article.status), !signedIn.may(.publish) {
                throw AdminError.forbidden(.publish, signedIn.editor.role)
            }
            let before = article.displayTitle
            do {
                try Self.fill(&article, from: form)
            } catch let problem as WritingProblem {
                return problem.page(article, isNew: false, signedIn: signedIn)
            }
            article.updatedAt = Date()
            try await store.updateNewsroomArticle(article)
            if article.status == .published {
                try await republish(article)
            }
            try await audit(signedIn, "newsroom.save", target: "newsroom:\(article.id)", before: before, after: article.displayTitle, context: context)
            return Response.redirect(to: Notice.path(AdminRoute.ownArticle.path(id: article.id), .draftSaved), type: .normal)
        }
        add(.submitArticle, to: router) { _, context, signedIn, _ in
            let article = try await ownArticle(context)
            guard !article.writtenLanguages.isEmpty else { throw AdminError.badForm("Write a headline first.") }
            guard try await store.moveNewsroomArticle(id: article.id, from: [.draft], to: .submitted, publishAt: nil, articleID: nil, at: Date())
            else { throw AdminError.badForm("Only a draft can be submitted; this one is \(article.status.rawValue).") }
            try await audit(signedIn, "newsroom.submit", target: "newsroom:\(article.id)", before: "draft", after: "submitted", context: context)
            return Response.redirect(to: Notice.path(AdminRoute.ownArticle.path(id: article.id), .submitted), type: .normal)
        }
        add(.publishArticle, to: router) { _, context, signedIn, form in
            var article = try await ownArticle(context)
            guard article.status != .published else { throw AdminError.badForm("It is published already; save changes to update it.") }
            guard !article.writtenLanguages.isEmpty else { throw AdminError.badForm("An article needs a headline in at least one language.") }
            let now = Date()
            let at = try Self.publicationTime(form["publish_at"])
            if let at, at > now.addingTimeInterval(60) {
                guard try await store.moveNewsroomArticle(
                    id: article.id, from: [.draft, .submitted, .scheduled], to: .scheduled, publishAt: at, articleID: nil, at: now)
                else { throw AdminError.badForm("It changed meanwhile; look again.") }
                try await audit(
                    signedIn, "newsroom.schedule", target: "newsroom:\(article.id)", before: article.status.rawValue,
                    after: "scheduled for \(AdminLayout.time(at))", context: context)
                return Response.redirect(to: Notice.path(AdminRoute.ownArticle.path(id: article.id), .scheduled), type: .normal)
            }
            article.publishAt = now
            let articleID: Int64
            do {
                articleID = try await publisher.publish(article, now: now)
            } catch let failure as NewsroomPublisher.PublishFailure {
                throw AdminError.badForm(failure.description)
            }
            guard try await store.moveNewsroomArticle(
                id: article.id, from: [.draft, .submitted, .scheduled], to: .published, publishAt: now, articleID: articleID, at: now)
            else { throw AdminError.badForm("It changed meanwhile; look again.") }
            try await audit(
                signedIn, "newsroom.publish", target: "newsroom:\(article.id)", before: article.status.rawValue, after: "article:\(articleID)",
                context: context)
            return Response.redirect(to: Notice.path(AdminRoute.ownArticle.path(id: article.id), .published), type: .normal)
        }
        add(.withdrawArticle, to: router) { _, context, signedIn, _ in
            let article = try await ownArticle(context)
            guard try await store.moveNewsroomArticle(id: article.id, from: [.submitted, .scheduled], to: .draft, publishAt: nil, articleID: nil, at: Date())
            else { throw AdminError.badForm("Only a submitted or scheduled article goes back to draft; hide a published one instead.") }
            try await audit(
                signedIn, "newsroom.withdraw", target: "newsroom:\(article.id)", before: article.status.rawValue, after: "draft", context: context)
            return Response.redirect(to: Notice.path(AdminRoute.ownArticle.path(id: article.id), .withdrawn), type: .normal)
        }
    }

    func ownArticle(_ context: SiteRequestContext) async throws -> NewsroomArticle {
        guard let id = context.parameters.get("id").flatMap(Int64.init), let article = try await store.newsroomArticle(id: id) else {
            throw AdminError.notFound
        }
        return article
    }

    /// Brings the public article up to date after a change, keeping its first publication time.
    func republish(_ article: NewsroomArticle) async throws {
        do {
            try await publisher.publish(article)
        } catch let failure as NewsroomPublisher.PublishFailure {
            throw AdminError.badForm(failure.description)
        }
    }

    struct WritingProblem: Error {
        var text: String

        /// The editor again, with what was typed and what is wrong with it.
        func page(_ article: NewsroomArticle, isNew: Bool, signedIn: SignedIn) -> Response {
            AdminPage.response(
                WritingView.editor(WritingModel(article: article, isNew: isNew), signedIn: signedIn, notice: nil, problem: text), status: .badRequest)
        }
    }

    /// Copies the form into the article, checking it; what was typed stays in `article` so a form
    /// sent back with a problem keeps it.
    static func fill(_ article: inout NewsroomArticle, from form: [String: String]) throws {
        func text(_ name: String, max: Int) -> String {
            String((form[name] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines).prefix(max))
        }
        var editions: [Language: NewsroomArticle.Edition] = [:]
        for language in Language.allCases {
            let edition = NewsroomArticle.Edition(
                title: text("title-\(language.rawValue)", max: 300).replacingOccurrences(of: "\n", with: " "),
                lead: text("lead-\(language.rawValue)", max: 1_000), body: text("body-\(language.rawValue)", max: 200_000))
            if !edition.isEmpty { editions[language] = edition }
        }
        article.editions = editions
        article.byline = text("byline", max: 120).replacingOccurrences(of: "\n", with: " ")
        let link = text("source_link", max: 500)
        article.sourceLink = link.isEmpty ? nil : link
        let section = form["section"] ?? ""
        article.section = Section(rawValue: section)
        let region = form["region"] ?? ""
        article.region = region.isEmpty ? nil : region
        if let language = Language.allCases.first(where: { editions[$0] != nil && editions[$0]?.title.isEmpty == true }) {
            throw WritingProblem(text: "The \(language.rawValue) edition has text but no headline.")
        }
        guard !editions.isEmpty else { throw WritingProblem(text: "Write a headline in at least one language.") }
        guard !article.byline.isEmpty else { throw WritingProblem(text: "Give a byline: who wrote it.") }
        guard section.isEmpty || article.section != nil else { throw WritingProblem(text: "There is no section \"\(section)\".") }
        guard region.isEmpty || Region.allCodes.contains(region) else { throw WritingProblem(text: "There is no region \"\(region)\".") }
        if let link = article.sourceLink {
            guard let url = URL(string: link), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                throw WritingProblem(text: "The source link must be an http or https address.")
            }
        }
    }

    /// Astana time (UTC+5), as a `datetime-local` field sends it; nil when empty (publish now).
    static func publicationTime(_ raw: String?) throws -> Date? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let parts = raw.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" || $0 == " " }).map { Int($0) }
        guard parts.count >= 5, parts.allSatisfy({ $0 != nil }), let year = parts[0], let month = parts[1], let day = parts[2],
            let hour = parts[3], let minute = parts[4], (2000...2200).contains(year), (1...12).contains(month), (1...31).contains(day),
            (0...23).contains(hour), (0...59).contains(minute)
        else { throw AdminError.badForm("Give the publication time as YYYY-MM-DDTHH:MM (Astana time), not \"\(raw)\".") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WritingView.astana
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)) else {
            throw AdminError.badForm("There is no such time: \(raw).")
        }
        return date
    }
}
