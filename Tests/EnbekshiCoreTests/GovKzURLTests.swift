import EnbekshiCore
import Testing

@Suite("gov.kz URLs and HTML escaping")
struct GovKzURLTests {
    @Test("relative media resolve without double slashes", arguments: [
        ("/uploads/2025/1/2/a.jpg", "https://www.gov.kz/uploads/2025/1/2/a.jpg"),
        ("uploads/a.JPG", "https://www.gov.kz/uploads/a.JPG"),
        ("https://www.gov.kz/uploads/a.png", "https://www.gov.kz/uploads/a.png"),
        ("//cdn.gov.kz/a.png", "https://cdn.gov.kz/a.png"),
    ])
    func absolute(_ pair: (String, String)) {
        #expect(GovKzURL.absolute(pair.0, base: "https://www.gov.kz/") == pair.1)
    }

    @Test("a picture's path on gov.kz is taken from gov.kz's hosts or a relative reference; any other host gives none",
          arguments: [
            ("https://www.gov.kz/uploads/2025/1/2/a.jpg", "/uploads/2025/1/2/a.jpg"),
            ("http://GOV.KZ/uploads/a%20b.jpg?v=2", "/uploads/a%20b.jpg?v=2"),
            ("https://cdn.gov.kz/uploads/a.png", "/uploads/a.png"), ("//www.gov.kz/uploads/a.png", "/uploads/a.png"),
            ("/uploads/a.jpg", "/uploads/a.jpg"), ("http://127.0.0.1:8081/uploads/a.jpg", "/uploads/a.jpg"),
            ("https://evil.example/uploads/a.jpg", nil), ("https://gov.kz.evil.example/a.jpg", nil),
            ("https://evilgov.kz/a.jpg", nil), ("file:///etc/passwd", nil), ("javascript:alert(1)", nil), ("//evil.example/a", nil),
          ] as [(String, String?)])
    func portalPath(_ pair: (String, String?)) {
        #expect(GovKzURL.portalPath(pair.0, bases: ["https://www.gov.kz", "http://127.0.0.1:8081"]) == pair.1)
    }

    @Test("the public page of an item names its language")
    func newsPage() {
        #expect(GovKzURL.newsPage(project: "mfa-cairo", id: "1128052", language: .kk)
            == "https://www.gov.kz/memleket/entities/mfa-cairo/press/news/details/1128052?lang=kk")
    }

    @Test("escaping covers the five HTML specials and leaves other text, Cyrillic included, alone")
    func escaping() {
        #expect(HTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping.escape("Қазақстан — «Астана»") == "Қазақстан — «Астана»")
        #expect(HTMLEscaping.escape("") == "")
    }

    @Test("unescaping reverses escaping in one pass; an escaped entity stays literal; unknown entities stay")
    func unescaping() {
        let text = "<a href=\"x\">Tom & Jerry's</a> — «Астана»"
        #expect(HTMLEscaping.unescapeBasic(HTMLEscaping.escape(text)) == text)
        #expect(HTMLEscaping.unescapeBasic("a&nbsp;b &amp;lt; &copy; &") == "a b &lt; &copy; &")
        #expect(HTMLEscaping.unescapeBasic("Қазақстан") == "Қазақстан")
    }

    @Test("each edition falls back to the languages its readers read best")
    func fallback() {
        #expect(Language.kk.fallbackOrder == [.kk, .ru, .en])
        #expect(Language.en.fallbackOrder == [.en, .ru, .kk])
    }
}
