import EnbekshiCore
import Testing

@Suite("Source catalog: kind and region from gov.kz slugs")
struct SourceCatalogTests {
    @Test("slugs tell kind and region", arguments: [
        ("kgd-zhetysu", SourceKind.taxDepartment, "zhetysu"), ("kgd-vko", .taxDepartment, "east-kazakhstan"),
        ("kgd-alm", .taxDepartment, "almaty-region"), ("kgd-almaty", .taxDepartment, "almaty"),
        ("mfa-london", .embassy, nil), ("mod", .ministry, nil), ("kgd", .agency, nil),
        ("altay-maslihat", .maslikhat, "east-kazakhstan"), ("maslihat-pavlodar-ekibastuz", .maslikhat, "pavlodar"),
        ("kyzylorda-syrdarya", .akimat, "kyzylorda"), ("mangystau-munaily-basqudyq", .akimat, "mangystau"),
        ("almobl-densaulyk", .department, "almaty-region"), ("kostanay", .akimat, "kostanay"),
        ("emer-vko", .department, "east-kazakhstan"),
        // Slugs of the capital's 2019–2022 name.
        ("nur-sultan-bilim", .department, "astana"), ("enbek-nur-sultan", .department, "astana"),
    ] as [(String, SourceKind, String?)])
    func slugs(_ example: (String, SourceKind, String?)) {
        let source = Source(catalogSlug: example.0)
        #expect(source.kind == example.1)
        #expect(source.region == example.2)
    }

    @Test("names fall back across languages, then to the slug")
    func names() {
        #expect(Source(catalogSlug: "mod").displayName(in: .kk) == "Қорғаныс министрлігі")
        #expect(Source(catalogSlug: "mod").displayName(in: .en) == "Ministry of Defence")
        #expect(Source(catalogSlug: "kgd-zhetysu").displayName(in: .en) == "State Revenue Department, Zhetysu Region")
        #expect(Source(catalogSlug: "kgd-zhambyl").displayName(in: .ru) == "Департамент государственных доходов (Жамбылская область)")
        var edited = Source(catalogSlug: "abay-aksuat-ekpin")
        edited.names = [.ru: "Аульный округ Екпін"]
        #expect(edited.displayName(in: .kk) == "Аульный округ Екпін")
        #expect(Source(catalogSlug: "mti-ktrm").displayName(in: .ru) == "mti-ktrm")
    }

    @Test("bodies gov.kz does not name get names from their slug pattern", arguments: [
        ("abay-aksuat-ekpin", "Akimat of Ekpin, Aksuat, Abai Region", "Акимат: Екпин, Аксуат (область Абай)"),
        ("mangystau-munaily-basqudyq", "Akimat of Basqudyq, Munaily, Mangystau Region", "Акимат: Баскудык, Мунаилы (Мангистауская область)"),
        ("kyzylorda-syrdarya", "Akimat of Syrdarya, Kyzylorda Region", "Акимат: Сырдаря (Кызылординская область)"),
        ("almobl-densaulyk", "Health Department, Almaty Region", "Управление здравоохранения (Алматинская область)"),
        ("altay-maslihat", "Maslikhat of Altay, East Kazakhstan Region", "Маслихат: Алтай (Восточно-Казахстанская область)"),
        ("almobl-maslihat", "Regional Maslikhat, Almaty Region", "Областной маслихат (Алматинская область)"),
        ("emer-vko", "Department of Emergency Situations, East Kazakhstan Region", "Департамент по чрезвычайным ситуациям (Восточно-Казахстанская область)"),
        ("kostanay", "Regional Akimat, Kostanay Region", "Акимат области (Костанайская область)"),
        ("shymkent", "City Akimat, Shymkent", "Акимат города (Шымкент)"),
        ("kostanai-arkalyk-kalasy-akimat", "Akimat of Arkalyk, Kostanay Region", "Акимат: Аркалык (Костанайская область)"),
        ("ekibastuz-stroy", "Construction Department, Ekibastuz, Pavlodar Region", "Управление строительства, Екибастуз (Павлодарская область)"),
    ])
    func derivedNames(_ slug: String, english: String, russian: String) {
        let source = Source(catalogSlug: slug)
        #expect(source.names[.en] == english)
        #expect(source.names[.ru] == russian)
        #expect(source.names[.kk]?.isEmpty == false)
    }

    @Test("every catalog body of a known region has a name")
    func catalogCoverage() throws {
        let sources = try SourceCatalog.bundled()
        let unnamedWithRegion = sources.filter { $0.region != nil && $0.kind != .embassy && $0.names.isEmpty }
        #expect(unnamedWithRegion.map(\.slug) == [])
        #expect(sources.filter { !$0.names.isEmpty }.count >= 1_750)
    }

    @Test("the parent body is told from the slug", arguments: [
        ("kgd-zhetysu", "kgd"), ("mfa-london", "mfa"), ("abay-aksuat-kokzhyra", "abay-aksuat"),
        ("almobl-densaulyk", "almobl"), ("kyzylorda-syrdarya", "kyzylorda"), ("zhetysu-karatal", "zhetysu-oblysy"),
        ("emer-vko", "emer"), ("mod", nil),
    ] as [(String, String?)])
    func parent(_ example: (String, String?)) {
        #expect(Source(catalogSlug: example.0).parentSlug == example.1)
    }

    @Test("parsing ignores comments, blanks and repeats")
    func parse() {
        #expect(SourceCatalog.parse("# comment\nmod\n\nmod\n  kgd  # inline\n").map(\.slug) == ["mod", "kgd"])
    }
}
