import Foundation
import EnbekshiCore

/// Tells the region of an article: from the publishing body where its slug names one (`kgd-zhetysu`,
/// `almobl-densaulyk`, `kyzylorda-syrdarya`), "abroad" with the country for embassies, and for
/// national bodies from the region the text names most, else "republic".
public enum RegionResolver {
    public struct Result: Sendable, Hashable {
        public var code: String
        /// For "abroad": the place the embassy is in, as its slug names it.
        public var place: String?
        public var reason: String
        /// How clearly the evidence chose: 1 for the publisher or no place named at all, down to 0 when
        /// the text names two regions as often. The review queue shows the least clear.
        public var margin: Double = 1
    }

    /// Word stems naming each region in Kazakh, Russian and English. Several-word names come first
    /// so "Алматы облысы" is the region, not the city.
    static let mentions: [(code: String, stems: [String])] = [
        ("almaty-region", ["алматы облыс", "almaty region", "almaty oblast"] + almatyRegionAdjectives),
        ("east-kazakhstan", ["шығыс қазақстан", "восточно-казахстанск", "east kazakhstan"]),
        ("west-kazakhstan", ["батыс қазақстан", "западно-казахстанск", "west kazakhstan"]),
        ("north-kazakhstan", ["солтүстік қазақстан", "северо-казахстанск", "north kazakhstan"]),
        ("abay", ["абай облыс", "области абай", "abai region", "abay region", "абайская обл", "абайской обл", "абайскую обл"]),
        ("akmola", ["ақмола", "акмолинск", "akmola"]),
        ("aktobe", ["ақтөбе", "актюбинск", "актобе", "aktobe"]),
        ("atyrau", ["атырау", "atyrau"]),
        ("zhambyl", ["жамбыл", "zhambyl", "джамбул"]),
        ("zhetysu", ["жетісу", "жетысу", "zhetysu", "zhetisu"]),
        ("karaganda", ["қарағанды", "карагандинск", "караганд", "karagand", "karaghand"]),
        ("kostanay", ["қостанай", "костанайск", "костанай", "костанае", "костаная", "kostanay", "kostanai"]),
        ("kyzylorda", ["қызылорда", "кызылординск", "кызылорд", "kyzylorda", "кзыл-орд", "kzyl-orda"]),
        ("mangystau", ["маңғыстау", "мангистау", "мангыстау", "mangystau", "mangistau"]),
        ("pavlodar", ["павлодар", "pavlodar"]),
        ("turkistan", ["түркістан", "туркестанск", "туркестан", "turkistan", "turkestan"]),
        ("ulytau", ["ұлытау", "улытау", "ulytau"]),
        // Nur-Sultan was the capital's name from 2019 to 2022, and gov.kz's archive keeps it
        // (the First President is "Нурсултан", without the hyphen); "столица" and "столичный" are
        // the capital's as "елорда" is, but for another capital (`otherCapital`).
        ("astana", ["астан", "astana", "елорда", "нұр-сұлтан", "nur-sultan", "столичн", "столиц"]),
        // "Алматинский" alone is the city's ("алматинские врачи", "алматинский метрополитен"); the
        // region's takes "область" (`almatyRegionAdjectives`, longer, wins where both start).
        ("almaty", ["алматы", "алма-ат", "almaty", "alma-ata", "алматинск"]),
        ("shymkent", ["шымкент", "shymkent"]),
    ]

    /// "Алматинская область" in every case, and "алматинский областной …".
    static let almatyRegionAdjectives = ["ая", "ой", "ую", "ий", "ого", "ом", "ому", "ие", "их", "им", "ими"].map { "алматинск\($0) обл" }

    /// The two largest cities' names, often named in passing ("a director from Almaty"); "столица"
    /// is not a name said in passing but the word for the place ("аким столицы", "в районе столицы").
    static let passingCityNames = Set(mentions.filter { ["almaty", "astana"].contains($0.code) }.flatMap(\.stems)).subtracting(["столиц"])

    /// The stems as scalars, compared at word starts (`WordStarts`): region names first (with their
    /// other Latin spellings, as the gazetteer's places have them), then the region's districts and
    /// towns (`RegionGazetteer`).
    static let mentionScalars: [(code: String, stems: [(String, [Unicode.Scalar])])] = mentions.map { mention in
        let places = RegionGazetteer.places[mention.code] ?? []
        return (mention.code, (mention.stems.flatMap(RegionGazetteer.latinSpellings) + places).map { ($0, Array(RegionGazetteer.folded($0).unicodeScalars)) })
    }

    /// Phrases that put the news at a Kazakh mission abroad: Kazakhstan's embassy, ambassador or
    /// consulate (not another country's ambassador to Kazakhstan).
    static let missionPhrases: [[Unicode.Scalar]] = [
        "embassy of kazakhstan", "embassy of the republic of kazakhstan", "kazakh embassy", "kazakhstan embassy",
        "kazakhstan's embassy", "ambassador of kazakhstan", "ambassador of the republic of kazakhstan", "kazakh ambassador",
        "kazakhstan's ambassador", "consulate general of kazakhstan", "consul general of kazakhstan",
        "permanent mission of kazakhstan", "kazakh diaspora",
        "посольство казахстана", "посольства казахстана", "посольстве казахстана", "посольством казахстана",
        "посольство республики казахстан", "посольства республики казахстан", "посольстве республики казахстан",
        "посольством республики казахстан", "посол казахстана", "посла казахстана", "послом казахстана",
        "посол республики казахстан", "посла республики казахстан", "послом республики казахстан",
        "генеральное консульство казахстана", "генеральное консульство республики казахстан", "генконсульство казахстана",
        "постоянное представительство казахстана", "казахстанской диаспор", "казахской диаспор",
        "қазақстан елшілігі", "қазақстанның елшілігі", "қазақстан республикасының елшілігі", "қазақстан елшісі",
        "қазақстанның елшісі", "қазақстан республикасының елшісі", "қр елшісі", "қр елшілігі", "бас консулдығы",
        "қазақ диаспорасы",
    ].map { Array(RegionGazetteer.folded($0).unicodeScalars) }

