import Foundation
import EnbekshiCore

/// Files an article under one primary section (and secondary ones) from the evidence that really
/// decides: the publishing body and the words of the text, in any of its languages. Small,
/// deterministic and explainable: the reason lists every piece of evidence and its weight.
public enum SectionClassifier {
    public struct Result: Sendable, Hashable {
        public var primary: Section
        public var secondary: [Section]
        public var score: Double
        public var reason: String
    }

    /// Word stems (lower case, matched at the start of words) per section, Kazakh, Russian and English.
    static let stems: [Section: [String]] = [
        .world: [
            "посол", "елші", "ambassador", "embassy", "посольств", "дипломат", "diplomat", "халықаралық", "международн",
            "international", "зарубеж", "шетел", "foreign", "бұұ", "оон", "united nations", "визит", "сапар", "visit",
            "консул", "consul", "bilateral", "двусторонн", "екіжақты",
        ],
        .politics: [
            "президент", "president", "парламент", "parliament", "мәжіліс", "мажилис", "сенат", "senat", "депутат",
            "deput", "мәслихат", "маслихат", "maslikhat", "партия", "party", "выбор", "сайлау", "election", "референдум",
            "аким района", "akim of", "әкім", "инаугурац", "government", "үкімет", "правительств", "избра", "elect",
            "сайланды", "голосован", "дауыс беру", "vote", "voting", "явка", "turnout", "есепті кездесу", "есеп бер",
            "отчетн", "отчётн",
        ],
        .economics: [
            "налог", "салық", "tax", "бюджет", "budget", "экономик", "экономика", "econom", "инфляц", "inflation", "ввп",
            "жім", "gdp", "macroecon", "макроэконом", "тариф", "tariff", "декларац", "declarat", "задолж", "берешек", "arrears", "debt", "финанс",
            "қаржы", "financ", "банк", "bank", "кредит", "credit", "займ", "loan", "валют", "currenc", "таможен", "кеден",
            "customs", "инвестиц", "инвестиция", "invest", "теңге", "тенге", "tenge",
        ],
        .business: [
            "бизнес", "business", "предпринимат", "кәсіпкер", "entrepreneur", "мсб", "шағын", "компани", "company",
            "тоо", "жшс", "стартап", "startup", "лиценз", "licens", "рынок", "нарық", "market", "экспорт", "export",
            "завод", "зауыт", "factory", "кәсіпорын", "предприяти", "enterprise", "индустриал", "industrial", "сауда",
            "торгов", "trade",
        ],
        .law: [
            "суд", "сотта", "сотқа", "соттың", "court", "прокур", "prosecut", "закон", "заң", "law", "коррупц", "сыбайлас", "corrupt",
            "правонаруш", "құқықбұзуш", "offence", "преступ", "қылмыс", "crime", "criminal", "полиц", "police",
            "юстиц", "әділет", "justice", "нотариус", "адвокат", "кодекс", "code", "штраф", "айыппұл", "fine",
            "мошенн", "fraud", "алаяқ", "пара ", "взятк", "brib", "ұсталды", "задержа", "detain",
        ],
        .society: [
            "жител", "тұрғын", "resident", "граждан", "азамат", "citizen", "социальн", "әлеуметтік", "social", "пенсион",
            "зейнет", "pension", "семь", "отбасы", "family", "ветеран", "veteran", "жилищ", "тұрғын үй", "housing",
            "волонт", "ерікті", "volunteer", "цон", "хқко", "госуслуг", "мемлекеттік қызмет", "public service", "благоустр",
            "абаттандыру", "молодеж", "жастар", "youth", "занятост", "жұмыспен",
            "employment", "труд", "еңбек", "labor", "labour",
        ],
        .culture: [
            "культур", "мәдени", "cultur", "театр", "theatre", "theater", "музей", "museum", "концерт", "concert",
            "фестивал", "festival", "выставк", "көрме", "exhibition", "искусств", "литератур", "әдебиет",
            "literature", "абай", "юбилей", "мерейтой", "anniversary", "кино", "film", "музык", "music", "дәстүр",
            "tradition", "наурыз", "nauryz",
        ],
        .science: [
            "наук", "ғылым", "scien", "исследован", "зерттеу", "research", "учёны", "ученые", "ученых", "ғалым", "scientist", "университет",
            "university", "инновац", "инновация", "innovat", "цифров", "цифрлық", "digital", "технолог", "technolog",
            "космос", "ғарыш", "space", "искусственн", "жасанды интеллект", "artificial intelligence", "спутник",
            "satellite", "жерсерік", "геолог", "geolog", "лаборатор", "laborator",
        ],
        .tourism: [
            "туризм", "туристі", "туристер", "tourism", "tourist", "турист", "путешеств", "саяхат", "travel", "гостиниц",
            "қонақ үй", "hotel", "курорт", "resort", "достопримечательн", "виза", "visa", "турпоток", "демалыс", "holidaymaker",
        ],
        .health: [
            "здравоохран", "денсаулық", "health", "больниц", "аурухана", "hospital", "поликлиник", "емхана", "clinic",
            "врач", "дәрігер", "doctor", "медицин", "медицина", "medic", "пациент", "науқас", "patient", "вакцин",
            "vaccin", "заболеван", "ауру", "disease", "медсестр", "мейірбике", "nurse", "лекарств", "дәрі", "medicine",
            "донор", "donor", "қан тапсыр", "сдали кровь", "blood", "скрининг", "screening",
        ],
        .education: [
            "образован", "білім", "education", "школ", "мектеп", "school", "учител", "мұғалім", "teacher", "педагог",
            "оқушы", "ученик", "pupil", "student", "студент", "колледж", "college", "детск сад", "балабақша",
            "kindergarten", "экзамен", "емтихан", "exam", "егэ", "ұбт", "олимпиад", "olympiad",
        ],
        .sport: [
            "спорт", "sport", "чемпион", "champion", "турнир", "tournament", "соревнован", "жарыс", "competition",
            "олимпийск", "олимпиялық", "olympic", "футбол", "football", "бокс", "boxing", "медал", "medal", "атлет",
            "athlet",
        ],
        .defence: [
            "оборон", "қорғаныс", "defence", "defense", "армия", "армия", "army", "военн", "әскери", "military",
            "воинск", "әскер", "soldier", "солдат", "безопасност", "қауіпсіздік", "security", "чрезвычайн", "төтенше",
            "emergenc", "пожар", "өрт", "fire", "спасат", "құтқарушы", "rescue", "паводк", "су тасқыны", "flood",
            "терроризм", "terror", "погранич", "шекара", "border", "кнб", "ұқк",
        ],
        .agriculture: [
            "сельское хоз", "сельского хоз", "сельскому хоз", "сельскохоз", "сельхоз", "ауыл шаруашылығ", "agricult",
            "аграри", "agrarian", "мал басы", "ірі қара", "cattle", "orchard", "засея", "посевн", "cotton", "хлопок", "хлопк", "фермер", "шаруа", "farmer", "урожа", "егін", "harvest", "посев",
            "себу", "sowing", "зерн", "астық", "grain", "скот", "livestock", "ветеринар", "veterinar", "агро",
            "agro", "пшениц", "бидай", "wheat", "полив", "ирригац", "irrigat",
        ],
        .environment: [
            "эколог", "ecolog", "environment", "қоршаған орта", "окружающ", "лес", "орман", "forest", "природ", "табиғат",
            "nature", "отход", "қалдық", "waste", "выброс", "шығарынды", "emission", "климат", "климат", "climate",
            "воздух", "ауа", "air quality", "озелен", "көгалдандыру", "greening", "водн", "water resourc", "су ресурс",
            "субботник", "сенбілік", "clean-up", "таза қазақстан", "clean kazakhstan", "мусор", "қоқыс", "garbage",
            "litter", "tree", "ағаш", "дерев", "саженц", "көшет", "sapling", "пластик", "plastic", "сайгак", "киік",
            "saiga", "итбалық", "тюлен", "арал", "aral",
        ],
    ]

