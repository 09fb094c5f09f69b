import Store
import Testing

@Suite("StoreFactory: one place chooses the engine from --database")
struct StoreFactoryTests {
    @Test("a path names a SQLite file; a postgres URL names a server", arguments: [
        ("enbekshi.sqlite", StoreFactory.Engine.sqlite(path: "enbekshi.sqlite")),
        ("/var/lib/enbekshi/news.sqlite", .sqlite(path: "/var/lib/enbekshi/news.sqlite")),
        ("postgres://news:secret@127.0.0.1:5432/enbekshi", .postgres(url: "postgres://news:secret@127.0.0.1:5432/enbekshi")),
        ("POSTGRESQL://news@db.internal/enbekshi", .postgres(url: "POSTGRESQL://news@db.internal/enbekshi")),
    ])
    func engines(_ database: String, _ expected: StoreFactory.Engine) throws {
        #expect(try StoreFactory.engine(for: database) == expected)
    }

    @Test("a server URL without a host or database, or an empty value, is refused with a reason",
          arguments: ["postgres://", "postgres:///enbekshi", "postgres://news@127.0.0.1:5432", "postgres://news@127.0.0.1/", ""])
    func refused(_ database: String) {
        #expect(throws: StoreFactory.Failure.self) { try StoreFactory.engine(for: database) }
    }

    @Test("the password never reaches an error message or a log")
    func redaction() {
        #expect(StoreFactory.redacted("postgres://news:secret@127.0.0.1:5432/enbekshi") == "postgres://news:***@127.0.0.1:5432/enbekshi")
        #expect(StoreFactory.redacted("enbekshi.sqlite") == "enbekshi.sqlite")
        do {
            _ = try StoreFactory.engine(for: "postgres://news:secret@127.0.0.1:5432")
            Issue.record("a URL without a database was accepted")
        } catch {
            #expect(!"\(error)".contains("secret"))
            #expect("\(error)".contains("names no database"))
        }
    }
}
