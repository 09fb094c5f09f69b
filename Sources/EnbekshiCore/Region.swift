import Foundation

/// The regions and cities of republican significance, told from gov.kz slugs.
/// Codes are stable identifiers used in the database and, later, in URLs.
public enum Region {
    /// code → English name.
    static let names: [String: String] = [
        "abay": "Abai Region", "akmola": "Akmola Region", "aktobe": "Aktobe Region",
        "almaty-region": "Almaty Region", "atyrau": "Atyrau Region", "east-kazakhstan": "East Kazakhstan Region",
        "zhambyl": "Zhambyl Region", "zhetysu": "Zhetysu Region", "west-kazakhstan": "West Kazakhstan Region",
        "karaganda": "Karaganda Region", "kostanay": "Kostanay Region", "kyzylorda": "Kyzylorda Region",
        "mangystau": "Mangystau Region", "pavlodar": "Pavlodar Region", "north-kazakhstan": "North Kazakhstan Region",
        "turkistan": "Turkistan Region", "ulytau": "Ulytau Region", "astana": "Astana", "almaty": "Almaty",
        "shymkent": "Shymkent", "republic": "Republic", "abroad": "Abroad",
    ]

    /// code → (Russian, Kazakh) names.
    static let localNames: [String: (ru: String, kk: String)] = [
        "abay": ("область Абай", "Абай облысы"), "akmola": ("Акмолинская область", "Ақмола облысы"),
        "aktobe": ("Актюбинская область", "Ақтөбе облысы"), "almaty-region": ("Алматинская область", "Алматы облысы"),
        "atyrau": ("Атырауская область", "Атырау облысы"),
        "east-kazakhstan": ("Восточно-Казахстанская область", "Шығыс Қазақстан облысы"),
        "zhambyl": ("Жамбылская область", "Жамбыл облысы"), "zhetysu": ("область Жетісу", "Жетісу облысы"),
        "west-kazakhstan": ("Западно-Казахстанская область", "Батыс Қазақстан облысы"),
        "karaganda": ("Карагандинская область", "Қарағанды облысы"), "kostanay": ("Костанайская область", "Қостанай облысы"),
        "kyzylorda": ("Кызылординская область", "Қызылорда облысы"),
        "mangystau": ("Мангистауская область", "Маңғыстау облысы"), "pavlodar": ("Павлодарская область", "Павлодар облысы"),
        "north-kazakhstan": ("Северо-Казахстанская область", "Солтүстік Қазақстан облысы"),
        "turkistan": ("Туркестанская область", "Түркістан облысы"), "ulytau": ("область Ұлытау", "Ұлытау облысы"),
        "astana": ("Астана", "Астана"), "almaty": ("Алматы", "Алматы"), "shymkent": ("Шымкент", "Шымкент"),
        "republic": ("Республика", "Республика"), "abroad": ("За рубежом", "Шетелде"),
    ]

    /// First slug segment → region code, for `<region>-<district>` and `<region>-<sector>` slugs.
    static let slugPrefixes: [String: String] = [
        "abay": "abay", "aqmola": "akmola", "akmola": "akmola", "aktobe": "aktobe", "almobl": "almaty-region",
        "atyrau": "atyrau", "akimvko": "east-kazakhstan", "vko": "east-kazakhstan", "zhambyl": "zhambyl",
        "zhetysu": "zhetysu", "bko": "west-kazakhstan", "zko": "west-kazakhstan", "karaganda": "karaganda",
        "kostanay": "kostanay", "kyzylorda": "kyzylorda", "mangystau": "mangystau", "mangistau": "mangystau",
        "pavlodar": "pavlodar", "sko": "north-kazakhstan", "ontustik": "turkistan", "turkistan": "turkistan",
        "turkestan": "turkistan", "kostanai": "kostanay", "karagandy": "karaganda", "aktau": "mangystau",
        "ulytau": "ulytau", "astana": "astana", "almaty": "almaty", "shymkent": "shymkent",
    ]

