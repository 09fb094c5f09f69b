extension Source {
    /// Builds the catalog entry for a slug from gov.kz naming conventions
    /// (`../shared/govkz/API.md` §7): kind and region where the slug tells them,
    /// and names for the bodies whose slugs are well known.
    public init(catalogSlug slug: String) {
        let parts = slug.split(separator: "-").map(String.init)
        let head = parts.first ?? slug
        let kind: SourceKind
        if head == "mfa" && parts.count > 1 {
            kind = .embassy
        } else if head == "kgd" && parts.count > 1 {
            kind = .taxDepartment
        } else if parts.contains("maslihat") || head.hasPrefix("maslihat") || slug.hasSuffix("maslihat") {
            kind = .maslikhat
        } else if Self.ministries[slug] != nil {
            kind = .ministry
        } else if Self.agencies[slug] != nil {
            kind = .agency
        } else if Region.akimatSlugs[slug] != nil || Region.places[slug] != nil || (parts.count >= 2 && Region.slugPrefixes[head] != nil
            && !Self.departmentSuffixes.contains(parts.last ?? ""))
        {
            kind = .akimat
        } else if parts.count >= 2 {
            kind = .department
        } else {
            kind = .other
        }
        let region = Region.code(forSlug: slug)
        var names: [Language: String] = [:]
        if let known = Self.ministries[slug] ?? Self.agencies[slug] {
            names = [.en: known.en, .ru: known.ru, .kk: known.kk]
        } else if kind == .taxDepartment, let region {
            for language in Language.allCases {
                guard let regionName = Region.name(code: region, in: language) else { continue }
                names[language] = switch language {
                case .en: "State Revenue Department, \(regionName)"
                case .ru: "Департамент государственных доходов (\(regionName))"
                case .kk: "Мемлекеттік кірістер департаменті (\(regionName))"
                }
            }
        } else if kind == .embassy {
            let place = parts.dropFirst().joined(separator: " ").capitalized
            names = [
                .en: "Embassy of Kazakhstan (\(place))", .ru: "Посольство Казахстана (\(place))",
                .kk: "Қазақстан елшілігі (\(place))",
            ]
        }
        if names.isEmpty, let derived = SourceNaming.names(slug: slug, kind: kind, region: region) {
            names = [.en: derived.en, .ru: derived.ru, .kk: derived.kk]
        }
        self.init(slug: slug, kind: kind, region: region, names: names)
    }

    /// The body this one belongs to: the newsroom's choice, else what the slug says (`kgd-zhetysu` →
    /// `kgd`, `abay-urzhar-akshoky` → `abay-urzhar`); it may be missing from the catalog.
    public var parentSlug: String? {
        guard let parent else { return SourceNaming.parentSlug(of: slug, kind: kind) }
        return parent.isEmpty ? nil : parent
    }

    static let departmentSuffixes: Set<String> = [
        "bilim", "densaulyk", "karzhy", "finance", "fin", "madeniet", "sport", "zher", "veterinaria",
        "kurylys", "agro",
    ]

    typealias Names = (en: String, ru: String, kk: String)

    /// Names of central bodies (slugs from API.md §7).
    static let ministries: [String: Names] = [
        "mfa": ("Ministry of Foreign Affairs", "Министерство иностранных дел", "Сыртқы істер министрлігі"),
        "mod": ("Ministry of Defence", "Министерство обороны", "Қорғаныс министрлігі"),
        "dsm": ("Ministry of Health", "Министерство здравоохранения", "Денсаулық сақтау министрлігі"),
        "edu": ("Ministry of Enlightenment", "Министерство просвещения", "Оқу-ағарту министрлігі"),
        "sci": ("Ministry of Science and Higher Education", "Министерство науки и высшего образования", "Ғылым және жоғары білім министрлігі"),
        "enbek": ("Ministry of Labour and Social Protection", "Министерство труда и социальной защиты населения", "Еңбек және халықты әлеуметтік қорғау министрлігі"),
        "minfin": ("Ministry of Finance", "Министерство финансов", "Қаржы министрлігі"),
        "economy": ("Ministry of National Economy", "Министерство национальной экономики", "Ұлттық экономика министрлігі"),
        "mti": ("Ministry of Trade and Integration", "Министерство торговли и интеграции", "Сауда және интеграция министрлігі"),
        "mdai": ("Ministry of Digital Development, Innovation and Aerospace Industry", "Министерство цифрового развития, инноваций и аэрокосмической промышленности", "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі"),
        "mps": ("Ministry of Industry and Construction", "Министерство промышленности и строительства", "Өнеркәсіп және құрылыс министрлігі"),
        "transport": ("Ministry of Transport", "Министерство транспорта", "Көлік министрлігі"),
        "energo": ("Ministry of Energy", "Министерство энергетики", "Энергетика министрлігі"),
        "ecogeo": ("Ministry of Ecology and Natural Resources", "Министерство экологии и природных ресурсов", "Экология және табиғи ресурстар министрлігі"),
        "moa": ("Ministry of Agriculture", "Министерство сельского хозяйства", "Ауыл шаруашылығы министрлігі"),
        "adilet": ("Ministry of Justice", "Министерство юстиции", "Әділет министрлігі"),
        "emer": ("Ministry of Emergency Situations", "Министерство по чрезвычайным ситуациям", "Төтенше жағдайлар министрлігі"),
        "qriim": ("Ministry of Internal Affairs", "Министерство внутренних дел", "Ішкі істер министрлігі"),
        "mam": ("Ministry of Culture and Information", "Министерство культуры и информации", "Мәдениет және ақпарат министрлігі"),
        "tsm": ("Ministry of Tourism and Sport", "Министерство туризма и спорта", "Туризм және спорт министрлігі"),
        "sport": ("Ministry of Tourism and Sport", "Министерство туризма и спорта", "Туризм және спорт министрлігі"),
        "water": ("Ministry of Water Resources and Irrigation", "Министерство водных ресурсов и ирригации", "Су ресурстары және ирригация министрлігі"),
    ]

    static let agencies: [String: Names] = [
        "kgd": ("State Revenue Committee", "Комитет государственных доходов", "Мемлекеттік кірістер комитеті"),
        "krem": ("Committee for Regulation of Natural Monopolies", "Комитет по регулированию естественных монополий", "Табиғи монополияларды реттеу комитеті"),
        "knb": ("National Security Committee", "Комитет национальной безопасности", "Ұлттық қауіпсіздік комитеті"),
        "shekaraknb": ("Border Service", "Пограничная служба", "Шекара қызметі"),
        "ardfm": ("Agency for Regulation and Development of the Financial Market", "Агентство по регулированию и развитию финансового рынка", "Қаржы нарығын реттеу және дамыту агенттігі"),
        "afm": ("Financial Monitoring Agency", "Агентство по финансовому мониторингу", "Қаржылық мониторинг агенттігі"),
        "anticorruption": ("Anti-Corruption Agency", "Агентство по противодействию коррупции", "Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі"),
        "prokuror": ("Prosecutor General's Office", "Генеральная прокуратура", "Бас прокуратура"),
        "stat": ("Bureau of National Statistics", "Бюро национальной статистики", "Ұлттық статистика бюросы"),
        "kazcosmos": ("Aerospace Committee", "Аэрокосмический комитет", "Аэроғарыш комитеті"),
        "aviation": ("Civil Aviation Committee", "Комитет гражданской авиации", "Азаматтық авиация комитеті"),
        "geology": ("Geology Committee", "Комитет геологии", "Геология комитеті"),
        "forest": ("Forestry and Wildlife Committee", "Комитет лесного хозяйства и животного мира", "Орман шаруашылығы және жануарлар дүниесі комитеті"),
        "fishery": ("Fisheries Committee", "Комитет рыбного хозяйства", "Балық шаруашылығы комитеті"),
        "ombudsman": ("Commissioner for Human Rights", "Уполномоченный по правам человека", "Адам құқықтары жөніндегі уәкіл"),
        "migration": ("Migration Service Committee", "Комитет миграционной службы", "Көші-қон қызметі комитеті"),
        "archive": ("Committee of Archives and Documentation", "Комитет архивов и документации", "Архивтер және құжаттама комитеті"),
    ]
}
