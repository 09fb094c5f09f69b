import EnbekshiCore
import Enrich
import Testing

@Suite("LanguageDetector")
struct LanguageDetectorTests {
    @Test("Kazakh, Russian and English texts are told apart", arguments: [
        ("Қазақстан тұтынушылар мен қаржы институттары арасындағы дауларды сотқа дейін шешу үшін бірыңғай қаржылық омбудсмен қызметін құруды ұсынып отыр.", Language.kk),
        ("В 2026 году в стране появится единый финансовый омбудсман, передает LS со ссылкой на АРРФР.", .ru),
        ("Cairo, 15 December 2025 - Ambassador of the Republic of Kazakhstan to the Arab Republic of Egypt held a meeting.", .en),
        ("Председатель Агентства Мадина Абылкасымова вручила награду «Құрмет» сотруднику Айгерім Бауыржанқызы за многолетний труд.", .ru),
        ("Жетісу облысы бойынша мемлекеттік кірістер департаменті салық төлеушілерге ескертеді.", .kk),
    ])
    func languages(_ example: (String, Language)) {
        #expect(LanguageDetector.detect(example.0) == example.1)
    }

    @Test("too little text is not guessed", arguments: ["", "-", "ЦОН", "2025", "OK!"])
    func tooShort(_ text: String) {
        #expect(LanguageDetector.detect(text) == nil)
    }
}
