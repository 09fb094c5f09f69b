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
        var unnamed = Source(catalogSlug: "abay-aksuat-ekpin")
        unnamed.names[.ru] = "Аульный округ Екпін"
        #expect(unnamed.displayName(in: .kk) == "Аульный округ Екпін")
        #expect(Source(catalogSlug: "abay-aksuat-ekpin").displayName(in: .ru) == "abay-aksuat-ekpin")
    }

    @Test("parsing ignores comments, blanks and repeats")
    func parse() {
        #expect(SourceCatalog.parse("# comment\nmod\n\nmod\n  kgd  # inline\n").map(\.slug) == ["mod", "kgd"])
    }
}