    /// Kazakh names a mission by its host between the country and the office: "Қазақстанның
    /// Бразилиядағы елшісі", "ҚР Жапониядағы елшілігі".
    static func missionsNamingTheirPlace(_ text: WordStarts) -> Int {
        kazakhMissionOffices.reduce(0) { count, office in
            count + text.positions(office).filter { position in
                guard let host = text.start(ofWordBefore: position), locativeEndings.contains(where: text.word(at: host).hasSuffix) else { return false }
                return ["казакстаннын", "кр"].contains(text.word(before: host))
            }.count
        }
    }
    static let kazakhMissionOffices = ["елши", "бас консулдыг", "консулдыг", "туракты окилдиг"].map { Array($0.unicodeScalars) }

    /// Words of diplomacy, and words that put a foreign diplomat in Kazakhstan instead.
    static let diplomaticWords: [[Unicode.Scalar]] = [
        "embass", "ambassador", "consul", "посольств", "посол", "посла", "консул", "елшілі", "елшісі", "консулд",
        // A trade house or trade mission is the country's office abroad too.
        "trade house", "trade mission", "торговый дом", "торгового дома", "торговом доме", "торговое представительство",
        "торгпредств", "сауда үйі", "сауда өкілдіг",
    ].map { Array(RegionGazetteer.folded($0).unicodeScalars) }
    /// "To Kazakhstan" says where a foreign diplomat serves, not where the news happens: talks
    /// abroad about a visit "to Kazakhstan" are still abroad.
    static let toKazakhstan = Array(RegionGazetteer.folded("to kazakhstan").unicodeScalars)
    static let inKazakhstan: [[Unicode.Scalar]] = [
        "to kazakhstan", "in kazakhstan", "в казахстане", "в республике казахстан", "қазақстандағы", "в астане", "in astana",
        "астанада$", "астанадағы", "аккредитован",
    ].map { Array(RegionGazetteer.folded($0).unicodeScalars) }

    /// Where the next round of talks will be held ("the next round will be held in Astana",
    /// "следующее заседание пройдёт в Астане") says nothing of where this one was: the stretch of a
    /// sentence after "next", when the sentence speaks of a meeting ("next year in Shymkent" is
    /// still Shymkent's news).
    static func nextRounds(_ text: WordStarts) -> [Range<Int>] {
        nextWords.flatMap { text.positions(Array($0.unicodeScalars)) }.compactMap { next in
            let sentence = text.sentence(containing: next)
            let meeting = roundWords.contains { word in
                text.positions(Array(word.unicodeScalars)).contains { sentence.contains($0) }
            }
            return meeting ? next..<sentence.upperBound : nil
        }
    }
    /// Sentences that tell what a film, book or play is about ("tells the story of a shepherd family
    /// in the Mangystau steppe"): their places are its subject, not where the news happens.
    static func storySentences(_ text: WordStarts) -> [Range<Int>] {
        storyWords.flatMap { text.positions(Array(RegionGazetteer.folded($0).unicodeScalars)) }.map { text.sentence(containing: $0) }
    }
    static let storyWords = ["tells the story", "tells of", "tells about", "рассказывает о", "рассказывает историю", "повествует", "баяндайды"]

    static let nextWords = ["next", "следующ", "келеси", "договорились встретиться", "agreed to meet", "кездесуге келисти"]
    static let roundWords = [
        "round", "meeting", "session", "talks", "consultation", "раунд", "заседан", "встреч", "переговор", "консультац",
        "сесси", "отырыс", "кездесу", "келиссоз", "встретиться", "meet$", "summit", "саммит",
    ]

    /// Words of national actors, whose meetings in the capital are not news about it.
    static let nationalActors: [[Unicode.Scalar]] = [
        "minister", "ministry", "government", "parliament", "mazhilis", "senat", "president", "министр", "правительств",
        "парламент", "мажилис", "сенат", "президент", "министрлі", "министрі", "үкімет", "мәжіліс", "мемлекет басшы",
        "глава государства", "главы государств", "глав государств", "head of state", "heads of state", "national team", "сборная",
        "құрама",
    ].map { Array(RegionGazetteer.folded($0).unicodeScalars) }

    /// A ministry or the government as the one who speaks.
    static let ministryWords: [[Unicode.Scalar]] = [
        "ministry", "министерств", "минздрав", "минэнерго", "минтруд", "минфин", "минсельхоз", "минпросвещ", "министрлі",
        "government", "правительств", "үкімет", "national bank", "национальный банк", "нацбанк", "ұлттық банк",
    ].map { Array(RegionGazetteer.folded($0).unicodeScalars) }

    /// Words of meetings, sessions and talks.
    static let meetingWords: [[Unicode.Scalar]] = [
        "meeting", "session", "talks", "consultation", "forum", "board", "совещан", "заседан", "встреч", "прием", "приём",
        "консультац", "переговор", "коллеги", "форум", "кеңес", "отырыс", "кездес", "алқа", "келіссөз", "жиын", "ойын", "match", "матч",
        "summit", "саммит", "conference", "конференц", "congress", "конгресс", "съезд", "съезі", "briefing", "брифинг",
        "баспасөз мәслихат",
    ].map { Array(RegionGazetteer.folded($0).unicodeScalars) }

    /// Ceremonies: a national actor's award or opening ceremony in the capital is the country's
    /// news, as its meeting there is (only the capital's mention is affected).
    static let ceremonyWords: [[Unicode.Scalar]] = [
        "ceremony", "церемони", "салтанат",
    ].map { Array(RegionGazetteer.folded($0).unicodeScalars) }

