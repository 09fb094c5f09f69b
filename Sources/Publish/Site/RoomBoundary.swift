/// Where the editors' room begins: its paths and its session cookie. Nothing inside it, and no
/// request that carries its session, is answered from or kept in the public page cache.
public enum RoomBoundary {
    public static let pathPrefix = "/admin"
    public static let sessionCookie = "enbekshi_session"

    /// Whether a path is the room's (`/admin` and below, not `/administration`).
    public static func contains(path: String) -> Bool {
        path == pathPrefix || path.hasPrefix(pathPrefix + "/")
    }

    /// Whether a Cookie header (all of its values) names the room's session cookie.
    public static func carriesSession<S: Sequence<String>>(cookieHeaders: S) -> Bool {
        cookieHeaders.contains { header in
            header.split(separator: ";").contains { $0.drop { $0 == " " }.hasPrefix(sessionCookie + "=") }
        }
    }
}
