import EnbekshiCore

/// A stored picture as HTML: `<picture>` with WebP sizes and a JPEG fallback, the original's width
/// and height (the browser keeps the space: no layout shift), lazy below the fold.
enum PictureMarkup {
    /// Where a picture stands, which decides the width the browser picks and how soon it loads.
    enum Placement {
        /// An article's own picture, across the reading column, above the fold.
        case hero
        /// The front page's lead story, across the news column, above the fold.
        case lead
        /// The first story of a section block on the front page, across the narrow block.
        case blockLead
        /// Beside a headline in a list.
        case thumbnail
        /// Inside an article's text.
        case inBody

        var sizes: String {
            switch self {
            case .hero: "(min-width: 48rem) 46rem, 100vw"
            case .lead: "(min-width: 76rem) 48rem, (min-width: 64rem) 62vw, 100vw"
            case .blockLead: "(min-width: 64rem) 16rem, (min-width: 40rem) 45vw, 100vw"
            case .thumbnail: "(min-width: 40rem) 9rem, 7rem"
            case .inBody: "(min-width: 48rem) 46rem, 100vw"
            }
        }

        var loadsEarly: Bool { self == .hero || self == .lead }
    }

    /// `alt` is escaped here.
    static func html(_ picture: PictureReference, alt: String, placement: Placement) -> String {
        let widths = picture.servedWidths
        func srcset(_ format: PictureFormat) -> String {
            widths.map { "\(SiteRoute.picture(hash: picture.hash, width: $0, format: format).path) \($0)w" }.joined(separator: ", ")
        }
        let fallback = widths.last { $0 <= 640 } ?? widths[0]
        // Early pictures simply are not lazy (`fetchpriority` is newer than the HTML checker used here).
        let loading = placement.loadsEarly ? "" : " loading=\"lazy\""
        return "<picture><source type=\"image/webp\" srcset=\"\(srcset(.webp))\" sizes=\"\(placement.sizes)\">"
            + "<img src=\"\(SiteRoute.picture(hash: picture.hash, width: fallback, format: .jpeg).path)\" srcset=\"\(srcset(.jpeg))\" "
            + "sizes=\"\(placement.sizes)\" width=\"\(picture.width)\" height=\"\(picture.height)\" "
            + "alt=\"\(HTMLEscaping.escape(alt))\"\(loading) decoding=\"async\"></picture>"
    }

    /// A body with each of its pictures we hold in stored sizes; a picture we do not hold (not
    /// fetched yet, or refused) is left out, never hot-linked from gov.kz, and so is its empty figure.
    /// gov.kz's own alt text is kept; without one, `alt` stands in.
    static func body(_ html: String, pictures: [String: PictureReference], alt: String) -> String {
        body(html, pictures: pictures, alt: alt) { picture, text in self.html(picture, alt: text, placement: .inBody) }
    }

    /// A body for feeds: each picture we hold as one absolute `<img>` of its largest JPEG (feed
    /// readers show a plain image; few follow `srcset` or relative addresses); the others left out.
    static func feedBody(_ html: String, pictures: [String: PictureReference], alt: String, baseURL: String) -> String {
        body(html, pictures: pictures, alt: alt) { picture, text in plain(picture, alt: text, baseURL: baseURL) }
    }

    /// One absolute JPEG with its size, for a feed.
    static func plain(_ picture: PictureReference, alt: String, baseURL: String) -> String {
        let (url, width, height) = largest(picture, baseURL: baseURL)
        return "<img src=\"\(HTMLEscaping.escape(url))\" width=\"\(width)\" height=\"\(height)\" alt=\"\(HTMLEscaping.escape(alt))\">"
    }

    private static func body(
        _ html: String, pictures: [String: PictureReference], alt: String, render: (PictureReference, String) -> String
    ) -> String {
        let images = BodyPictures.images(inHTML: html)
        guard !images.isEmpty else { return html }
        var output = ""
        var copied = html.startIndex
        for image in images {
            output += html[copied..<image.range.lowerBound]
            copied = image.range.upperBound
            if let picture = pictures[image.source] {
                let text = image.escapedAlt.isEmpty ? alt : HTMLEscaping.unescapeBasic(image.escapedAlt)
                output += render(picture, text)
            } else if output.hasSuffix("<figure>"), html[copied...].hasPrefix("</figure>") {
                // The figure it leaves empty goes too.
                output.removeLast("<figure>".count)
                copied = html.utf8.index(copied, offsetBy: "</figure>".utf8.count)
            }
        }
        output += html[copied...]
        return output
    }

    /// The largest JPEG, absolute, with its size: what feeds name.
    static func largest(_ picture: PictureReference, baseURL: String) -> (url: String, width: Int, height: Int) {
        let (width, height) = picture.largestSize
        return (baseURL + largestJPEG(picture), width, height)
    }

    /// The largest JPEG, for Open Graph and JSON-LD (absolute with the site's address).
    static func largestJPEG(_ picture: PictureReference) -> String {
        SiteRoute.picture(hash: picture.hash, width: picture.largestSize.width, format: .jpeg).path
    }
}
