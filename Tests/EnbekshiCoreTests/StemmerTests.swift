import EnbekshiCore
import Testing

@Suite("Search stemming: other forms of a word meet in one index term")
struct StemmerTests {
    @Test("the forms of a word share one index term", arguments: [
        (Language.ru, ["налог", "налоги", "налогов", "налогам", "налогами"]),
        (.ru, ["департамент", "департамента", "департаменте", "департаментов"]),
        (.ru, ["область", "области", "областью", "областей"]),
        (.ru, ["проверка", "проверки", "проверку", "проверкой"]),
        (.ru, ["ёлка", "елки"]),
        (.kk, ["салық", "салықтар", "салықты", "салықтың", "салықтарды", "салығы"]),
        (.kk, ["мектеп", "мектептер", "мектепте", "мектептің"]),
        (.kk, ["облыс", "облысы", "облыстың", "облыстарда"]),
        (.kk, ["кітап", "кітабы"]),
        (.en, ["tax", "taxes"]), (.en, ["report", "reports", "reporting", "reported"]), (.en, ["policy", "policies"]),
    ])
    func forms(_ language: Language, _ forms: [String]) {
        let stems = Set(forms.map { SearchStemming.indexForm($0, language: language) })
        #expect(stems.count == 1, "\(forms) → \(stems)")
    }

    @Test("different words stay apart, and stems never shrink below three letters")
    func distinct() {
        #expect(SearchStemming.indexForm("салық", language: .kk) != SearchStemming.indexForm("сала", language: .kk))
        #expect(SearchStemming.indexForm("налог", language: .ru) != SearchStemming.indexForm("нал", language: .ru))
        #expect(SearchStemming.indexForm("ана", language: .kk) == "ана")
        #expect(SearchStemming.indexForm("business", language: .en) == "business")
        #expect(SearchStemming.indexForm("2025", language: .ru) == "2025")
        #expect(SearchStemming.indexForm("САЛЫҚТАРДЫ", language: .kk) == "салық")
        #expect(SearchStemming.indexForm("ӘКІМДІГІ", language: .kk) == SearchStemming.indexForm("әкімдігі", language: .kk))
        #expect(SearchStemming.indexForm("НАЛОГОВ", language: .ru) == "налог")
        #expect(SearchStemming.indexForm("Ünïcode", language: .en) == "ünïcode")
    }
}
