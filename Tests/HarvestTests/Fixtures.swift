import Foundation
import GovKzFake
import Testing

/// Recorded gov.kz answers beside these tests (copies of `../shared/govkz/fixtures*`).
enum Fixtures {
    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    static func path(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")).path
    }

    /// The recorded answers as the fake gov.kz's corpus: two list pages, one detail, two
    /// degraded items, and one id answered in two languages.
    static func corpus() throws -> FakeCorpus {
        var corpus = FakeCorpus()
        try corpus.add(project: "kgd-zhetysu", language: "en", recorded: data("01_news_list_bare_array"))
        try corpus.add(project: "kyzylorda-syrdarya", language: "en", recorded: data("02_news_list_content_wrapper"))
        corpus.wrappedProjects.insert("kyzylorda-syrdarya")
        try corpus.add(project: "mfa-london", language: "en", recorded: data("03_news_detail"))
        try corpus.add(project: "mod", language: "en", recorded: data("04_news_item_empty_body"))
        try corpus.add(project: "almobl-densaulyk", language: "en", recorded: data("05_news_item_missing_title"))
        try corpus.add(project: "mfa-cairo", language: "kk", recorded: data("06_news_detail_kk"))
        try corpus.add(project: "mfa-cairo", language: "ru", recorded: data("06_news_detail_ru"))
        // One id in two real languages: the Kazakh text is real gov.kz text, the Russian one is written for the test.
        try corpus.add(project: "ardfm", language: "kk", recorded: data("ardfm-article-221276-kk"))
        corpus.add(project: "ardfm", language: "ru", object: [
            "id": 221276, "title": "В Казахстане предлагают ввести единого финансового омбудсмена",
            "body": "<p>Казахстан предлагает создать единую службу финансового омбудсмена для досудебного разрешения споров между потребителями и финансовыми организациями.</p>",
            "created_date": "2025-12-25",
        ])
        return corpus
    }

    /// A project with `count` synthetic items, newest first by id, for paging tests.
    static func syntheticCorpus(project: String = "akimat", count: Int, language: String = "ru") -> FakeCorpus {
        var corpus = FakeCorpus()
        for index in 0..<count {
            let day = 1 + index % 28
            corpus.add(project: project, language: language, object: [
                "id": 5000 + index, "title": "Новость номер \(index)",
                "body": "<p>Текст новости \(index).</p><p>Второй абзац.</p>",
                "created_date": String(format: "2025-%02d-%02dT10:%02d:00.000Z", 1 + index / 28 % 12, day, index % 60),
            ])
        }
        return corpus
    }
}
