import EnbekshiCore
import Foundation
import Hummingbird
import Publish
import Store

/// A chief editor's decisions about stories (one release published by several bodies): merging
/// two, taking a copy out, choosing the copy that leads, and "not the same story". The story
/// linker respects each afterwards.
extension Newsroom {
    func addStoryRoutes(to router: Router<SiteRequestContext>) {
        add(.mergeStory, to: router) { _, context, signedIn, form in
            let id = try await articleID(context)
            let other = try await Self.otherArticle(form, store: store, not: id)
            // This article's story joins the other's, whose lead stays.
            guard try await store.mergeStories(id, into: other) else { throw AdminError.badForm("They are in one story already.") }
            return try await storyChanged(id, "story.merge", after: "with article \(other)", signedIn, context, back: Self.back(form))
        }
        add(.splitStory, to: router) { _, context, signedIn, _ in
            let id = try await articleID(context)
            guard try await store.splitFromStory(id) else { throw AdminError.badForm("The article is in no story with others.") }
            return try await storyChanged(id, "story.split", after: nil, signedIn, context)
        }
        add(.leadStory, to: router) { _, context, signedIn, _ in
            let id = try await articleID(context)
            guard try await store.leadStory(id) else { throw AdminError.badForm("The article leads its story already, or is in none.") }
            return try await storyChanged(id, "story.lead", after: nil, signedIn, context)
        }
        add(.keepApart, to: router) { _, context, signedIn, form in
            let id = try await articleID(context)
            let other = try await Self.otherArticle(form, store: store, not: id)
            guard try await store.markApart(id, other) else { throw AdminError.notFound }
            return try await storyChanged(id, "story.apart", after: "from article \(other)", signedIn, context, back: Self.back(form))
        }
    }

    func storyChanged(
        _ id: Int64, _ action: String, after: String?, _ signedIn: SignedIn, _ context: SiteRequestContext, back: String? = nil
    ) async throws -> Response {
        contentChanged()
        try await audit(signedIn, action, target: "article:\(id)", after: after, context: context)
        return Response.redirect(to: Notice.path(back ?? AdminRoute.article.path(id: id), .storyChanged), type: .normal)
    }

    /// The article a form names: its number, or the address of its page on the site or in the room.
    static func otherArticle(_ form: [String: String], store: any NewsStore, not id: Int64) async throws -> Int64 {
        let raw = (form["other"] ?? "").trimmingCharacters(in: .whitespaces)
        let number = Int64(raw) ?? raw.split(separator: "/").lazy.compactMap { part in
            Int64(part.prefix { $0.isNumber })
        }.last
        guard let other = number, other != id, try await store.article(id: other) != nil else {
            throw AdminError.badForm("Name another article by its number or the address of its page (\"\(raw.prefix(100))\" is neither).")
        }
        return other
    }
}