    /// Mentions of Astana that do not make the news Astana's: the airline, and for national actors
    /// the capital as the place of a meeting. Each phrase with where the city's name starts in it.
    static func astanaNotTheSubject(nationalActor: Bool) -> [([Unicode.Scalar], Int)] {
        nationalActor ? astanaAsPlace + airline : airline
    }
    static let airline = phrases(["air astana", "эйр астана"])
    static let astanaAttributive = phrases(["астанадағы", "елордадағы", "нұр-сұлтандағы"])
    static let astanaAsPlace = phrases([
        "в астане", "in astana", "астанада", "астанадағы", "елордада", "елордадағы", "astana hosts", "астана принимает",
        "в нур-султане", "in nur-sultan", "нұр-сұлтанда", "нұр-сұлтандағы", "в столице",
    ])

    /// "Столица" of another place: the southern or former capital (Almaty), a foreign state's
    /// ("в столице Венгрии"), or the holiday ("ко Дню столицы").
    static func otherCapital(_ text: WordStarts, at position: Int) -> Bool {
        guard text.word(at: position).hasPrefix("столиц") else { return false }
        let before = text.word(before: position), after = Array(text.word(after: position).unicodeScalars)
        return ["южн", "бывш", "культурн", "северн", "древн", "дн", "день"].contains(where: before.hasPrefix)
            || foreignPlaces.contains { $0.last == "$" ? after == Array($0.dropLast()) : after.starts(with: $0) }
    }
    /// Words of the country's team abroad, whose members' home towns are named in passing ("the
    /// gold went to a boxer from Shymkent").
    static let nationalTeamWords: [[Unicode.Scalar]] = [
        "сборная", "сборной", "сборную", "national team", "құрама", "команда казахстан", "kazakhstan team",
        "kazakhstan's team", "team of kazakhstan", "казахстанские спортсмены", "казахстанских спортсменов", "kazakh athletes",
        "kazakhstan's athletes", "қазақстандық спортшылар", "asian games", "olympic games", "азиатских игр", "олимпийских игр",
        "азия ойындары", "олимпиада ойындары", "paralympic", "паралимпий", "паралимпиад", "паралимпиялық", "казахстанский боксер", "казахстанский боксёр", "казахстанский борец",
        "казахстанская спортсменка", "казахстанский спортсмен", "kazakh boxer", "kazakhstan's boxer", "қазақстандық боксшы",
        "қазақстандық спортшы", "чемпион мира", "чемпионом мира", "world champion", "әлем чемпионы",
    ].map { Array(RegionGazetteer.folded($0).unicodeScalars) }

    /// "Казахстанские пловцы", "Kazakh judoka", "қазақстандық дзюдошы": the country's athletes.
    static func namesNationalAthletes(_ text: WordStarts) -> Bool {
        nationalityWords.contains { nationality in
            text.positions(nationality).contains { position in athleteWords.contains(where: text.word(after: position).hasPrefix) }
        }
    }
    /// The country named as a title's actor ("Kazakhstan's GDP", "Казахстанские учёные").
    static let countryWords: [[Unicode.Scalar]] = ["kazakhstan", "kazakh", "казахстан", "қазақстан"].map { Array(RegionGazetteer.folded($0).unicodeScalars) }
    static let nationalityWords: [[Unicode.Scalar]] = ["казахстанск", "kazakh", "kazakhstan's", "kazakhstani", "қазақстандық", "қазақ$"]
        .map { Array(RegionGazetteer.folded($0).unicodeScalars) }
    static let athleteWords = [
        "спортсмен", "пловц", "боксер", "боксёр", "борц", "дзюдоист", "тяжелоатлет", "лыжник", "биатлонист", "конькобеж", "фигурист",
        "велогонщик", "теннисист", "шахматист", "гимнаст", "легкоатлет", "стрелк", "хоккеист", "футболист", "athlete", "swimmer",
        "boxer", "wrestler", "judoka", "weightlifter", "skier", "biathlete", "skater", "cyclist", "tennis", "chess", "gymnast",
        "shooter", "спортшы", "боксшы", "балуан", "дзюдошы", "жүзгіш", "шахматшы", "теннисші", "ауыр атлет",
        // Olympiad teams of schoolchildren travel as the country's team too.
        "schoolchildren", "pupils", "школьник", "оқушы",
    ].map(RegionGazetteer.folded)

    /// A place named as where someone comes from: "из Караганды", "from Karaganda", "Қарағандыдан",
    /// and the next of a list ("из Алматы и Шымкента", "from Almaty and Shymkent"). `nameLength` is
    /// how much of the word the name covers: the ablative ending follows it ("Түркістан" is none).
    static func isOrigin(_ text: WordStarts, at position: Int, nameLength: Int) -> Bool {
        let ending = String(String.UnicodeScalarView(text.word(at: position).unicodeScalars.dropFirst(nameLength)))
        if ablativeEndings.contains(where: ending.hasSuffix) || nativeWords.contains(text.word(after: position)) { return true }
        // "Қарағанды облысынан": the ending is on the word for region, district or town after the name.
        let after = text.word(after: position)
        if unitWords.contains(where: after.hasPrefix), ablativeEndings.contains(where: after.hasSuffix) { return true }
        var joined = false
        for before in text.startsOfWords(before: position).prefix(8) {
            // The word before "and" is the list's previous place.
            if joined { joined = false; continue }
            let word = text.word(at: before)
            if word == "из" || word == "from" || word == "to" || word == "до" || originWords.contains(word) { return true }
            if word == "of", text.word(before: before).hasPrefix("native") { return true }
            guard word == "и" || word == "and" else { return false }
            joined = true
        }
        return false
    }

