import Clean
import Foundation
import Testing

@Suite("HTMLCleaner: sanitising untrusted gov.kz bodies")
struct HTMLCleanerTests {
    let cleaner = HTMLCleaner()

    @Test("block elements never run together: paragraphs, headings, list items, divs, br")
    func blocksStaySeparate() {
        let html = """
            <p>He received his official certificate.</p><p>The Akim of Munaily District congratulated him.</p>\
            <h3>Exclusion of the service</h3><div>In order to minimize errors</div>\
            <ul><li>tax reporting forms;</li><li>rules for submitting</li></ul>Dear residents!<br><br>The New Year is approaching
            """
        let body = cleaner.clean(html)
        #expect(body.paragraphs == [
            "He received his official certificate.", "The Akim of Munaily District congratulated him.",
            "Exclusion of the service", "In order to minimize errors", "tax reporting forms;", "rules for submitting",
            "Dear residents!", "The New Year is approaching",
        ])
        #expect(!body.plainText.contains("certificate.The"))
        #expect(!body.html.contains("certificate.The"))
        #expect(body.html.contains("<h3>Exclusion of the service</h3>"))
        #expect(body.html.contains("<ul><li>tax reporting forms;</li><li>rules for submitting</li></ul>"))
    }

    @Test("scripts, styles, comments, event handlers and inline styles are dropped")
    func dangerousMarkupIsDropped() {
        let html = """
            <p onclick="alert(1)" style="color:red">Safe <b onmouseover="x()">text</b></p>\
            <script>alert('x')</script><style>p{}</style><!-- secret --><iframe src="https://evil"></iframe>\
            <p><a href="javascript:alert(1)">click</a> <a href="https://example.kz/a?b=1&amp;c=2" target="_blank">ok</a></p>\
            <img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"><p><font size="3"><span class="MsoNormal">Word</span></font></p>
            """
        let body = cleaner.clean(html)
        for forbidden in ["script", "alert", "style", "onclick", "onmouseover", "secret", "iframe", "javascript", "data:", "font", "class", "target"] {
            #expect(!body.html.contains(forbidden), "\(forbidden) survived: \(body.html)")
        }
        #expect(body.html.contains("<p>Safe <strong>text</strong></p>"))
        #expect(body.html.contains("<a href=\"https://example.kz/a?b=1&amp;c=2\" rel=\"nofollow noopener\">ok</a>"))
        #expect(body.paragraphs.contains("click ok"))
        #expect(body.paragraphs.last == "Word")
    }

    @Test("a space before punctuation is removed even across formatting runs")
    func punctuationAcrossRuns() {
        let body = cleaner.clean("<p>агенттігінің <a href=\"https://x.kz\">мәліметінше </a>, бұл <b>бастама </b>.</p>")
        #expect(body.paragraphs == ["агенттігінің мәліметінше, бұл бастама."])
        #expect(body.html == "<p>агенттігінің <a href=\"https://x.kz\" rel=\"nofollow noopener\">мәліметінше</a>, бұл <strong>бастама</strong>.</p>")
    }

    @Test("text is escaped, so markup inside text stays text")
    func textIsEscaped() {
        let body = cleaner.clean("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"</p>")
        #expect(body.html == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>")
        #expect(body.paragraphs == ["<script>alert(1)</script> & \"quotes\""])
    }

    @Test("no-break spaces, zero-width characters and empty paragraphs are normalised away")
    func whitespaceIsNormalised() {
        let html = "<p>&nbsp;</p><p><strong>&nbsp;</strong></p><p>&nbsp;&nbsp; On\u{200B} 18th&nbsp;December  2025 ,  a meeting .</p><p align=\"justify\">&nbsp;</p>"
        let body = cleaner.clean(html)
        #expect(body.paragraphs == ["On 18th December 2025, a meeting."])
        #expect(body.html == "<p>On 18th December 2025, a meeting.</p>")
    }

    @Test("relative /uploads/ images and links resolve against gov.kz without double slashes; anchors are dropped")
    func urlsResolve() {
        let html = """
            <p><img src="/uploads/2025/12/18/abc_original.1.jpg" alt="Meeting"></p>\
            <p>See <a href="/uploads/2020/11/20/x_original.73411.docx">the form</a> and note<a href="#_ftn1" name="_ftnref1">[1]</a></p>
            """
        let body = cleaner.clean(html)
        #expect(body.html.contains("<img src=\"https://www.gov.kz/uploads/2025/12/18/abc_original.1.jpg\" alt=\"Meeting\" loading=\"lazy\">"))
        #expect(body.html.contains("<a href=\"https://www.gov.kz/uploads/2020/11/20/x_original.73411.docx\" rel=\"nofollow noopener\">the form</a>"))
        #expect(!body.html.contains("#_ftn1"))
        #expect(!body.html.contains("gov.kz//"))
        #expect(body.paragraphs == ["See the form and note[1]"])
    }

    @Test("the document wrapper is stripped when present, and a bare fragment is accepted")
    func wrapperAndFragment() throws {
        let wrapped = cleaner.clean("<!DOCTYPE html>\n<html>\n<head>\n<title>x</title></head>\n<body>\n<p>One</p>\n</body>\n</html>")
        #expect(wrapped.paragraphs == ["One"])
        #expect(wrapped.html == "<p>One</p>")
        let fragment = cleaner.clean(try FixtureLoader.body("ardfm-article-186089-ru"))
        #expect(!fragment.paragraphs.isEmpty)
        #expect(!fragment.html.contains("&nbsp;"))
    }

    @Test("real bodies: empty paragraphs dropped, tables kept readable with their images, WordPress classes gone")
    func realBodies() throws {
        let emptyParagraphs = cleaner.clean(try FixtureLoader.body("ardfm-101381-ru"))
        #expect(!emptyParagraphs.html.contains("<p></p>"))
        #expect(emptyParagraphs.paragraphs.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })

        let tables = cleaner.clean(try FixtureLoader.body("ardfm-268949-ru"))
        #expect(tables.html.contains("<table>"))
        #expect(tables.html.contains("https://www.gov.kz/uploads/2021/10/13/2b63dabccf4bafbe1b966396949da2ce_original.50693.jpg"))
        #expect(tables.paragraphs.contains { $0.contains("Рис.1. Динамика потребительского кредитования") })
        #expect(!tables.html.contains("style="))

        let wordpress = cleaner.clean(try FixtureLoader.body("ardfm-article-231115-kk"))
        #expect(!wordpress.html.contains("wp-block"))
        #expect(!wordpress.html.contains("data-href"))
        #expect(wordpress.paragraphs.count > 3)
    }

    @Test("a 58 KB real body with tables and attachments is cleaned completely")
    func largeBody() throws {
        let html = try FixtureLoader.body("ardfm-160365-ru")
        let body = cleaner.clean(html)
        #expect(body.paragraphs.count > 20)
        #expect(body.html.contains(".XLS") || body.html.contains(".xls"))
    }

    @Test("soup, empty and oversized input never crash", arguments: [
        "", "   ", "<", "<p", "</p></p></div>", "<p><b><i>unclosed", "&nbsp;&amp;&unknown;", "\u{0}\u{1}binary\u{FFFD}",
        "<scr<script>ipt>alert(1)</script>",
    ])
    func soup(_ html: String) {
        let body = cleaner.clean(html)
        #expect(!body.html.contains("<div"))
        #expect(!body.html.contains("<script"))
    }

    @Test("5,000 nested elements are cleaned without exhausting the stack")
    func deepNesting() {
        let html = String(repeating: "<div><span>", count: 5000) + "deep" + String(repeating: "</span></div>", count: 5000)
        let body = cleaner.clean(html)
        #expect(body.paragraphs == ["deep"] || body.paragraphs.isEmpty)
        #expect(!body.html.contains("<div"))
    }

    @Test("input past the size limit is cleaned from its first part")
    func sizeLimit() {
        let limited = HTMLCleaner(maxInputBytes: 1000)
        let html = String(repeating: "<p>Paragraph of text.</p>", count: 1000)
        let body = limited.clean(html)
        #expect(body.paragraphs.count > 10)
        #expect(body.paragraphs.count < 100)
    }

    @Test("text in a table outside its cells, and a cell's text around a nested table, is kept", arguments: [
        ("<table>Қазақстан<td>салық</td><tr>налог</tr></table>", ["Қазақстан", "салық", "налог"]),
        ("<table><td><table>жыл<tr>Astana</tr></table>тенге</td></table>", ["жыл", "Astana", "тенге"]),
        ("<table><tr><td>before<tr><td>inner</td></tr>after</td></tr></table>", ["before", "inner", "after"]),
    ])
    func tableText(_ example: (String, [String])) {
        let body = cleaner.clean(example.0)
        let text = body.paragraphs.joined(separator: " ")
        for word in example.1 { #expect(text.contains(word), "\(word) lost from \(example.0): \(body.html)") }
        #expect(!body.lostText)
    }
}
