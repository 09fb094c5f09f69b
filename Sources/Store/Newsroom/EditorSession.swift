import Foundation

/// A signed-in browser. The cookie holds a random secret; the store keeps only its SHA-256
/// (`id`), so a copy of the database signs nobody in.
public struct EditorSession: Sendable, Hashable {
    /// The hash of the cookie's secret, hex.
    public var id: String
    public var editorID: Int64
    /// The token every form of this session carries against cross-site requests.
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    /// Where and with what it signed in, for the list of one's sessions.
    public var address: String?
    public var userAgent: String?

    public init(
        id: String, editorID: Int64, csrfToken: String, createdAt: Date, lastSeenAt: Date, address: String?, userAgent: String?
    ) {
        self.id = id
        self.editorID = editorID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.address = address
        self.userAgent = userAgent
    }
}
