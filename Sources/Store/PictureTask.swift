/// A picture to fetch.
public struct PictureTask: Sendable, Equatable {
    public var url: String
    /// Failed fetches so far.
    public var attempts: Int

    public init(url: String, attempts: Int) {
        self.url = url
        self.attempts = attempts
    }
}
