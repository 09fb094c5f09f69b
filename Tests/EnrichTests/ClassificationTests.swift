import EnbekshiCore
@testable import Enrich
import Foundation
import Testing

@Suite("Sections and regions")
struct ClassificationTests {
    @Test("the publishing body is evidence, and the reason says so")
    func sourcePrior() {
        let result = SectionClassifier.classify(
            source: Source(catalogSlug: "kgd-zhetysu"), title: "Dear residents!", paragraphs: ["Check your debts before December 31."])
        #expect(result.primary == .economics)
        #expect(result.reason.contains("publisher is a finance or tax body"))
        #expect(result.reason.contains("(+"))
    }

    @Test("the text outweighs a weak prior: an akimat's school news is education")
    func textWins() {
        let result = SectionClassifier.classify(
            source: Source(catalogSlug: "kostanay"), title: "New school opened for 600 pupils",
            paragraphs: ["Teachers and pupils of the school attended the opening; the kindergarten next door was renovated."])
        #expect(result.primary == .education)
    }

    @Test("the model sees an article's features in one order, so no process's hash seed breaks a near tie differently")
    func featureOrder() {
        let features = SectionModel.features(
            source: Source(catalogSlug: "kgd-pavlodar"), title: "Налоговый департамент провел семинар",
            paragraphs: ["Предприниматели узнали о новых налоговых льготах и бюджете региона."])
        #expect(features.count > 10)
        #expect(features.map(\.name) == features.map(\.name).sorted())
    }

    @Test("fitting learns from a decision right by too little, not only from a wrong one")
    func marginLearning() throws {
        // Chess twice against a theatre once: sport by a hand-written margin of a quarter.
        let article = LabelledArticle(
            project: "", lang: "en", title: "Theatre hosts a chess evening", body: "<p>Chess players met at the theatre. Chess.</p>",
            section: "sport", sectionAlternative: nil, region: "republic")
        let paragraphs = SectionClassifier.paragraphs(ofHTML: article.body)
        func decide(_ model: SectionModel) -> SectionClassifier.Result {
            model.classify(source: Source(catalogSlug: ""), title: article.title, paragraphs: paragraphs)
        }
        let before = decide(.initial)
        try #require(before.primary == .sport && before.margin < SectionModel.margin)
        let after = decide(SectionModel.initial.fitted(to: [SectionModel.Example(article)]))
        #expect(after.primary == .sport)
        #expect(after.margin > before.margin, "\(before.margin) → \(after.margin)")
    }

    @Test("traffic rules are law, not roads", arguments: [
        ("Ақтөбеде жол ережесін бұзған жүргізушілер анықталды", "Полиция бір апта ішінде жол ережесін бұзған 700 жүргізушіні жауапқа тартты."),
        ("Водителей проверили на соблюдение правил дорожного движения", "За неделю выявлено 300 нарушений ПДД на дорогах города."),
        ("Police check drivers for traffic violations", "Officers stopped 200 cars on the ring road; 40 drivers broke traffic rules."),
    ])
    func trafficRules(_ example: (String, String)) {
        let result = SectionClassifier.classify(source: Source(catalogSlug: ""), title: example.0, paragraphs: [example.1])
        #expect(result.primary == .law, "\(result.reason)")
    }

    @Test("the words that name a field decide it: the power grid is the economy's, a UN rights council abroad is foreign relations, meat and pedigree herds are farming, an IT hub is technology", arguments: [
        ("В Коксу открылась подстанция скорой помощи", "Подстанция скорой медицинской помощи получила три машины.", Section.health),
        ("Chess Olympiad: the team finishes fifth", "Kazakhstan's women's team finished fifth at the Chess Olympiad.", Section.sport),
        ("Шымкентте жаңа электр қосалқы станциясы іске қосылды", "Қуаты 80 мегавольт-амперлік станция тұрғын үй алаптарын электр қуатымен қамтамасыз етеді.", Section.economics),
        ("В Кокшетау построили подстанцию", "Новая подстанция мощностью 40 мегаватт обеспечит электроэнергией жилые массивы.", Section.economics),
        ("Delegation speaks at the Human Rights Council", "Kazakhstan's delegation spoke at the session of the Human Rights Council in Geneva.", Section.world),
        ("Делегация Казахстана в Женеве", "Делегация выступила на сессии Совета по правам человека и рассказала о работе омбудсмена.", Section.world),
        ("Солтүстік Қазақстанда ет өндірісі артты", "Асыл тұқымды мал саны өсіп, ет комбинаттары өнімнің бір бөлігін экспорттады.", Section.agriculture),
        ("В области выросло производство мяса", "Мясокомбинаты увеличили выпуск продукции: выросло племенное поголовье.", Section.agriculture),
        ("Meat output rises in the region", "Meat processing plants raised output as pedigree herds grew.", Section.agriculture),
        ("В Уральске открылся IT-хаб для молодёжи", "Молодые программисты изучают кибербезопасность; управление цифровизации поддержит стартапы.", Section.science),
    ])
    func fieldWords(_ example: (String, String, Section)) {
        let result = SectionClassifier.classify(source: Source(catalogSlug: ""), title: example.0, paragraphs: [example.1])
        #expect(result.primary == example.2, "\(result.reason)")
    }

