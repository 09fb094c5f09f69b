import EnbekshiCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Publish
import Store
import TestSupport
import Testing

@Suite("JSON API: every answer matches the OpenAPI document")
struct APITests {
    /// Runs `body` against a live site over a store with five articles, one story and topics.
    static func withAPI(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await SiteTests.withSite({ store in
            for index in 1...5 {
                _ = try await store.save(
                    SiteTests.version(index == 3 ? .kk : .ru, title: "Новость \(index) о налогах", published: "2025-12-1\(index)T10:00:00"),
                    for: ArticleKey(project: index == 2 ? "mfa-london" : "kgd-zhetysu", govkzID: "\(index)"))
            }
            try await store.joinStory(articleID: 2, with: 1)
            try await store.saveTopics(
                ArticleTopics(section: .economics, secondary: [.business], sectionScore: 5, sectionReason: "tax body", region: "zhetysu",
                              place: nil, regionReason: "slug"), articleID: 1)
            try await store.relate(1, to: [(id: 4, score: 0.3)])
        }, body)
    }

    static func json(_ client: any TestClientProtocol, _ uri: String) async throws -> (Int, Any) {
        try await client.execute(uri: uri, method: .get) { response in
            (Int(response.status.code), try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)))
        }
    }

    @Test("articles, one article, stories, sources, sections and regions answer as documented")
    func documented() async throws {
        try await Self.withAPI { client in
            let (_, documentObject) = try await Self.json(client, "/api/v1/openapi.json")
            let document = try #require(documentObject as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let validator = try SchemaValidator(document: document)
            // The checker itself catches wrong types, missing and undocumented keys.
            #expect(validator.errors(["items": "x"], against: "ArticleList") != [])
            #expect(validator.errors(["error": "x"], against: "Problem") != [])
            #expect(validator.errors(["error": "x", "message": "y", "extra": 1], against: "Problem") != [])
            #expect(validator.errors(["code": "x", "names": ["en": 1]], against: "Named") != [])
            let cases: [(String, String)] = [
                ("/api/v1/articles", "ArticleList"), ("/api/v1/articles?lang=kk&limit=1", "ArticleList"),
                ("/api/v1/articles?section=economics&region=zhetysu", "ArticleList"), ("/api/v1/articles?q=%D0%BD%D0%B0%D0%BB%D0%BE%D0%B3", "ArticleList"),
                ("/api/v1/articles/1", "ArticleDetail"), ("/api/v1/articles/3", "ArticleDetail"), ("/api/v1/stories/1", "Story"),
                ("/api/v1/sources", "SourceList"), ("/api/v1/sources/kgd-zhetysu", "Source"), ("/api/v1/sections", "NamedList"),
                ("/api/v1/regions", "NamedList"), ("/api/v1/articles?limit=0", "Problem"), ("/api/v1/articles?lang=de", "Problem"),
                ("/api/v1/articles?cursor=%21%21", "Problem"), ("/api/v1/articles?q=%22", "Problem"), ("/api/v1/articles?colour=red", "Problem"),
                ("/api/v1/articles/999", "Problem"), ("/api/v1/stories/999", "Problem"), ("/api/v1/sources/nobody", "Problem"),
            ]
            for (uri, schema) in cases {
                let (status, value) = try await Self.json(client, uri)
                #expect((schema == "Problem") == (status >= 400), "\(uri): \(status)")
                #expect(validator.errors(value, against: schema) == [], "\(uri)")
            }
            let (_, detail) = try await Self.json(client, "/api/v1/articles/1")
            let article = try #require(detail as? [String: Any])
            #expect(article["related"] as? [Int] == [4])
            #expect((article["topics"] as? [String: Any])?["section"] as? String == "economics")
            let versions = try #require(article["versions"] as? [[String: Any]])
            #expect(versions.first?["source_url"] as? String == GovKzURL.newsPage(project: "kgd-zhetysu", id: "1127933", language: .ru))
        }
    }

    @Test("the cursor walks every article once, newest first")
    func cursor() async throws {
        try await Self.withAPI { client in
            var ids: [Int] = []
            var uri = "/api/v1/articles?limit=2"
            for _ in 0..<10 {
                let (_, value) = try await Self.json(client, uri)
                let page = try #require(value as? [String: Any])
                ids += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
                guard let next = page["next_cursor"] as? String else { break }
                uri = "/api/v1/articles?limit=2&cursor=\(next)"
            }
            #expect(ids == [5, 4, 3, 2, 1])
        }
    }
}

/// Checks a JSON value against a schema of an OpenAPI 3.1 document: `$ref`, `oneOf`, `type` (one or
/// several), `properties`, `required`, `additionalProperties`, `items` and `enum` — what the
/// document uses.
struct SchemaValidator {
    let schemas: [String: Any]

    init(document: [String: Any]) throws {
        schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
    }

    func errors(_ value: Any, against name: String) -> [String] {
        errors(value, ["$ref": "#/components/schemas/\(name)"], path: name)
    }

    func errors(_ value: Any, _ schema: [String: Any], path: String) -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let target = schemas[String(ref.split(separator: "/").last ?? "")] as? [String: Any] else { return ["\(path): missing \(ref)"] }
            return errors(value, target, path: path)
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            let passing = choices.filter { errors(value, $0, path: path).isEmpty }.count
            return passing == 1 ? [] : ["\(path): matches \(passing) of oneOf"]
        }
        var problems: [String] = []
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }), !types.contains(where: { Self.isType(value, $0) }) {
            return ["\(path): \(type(of: value)) is not \(types)"]
        }
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            problems.append("\(path): \(text) not in enum")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path).\(key): missing") }
            for (key, child) in object {
                if let propertySchema = properties[key] as? [String: Any] {
                    problems += errors(child, propertySchema, path: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path).\(key): not documented")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    problems += errors(child, extra, path: "\(path).\(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += errors(item, items, path: "\(path)[\(index)]") }
        }
        return problems
    }

    static func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool(value)
        case "integer": return !isBool(value) && (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": return !isBool(value) && value is NSNumber
        default: return false
        }
    }

    /// JSONSerialization gives booleans their own NSNumber subclass (`__NSCFBoolean`).
    static func isBool(_ value: Any) -> Bool {
        value is Bool && String(describing: type(of: value)).contains("Bool")
    }
}