    /// What the publishing body says about its news, by kind or by slug.
    static func prior(for source: Source) -> (Section, Double, String)? {
        let slug = source.slug
        let parts = Set(slug.split(separator: "-").map(String.init))
        func has(_ words: String...) -> Bool { words.contains { parts.contains($0) || slug == $0 } }
        if source.kind == .embassy || slug == "mfa" { return (.world, 5, "publisher is a diplomatic body") }
        if source.kind == .taxDepartment || has("kgd", "minfin", "economy", "karzhy", "finance", "fin", "krem", "ardfm", "afm", "stat")
        { return (.economics, 4, "publisher is a finance or tax body") }
        if has("mod", "emer", "knb", "shekaraknb") { return (.defence, 4, "publisher is a defence or security body") }
        if has("adilet", "prokuror", "prokuratura", "anticorruption", "sud") { return (.law, 4, "publisher is a justice body") }
        if has("qriim", "mvd", "police") { return (.law, 3, "publisher is a police body") }
        if has("mti", "damu", "kasipkerlik", "invest") { return (.business, 3, "publisher is a trade or enterprise body") }
        if has("tourism", "turizm") { return (.tourism, 4, "publisher is a tourism body") }
        if has("geology", "kazcosmos") { return (.science, 4, "publisher is a science body") }
        if has("tabigat", "tabigi", "ecology") { return (.environment, 4, "publisher is a natural resources body") }
        if has("dsm", "densaulyk") { return (.health, 4, "publisher is a health body") }
        if has("edu", "sci", "bilim") { return (.education, 4, "publisher is an education body") }
        if has("sport", "tsm") { return (.sport, 3, "publisher is a sport body") }
        if has("moa", "agro", "ashm", "veterinaria", "zher") { return (.agriculture, 4, "publisher is an agriculture body") }
        if has("ecogeo", "forest", "water") { return (.environment, 4, "publisher is an environment body") }
        if has("mam", "madeniet") { return (.culture, 4, "publisher is a culture body") }
        if source.kind == .maslikhat { return (.politics, 2, "publisher is a maslikhat") }
        if source.kind == .akimat { return (.society, 2, "publisher is an akimat") }
        return nil
    }

