@testable import Publish
import Testing

@Suite("Listing text: leads and slugs")
struct ListingTextTests {
    @Test("a lead is the first paragraph's text, tags removed")
    func lead() {
        let html = "<figure><img src=\"x\"></figure>\n<p>First <strong>bold</strong> &amp; <a href=\"y\">link</a>.</p>\n<p>Second.</p>"
        #expect(Lead.make(fromBodyHTML: html) == "First bold &amp; link.")
        #expect(Lead.make(fromBodyHTML: "<ul><li>no paragraph</li></ul>") == "")
    }

    @Test("a long lead is cut at a word boundary, never inside an entity, and ends with an ellipsis")
    func longLead() {
        let words = Array(repeating: "слово", count: 60).joined(separator: " ")
        let lead = Lead.make(fromBodyHTML: "<p>\(words)</p>")
        #expect(lead.hasSuffix("слово…"))
        #expect(lead.count <= Lead.maxLength + 1)
        let entities = String(repeating: "a ", count: 137) + "b &amp; c, d e f g h i j k"
        let cut = Lead.make(fromBodyHTML: "<p>\(entities)</p>")
        #expect(!cut.contains("&am…"))
        #expect(!cut.hasSuffix(",…"))
    }

    @Test("slugs transliterate Russian and Kazakh, keep ASCII, and collapse the rest", arguments: [
        ("Казахстанцы могут оформить ДТП без полиции и суда", "kazakhstantsy-mogut-oformit-dtp-bez-politsii-i-suda"),
        ("Қаржы ұйымдарына Aitu-ды пайдалану", "qarzhy-uiymdaryna-aitu-dy-paidalanu"),
        ("State corporation \"government for citizens\" reaches 20 years", "state-corporation-government-for-citizens-reaches-20-years"),
        ("«»—!!", "news"),
    ])
    func slugs(_ pair: (String, String)) {
        #expect(Slug.make(pair.0) == pair.1)
    }

    @Test("slugs are at most 60 characters and never end with a dash")
    func slugLength() {
        let slug = Slug.make(String(repeating: "Длинный заголовок новости ", count: 10))
        #expect(slug.count <= 60)
        #expect(!slug.hasSuffix("-"))
    }
}
