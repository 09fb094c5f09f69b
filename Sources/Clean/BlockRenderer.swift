import EnbekshiCore
import Foundation

/// Renders the sanitised block model as HTML and as plain paragraphs.
enum BlockRenderer {
    static func html(_ blocks: [Block]) -> String {
        var output = ""
        for block in blocks {
            if !output.isEmpty { output += "\n" }
            switch block {
            case .paragraph(let inlines):
                output += "<p>" + render(inlines) + "</p>"
            case .heading(let level, let inlines):
                output += "<h\(level)>" + render(inlines) + "</h\(level)>"
            case .list(let ordered, let items):
                let tag = ordered ? "ol" : "ul"
                output += "<\(tag)>" + items.map { "<li>" + render($0) + "</li>" }.joined() + "</\(tag)>"
            case .quote(let paragraphs):
                output += "<blockquote>" + paragraphs.map { "<p>" + render($0) + "</p>" }.joined() + "</blockquote>"
            case .table(let rows):
                output += "<div class=\"table\"><table><tbody>"
                for row in rows {
                    output += "<tr>" + row.map { "<td>" + render($0) + "</td>" }.joined() + "</tr>"
                }
                output += "</tbody></table></div>"
            case .image(let src, let alt):
                output += "<figure><img src=\"\(HTMLEscaping.escape(src))\" alt=\"\(HTMLEscaping.escape(alt))\" loading=\"lazy\"></figure>"
            }
        }
        return output
    }

    static func paragraphs(_ blocks: [Block]) -> [String] {
        var result: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let inlines), .heading(_, let inlines):
                append(text(inlines), to: &result)
            case .list(_, let items):
                for item in items { append(text(item), to: &result) }
            case .quote(let paragraphs):
                for paragraph in paragraphs { append(text(paragraph), to: &result) }
            case .table(let rows):
                for row in rows {
                    append(row.map(text).filter { !$0.isEmpty }.joined(separator: " | "), to: &result)
                }
            case .image:
                break
            }
        }
        return result
    }

    private static func append(_ text: String, to result: inout [String]) {
        if !text.isEmpty { result.append(text) }
    }

    /// Inline runs as text, line breaks as newlines, spaces tidied across run boundaries.
    /// Runs are already collapsed and repaired (TreeWalker); lines are only trimmed and tidied.
    static func text(_ inlines: [Inline]) -> String {
        var lines: [String] = []
        var line = ""
        func endLine() {
            let tidy = TextNormalizer.tidyPunctuation(line.trimmingSpaces())
            if !tidy.isEmpty { lines.append(tidy) }
            line = ""
        }
        for inline in tidiedAcrossRuns(inlines) {
            switch inline {
            case .text(let text, _): line += text
            case .lineBreak: endLine()
            case .image: break
            }
        }
        endLine()
        return lines.count == 1 ? lines[0] : lines.joined(separator: "\n")
    }

    /// Removes a space left before punctuation when the two sit in different runs
    /// ("<a>мәліметінше </a>, бұл" → "мәліметінше, бұл").
    static func tidiedAcrossRuns(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        for index in result.indices.dropFirst() {
            guard case .text(let text, _) = result[index], let first = text.first,
                TextNormalizer.closingPunctuation.contains(first)
            else { continue }
            var previous = index - 1
            while previous >= 0 {
                if case .text(let earlier, let marks) = result[previous] {
                    var trimmed = Substring(earlier)
                    while trimmed.last == " " { trimmed.removeLast() }
                    result[previous] = .text(String(trimmed), marks)
                    break
                }
                if result[previous] == .lineBreak { break }
                previous -= 1
            }
        }
        return result
    }

    static func render(_ inlines: [Inline]) -> String {
        let inlines = tidiedAcrossRuns(inlines)
        var output = ""
        var index = 0
        while index < inlines.count {
            switch inlines[index] {
            case .lineBreak:
                output += "<br>"
                index += 1
            case .image(let src, let alt):
                output += "<img src=\"\(HTMLEscaping.escape(src))\" alt=\"\(HTMLEscaping.escape(alt))\" loading=\"lazy\">"
                index += 1
            case .text(_, let marks):
                // Merge adjacent runs with the same formatting, then wrap once.
                var text = ""
                while index < inlines.count, case .text(let piece, let pieceMarks) = inlines[index], pieceMarks == marks {
                    text += piece
                    index += 1
                }
                var fragment = HTMLEscaping.escape(TextNormalizer.tidyPunctuation(text))
                if marks.emphasis { fragment = "<em>" + fragment + "</em>" }
                if marks.strong { fragment = "<strong>" + fragment + "</strong>" }
                if let link = marks.link {
                    fragment = "<a href=\"\(HTMLEscaping.escape(link))\" rel=\"nofollow noopener\">" + fragment + "</a>"
                }
                output += fragment
            }
        }
        return TextNormalizer.collapseDoubleSpaces(output)
    }
}
