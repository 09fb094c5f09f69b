import Clean
import EnbekshiCore
@testable import Enrich
import TestSupport
import Testing

@Suite("Romanised Russian and title language")
struct RomanisedRussianTests {
    @Test("romanised Russian is told from English and read back into Cyrillic")
    func romanised() {
        let text = "15 sentyabrya 2025 goda sostoyalos' zasedanie kollegii upravleniya obrazovaniya oblasti. V rabote kollegii prinyali uchastie rukovoditeli otdelov."
        #expect(RomanisedRussian.isRomanised(text))
        #expect(RomanisedRussian.cyrillic("sostoyalos' zasedanie kollegii") == "состоялось заседание коллегии")
        #expect(RomanisedRussian.cyrillic("Akim rayona provel vstrechu s zhitelyami") == "Аким района провел встречу с жителями")
        #expect(!RomanisedRussian.isRomanised("On October 9 at a briefing, the vice minister of education said that salaries will rise by 30 percent."))
    }

    @Test("property: no English text of the demo corpus is taken for romanised Russian or for a title in another script")
    func noFalseAlarms() {
        let cleaner = HTMLCleaner()
        var english = 0
        for item in DemoItems.all where item.file.hasSuffix("-en.json") {
            let paragraphs = cleaner.clean(item.body).paragraphs
            guard !paragraphs.isEmpty else { continue }
            english += 1
            #expect(!RomanisedRussian.isRomanised(paragraphs.joined(separator: " ")), "\(item.title)")
            let prepared = VersionPreparer(cleaner: cleaner).prepare(
                title: item.title, bodyHTML: item.body, published: nil, requested: .en, fallbackLanguage: .en)
            #expect(!prepared.flags.contains { $0.kind == .titleLanguage || $0.kind == .romanisedRussian }, "\(item.title)")
        }
        #expect(english >= 5)
        // Nor any Russian or Kazakh one: their titles share their bodies' script.
        for item in DemoItems.all where !item.file.hasSuffix("-en.json") && !item.body.isEmpty {
            let prepared = VersionPreparer(cleaner: cleaner).prepare(
                title: item.title, bodyHTML: item.body, published: nil, requested: nil, fallbackLanguage: .ru)
            #expect(!prepared.flags.contains { $0.kind == .titleLanguage }, "\(item.title)")
        }
    }

    @Test("an English title over a Russian body heads the Russian version with the body's first sentence")
    func englishTitleRussianBody() {
        let prepared = VersionPreparer(cleaner: HTMLCleaner()).prepare(
            title: "Teachers' salaries to rise by 30 percent",
            bodyHTML: "<p>9 октября на брифинге вице-министр просвещения сообщил о повышении зарплаты учителей. Рост коснётся всех регионов.</p>",
            published: nil, requested: .ru, fallbackLanguage: .ru)
        #expect(prepared.language == .ru)
        #expect(prepared.headline == "9 октября на брифинге вице-министр просвещения сообщил о повышении зарплаты учителей")
        #expect(prepared.flags.first?.kind == .titleLanguage)
        #expect(prepared.flags.first?.detail.contains("Teachers' salaries") == true)
    }
}
