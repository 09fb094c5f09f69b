/// Names in three languages for the bodies gov.kz does not name for us (akimats, maslikhats,
/// regional departments, territorial offices of central agencies), derived from the slug patterns
/// of `../shared/govkz/API.md` §7. Place names are transliterated from the slug, so they are close
/// to, not always exactly, the official spelling; an editor's name can replace them later.
enum SourceNaming {
    typealias Names = (en: String, ru: String, kk: String)

    /// Regional sector departments: `<region>-<sector>` (almobl-densaulyk, aqmola-karzhy …).
    static let sectors: [String: Names] = {
        var table: [String: Names] = [:]
        let groups: [([String], Names)] = [
            (["densaulyk", "health", "dz"], ("Health Department", "Управление здравоохранения", "Денсаулық сақтау басқармасы")),
            (["bilim", "edu", "education", "obrazovanie"], ("Education Department", "Управление образования", "Білім басқармасы")),
            (["karzhy", "finance", "fin", "finansy"], ("Finance Department", "Управление финансов", "Қаржы басқармасы")),
            (["madeniet", "cultura", "culture", "kultura"], ("Culture Department", "Управление культуры", "Мәдениет басқармасы")),
            (["sport", "dene", "tourism", "turizm"], ("Sport and Tourism Department", "Управление физической культуры, спорта и туризма", "Дене шынықтыру, спорт және туризм басқармасы")),
            (["zher", "land", "zher-katynastary"], ("Land Relations Department", "Управление земельных отношений", "Жер қатынастары басқармасы")),
            (["veterinaria", "veterinariya", "vet", "vetcontrol"], ("Veterinary Department", "Управление ветеринарии", "Ветеринария басқармасы")),
            (["kurylys", "stroy", "stroitelstvo", "stroyotdel", "gask"], ("Construction Department", "Управление строительства", "Құрылыс басқармасы")),
            (["agro", "ashm", "auyl", "agroindust", "selhoz", "egin"], ("Agriculture Department", "Управление сельского хозяйства", "Ауыл шаруашылығы басқармасы")),
            (["enbek", "zhumys", "social", "zhumyspen", "hpz"], ("Employment and Social Programmes Department", "Управление занятости и социальных программ", "Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы")),
            (["saulet", "arhitektura", "architecture"], ("Architecture and Urban Planning Department", "Управление архитектуры и градостроительства", "Сәулет және қала құрылысы басқармасы")),
            (["din", "religion"], ("Religious Affairs Department", "Управление по делам религий", "Дін істері басқармасы")),
            (["energy", "energetika", "energo", "kommunal"], ("Energy and Utilities Department", "Управление энергетики и жилищно-коммунального хозяйства", "Энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы")),
            (["tabigat", "tabigi", "ecology", "ekologia"], ("Natural Resources Department", "Управление природных ресурсов", "Табиғи ресурстар басқармасы")),
            (["zhastar", "youth", "sayasat", "ishki", "ivp", "vp"], ("Internal and Youth Policy Department", "Управление внутренней и молодёжной политики", "Ішкі және жастар саясаты басқармасы")),
            (["kasipkerlik", "predprinimatelstvo", "business", "invest"], ("Entrepreneurship Department", "Управление предпринимательства", "Кәсіпкерлік басқармасы")),
            (["digital", "informatization", "cifr", "tsifr"], ("Digitalisation Department", "Управление цифровизации", "Цифрландыру басқармасы")),
            (["mobilization", "mobilizacia", "mob"], ("Mobilisation Department", "Управление мобилизационной подготовки", "Жұмылдыру дайындығы басқармасы")),
            (["transport", "zhol", "roads", "kolik", "pass"], ("Roads and Transport Department", "Управление пассажирского транспорта и автомобильных дорог", "Жолаушылар көлігі және автомобиль жолдары басқармасы")),
            (["goszakup", "zakup", "satyp", "procurement"], ("Public Procurement Department", "Управление государственных закупок", "Мемлекеттік сатып алу басқармасы")),
            (["ojkh", "zhkh", "tkh", "tksh"], ("Housing and Utilities Department", "Отдел жилищно-коммунального хозяйства", "Тұрғын үй-коммуналдық шаруашылық бөлімі")),
            (["ekonomika", "economy", "econ"], ("Economy Department", "Управление экономики", "Экономика басқармасы")),
            (["til", "language", "tilder"], ("Languages Department", "Управление по развитию языков", "Тілдерді дамыту басқармасы")),
            (["stat"], ("Statistics Department", "Департамент статистики", "Статистика департаменті")),
            (["arhiv", "archive"], ("Archives Department", "Управление архивов", "Мұрағат басқармасы")),
            (["uvp", "water", "su"], ("Water Resources Department", "Управление водных ресурсов", "Су ресурстары басқармасы")),
        ]
        for (slugs, names) in groups { for slug in slugs { table[slug] = names } }
        return table
    }()

    /// Words in slugs that say "akimat", "district" or "city" and name no place.
    static let fillerWords: Set<String> = [
        "akimat", "akimdigi", "akimaty", "audany", "audan", "district", "rayon", "raion", "kalasy", "qalasy", "city", "oblysy",
    ]

