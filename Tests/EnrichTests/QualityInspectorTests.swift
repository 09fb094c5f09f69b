import EnbekshiCore
@testable import Enrich
import Testing

@Suite("QualityInspector: what an editor should look at")
struct QualityInspectorTests {
    static let body = [
        "At a meeting of the commission on counteracting corruption, the deputies heard the report of the head of the "
            + "department on the work done in the current year and the plans for strengthening the personnel reserve.",
    ]

    @Test("Cyrillic words in English are flagged by name")
    func cyrillic() {
        let flags = QualityInspector.inspect(
            language: .en, title: "Lidiya Afanasyevna Ignatenko is celebrating her юбилей", paragraphs: Self.body,
            published: GovKzDate("2025-12-18"))
        #expect(flags.contains(QualityFlag(.cyrillicInEnglish, "юбилей")))
    }

    @Test("translation-tool residue is flagged", arguments: [
        "Akimat provel vstrechu s zhitelyami 48 / 5 000 The akimat held a meeting with residents",
        "Akimat provel vstrechu s zhitelyami goroda",
    ])
    func residue(_ title: String) {
        let flags = QualityInspector.inspect(language: .en, title: title, paragraphs: Self.body, published: nil)
        #expect(flags.contains { $0.kind == .translationResidue })
    }

    @Test("a title about something else than its body is flagged; a matching one is not")
    func mismatch() {
        let paragraphs = [String](repeating: "", count: 0) + [
            "Pupils of the school gave a concert for veterans. The programme included songs, dances and poems about the "
                + "homeland, and the children of the music studio played the dombra. Teachers, parents and guests "
                + "thanked the performers and wished them success in the coming competitions of the region.",
        ]
        let off = QualityInspector.inspect(language: .en, title: "Road repairs completed on Abai avenue", paragraphs: paragraphs, published: nil)
        #expect(off.contains { $0.kind == .titleMismatch })
        let on = QualityInspector.inspect(language: .en, title: "School pupils gave a concert for veterans", paragraphs: paragraphs, published: nil)
        #expect(!on.contains { $0.kind == .titleMismatch })
    }

    @Test("text naming only years long before publication is flagged")
    func stale() {
        let paragraphs = ["The deadline for 2018 declarations is 31 March 2019; the 2017 results were summed up."]
        let flags = QualityInspector.inspect(language: .en, title: "Deadline", paragraphs: paragraphs, published: GovKzDate("2025-12-18"))
        #expect(flags.contains(QualityFlag(.staleContent, "latest year named is 2019, published 2025")))
        let fresh = QualityInspector.inspect(language: .en, title: "Deadline", paragraphs: ["In 2019 and 2025 alike."], published: GovKzDate("2025-12-18"))
        #expect(!fresh.contains { $0.kind == .staleContent })
    }

    @Test("a Kazakh request answered in Russian is flagged; a clean English text has no flags")
    func clean() {
        let mismatch = QualityInspector.inspect(language: .ru, requested: .kk, title: "Новость", paragraphs: ["Текст."], published: nil)
        #expect(mismatch == [QualityFlag(.languageMismatch, "asked gov.kz for kk, got ru")])
        let flags = QualityInspector.inspect(
            language: .en, requested: .en, title: "Commission heard the report on corruption", paragraphs: Self.body,
            published: GovKzDate("2025-12-18"))
        #expect(flags.isEmpty)
    }

    @Test("flags survive their text encoding")
    func encoding() {
        let flags = [QualityFlag(.cyrillicInEnglish, "юбилей, кадровый"), QualityFlag(.staleContent, "x\ny")]
        #expect(QualityFlag.decode(QualityFlag.encode(flags)) == [flags[0], QualityFlag(.staleContent, "x y")])
        #expect(QualityFlag.decode("") == [])
    }
}

extension QualityInspectorTests {
    @Test("romanised Russian is found word by word as splitting the lower-cased text into letters finds it")
    func romanisedWordsAgreeWithTheCharacterDefinition() {
        let texts = [
            "Akimat PROVEL vstrechu s Zhitelyami goroda",
            "provel-vstrechu, dlya:takzhe; budet2bylo",
            "Ákimat provelá vstrechuә dlyaБ dlya",
            "Kotoryy\u{0301} kotoraya i̇ kotorye",
            "", "dlya", "ДЛЯ dlya Dlya",
        ]
        for text in texts {
            let expected = Set(text.lowercased().split(whereSeparator: { !$0.isLetter })
                .filter { QualityInspector.romanisedRussian.contains($0) }.map(String.init))
            #expect(Set(QualityInspector.romanisedRussianWords(in: text).map(String.init)) == expected, "\(text)")
        }
    }

    @Test("a title matches its body whatever the case of its words")
    func mismatchIgnoresCase() {
        let paragraphs = [
            "Жители района обсудили ремонт дорог, освещение улиц и вывоз мусора на встрече с акимом.",
            "Аким ответил на вопросы собравшихся, рассказал о планах строительства новой школы, поликлиники "
                + "и спортивной площадки, а также пообещал рассмотреть каждое обращение граждан до конца месяца.",
        ]
        let upper = QualityInspector.inspect(language: .ru, title: "ЖИТЕЛИ РАЙОНА ОБСУДИЛИ РЕМОНТ ДОРОГ", paragraphs: paragraphs, published: nil)
        #expect(!upper.contains { $0.kind == .titleMismatch })
        let other = QualityInspector.inspect(language: .ru, title: "Футболисты завоевали медали первенства", paragraphs: paragraphs, published: nil)
        #expect(other.contains { $0.kind == .titleMismatch })
    }
}
