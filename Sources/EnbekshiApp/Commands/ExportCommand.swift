import ArgumentParser
import EnbekshiCore
import Foundation
import Logging
import Store

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the corpus, one line per language version, as JSON Lines or CSV.",
        discussion: """
            Fields: article_id, project, govkz_id, language, title, published, section, region, source_url, \
            machine_translation (engine, empty for gov.kz's own text), translated_from, flags, text (plain text); \
            JSON Lines also carry body_html, and article_id as a number. Progress goes to standard error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions
    @Option(name: .long, help: "jsonl or csv.") var format: Format = .jsonl
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    static let columns = [
        "article_id", "project", "govkz_id", "language", "title", "published", "section", "region", "source_url",
        "machine_translation", "translated_from", "flags", "text",
    ]

    func run() async throws {
        let logger = logging.bootstrap()
        let store = try await store.open(logger: logger)
        let sink: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil) , let handle = FileHandle(forWritingAtPath: output) else {
                throw ValidationError("cannot write \(output)")
            }
            sink = handle
        } else {
            sink = FileHandle.standardOutput
        }
        var buffer = Data()
        func emit(_ line: String) throws {
            buffer.append(contentsOf: Array(line.utf8))
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                try sink.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if format == .csv { try emit(Self.columns.joined(separator: ",")) }
        var topics: (id: Int64, value: ArticleTopics?)?
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let count = try await VersionWalk.forEach(store, label: "export", logger: logger) { stored in
            if topics?.id != stored.articleID {
                topics = (stored.articleID, try await store.article(id: stored.articleID)?.topics)
            }
            let row = Self.row(stored, topics: topics?.value)
            switch format {
            case .csv: try emit(Self.columns.map { Self.csvField(row[$0] ?? "") }.joined(separator: ","))
            case .jsonl:
                try emit(String(decoding: try encoder.encode(JSONLine(row: row, id: stored.articleID, body: stored.version.bodyHTML)), as: UTF8.self))
            }
        }
        try sink.write(contentsOf: buffer)
        if output != nil { try sink.close() }
        logger.info("export done", metadata: ["versions": "\(count)", "format": "\(format.rawValue)", "output": "\(output ?? "stdout")"])
    }

    static func row(_ stored: StoredVersion, topics: ArticleTopics?) -> [String: String] {
        let version = stored.version
        return [
            "article_id": String(stored.articleID), "project": stored.key.project, "govkz_id": stored.key.govkzID,
            "language": version.language.rawValue, "title": version.title, "published": version.published?.local ?? "",
            "section": topics?.section.slug ?? "", "region": topics?.region ?? "", "source_url": version.sourceURL,
            "machine_translation": version.machineTranslation?.engine ?? "",
            "translated_from": version.machineTranslation?.sourceLanguage.rawValue ?? "",
            "flags": version.flags.map(\.description).joined(separator: "; "), "text": Self.text(version.bodyHTML),
        ]
    }

    /// A JSON Lines record: the CSV columns, with the article id as a number and the body's HTML.
    struct JSONLine: Encodable {
        var row: [String: String]
        var id: Int64
        var body: String

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in row where name != "article_id" { try container.encode(value, forKey: Key(stringValue: name)) }
            try container.encode(id, forKey: Key(stringValue: "article_id"))
            try container.encode(body, forKey: Key(stringValue: "body_html"))
        }
    }

    /// The body's text, a paragraph a line.
    static func text(_ html: String) -> String {
        PlainText.from(html: html).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
