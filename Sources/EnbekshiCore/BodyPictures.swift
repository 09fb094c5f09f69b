/// The pictures inside a sanitised body, as the cleaner writes them (`<img src="…" alt="…" loading="lazy">`):
/// found for the picture queue at ingest, and swapped for stored sizes when a page is made.
public enum BodyPictures {
    /// One `<img>` element of a body.
    public struct Image: Sendable, Equatable {
        /// Where the element is in the HTML.
        public var range: Range<String.Index>
        /// Its `src`, unescaped.
        public var source: String
        /// Its `alt`, still escaped.
        public var escapedAlt: String
    }

    /// Searched as UTF-8 bytes: this runs over every body of every feed and article page rendered.
    public static func images(inHTML html: String) -> [Image] {
        var copy = html
        let found: [(start: Int, end: Int, source: String, alt: String?)] = copy.withUTF8 { bytes in
            var found: [(Int, Int, String, String?)] = []
            var from = 0
            while let start = bytes.firstOffset(of: tagStart, from: from) {
                guard let close = bytes.firstOffset(of: tagEnd, from: start + tagStart.count) else { break }
                let tag = UnsafeBufferPointer(rebasing: bytes[start...close])
                if let source = attribute(srcAttribute, in: tag) {
                    found.append((start, close + 1, HTMLEscaping.unescapeBasic(source), attribute(altAttribute, in: tag)))
                }
                from = close + 1
            }
            return found
        }
        let utf8 = html.utf8
        return found.map { image in
            let lower = utf8.index(utf8.startIndex, offsetBy: image.start)
            return Image(
                range: lower..<utf8.index(lower, offsetBy: image.end - image.start), source: image.source,
                escapedAlt: image.alt ?? "")
        }
    }

    /// Addresses of the body's pictures on the web (what the picture queue fetches).
    public static func sources(inHTML html: String) -> [String] {
        images(inHTML: html).map(\.source).filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
    }

    private static let tagStart = Array("<img ".utf8)
    private static let tagEnd = Array(">".utf8)
    private static let srcAttribute = Array(" src=\"".utf8)
    private static let altAttribute = Array(" alt=\"".utf8)
    private static let quote = Array("\"".utf8)

    /// The value of the attribute whose opening (` name="`) is `opening`, as written in the tag.
    static func attribute(_ opening: [UInt8], in tag: UnsafeBufferPointer<UInt8>) -> String? {
        guard let start = tag.firstOffset(of: opening) else { return nil }
        let valueStart = start + opening.count
        guard let end = tag.firstOffset(of: quote, from: valueStart) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: tag[valueStart..<end]), as: UTF8.self)
    }
}
