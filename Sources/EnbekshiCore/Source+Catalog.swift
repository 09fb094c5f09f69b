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
        } else if Region.akimatSlugs[slug] != nil || (parts.count >= 2 && Region.slugPrefixes[head] != nil
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
        if let english = Self.ministries[slug] ?? Self.agencies[slug] {
            names[.en] = english
        } else if kind == .taxDepartment, let region, let regionName = Region.englishName(code: region) {
            names[.en] = "State Revenue Department, \(regionName)"
        } else if kind == .embassy {
            names[.en] = "Embassy of Kazakhstan (\(parts.dropFirst().joined(separator: " ").capitalized))"
        }
        self.init(slug: slug, kind: kind, region: region, names: names)
    }

    static let departmentSuffixes: Set<String> = [
        "bilim", "densaulyk", "karzhy", "finance", "fin", "madeniet", "sport", "zher", "veterinaria",
        "kurylys", "agro",
    ]

    /// English names of central bodies, from `API.md` §7.
    static let ministries: [String: String] = [
        "mfa": "Ministry of Foreign Affairs", "mod": "Ministry of Defence", "dsm": "Ministry of Health",
        "edu": "Ministry of Enlightenment", "sci": "Ministry of Science and Higher Education",
        "enbek": "Ministry of Labour and Social Protection", "minfin": "Ministry of Finance",
        "economy": "Ministry of National Economy", "mti": "Ministry of Trade and Integration",
        "mdai": "Ministry of Digital Development, Innovation and Aerospace Industry",
        "mps": "Ministry of Industry and Construction", "transport": "Ministry of Transport",
        "energo": "Ministry of Energy", "ecogeo": "Ministry of Ecology and Natural Resources",
        "moa": "Ministry of Agriculture", "adilet": "Ministry of Justice",
        "emer": "Ministry of Emergency Situations", "qriim": "Ministry of Internal Affairs",
        "mam": "Ministry of Culture and Information", "tsm": "Ministry of Tourism and Sport",
        "sport": "Ministry of Tourism and Sport", "water": "Ministry of Water Resources and Irrigation",
    ]

    static let agencies: [String: String] = [
        "kgd": "State Revenue Committee", "krem": "Committee for Regulation of Natural Monopolies",
        "knb": "National Security Committee", "shekaraknb": "Border Service",
        "ardfm": "Agency for Regulation and Development of the Financial Market",
        "afm": "Financial Monitoring Agency", "anticorruption": "Anti-Corruption Agency",
        "prokuror": "Prosecutor General's Office", "stat": "Bureau of National Statistics",
    ]
}
