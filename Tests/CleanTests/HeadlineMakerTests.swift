@testable import Clean
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

@Suite("HeadlineMaker.present: titles are headlines, shown once")
struct HeadlinePresentationTests {
    let cleaner = HTMLCleaner()

    @Test("ALL-CAPS titles are put in sentence case, acronyms kept, with a real dash", arguments: [
        ("NEW MAYOR - BY THE PEOPLE'S CHOICE", "New mayor — by the people's choice"),
        ("ЦОН ПРИГЛАШАЕТ ЖИТЕЛЕЙ НА ДЕНЬ ОТКРЫТЫХ ДВЕРЕЙ", "ЦОН приглашает жителей на день открытых дверей"),
        ("ҚР ҚАРЖЫ МИНИСТРЛІГІ 2025 ЖЫЛДЫ ҚОРЫТЫНДЫЛАДЫ", "ҚР қаржы министрлігі 2025 жылды қорытындылады"),
    ])
    func allCaps(_ pair: (String, String)) {
        #expect(HeadlineMaker.present(title: pair.0, body: cleaner.clean("<p>Text.</p>")).headline == pair.1)
    }

    @Test("a title loses its trailing full stop, not its question mark or ellipsis", arguments: [
        ("The akimat held a meeting.", "The akimat held a meeting"), ("What changes in 2026?", "What changes in 2026?"),
        ("To be continued...", "To be continued..."),
    ])
    func finalStop(_ pair: (String, String)) {
        #expect(HeadlineMaker.present(title: pair.0, body: cleaner.clean("<p>Body text here.</p>")).headline == pair.1)
    }

    @Test("a paragraph-long title becomes a headline and its full text leads the body")
    func paragraphTitle() {
        let title = "At a meeting of the Commission on Counteracting Corruption Manifestations, information was heard "
            + "from Zhanna Askarovna Askarova, head of the department. In her report, she presented the measures taken "
            + "to prevent corruption offences in the current year and the plans for the next one."
        let (headline, body) = HeadlineMaker.present(title: title, body: cleaner.clean("<p>The commission decided to continue.</p>"))
        #expect(headline.count <= HeadlineMaker.maxDerivedLength + 1)
        #expect(headline.hasPrefix("At a meeting of the Commission on Counteracting Corruption Manifestations"))
        #expect(!headline.hasSuffix("."))
        #expect(body.paragraphs == [title, "The commission decided to continue."])
    }

    @Test("a short headline of two sentences stays a headline")
    func twoSentenceHeadline() {
        let title = "Let's celebrate the New Year without debts! Important reminder about taxes"
        let (headline, body) = HeadlineMaker.present(title: title, body: cleaner.clean("<p>Dear residents!</p>"))
        #expect(headline == title)
        #expect(body.paragraphs == ["Dear residents!"])
    }

    @Test("a long title that already opens the body is not repeated")
    func longTitleAlreadyInBody() {
        let title = "The Department of State Revenue for the Pavlodar region reports that on December 17, 2025, as a "
            + "result of a technical malfunction, some taxpayers could incur arrears"
        let html = "<p>\(title). The data has been corrected.</p><p>Second paragraph.</p>"
        let (headline, body) = HeadlineMaker.present(title: title, body: cleaner.clean(html))
        #expect(body.paragraphs.count == 2)
        #expect(body.paragraphs[0].hasPrefix("The Department of State Revenue"))
        #expect(headline.count <= HeadlineMaker.maxDerivedLength + 1)
    }

    @Test("a first paragraph that only repeats the title is dropped")
    func repeatedTitle() {
        let (headline, body) = HeadlineMaker.present(
            title: "Kazakhstan and Egypt strengthen cooperation",
            body: cleaner.clean("<p><strong>Kazakhstan and Egypt strengthen cooperation.</strong></p><p>Cairo, 15 December.</p>"))
        #expect(headline == "Kazakhstan and Egypt strengthen cooperation")
        #expect(body.paragraphs == ["Cairo, 15 December."])
        #expect(body.html == "<p>Cairo, 15 December.</p>")
    }

    @Test("a paragraph compares with a headline as their comparable forms do, deciding early")
    func comparableAgreesWithItsDefinition() {
        let headline = "Kazakhstan and Egypt strengthen cooperation"
        let paragraphs = [
            "Kazakhstan and Egypt strengthen cooperation.", "KAZAKHSTAN AND EGYPT  strengthen cooperation!?",
            "Kazakhstan and Egypt strengthen cooperation. Cairo.", "Kazakhstan and Egypt", "", "Kazakhstan and Egypt strengthen cooperation…",
            "Kazakhstanand Egypt strengthencooperation", "Қазақстан мен Египет",
        ]
        for paragraph in paragraphs {
            #expect(HeadlineMaker.isComparable(paragraph, to: headline)
                == (HeadlineMaker.comparable(paragraph) == HeadlineMaker.comparable(headline)), "\(paragraph)")
        }
        #expect(HeadlineMaker.isComparable("Жаңалық.", to: "ЖАҢАЛЫҚ"))
    }

    @Test("a title repeated as the first sentence of a paragraph is found whatever its case")
    func repeatedOpeningIgnoresCase() {
        let title = "Департамент государственных доходов напоминает о сроках"
        #expect(HeadlineMaker.repeatedOpening(title: title, paragraph: title.uppercased() + ". Далее текст.") == title.count + 1)
        #expect(HeadlineMaker.repeatedOpening(title: title, paragraph: title + " и далее текст.") == nil)
        #expect(HeadlineMaker.repeatedOpening(title: title, paragraph: title + ".") == nil)
        #expect(HeadlineMaker.repeatedOpening(title: "Короткий", paragraph: "Короткий. Текст.") == nil)
    }
}
