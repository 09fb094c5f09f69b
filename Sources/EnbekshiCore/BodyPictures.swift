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

    public static func images(inHTML html: String) -> [Image] {
        var images: [Image] = []
        var searchFrom = html.startIndex
        while let start = html.range(of: "<img ", range: searchFrom..<html.endIndex) {
            guard let end = html.range(of: ">", range: start.upperBound..<html.endIndex) else { break }
            let tag = html[start.lowerBound..<end.upperBound]
            if let source = attribute("src", in: tag) {
                images.append(Image(
                    range: start.lowerBound..<end.upperBound, source: HTMLEscaping.unescapeBasic(source),
                    escapedAlt: attribute("alt", in: tag) ?? ""))
            }
            searchFrom = end.upperBound
        }
        return images
    }

    /// Addresses of the body's pictures on the web (what the picture queue fetches).
    public static func sources(inHTML html: String) -> [String] {
        images(inHTML: html).map(\.source).filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(tag[start.upperBound..<end])
    }
}
