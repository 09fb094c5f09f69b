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
    }

    /// Word stems naming each region in Kazakh, Russian and English. Several-word names come first
    /// so "Алматы облысы" is the region, not the city.
    static let mentions: [(code: String, stems: [String])] = [
        ("almaty-region", ["алматы облыс", "алматинск", "almaty region", "almaty oblast"]),
        ("east-kazakhstan", ["шығыс қазақстан", "восточно-казахстанск", "east kazakhstan"]),
        ("west-kazakhstan", ["батыс қазақстан", "западно-казахстанск", "west kazakhstan"]),
        ("north-kazakhstan", ["солтүстік қазақстан", "северо-казахстанск", "north kazakhstan"]),
        ("abay", ["абай облыс", "области абай", "abai region", "abay region"]),
        ("akmola", ["ақмола", "акмолинск", "akmola"]),
        ("aktobe", ["ақтөбе", "актюбинск", "актобе", "aktobe"]),
        ("atyrau", ["атырау", "atyrau"]),
        ("zhambyl", ["жамбыл", "zhambyl"]),
        ("zhetysu", ["жетісу", "жетысу", "zhetysu", "zhetisu"]),
        ("karaganda", ["қарағанды", "карагандинск", "караганд", "karaganda"]),
        ("kostanay", ["қостанай", "костанайск", "костанай", "kostanay"]),
        ("kyzylorda", ["қызылорда", "кызылординск", "кызылорд", "kyzylorda"]),
        ("mangystau", ["маңғыстау", "мангистауск", "мангыстау", "mangystau", "mangistau"]),
        ("pavlodar", ["павлодар", "pavlodar"]),
        ("turkistan", ["түркістан", "туркестанск", "туркестан", "turkistan", "turkestan"]),
        ("ulytau", ["ұлытау", "улытау", "ulytau"]),
        ("astana", ["астан", "astana"]),
        ("almaty", ["алматы", "алма-ат", "almaty"]),
        ("shymkent", ["шымкент", "shymkent"]),
    ]

    /// The stems as scalars, compared at word starts (`WordStarts`).
    static let mentionScalars: [(code: String, stems: [(String, [Unicode.Scalar])])] = mentions.map { mention in
        (mention.code, mention.stems.map { ($0, Array($0.unicodeScalars)) })
    }

    public static func resolve(source: Source, title: String, paragraphs: [String]) -> Result {
        if source.kind == .embassy {
            let place = source.slug.split(separator: "-").dropFirst().joined(separator: " ").capitalized
            return Result(code: "abroad", place: place, reason: "publisher is an embassy (\(source.slug))")
        }
        if let region = source.region {
            return Result(code: region, place: nil, reason: "publisher's slug names the region (\(source.slug))")
        }
        let titleText = " " + title.lowercased()
        let text = WordStarts(titleText + " " + paragraphs.prefix(12).joined(separator: " ").lowercased())
        var best: (code: String, count: Int, stem: String)?
        var runnerUp = 0
        for (code, stems) in mentionScalars {
            var total = 0
            var matched = ""
            for (stem, scalars) in stems {
                let count = text.count(scalars)
                if count > 0 && matched.isEmpty { matched = stem }
                total += count
            }
            if total > (best?.count ?? 0) {
                runnerUp = best?.count ?? 0
                best = (code, total, matched)
            } else {
                runnerUp = max(runnerUp, total)
            }
        }
        // A national text is regional when it names one region more than any other, twice or in its
        // title; a single passing mention (a company's address) does not make it regional.
        if let best, best.count > runnerUp,
            best.count >= 2 || WordStarts(titleText).count(Array(best.stem.unicodeScalars)) > 0
        {
            return Result(code: best.code, place: nil, reason: "national body; text names “\(best.stem)” ×\(best.count)")
        }
        return Result(code: "republic", place: nil, reason: "national body; no region named")
    }
}