    public static func classify(source: Source, title: String, paragraphs: [String]) -> Result {
        var scores: [Section: Double] = [:]
        var evidence: [Section: [String]] = [:]
        if let (section, weight, why) = prior(for: source) {
            scores[section, default: 0] += weight
            evidence[section, default: []].append("\(why) (+\(Int(weight)))")
        }
        let titleCounts = matches(in: title, limit: 100)
        let bodyCounts = matches(in: String(paragraphs.joined(separator: " ").prefix(2500)), limit: 400)
        for key in Set(titleCounts.keys).union(bodyCounts.keys) {
            let weight = Double(titleCounts[key] ?? 0) * 3 + Double(min(bodyCounts[key] ?? 0, 3))
            scores[key.section, default: 0] += weight
            evidence[key.section, default: []].append("“\(key.stem)” (+\(Int(weight)))")
        }
        let ranked = scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue) }
        guard let best = ranked.first, best.value > 0 else {
            return Result(primary: .society, secondary: [], score: 0, reason: "no evidence; society by default")
        }
        let secondary = ranked.dropFirst().filter { $0.value >= max(3, best.value * 0.6) }.prefix(2).map(\.key)
        return Result(
            primary: best.key, secondary: Array(secondary), score: best.value,
            reason: (evidence[best.key] ?? []).prefix(6).joined(separator: "; "))
    }

    struct Key: Hashable {
        var section: Section
        var stem: String
    }

    /// A stem ready for comparison: its key and its letters as Unicode scalars.
    struct Entry {
        var key: Key
        var scalars: [Unicode.Scalar]
        var isPhrase: Bool
    }

    /// The first two scalars of a word, packed, to find the handful of stems it can start with.
    static func head(_ scalars: some Collection<Unicode.Scalar>) -> UInt64 {
        var iterator = scalars.makeIterator()
        let first = UInt64(iterator.next()?.value ?? 0), second = UInt64(iterator.next()?.value ?? 0)
        return first << 32 | second
    }

    /// Stems by their first two letters, so each word is compared with a handful of stems.
    static let index: [UInt64: [Entry]] = {
        var index: [UInt64: [Entry]] = [:]
        for (section, list) in stems {
            for stem in list {
                let clean = stem.trimmingCharacters(in: .whitespaces)
                let scalars = Array(clean.unicodeScalars)
                index[head(scalars), default: []].append(
                    Entry(key: Key(section: section, stem: clean), scalars: scalars, isPhrase: clean.contains(" ")))
            }
        }
        return index
    }()

    /// How often each stem starts a word (or, for several-word stems, a run of words) of `text`.
    /// Works on Unicode scalars: this runs on every ingested text and was most of the classifier's cost.
    static func matches(in text: String, limit: Int) -> [Key: Int] {
        // The text as lower-case scalars with single spaces between words, and where each word starts.
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var inWord = false
        scan: for scalar in text.unicodeScalars {
            let isWordScalar = ScalarClass.isAlphabetic(scalar) || (scalar.value >= 0x30 && scalar.value <= 0x39)
            if isWordScalar {
                if !inWord {
                    if starts.count == limit { break scan }
                    if !scalars.isEmpty { scalars.append(" ") }
                    starts.append(scalars.count)
                    inWord = true
                }
                ScalarClass.forEachLowercase(scalar) { scalars.append($0) }
            } else {
                inWord = false
            }
        }
        var counts: [Key: Int] = [:]
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] - 1 : scalars.count
            let word = scalars[start..<end]
            guard let candidates = index[head(word)] else { continue }
            for entry in candidates {
                // A phrase stem may run into the next words; a word stem must start this word.
                let matched = (entry.isPhrase ? scalars[start...] : word).starts(with: entry.scalars)
                if matched { counts[entry.key, default: 0] += 1 }
            }
        }
        return counts
    }
}