    /// Districts and towns whose slugs name no region (`altay-maslihat`, `maslihat-pavlodar-ekibastuz`).
    static let places: [String: String] = [
        "altay": "east-kazakhstan", "ridder": "east-kazakhstan", "zaisan": "east-kazakhstan", "semey": "abay",
        "semeymaslihat": "abay", "ekibastuz": "pavlodar", "aksu": "pavlodar", "temirtau": "karaganda",
        "balkhash": "karaganda", "zhezkazgan": "ulytau", "satpayev": "ulytau", "taldykorgan": "zhetysu",
        "konaev": "almaty-region", "kapshagay": "almaty-region", "taraz": "zhambyl", "kokshetau": "akmola",
        "stepnogorsk": "akmola", "rudny": "kostanay", "lisakovsk": "kostanay", "baikonur": "kyzylorda",
        "zhanaozen": "mangystau", "aktau": "mangystau", "uralsk": "west-kazakhstan", "oral": "west-kazakhstan",
        "petropavl": "north-kazakhstan", "kentau": "turkistan", "arys": "turkistan", "syrdarya": "kyzylorda",
    ]

    /// Suffixes of territorial departments `<agency>-<region>` (kgd-zhetysu, emer-vko …).
    static let departmentSuffixes: [String: String] = [
        "abay": "abay", "akmola": "akmola", "aktobe": "aktobe", "alm": "almaty-region", "almaty": "almaty",
        "astana": "astana", "atyrau": "atyrau", "karaganda": "karaganda", "kostanay": "kostanay",
        "kyzylorda": "kyzylorda", "mangistau": "mangystau", "mangystau": "mangystau", "pavlodar": "pavlodar",
        "shymkent": "shymkent", "sko": "north-kazakhstan", "turkistan": "turkistan", "ulytau": "ulytau",
        "vko": "east-kazakhstan", "zhambyl": "zhambyl", "zhetysu": "zhetysu", "zko": "west-kazakhstan",
    ]

    /// Regional and city akimats, whose slug is the whole region.
    static let akimatSlugs: [String: String] = [
        "aqmola": "akmola", "aktobe": "aktobe", "almobl": "almaty-region", "atyrau": "atyrau",
        "akimvko": "east-kazakhstan", "bko": "west-kazakhstan", "karaganda": "karaganda", "kostanay": "kostanay",
        "kyzylorda": "kyzylorda", "mangystau": "mangystau", "pavlodar": "pavlodar", "sko": "north-kazakhstan",
        "ontustik": "turkistan", "zhambyl": "zhambyl", "zhetysu-oblysy": "zhetysu", "abay": "abay",
        "ulytau": "ulytau", "astana": "astana", "almaty": "almaty", "shymkent": "shymkent",
    ]

    static let agencyPrefixes: Set<String> = [
        "kgd", "emer", "mvd", "afm", "adilet", "anticorruption", "prokuratura", "dkmfk", "control", "enbek",
    ]

    /// The region a slug belongs to, or nil for national bodies and slugs that do not tell.
    public static func code(forSlug slug: String) -> String? {
        // The capital's bodies kept slugs of its 2019–2022 name (`nur-sultan-bilim`, `enbek-nur-sultan`).
        let slug = slug.replacingOccurrences(of: "nur-sultan", with: "astana")
        if let code = akimatSlugs[slug] { return code }
        let parts = slug.split(separator: "-").map(String.init)
        guard parts.count >= 2, let head = parts.first else { return places[slug] }
        if head == "mfa" { return nil }
        if agencyPrefixes.contains(head) || (head == "dep" && parts.count >= 3) {
            return parts.dropFirst().lazy.compactMap { departmentSuffixes[$0] }.first
        }
        if let region = slugPrefixes[head] { return region }
        // Maslikhats and other bodies named `<kind>-<region>-<place>` or `<place>-<kind>`.
        return parts.lazy.compactMap { slugPrefixes[$0] ?? places[$0] }.first
    }

    public static func englishName(code: String) -> String? { names[code] }

    /// Every region code, the seventeen regions and three cities first, then "republic" and "abroad".
    public static var allCodes: [String] {
        names.keys.filter { $0 != "republic" && $0 != "abroad" }.sorted() + ["republic", "abroad"]
    }

    public static func name(code: String, in language: Language) -> String? {
        switch language {
        case .en: names[code]
        case .ru: localNames[code]?.ru
        case .kk: localNames[code]?.kk
        }
    }
}
