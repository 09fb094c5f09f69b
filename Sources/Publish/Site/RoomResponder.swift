import Hummingbird

/// Sends the editors' room's paths to the room and everything else to the public site, so the
/// room is never behind the page cache or the site's GET-only methods. Without a room its paths
/// are the site's (a 404).
struct RoomResponder<Site: HTTPResponder<SiteRequestContext>>: HTTPResponder {
    typealias Context = SiteRequestContext
    let site: Site
    let room: (any HTTPResponder<SiteRequestContext>)?

    func respond(to request: Request, context: Context) async throws -> Response {
        if let room, RoomBoundary.contains(path: request.uri.path) { return try await room.respond(to: request, context: context) }
        return try await site.respond(to: request, context: context)
    }
}
