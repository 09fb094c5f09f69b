import EnbekshiCore
@testable import Publish
import Testing

@Suite("Foreign runs")
struct ForeignRunsTests {
    @Test("Cyrillic runs in English text get their own lang, Kazakh or Russian by their letters; tags are untouched")
    func marks() {
        #expect(ForeignRuns.mark("<p>The service «Ақ жол» opened.</p>", in: .en)
            == "<p>The service «<span lang=\"kk\">Ақ жол</span>» opened.</p>")
        #expect(ForeignRuns.mark("<p>A юбилей was held, and <a href=\"https://x.kz/?q=юбилей\">the дворец культуры</a>.</p>", in: .en)
            == "<p>A <span lang=\"ru\">юбилей</span> was held, and <a href=\"https://x.kz/?q=юбилей\">the <span lang=\"ru\">дворец культуры</span></a>.</p>")
        #expect(ForeignRuns.mark("<p>Only English.</p>", in: .en) == "<p>Only English.</p>")
        #expect(ForeignRuns.mark("<p>Весь текст по-русски.</p>", in: .ru) == "<p>Весь текст по-русски.</p>")
    }

    @Test("a run with a gloss is followed by it, labelled and escaped; the same runs are found in the HTML's text")
    func glosses() {
        let html = "<p>A юбилей at «Ақ жол», <a href=\"https://x.kz/?q=тест\">see</a>.</p>"
        let marked = ForeignRuns.mark(html, in: .en, glosses: ["юбилей": "anniversary <b>", "тест": "test"], label: "machine translation")
        #expect(marked == "<p>A <span lang=\"ru\">юбилей</span> <span class=\"gloss\">[machine translation: anniversary &lt;b&gt;]</span>"
            + " at «<span lang=\"kk\">Ақ жол</span>», <a href=\"https://x.kz/?q=тест\">see</a>.</p>")
        #expect(CyrillicRuns.runs(inHTML: html).map(\.text) == ["юбилей", "Ақ жол"])
        #expect(CyrillicRuns.runs(inHTML: html).map(\.language) == [.ru, .kk])
    }
}