    /// A place named as a way through: "through the port of Aktau", "через Хоргос", "Ақтау арқылы".
    static func isTransit(_ text: WordStarts, at position: Int) -> Bool {
        // "Ақтау арқылы", "Ақтау порты арқылы".
        var after = text.start(ofWordAfter: position)
        if let word = after, transitFillers.contains(text.word(at: word)) { after = text.start(ofWordAfter: word) }
        if let word = after, text.word(at: word) == "аркылы" { return true }
        for before in text.startsOfWords(before: position).prefix(4) {
            let word = text.word(at: before)
            if transitWords.contains(word) { return true }
            guard transitFillers.contains(word) else { return false }
        }
        return false
    }
    static let transitWords: Set<String> = ["through", "via", "через"]
    static let transitFillers: Set<String> = ["the", "port", "ports", "of", "порт", "порты", "станцию", "station", "checkpoint", "пункт", "морской", "морские", "sea", "стансасы", "бекети"]

    /// Regions whose every mention stands in a list naming another region too, its names joined
    /// by a comma or "and" alone ("Шілікті, Берел және Есік": two of one region, one of another).
    static func listedPlaces(_ text: WordStarts, mentions: [Int: (length: Int, codes: [(String, String)])], abroad: [Int]) -> Set<String> {
        // A foreign city is a place of the list too ("the Astana – Guangzhou flight").
        var items = mentions
        for position in abroad where items[position] == nil { items[position] = (0, [("abroad", "")]) }
        let ordered = items.sorted { $0.key < $1.key }
        var lists: [[Int]] = []
        var previous: (position: Int, length: Int)?
        for (position, found) in ordered {
            if let previous, case let end = endOfName(text, previous.position + previous.length), end <= position,
               listJoints.contains(String(String.UnicodeScalarView(text.scalars[end..<position])).trimmingCharacters(in: .whitespaces)) {
                lists[lists.count - 1].append(position)
            } else {
                lists.append([position])
            }
            previous = (position, found.length)
        }
        let inList = Set(lists.filter { list in Set(list.flatMap { items[$0]?.codes.map(\.0) ?? [] }).count > 1 }.joined())
        var codes: [String: Bool] = [:]
        for (position, found) in mentions {
            for (code, _) in found.codes { codes[code] = (codes[code] ?? true) && inList.contains(position) }
        }
        return Set(codes.filter(\.value).keys)
    }
    /// The second names of routes within one region: two names of it joined by a dash ("Бейнеу –
    /// Актау", "Ақтөбе – Қандыағаш").
    static func routeContinuations(_ text: WordStarts, mentions: [Int: (length: Int, codes: [(String, String)])]) -> Set<Int> {
        let ordered = mentions.sorted { $0.key < $1.key }
        var continuations: Set<Int> = []
        for (first, second) in zip(ordered, ordered.dropFirst()) {
            let end = endOfName(text, first.key + first.value.length)
            guard end <= second.key,
                  ["–", "—", "-"].contains(String(String.UnicodeScalarView(text.scalars[end..<second.key])).trimmingCharacters(in: .whitespaces)),
                  !Set(first.value.codes.map(\.0)).isDisjoint(with: second.value.codes.map(\.0))
            else { continue }
            continuations.insert(second.key)
        }
        return continuations
    }

    /// Where a name ends with its word for region, district or town ("Туркестанской области, Алматы").
    static func endOfName(_ text: WordStarts, _ position: Int) -> Int {
        let end = text.end(ofWordAt: position)
        guard let next = text.start(ofWordAfter: end), text.scalars[end..<next].allSatisfy({ $0 == " " }),
              placeWords.contains(where: text.word(at: next).hasPrefix) else { return end }
        return text.end(ofWordAt: next)
    }
    /// Words that follow a name to say it is a region, district or town ("облысы", "области", "region").
    static let placeWords = ["обл", "oblast", "region", "district", "район", "аудан", "город", "калас"]

    /// Folded as the text is ("және" → "жане").
    static let listJoints = Set([",", "and", ", and", "и", "или", "or", "және", "мен", "немесе", "а также", "as well as", "—", "–", "-"].map(RegionGazetteer.folded))

    /// A place named as where a meeting is held: "held in Burabay", "прошло в Бурабае", "в Бурабае
    /// состоялось", "Бурабайда өтті".
    static func isVenue(_ text: WordStarts, at position: Int) -> Bool {
        var after = text.word(after: position)
        // "Түркістан қаласында өткен": the word for town stands between the name and "held".
        if unitWords.contains(where: after.hasPrefix), let unit = text.start(ofWordAfter: position) { after = text.word(after: unit) }
        if heldWords.contains(after) { return true }
        var position = position
        if ["городе", "city"].contains(text.word(before: position)), let unit = text.start(ofWordBefore: position) { position = unit }
        let before = text.word(before: position)
        guard before == "в" || before == "во" || before == "in", let preposition = text.start(ofWordBefore: position) else { return false }
        return heldWords.contains(text.word(before: preposition))
    }
    static let heldWords: Set<String> = [
        "held", "прошло", "прошла", "прошел", "прошёл", "прошли", "пройдет", "пройдёт", "состоялось", "состоялась", "состоялся",
        "состоится", "прошедшем", "прошедшей", "прошедшего", "отти", "отеди", "откен", "откизилди", "откизилген",
    ]

    /// "Уроженец Тараза", "родом из…" is covered by "из"; Kazakh "Тараздың тумасы" names the place
    /// before the word.
    static let originWords: Set<String> = ["уроженец", "уроженка", "уроженцы", "выходец", "выходцы"]
    static let nativeWords: Set<String> = ["тумасы", "тумалары"]
    static let unitWords = ["облыс", "аудан", "калас"]

    /// Kazakh ablative endings, folded ("-дан", "-нен" …).
    static let ablativeEndings = ["дан", "ден", "тан", "тен", "нан", "нен"]

    /// Almaty named as where something is or happens, which a passing mention ("from Almaty") is not.
    static let almatyAsPlace = phrases(["в алматы", "in almaty", "алматыда", "алматыдагы", "в городе алматы", "алматы каласында"])