    /// Central agencies with territorial offices `<agency>-<region>`.
    static let agencyOffices: [String: Names] = [
        "emer": ("Department of Emergency Situations", "Департамент по чрезвычайным ситуациям", "Төтенше жағдайлар департаменті"),
        "mvd": ("Police Department", "Департамент полиции", "Полиция департаменті"),
        "afm": ("Economic Investigations Department", "Департамент экономических расследований", "Экономикалық тергеп-тексеру департаменті"),
        "adilet": ("Department of Justice", "Департамент юстиции", "Әділет департаменті"),
        "anticorruption": ("Anti-Corruption Department", "Департамент по противодействию коррупции", "Сыбайлас жемқорлыққа қарсы іс-қимыл департаменті"),
        "prokuratura": ("Prosecutor's Office", "Прокуратура", "Прокуратура"),
        "dep": ("Statistics Department", "Департамент статистики", "Статистика департаменті"),
        "dkmfk": ("Internal State Audit Department", "Департамент внутреннего государственного аудита", "Ішкі мемлекеттік аудит департаменті"),
        "departament": ("Sanitary and Epidemiological Control Department", "Департамент санитарно-эпидемиологического контроля", "Санитариялық-эпидемиологиялық бақылау департаменті"),
        "control": ("Control Department", "Департамент контроля", "Бақылау департаменті"),
        "enbek": ("Labour Inspection Department", "Департамент по инспекции труда", "Еңбек инспекциясы департаменті"),
        "ombudsman": ("Ombudsman's Representative", "Представитель Уполномоченного по правам человека", "Адам құқықтары жөніндегі уәкілдің өкілі"),
    ]

    /// Names of a body of `kind` whose slug is `slug` in `region`, or nil when the slug tells too little.
    static func names(slug: String, kind: SourceKind, region: String?) -> Names? {
        let parts = slug.split(separator: "-").map(String.init)
        guard let head = parts.first else { return nil }
        let regionNames = region.map { code in
            (en: Region.name(code: code, in: .en) ?? code, ru: Region.name(code: code, in: .ru) ?? code,
             kk: Region.name(code: code, in: .kk) ?? code)
        }
        func located(_ names: Names) -> Names {
            guard let place = regionNames else { return names }
            return ("\(names.en), \(place.en)", "\(names.ru) (\(place.ru))", "\(names.kk) (\(place.kk))")
        }
        if let office = agencyOffices[head], parts.count >= 2, region != nil { return located(office) }
        if kind == .maslikhat {
            let places = parts.map { part in
                part.hasPrefix("maslihat") ? String(part.dropFirst(8)) : part.hasSuffix("maslihat") ? String(part.dropLast(8)) : part
            }.filter { !$0.isEmpty }
            guard let last = places.last, places.count > 1 || (Region.akimatSlugs[last] == nil && Region.slugPrefixes[last] == nil)
            else { return located(("Regional Maslikhat", "Областной маслихат", "Облыстық мәслихат")) }
            let place = Transliteration.names(last)
            return located(("Maslikhat of \(place.en)", "Маслихат: \(place.ru)", "\(place.kk) мәслихаты"))
        }
        if kind == .akimat || kind == .department, region != nil || Region.slugPrefixes[head] != nil {
            var words = parts.filter { !fillerWords.contains($0) }
            // `kostanai-karabalyk-karabalyk`: the district centre's own akimat.
            if words.count >= 2, words[words.count - 1] == words[words.count - 2] { words.removeLast() }
            if let sector = words.lazy.compactMap({ sectors[$0] }).first {
                // `ekibastuz-stroy`: a town's department, not the region's.
                guard Region.slugPrefixes[head] == nil, Region.places[head] != nil else { return located(sector) }
                let town = Transliteration.names(head)
                return located(("\(sector.en), \(town.en)", "\(sector.ru), \(town.ru)", "\(town.kk) \(sector.kk.lowercasedFirst)"))
            }
            let places = Region.slugPrefixes[head] != nil || Region.akimatSlugs[head] != nil ? Array(words.dropFirst()) : words
            guard let district = places.first.map(Transliteration.names) else {
                return ["astana", "almaty", "shymkent"].contains(region ?? "")
                    ? located(("City Akimat", "Акимат города", "Қала әкімдігі"))
                    : located(("Regional Akimat", "Акимат области", "Облыс әкімдігі"))
            }
            guard places.count > 1 else {
                return located(("Akimat of \(district.en)", "Акимат: \(district.ru)", "\(district.kk) әкімдігі"))
            }
            let okrug = Transliteration.names(places.dropFirst().joined(separator: " "))
            return located((
                "Akimat of \(okrug.en), \(district.en)", "Акимат: \(okrug.ru), \(district.ru)",
                "\(okrug.kk) әкімдігі, \(district.kk)"))
        }
        return nil
    }

    /// The body this one reports to, when its slug says so: `kgd-zhetysu` → `kgd`,
    /// `abay-aksuat-kokzhyra` → `abay-aksuat`, `almobl-densaulyk` → `almobl`.
    static func parentSlug(of slug: String, kind: SourceKind) -> String? {
        let parts = slug.split(separator: "-").map(String.init)
        guard parts.count >= 2, let head = parts.first else { return nil }
        switch kind {
        case .embassy, .taxDepartment: return head
        case .department where agencyOffices[head] != nil || Source.agencies[head] != nil: return head
        default:
            if Region.akimatSlugs[head] != nil || Region.slugPrefixes[head] != nil {
                return parts.count >= 3 ? parts.dropLast().joined(separator: "-") : regionalAkimat(of: head)
            }
            return nil
        }
    }

    /// The regional akimat's own slug for a region prefix (`zhetysu` → `zhetysu-oblysy`).
    static func regionalAkimat(of prefix: String) -> String? {
        if Region.akimatSlugs[prefix] != nil { return prefix }
        guard let region = Region.slugPrefixes[prefix] else { return nil }
        return Region.akimatSlugs.first { $0.value == region }?.key
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
