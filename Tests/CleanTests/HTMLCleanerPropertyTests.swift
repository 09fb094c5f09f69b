import Foundation
import Clean
import PropertyBased
import Testing

/// Random HTML soup from the pieces gov.kz bodies are made of, plus hostile ones.
enum SoupPieces {
    static let tags = [
        "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<b>", "</b>", "<strong>", "</strong>", "<i>", "</i>",
        "<span style=\"color:red\">", "</span>", "<ul>", "</ul>", "<ol>", "<li>", "</li>", "<table>", "<tr>", "<td>",
        "</td>", "</tr>", "</table>", "<h1>", "</h1>", "<h3>", "</h3>", "<blockquote>", "</blockquote>",
        "<a href=\"https://example.kz/?a=1&amp;b=2\">", "<a href=\"javascript:alert(1)\">", "</a>",
        "<img src=\"/uploads/2021/1/1/x.jpg\" onerror=\"alert(1)\">", "<script>alert(1)</script>", "<style>p{}</style>",
        "<!-- comment -->", "<o:p></o:p>", "<font size=3>", "</font>", "&nbsp;", "&amp;", "&laquo;", "&raquo;", "&#8203;",
        "<", ">", "\"", "'", "&", "<p onclick=\"x()\">", "<iframe src=\"https://evil\">", "</iframe>", "<svg><g/></svg>",
    ]
    static let words = ["Қазақстан", "салық", "налог", "тенге", "Astana", "2025", "жыл.", "год,", "news!", "және", "ЦОН"]
    static let all = tags + words
}

@Suite("HTMLCleaner properties")
struct HTMLCleanerPropertyTests {
    let cleaner = HTMLCleaner()

    @Test("any soup terminates and yields only allow-listed HTML")
    func allowListed() async {
        await propertyCheck(count: 300, input: Gen<String?>.element(of: SoupPieces.all).array(of: 0...80)) { optionalPieces in
            let pieces = optionalPieces.compactMap { $0 }
            let body = cleaner.clean(pieces.joined(separator: pieces.count % 2 == 0 ? "" : " "))
            #expect(AllowList.permits(body.html), "\(body.html)")
            // Broken markup may survive as escaped text ("&lt;img onerror=…"), which is harmless;
            // nothing executable may survive as markup.
            #expect(!body.html.contains("<script") && !body.html.contains("=\"javascript:"))
            #expect(!body.html.contains("<p></p>"))
            #expect(body.paragraphs.allSatisfy { !$0.isEmpty && $0 == $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    @Test("the text of two blocks is never joined")
    func blocksNeverJoin() async {
        let blockOpeners = ["<p>", "<div>", "<li>", "<h3>", "<td>", "<blockquote>", "<br><br>", "<h1><font>"]
        let noise = ["", "<b>", "</b>", "<span>", "</span>", "&nbsp;", " ", "<i>"]
        let input = Gen<String?>.element(of: blockOpeners).array(of: 2...12)
        await propertyCheck(count: 300, input: input, Gen<String?>.element(of: noise).array(of: 12...12)) { someOpeners, someNoise in
            let openers = someOpeners.compactMap { $0 }
            let noiseList = someNoise.compactMap { $0 }
            var html = ""
            for (index, opener) in openers.enumerated() {
                let closer = opener.hasPrefix("<br") ? "" : "</" + opener.dropFirst().prefix { $0 != ">" } + ">"
                html += opener + noiseList[index] + "word\(index)end" + noiseList[(index + 1) % noiseList.count] + closer
            }
            let tokens = Set(cleaner.clean(html).plainText.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            for index in openers.indices {
                #expect(tokens.contains("word\(index)end"), "\(html) → \(cleaner.clean(html).plainText)")
            }
        }
    }
}
