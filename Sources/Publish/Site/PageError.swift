/// A request the site cannot answer with a page, turned into a friendly error page by
/// `ErrorPageMiddleware`.
enum PageError: Error {
    case notFound
    /// The message is shown to the reader, so it says what to fix.
    case badRequest(String)
}
