import EnbekshiCore
import Harvest
import Testing

@Suite("RecordedFile: the <project>-<id>-<lang>.json convention")
struct RecordedFileTests {
    @Test("project and language come from the name", arguments: [
        ("/tmp/kgd-zhetysu-1127933-ru.json", "kgd-zhetysu", Language.ru),
        ("mangystau-munaily-basqudyq-1128224-kk.json", "mangystau-munaily-basqudyq", .kk),
        ("mod-1-en.json", "mod", .en),
    ])
    func names(_ example: (String, String, Language)) {
        let file = RecordedFile(path: example.0)
        #expect(file.project == example.1)
        #expect(file.language == example.2)
    }

    @Test("flags win over the name; a name that does not follow the convention gives nothing")
    func overrides() {
        #expect(RecordedFile(path: "kgd-1-ru.json", project: "other", language: .kk).project == "other")
        #expect(RecordedFile(path: "kgd-1-ru.json", project: "other", language: .kk).language == .kk)
        #expect(RecordedFile(path: "01_news_list_bare_array.json").project == nil)
        #expect(RecordedFile(path: "page-two-de.json").language == nil)
    }

    @Test("missing project or language, and unreadable files, are named errors")
    func errors() throws {
        #expect(throws: RecordedFile.ReadError.self) { try RecordedFile(path: "01_news_list_bare_array.json").items() }
        #expect(throws: RecordedFile.ReadError.self) {
            try RecordedFile(path: "/nonexistent/mod-1-en.json").items()
        }
        let items = try RecordedFile(path: Fixtures.path("01_news_list_bare_array"), project: "kgd-zhetysu", language: .en).items()
        #expect(items.items.count == 3)
    }
}