    /// The two cities' names as the attribute of what the opening is about ("Алматинский стартап",
    /// "Астаналық ауруханалар", "an Almaty-based company", "Astana's hospitals"): the thing is the
    /// city's, as "в Алматы" says. Folded, compared where the city's own mention starts.
    static let cityAttributes: [String: [[Unicode.Scalar]]] = [
        "almaty": ["алматинск", "алматылык", "almaty-based", "almaty's", "almaty’s"],
        "astana": ["астанинск", "астаналык", "елордалык", "столичн", "astana-based", "astana's", "astana’s"],
    ].mapValues { $0.map { Array(RegionGazetteer.folded($0).unicodeScalars) } }

    static func phrases(_ texts: [String]) -> [([Unicode.Scalar], Int)] {
        texts.map { text in
            let scalars = Array(RegionGazetteer.folded(text).unicodeScalars)
            let offset = scalars.indices.first { index in
                ["астан", "astana", "нур-султан", "nur-sultan", "столиц"].contains { scalars[index...].starts(with: $0.unicodeScalars) }
            } ?? 0
            return (scalars, offset)
        }
    }

    /// Where the text names a foreign city or country, in order.
    static func foreignMentions(_ text: WordStarts) -> [Int] {
        Set(foreignPlaces.flatMap { text.positions($0) }).sorted()
    }

    /// Whether a foreign place is named as where something happens: "in Tashkent", "в Париже", "во
    /// Франкфурте", "Токиода", "in Lebanon" — not a passing "from" or "to".
    static func isScene(_ text: WordStarts, at position: Int) -> Bool {
        let before = String(String.UnicodeScalarView(text.scalars[max(0, position - 3)..<position]))
        let inPlace = before.hasSuffix(" в ") || before == "in " || before == "во "
        guard inPlace || locativeEndings.contains(where: text.name(at: position).hasSuffix) else { return false }
        // "The situation in Afghanistan" is a topic of the talks, not their scene.
        let topic = inPlace ? text.start(ofWordBefore: position).map { situationWords.contains(where: text.word(before: $0).hasPrefix) } ?? false
            : situationWords.contains(where: text.word(after: position).hasPrefix)
        return !topic
    }

    static let situationWords = ["situation", "ситуаци", "обстановк", "положени", "жагдай"]

    /// Words of relations between states: talks, visits, agreements, delegations, sessions.
    static let relationsWords: [[Unicode.Scalar]] = [
        "talks", "consultation", "agreement", "memorandum", "protocol", "delegation", "visit", "session", "summit", "переговор", "протокол",
        "консультац", "меморандум", "соглашени", "делегац", "визит", "сесси", "саммит", "келіссөз", "келісім", "сапар",
        "межправ", "intergovernmental", "үкіметаралық", "заседан", "отырыс", "meeting", "council", "roadmap", "road map",
        "дорожн карт", "жол карта", "business forum", "бизнес-форум", "бизнес форум", "искерлик форум", "general assembly", "генеральной ассамбле", "генеральная ассамбле", "бас ассамблея", "cooperation", "сотрудничеств", "ынтымақтастық", "раунд", "round of", "dialogue", "диалог", "встретились", "кездесті", "кездесіп",
    ].map { Array(RegionGazetteer.folded($0).unicodeScalars) }

    static let ratificationWords: [[Unicode.Scalar]] = ["ratif", "ратифи", "ратификац", "acceded", "accession", "has joined the", "присоединился к", "присоединилась к"].map { Array(RegionGazetteer.folded($0).unicodeScalars) }

    /// Kazakh locative endings, folded ("-да", "-дегі" …).
    static let locativeEndings = ["да", "де", "та", "те", "дагы", "деги", "тагы", "теги"]

    /// Sports clubs by their home, found only as a club ("ФК «Кайрат»", "HC Barys", "«Тобол»"): the
    /// names are also rivers, people and words.
    static let clubs: [(code: String, names: [String])] = [
        ("astana", ["барыс", "barys", "женис", "zhenis", "номад", "nomad"]),
        ("almaty", ["кайрат", "қайрат", "kairat"]),
        ("karaganda", ["шахтер", "шахтёр", "shakhter"]),
        ("kostanay", ["тобол", "tobol", "горняк", "gornyak"]),
        ("pavlodar", ["иртыш", "ертіс", "irtysh"]),
        ("kyzylorda", ["кайсар", "қайсар", "kaisar", "kaysar"]),
        ("shymkent", ["ордабасы", "ordabasy"]),
        ("atyrau", ["бейбарыс", "beibarys"]),
        ("abay", ["елимай", "елімай", "yelimay", "elimai"]),
        ("north-kazakhstan", ["кулагер", "құлагер", "kulager"]),
        ("mangystau", ["каспий", "kaspiy", "caspiy"]),
        ("east-kazakhstan", ["торпедо", "torpedo"]),
    ]
    static let clubScalars: [(code: String, name: String, scalars: [Unicode.Scalar])] = clubs.flatMap { club in
        club.names.map { (club.code, $0, Array(RegionGazetteer.folded($0).unicodeScalars) + ["$"]) }
    }
    static let clubWords: Set<String> = ["фк", "fc", "хк", "hc", "клуб", "club", "клубы", "клубом", "клуба"]

    static func isClub(_ text: WordStarts, at position: Int) -> Bool {
        let mark = position > 0 ? text.scalars[position - 1] : " "
        return mark == "«" || mark == "\"" || mark == "“" || clubWords.contains(text.word(before: position))
    }

    /// Region names that are people's names too.
    static let personNames: Set<String> = ["жамбыл", "zhambyl"]
    static let personBefore: Set<String> = ["after", "имени", "акын", "акына", "акыну", "акыном", "poet", "akyn"]
    static let personAfter = ["жабаев", "zhabayev", "zhabaev", "атында"]

