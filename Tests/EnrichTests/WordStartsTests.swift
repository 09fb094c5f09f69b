@testable import Enrich
import Testing

@Suite("Stems at word starts")
struct WordStartsTests {
    @Test("a stem matches where a word starts; a final $ asks for the whole word")
    func wholeWord() {
        let text = WordStarts("ошибка в ош и ошаке; келесі жылы келес ауданы")
        #expect(text.positions(Array("ош".unicodeScalars)).count == 3)
        #expect(text.count(Array("ош$".unicodeScalars)) == 1)
        #expect(text.count(Array("келес".unicodeScalars)) == 2)
        #expect(text.count(Array("келес$".unicodeScalars)) == 1)
        #expect(text.count(Array("шибка".unicodeScalars)) == 0)
        #expect(text.count(Array("ауданы$".unicodeScalars)) == 1, "a whole word at the end of the text")
    }

    @Test("the words before and after a position are found across marks and spaces, and none past either end")
    func neighbours() throws {
        let text = WordStarts("из алматы, и шымкента; в бурабае, отти")
        let shymkent = try #require(text.positions(Array("шымкент".unicodeScalars)).first)
        let and = try #require(text.start(ofWordBefore: shymkent))
        #expect(text.word(at: and) == "и")
        let almaty = try #require(text.start(ofWordBefore: and))
        #expect(text.word(at: almaty) == "алматы")
        #expect(text.start(ofWordBefore: 0) == nil)
        let burabay = try #require(text.positions(Array("бураба".unicodeScalars)).first)
        let held = try #require(text.start(ofWordAfter: burabay))
        #expect(text.word(at: held) == "отти")
        #expect(text.word(after: burabay) == "отти")
        #expect(text.start(ofWordAfter: held) == nil)
        #expect(text.word(after: held) == "")
        #expect(text.end(ofWordAt: burabay) == burabay + "бурабае".unicodeScalars.count)
    }

    @Test("a sentence runs from after one full stop, exclamation or question mark to the next")
    func sentences() throws {
        let text = WordStarts("первое. второе предложение! третье")
        let second = try #require(text.positions(Array("предлож".unicodeScalars)).first)
        let sentence = text.sentence(containing: second)
        #expect(String(String.UnicodeScalarView(text.scalars[sentence])) == " второе предложение")
        let third = try #require(text.positions(Array("трет".unicodeScalars)).first)
        #expect(text.sentence(containing: third).upperBound == text.scalars.count)
        #expect(text.sentence(containing: 0).lowerBound == 0)
    }
}