    /// A close call since sets AL–AN joined the fitted set: "жастар" (youth, twice) weighs about as
    /// much as four IT stems, and the winner has flipped with each set. Technology must stay first or
    /// the one runner-up, and the decision is marked uncertain so it goes to the review queue.
    @Test("a Kazakh youth IT hub is technology, or a close second to society")
    func kazakhITHub() {
        let result = SectionClassifier.classify(
            source: Source(catalogSlug: ""), title: "Оралда жастарға арналған ІТ-хаб ашылды",
            paragraphs: ["Жастар мұнда тегін жұмыс істейді; бағдарламашылар киберқауіпсіздік курстарынан өтеді. Цифрландыру басқармасы қолдайды."])
        let closeSecond = result.secondary.first == .science && result.margin < TopicReview.sectionMargin
        #expect(result.primary == .science || closeSecond, "margin \(result.margin): \(result.reason)")
    }

    @Test("short stems match whole words: Almaty is not an apple, villages are not a mudflow", arguments: [
        ("В Алматинской области открыли детский сад", "Детский сад на 320 мест открылся в селе Узынагаш.", "“алма”"),
        ("В пять сел провели водопровод", "Жители пяти сел района получили чистую питьевую воду.", "“сел"),
        ("Врачи провели операцию", "Хирурги провели операцию на сердце; КПО Оперейтинг помог с оборудованием.", "“опер”"),
        ("Cardiac centre performs 500th stent operation", "Surgeons performed the operation within two hours.", "“opera”"),
    ])
    func wholeWords(_ example: (String, String, String)) {
        let result = SectionClassifier.classify(source: Source(catalogSlug: ""), title: example.0, paragraphs: [example.1])
        #expect(!result.reason.contains(example.2), "\(result.reason)")
    }

    @Test("a stem is no evidence in a word it only begins: fodder is not corruption, a riverbed not \"intended for\"", arguments: [
        ("Сыбайлас жемқорлыққа қарсы агенттік жемқорлық деректерін жариялады.", "жем"),
        ("Балаларға арналған лагерь арнайы бағдарламамен жұмыс істейді.", "арна"),
        ("Үкімет отырысында үкіметаралық комиссия құрылды.", "үкім"),
        ("Өңдеу өнеркәсібі 5 пайызға өсті.", "өнер"),
        ("Уылдырық шашу кезінде балық аулауға тыйым салынды.", "аула"),
        ("На трассе появились дорожные указатели.", "указ"),
        ("Абай облысының аудандарында 200 шақырым жол жөнделді.", "абай"),
        ("В Наурызбайском районе открылась школа.", "наурыз"),
        ("Зерно отправили в Грузию.", "груз"),
        ("New bicycle lanes will connect the left bank with the river banks downtown.", "bank"),
        ("Еңбекшіқазақ ауданында су қоймасы салынады.", "еңбек"),
        ("На верфи спустили на воду новое судно.", "суд"),
        ("Ауыл тұрғындары ауыз суды тасымалдайды.", "суд"),
        ("В центре работают консультанты по электронным услугам.", "консул"),
        ("The consultation took an hour.", "consul"),
        ("It is important to note the progress.", "import"), ("The talks were fruitful.", "fruit"),
        ("Тараптар жемісті ынтымақтастықты атап өтті.", "жеміс"), ("Саябаққа көшеттер отырғызылды.", "көше"),
    ])
    func stemsInOtherWords(_ example: (String, String)) {
        let stems = SectionClassifier.matches(in: example.0, limit: 100).keys.map(\.stem)
        #expect(!stems.contains(example.1), "\(stems)")
    }

    @Test("a phrase is one piece of evidence: its words are not counted again, nor a shorter phrase it begins with", arguments: [
        ("В селе открылся детский сад на 120 мест.", "детск сад", "сад"),
        ("The delegation spoke at the Human Rights Council.", "human rights council", "human rights"),
        ("Делегация выступила на Совете по правам человека.", "совет по правам человека", "прав человека"),
        ("Соглашение о строительстве железной дороги подписано в Пекине.", "железн дорог", "дорог"),
        ("Бос жұмыс орындары жәрмеңкесі өтті.", "бос жұмыс орындары жәрмеңке", "жәрмеңке"),
        ("Открылась подстанция скорой помощи.", "подстанц скор", "подстанц"),
    ])
    func phrases(_ example: (String, String, String)) {
        let stems = SectionClassifier.matches(in: example.0, limit: 100).keys.map(\.stem)
        #expect(stems.contains(example.1), "\(stems)")
        #expect(!stems.contains(example.2), "\(stems)")
    }