    /// A name read as a person's: "named after Zhambyl", "имени Жамбыла", "Жамбыл Жабаев", "Жамбыл атындағы".
    static func isPerson(_ text: WordStarts, at position: Int) -> Bool {
        personBefore.contains(text.word(before: position)) || personAfter.contains(where: text.word(after: position).hasPrefix)
    }

    /// "Жамбыл облысы", "Жамбылской области", "Zhambyl region".
    static func isNamedAsPlace(_ text: WordStarts, at position: Int) -> Bool {
        let word = text.word(at: position), after = text.word(after: position)
        return personNames.contains { word.hasPrefix($0 + "ск") } || placeWords.contains(where: after.hasPrefix)
    }

    enum Landmark { case lake, range, cosmodrome }

    /// Lakes that lie wholly in one region (`RegionGazetteer.lakes`): named as a lake, they are
    /// still the place, unlike Balkhash or Alakol.
    static let lakesOfOneRegion = RegionGazetteer.lakes.flatMap(\.names).map(RegionGazetteer.folded)

    /// A place named as a lake ("Балқаш көлі", "озеро Балхаш", "Lake Balkhash": the lake may lie in
    /// another region than the town), as a military range ("полигон Илийский", "the Matybulak
    /// range") or as the cosmodrome ("Байқоңыр ғарыш айлағы", "космодром Байконур"): the national
    /// forces' drills and the space programme are the republic's news, as the labelled set has them.
    static func landmark(_ text: WordStarts, at position: Int) -> Landmark? {
        let after = text.word(after: position), before = text.word(before: position)
        // A bare name before "nuclear" or "sea" names the test site or the sea ("Semey nuclear test victims",
        // "Аральского моря"); "Семейде ядролық…", "Маңғыстауда теңіз…" is something in the place.
        let bare = !locativeEndings.contains(where: text.word(at: position).hasSuffix) && before != "в" && before != "in"
        let lake = after == "lake" || after == "basin" || after.hasPrefix("бассейн") || after.hasPrefix("алаб") || after == "коли" || after.hasPrefix("колин") || after == "колимен" || before == "lake" || before.hasPrefix("озер")
            || (bare && (after == "sea" || after.hasPrefix("мор") || after.hasPrefix("тениз")))
        let range = after.hasPrefix("полигон") || before.hasPrefix("полигон") || after == "range" || after == "training"
            || (bare && (after == "nuclear" || after.hasPrefix("ядерн") || after.hasPrefix("ядролык")))
        let cosmodrome = after == "гарыш" || after.hasPrefix("cosmodrome") || after.hasPrefix("космодром") || before.hasPrefix("космодром")
        return lake ? .lake : (range ? .range : (cosmodrome ? .cosmodrome : nil))
    }

