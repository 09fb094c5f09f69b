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
}