    @Test("the same stems still find their own words", arguments: [
        ("Фермерлер малға жем дайындады.", "жем$"), ("Өзен арнасы тазартылды.", "арнасы"), ("Сот үкімі заңды күшіне енді.", "үкімі"),
        ("Қолөнер шеберлері өнерін көрсетті.", "өнерін"), ("Ауланы абаттандыру аяқталды; ауласы жарықтандырылды.", "ауласы"),
        ("Президент подписал указ.", "указ$"), ("Абай өлеңдері оқылды.", "абай"), ("Наурыз мейрамы тойланды.", "наурыз"),
        ("Порт принял грузы и контейнеры.", "грузы$"),
        ("The bank raised its base rate.", "bank"),
        ("Суд вынес приговор; решение суда обжаловано.", "суда$"),
        ("Генеральное консульство выдало визы.", "консульств"), ("The consul general met the diaspora.", "consul$"),
        ("В Семее открыли центр обслуживания населения.", "центр обслуживания населения"),
        ("Резиденты IT-парка получат льготы.", "it-парк"), ("The National Guard opened a centre.", "national guard"), ("На маршрут вышли электробусы.", "электробус"), ("Подстанция скорой помощи открылась.", "подстанц скор"),
    ])
    func stemsInTheirWords(_ example: (String, String)) {
        let stems = SectionClassifier.matches(in: example.0, limit: 100).keys.map(\.stem)
        #expect(stems.contains(SectionClassifier.stemKey(example.1)), "\(stems)")
    }

    @Test("regions: from the slug, abroad for embassies, from the text for national bodies, else the republic", arguments: [
        ("kgd-zhambyl", "Tax news", "", "zhambyl"), ("mfa-london", "Visit", "", "abroad"),
        ("mod", "Учения в Жамбылской области", "Военнослужащие провели учения в Жамбылской области.", "zhambyl"),
        ("edu", "Олимпиада", "Школьники Астаны и Алматы стали призёрами.", "republic"),
        ("dsm", "Vaccination", "The ministry reports vaccination across the country.", "republic"),
        // Villages, fields and city districts, and stems cut so they are not common words.
        ("", "Бурение", "Тенгизшевройл начал бурение новых скважин.", "atyrau"),
        ("", "Жаңа саябақ", "Алмалы ауданында жаңа саябақ ашылды.", "almaty"),
        ("", "Новая поликлиника", "В Туранском районе открылась поликлиника.", "shymkent"),
        ("", "Tourists", "Tourists visited the Kolsai lakes.", "almaty-region"),
        ("", "Қаражат бөлінді", "Жол жөндеуге қаражат бөлінді; кен орындары мен кендер тексерілді.", "republic"),
        ("", "Мектеп", "Ұшарал қаласында жаңа мектеп салынады.", "zhetysu"),
    ])
    func regions(_ example: (String, String, String, String)) {
        let result = RegionResolver.resolve(source: Source(catalogSlug: example.0), title: example.1, paragraphs: [example.2])
        #expect(result.code == example.3)
    }

    @Test("the committed pairs meet the targets: precision 0.95, recall 0.90")
    func storyPairs() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../eval/stories.jsonl")
        var found = 0, merged = 0, missed = 0, total = 0
        var related = (found: 0, wrong: 0, missed: 0)
        for line in try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline) {
            let pair = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            func fingerprint(_ key: String) throws -> TextFingerprint {
                let item = try #require(pair[key] as? [String: String])
                let text = (item["body"] ?? "").replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                return TextFingerprint(title: item["title"] ?? "", paragraphs: [text])
            }
            let a = try fingerprint("a"), b = try fingerprint("b")
            let same = StoryMatcher.sameStory(a, b).same
            let labelled = pair["same_story"] as? Bool ?? false
            if let relatedLabel = pair["related"] as? Bool {
                let linked = !same && StoryMatcher.related(a, b) != nil
                if linked && relatedLabel { related.found += 1 } else if linked { related.wrong += 1 } else if relatedLabel { related.missed += 1 }
            }
            total += 1
            if same && labelled { found += 1 } else if same { merged += 1 } else if labelled { missed += 1 }
        }
        #expect(total >= 100)
        #expect(Double(found) / Double(max(1, found + merged)) >= 0.95)
        #expect(Double(found) / Double(max(1, found + missed)) >= 0.90)
        // Different releases on one subject (the Zhambyl/Zhetysu tax pair among them) are linked.
        #expect(related.found >= 10)
        #expect(Double(related.found) / Double(max(1, related.found + related.wrong)) >= 0.9)
        #expect(Double(related.found) / Double(max(1, related.found + related.missed)) >= 0.8)
    }
}
