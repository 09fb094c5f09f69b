import Foundation
@testable import Clean
import PropertyBased
import Testing

@Suite("Lost text: what the original carried against what cleaning kept")
struct SourceTextTests {
    @Test("letters outside tags, comments, entities and dropped elements are counted", arguments: [
        ("<p>Салық 2025</p>", 9), ("<P CLASS=x>ab</P><!-- hidden text -->cd", 4), ("a &nbsp; &laquo;b&raquo; &#1234; & c", 3),
        ("<script>var secret = 1;</script><STYLE>p { x }</style>ok", 2), ("<o:p>Word</o:p><o:p/>x", 1), ("a < b", 2),
        ("<xml><w:data>junk</w:data></xml>Текст", 5), ("<p>unclosed <b>bold", 12),
    ])
    func counts(_ example: (String, Int)) {
        #expect(SourceText.letterCount(html: example.0) == example.1, "\(example.0)")
    }

    @Test("no recorded gov.kz body is flagged as having lost text")
    func fixturesKeepTheirText() throws {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        #expect(!files.isEmpty)
        for file in files where file.pathExtension == "json" {
            let body = try FixtureLoader.body(file.deletingPathExtension().lastPathComponent)
            #expect(!HTMLCleaner().clean(body).lostText, "\(file.lastPathComponent)")
        }
    }

    /// The soup without elements dropped whole: libxml2's recovery around a stray `<iframe>` or
    /// `<svg>` can really lose the text after it, which is what the flag is for.
    static let plainPieces = SoupPieces.all.filter { piece in
        !["iframe", "script", "style", "svg"].contains { piece.contains($0) }
    }

    @Test("soup of the pieces gov.kz bodies are made of is never flagged: the cleaner keeps what the count sees")
    func soupKeepsItsText() async {
        await propertyCheck(count: 300, input: Gen<String?>.element(of: Self.plainPieces).array(of: 0...80)) { optionalPieces in
            let html = optionalPieces.compactMap { $0 }.joined(separator: " ")
            #expect(!HTMLCleaner().clean(html).lostText, "\(html)")
        }
    }
}
