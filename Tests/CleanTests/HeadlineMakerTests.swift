import Clean
import Testing

@Suite("HeadlineMaker: every stored version gets a headline")
struct HeadlineMakerTests {
    @Test("a real title is kept, cleaned", arguments: [
        ("  О режиме  работы\u{00A0}ЦОН ", "О режиме работы ЦОН"),
        ("Kazakhstan and Egypt", "Kazakhstan and Egypt"),
    ])
    func keepsTitles(_ pair: (String, String)) {
        #expect(HeadlineMaker.headline(title: pair.0, paragraphs: ["Body."]) == pair.1)
    }

    @Test("empty, dash and null titles are derived from the first sentence", arguments: [nil, "", "-", " – ", "null"])
    func derivesMissingTitles(_ title: String?) {
        let headline = HeadlineMaker.headline(
            title: title, paragraphs: ["The akimat held a meeting with residents. Another sentence follows."])
        #expect(headline == "The akimat held a meeting with residents")
    }

    @Test("a derived headline is cut at a word boundary near 120 characters")
    func derivedLength() {
        let long = String(repeating: "word ", count: 60) + "end."
        let headline = HeadlineMaker.headline(title: "", paragraphs: [long])
        #expect(headline.count <= HeadlineMaker.maxDerivedLength + 1)
        #expect(headline.hasSuffix("…"))
        #expect(!headline.contains("wor…"))
    }

    @Test("no title and no body gives no headline")
    func nothing() {
        #expect(HeadlineMaker.headline(title: "-", paragraphs: []) == "")
    }
}
