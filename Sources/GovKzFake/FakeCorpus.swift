import Foundation

/// News items the fake gov.kz serves, by project and language, kept as the JSON objects gov.kz
/// would send.
public struct FakeCorpus: FakeNewsContent {
    public struct Item: Sendable {
        public var id: String
        public var createdDate: String
        public var json: Data
    }

    /// project → language code → items, newest first.
    public private(set) var items: [String: [String: [Item]]] = [:]
    /// Projects whose list pages come wrapped in `{"content": [...]}` instead of a bare array.
    public var wrappedProjects: Set<String> = []

    public init() {}

    public var projects: [String] { items.keys.sorted() }
    public var count: Int { items.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } }

    /// Adds one item (a JSON object). Items without an `id` are ignored, as gov.kz would not send them.
    public mutating func add(project: String, language: String, object: [String: Any]) {
        guard let id = object["id"].flatMap(Self.text), !id.isEmpty,
            let json = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else { return }
        let created = object["created_date"].flatMap(Self.text) ?? ""
        var list = items[project, default: [:]][language, default: []]
        list.removeAll { $0.id == id }
        list.append(Item(id: id, createdDate: created, json: json))
        list.sort { ($0.createdDate, Int($0.id) ?? 0) > ($1.createdDate, Int($1.id) ?? 0) }
        items[project, default: [:]][language] = list
    }

    /// Adds every item of a recorded answer: a bare array, `{"content": [...]}`, or one object.
    public mutating func add(project: String, language: String, recorded data: Data) throws {
        let value = try JSONSerialization.jsonObject(with: data)
        if let array = value as? [[String: Any]] {
            for object in array { add(project: project, language: language, object: object) }
        } else if let object = value as? [String: Any] {
            if let inner = object["content"] as? [[String: Any]] {
                for element in inner { add(project: project, language: language, object: element) }
            } else {
                add(project: project, language: language, object: object)
            }
        }
    }

    static func text(_ value: Any) -> String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    /// Without a project, every project's items together (recorded items name no project, so a
    /// harvester cannot tell whose they are, as with a gov.kz that leaves `projects` out).
    public func page(project: String?, language: String, page: Int, size: Int, firstPage: Int) -> [Item] {
        let list = project.map { items[$0]?[language] ?? [] }
            ?? items.values.flatMap { $0[language] ?? [] }.sorted { $0.createdDate > $1.createdDate }
        let index = page - firstPage
        guard index >= 0, size > 0 else { return [] }
        let start = index * size
        guard start < list.count else { return [] }
        return Array(list[start..<min(list.count, start + size)])
    }

    public func item(id: String, language: String) -> Item? {
        for projectItems in items.values {
            if let item = projectItems[language]?.first(where: { $0.id == id }) { return item }
        }
        return nil
    }
}