    public static func resolve(source: Source, title: String, paragraphs: [String]) -> Result {
        if source.kind == .embassy {
            let place = source.slug.split(separator: "-").dropFirst().joined(separator: " ").capitalized
            return Result(code: "abroad", place: place, reason: "publisher is an embassy (\(source.slug))")
        }
        if let region = source.region {
            return Result(code: region, place: nil, reason: "publisher's slug names the region (\(source.slug))")
        }
        let national = source.kind == .ministry || source.kind == .agency
        // Compared with Kazakh letters folded, so either spelling of a name finds it.
        let titleText = " " + RegionGazetteer.folded(title.lowercased())
        let titleLength = titleText.unicodeScalars.count
        let text = WordStarts(titleText + " " + RegionGazetteer.folded(paragraphs.prefix(12).joined(separator: " ").lowercased()))
        // A national actor (a minister, the government, parliament) meeting in the capital is not
        // news about Astana: for them the capital counts only when named otherwise than as the
        // meeting's place ("в Астане", "Астанада", "in Astana"), and "Air Astana" never counts.
        let meeting = meetingWords.contains { text.count($0) > 0 }
        let namesNationalActor = nationalActors.contains { text.count($0) > 0 }
        let nationalActor = (national || namesNationalActor) && meeting
        // Every name found, by where it starts; where two regions' names start at one place the
        // longer wins ("almaty region" is not the city of Almaty).
        var longest: [Int: (length: Int, codes: [(String, String)])] = [:]
        for (code, stems) in mentionScalars {
            for (stem, scalars) in stems {
                for position in text.positions(scalars) {
                    let current = longest[position]
                    if current == nil || scalars.count > current?.length ?? 0 {
                        longest[position] = (scalars.count, [(code, stem)])
                    } else if scalars.count == current?.length, !(current?.codes.contains { $0.0 == code } ?? false) {
                        longest[position]?.codes.append((code, stem))
                    }
                }
            }
        }
        for (code, name, scalars) in clubScalars {
            // A club named as one ("«Ордабасы»") is the club, even where a district has its name.
            for position in text.positions(scalars) where isClub(text, at: position) {
                longest[position] = (scalars.count, [(code, "«\(name)»")])
            }
        }
        // Zhambyl the poet ("named after Zhambyl", "акыну Жамбылу Жабаеву") is no region, and once
        // the text names him, neither is his bare name elsewhere ("монета, посвящённая Жамбылу").
        let personPositions = longest.filter { $0.value.codes.contains { personNames.contains($0.1) } }.keys
        if personPositions.contains(where: { isPerson(text, at: $0) }) {
            for position in personPositions where !isNamedAsPlace(text, at: position) { longest[position] = nil }
        }
        // Where region names stand before any is set aside: "West Kazakhstan" is no country as actor.
        let regionNameSpans = longest.map { $0.key..<($0.key + $0.value.length) }
        var places: [String: (positions: Set<Int>, stem: String)] = [:]
        // A range or the cosmodrome, once read as such ("Байқоңыр ғарыш айлағы"), is meant wherever
        // the text repeats its name ("Байқоңырдан ұшырылды"); a lake's town may be news of its own.
        let landmarkMentions = longest.compactMap { position, names in
            landmark(text, at: position).map { (position: position, kind: $0, stems: names.codes.map(\.1)) }
        }.filter { mention in
            // A lake's stem may be cut from its name ("зайса…") or hold the word for lake ("кайынды кол").
            mention.kind != .lake || !mention.stems.allSatisfy { stem in lakesOfOneRegion.contains { $0.hasPrefix(stem) || stem.hasPrefix($0) } }
        }
        let landmarkStems = Set(landmarkMentions.filter { $0.kind != .lake }.flatMap(\.stems))
        for mention in landmarkMentions { longest[mention.position] = nil }
        for (position, names) in longest where names.codes.contains(where: { landmarkStems.contains($0.1) }) { longest[position] = nil }
        // Where the next round will be held is not where this news happened.
        let nextRounds = nextRounds(text)
        // A title runs into the first sentence (no full stop between them): it stays evidence.
        let stories = storySentences(text).map { max($0.lowerBound, titleLength)..<max($0.upperBound, titleLength) }
        for position in longest.keys where (nextRounds + stories).contains(where: { $0.contains(position) }) { longest[position] = nil }
        // Where goods pass ("grain through the port of Aktau") is not where the news is, nor where
        // people come from ("doctors from Astana operate in Kyzylorda") when the text names a place otherwise.
        for position in longest.keys where isTransit(text, at: position) { longest[position] = nil }
        let originPositions = Set(longest.filter { isOrigin(text, at: $0.key, nameLength: $0.value.length) }.keys)
        // Where people come from gives way to another place named; named again otherwise ("students
        // from Astana … at Astana IT University"), it is the place.
        let originCodes = Set(originPositions.compactMap { longest[$0] }.flatMap { $0.codes.map(\.0) })
        let namedOtherwise = Set(longest.filter { !originPositions.contains($0.key) }.values.flatMap { $0.codes.map(\.0) })
        if !namedOtherwise.isSubset(of: originCodes) {
            for position in originPositions { longest[position] = nil }
        }
        // A route within one region ("трасса Бейнеу – Актау") names it once, not twice.
        let routeEnds = routeContinuations(text, mentions: longest)
        for (position, found) in longest.sorted(by: { $0.key < $1.key }) where !routeEnds.contains(position) {
            for (code, stem) in found.codes {
                places[code, default: ([], stem)].positions.insert(position)
            }
        }
        if var astana = places["astana"] {
            let ceremony = namesNationalActor && ceremonyWords.contains { text.count($0) > 0 }
            for (phrase, offset) in astanaNotTheSubject(nationalActor: nationalActor || ceremony) {
                for position in text.positions(phrase) { astana.positions.remove(position + offset) }
            }
            astana.positions = astana.positions.filter { !otherCapital(text, at: $0) }
            // "Столица" stands for the name where the text does not give it; beside the name it
            // refers back to it ("в Алматы и Астане … самый быстрый рост — в столице").
            let byName = astana.positions.filter { !text.word(at: $0).hasPrefix("столиц") }
            if !byName.isEmpty { astana.positions = byName }
            places["astana"] = astana.positions.isEmpty ? nil : astana
        }
        var tallies: [(code: String, count: Int, inTitle: Bool, stem: String)] = places.map { code, found in
            (code, found.positions.count, found.positions.contains { $0 < titleLength }, found.stem)
        }
        // Almaty or Astana named once in passing ("an observatory near Almaty", "visitors from
        // Astana") does not stand against a district or town named in the text; Almaty named as the
        // place in the title or first sentence ("В Алматы прошёл фестиваль") does, a later "в Алматы"
        // ("встретили на аэродроме в Алматы") is a detail.
        let firstSentenceEnd = text.sentence(containing: titleLength).upperBound
        func cityAsAttribute(_ code: String) -> Bool {
            (places[code]?.positions ?? []).contains { position in
                position < firstSentenceEnd && (cityAttributes[code] ?? []).contains { text.scalars[position...].starts(with: $0) }
            }
        }
        let almatyAsThePlace = almatyAsPlace.contains { text.positions($0.0).contains { $0 < firstSentenceEnd } } || cityAsAttribute("almaty")
        // Kazakh "Астанадағы" (the one in Astana) says where a thing is, unless a national actor
        // meets there.
        let astanaAsThePlace = !nationalActor && (astanaAttributive.contains { text.count($0.0) > 0 } || cityAsAttribute("astana"))
        func namedAsThePlace(_ code: String) -> Bool { (code == "almaty" && almatyAsThePlace) || (code == "astana" && astanaAsThePlace) }
        // In news of the national team, a region named as someone's home, or once after the opening (where
        // an athlete trains), is in passing too.
        let teamNews = nationalTeamWords.contains { text.count($0) > 0 } || namesNationalAthletes(text)
        let origins = Set(places.filter { place in
            let backgroundOnce = place.value.positions.count == 1 && place.value.positions.allSatisfy { $0 >= firstSentenceEnd }
            return teamNews && (backgroundOnce || place.value.positions.allSatisfy { isOrigin(text, at: $0, nameLength: longest[$0]?.length ?? 0) })
        }.keys)
        // Regions named side by side ("in Astana, Almaty and Shymkent", "Ақмола, Қарағанды және
        // Павлодар облыстарында") say how widely something happens, not where; and a national
        // actor's meeting held somewhere ("отырыс Бурабайда өтті") names its venue, not its news.
        let foreignNamed = foreignMentions(text)
        let listed = listedPlaces(text, mentions: longest, abroad: foreignNamed)
        // A national actor's talks with a foreign state name what they are about ("the release of
        // water from the Shardara reservoir") without being news of that place.
        let relations = relationsWords.contains { text.count($0) > 0 }
        let unknownPublisher = !national && source.kind != .maslikhat && source.kind != .akimat
        let diplomacy = diplomaticWords.reduce(0) { $0 + text.count($1) }
        // Foreign places matter only to diplomacy and to relations between states.
        let foreign = relations || (unknownPublisher && diplomacy > 0) ? foreignNamed : []
        let talksAbroad = nationalActor && relations && !foreign.isEmpty
        let venues = nationalActor ? Set(places.filter { $0.value.positions.allSatisfy { isVenue(text, at: $0) } }.keys) : []
        // A national actor's meeting ("the minister held a meeting on roads") is the ministry's news too.
        let ministryNews = national || nationalActor || ministryWords.contains { text.positions($0).contains { $0 < firstSentenceEnd } }
        // A title whose actor is the country ("Kazakhstan's GDP grows", "Казахстанские учёные…", not
        // "West Kazakhstan") makes a region named once after the opening a detail, as a ministry's does.
        let countryNews = countryWords.contains { word in
            text.positions(word).contains { position in position < titleLength && !regionNameSpans.contains { $0.contains(position) } }
        }
        func inPassing(_ tally: (code: String, count: Int, inTitle: Bool, stem: String)) -> Bool {
            // A list says how widely, in a title too ("the Almaty – Ust-Kamenogorsk highway").
            if listed.contains(tally.code) { return true }
            guard tally.count == 1, !tally.inTitle else { return false }
            // A ministry's news (its publisher, or the ministry opening the text), or the country's,
            // names a region once, after its opening, as a detail.
            if ministryNews || countryNews, places[tally.code]?.positions.allSatisfy({ $0 >= firstSentenceEnd }) ?? false { return true }
            return (passingCityNames.contains(tally.stem) && !namedAsThePlace(tally.code))
                || origins.contains(tally.code) || venues.contains(tally.code) || talksAbroad
        }
        // A list names no place, even where it names only the capital and a city abroad.
        tallies.removeAll { listed.contains($0.code) }
        if tallies.contains(where: { !passingCityNames.contains($0.stem) }) { tallies.removeAll(where: inPassing) }
        // The region named most, a title mention breaking a tie.
        tallies.sort { ($0.count * 2 + ($0.inTitle ? 1 : 0), $1.code) > ($1.count * 2 + ($1.inTitle ? 1 : 0), $0.code) }
        let best = tallies.first
        let runnerUp = tallies.dropFirst().first
        let clearLead = best.map { best in
            runnerUp.map { best.count * 2 + (best.inTitle ? 1 : 0) > $0.count * 2 + ($0.inTitle ? 1 : 0) } ?? true
        } ?? false
        // A Kazakh mission abroad: named outright, or (with no known publisher) diplomacy in a
        // foreign capital, unless the diplomat is a foreign one in Kazakhstan.
        let missions = missionPhrases.reduce(0) { $0 + text.count($1) } + missionsNamingTheirPlace(text)
        // A text that opens abroad ("В Минске состоялось заседание…", in its title or first sentence)
        // is set there, whatever it later says happens in Kazakhstan ("assembly of machinery in Kazakhstan").
        let sceneStarts = foreign.filter { position in isScene(text, at: position) && !nextRounds.contains { $0.contains(position) } }
        let opening = sceneStarts.first.flatMap { $0 < firstSentenceEnd ? $0 : nil } ?? Int.max
        func atHome(_ position: Int) -> Bool { position < opening && !nextRounds.contains { $0.contains(position) } }
        let home = inKazakhstan.reduce(0) { $0 + text.positions($1).filter(atHome).count }
        // Relations between states set in a foreign city are news from abroad ("the agreement was
        // signed in Tashkent", "a session in Paris") unless the title names a place at home: talks
        // may name the place they are about ("the ports of Aktau", "the Shardara reservoir"). A
        // championship or a tour abroad is the country's news, not abroad's.
        let visits = text.positions(toKazakhstan).filter(atHome).count
        let noPlaceAtHome = home == visits && (best.map { inPassing($0) || !$0.inTitle } ?? true)
        // Parliament ratifies at home what was signed abroad.
        let ratified = ratificationWords.contains { text.count($0) > 0 }
        let scenes = noPlaceAtHome && relations && !ratified ? sceneStarts.count : 0
        let abroad = missions > 0 ? "names Kazakhstan's mission abroad"
            : (unknownPublisher && diplomacy > 0 && !foreign.isEmpty && home == 0 ? "diplomacy in a foreign capital"
                : (scenes > 0 ? "is set in a foreign city" : nil))
        if let abroad, !(best?.inTitle ?? false) {
            return Result(code: "abroad", place: nil, reason: "text \(abroad)", margin: 0.5)
        }
        // A text is regional when it names one region more than any other: a national body's
        // short news names the one place it happened ("a bribe taken in Uralsk") as often as an
        // unknown publisher's. The two largest cities are named in passing most often ("a director
        // from Almaty", "flights from Astana"): their names need the title or a second mention; a
        // district of the city is no passing mention.
        let passingCity = best.map { passingCityNames.contains($0.stem) } ?? false
        if let best, clearLead, best.count >= 2 || best.inTitle || !passingCity || namedAsThePlace(best.code) {
            let weight = Double(best.count * 2 + (best.inTitle ? 1 : 0))
            let second = runnerUp.map { Double($0.count * 2 + ($0.inTitle ? 1 : 0)) } ?? 0
            let margin = (weight - second) / weight
            return Result(
                code: best.code, place: nil, reason: "text names “\(best.stem)” ×\(best.count)",
                margin: best.count == 1 && !best.inTitle ? min(margin, 0.5) : margin)
        }
        // Places named, but none clearly (a tie), or one only in passing.
        let margin = best == nil ? 1 : (clearLead ? 0.5 : 0)
        return Result(code: "republic", place: nil, reason: "no region named", margin: margin)
    }
}
